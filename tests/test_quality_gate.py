"""The quality gate: the development gold corpus scores at or above the pinned floors."""

from __future__ import annotations

import json

import pytest

from veille import evaluation
from veille.readers import Rejection, read

from .conftest import ROOT

GOLD = ROOT / "eval" / "gold"
BASELINE = ROOT / "eval" / "baseline.json"


def test_gold_files_are_well_formed() -> None:
    documents = evaluation.load_gold(GOLD)
    assert len(documents) >= 12
    found = []
    for document in documents:
        (article,) = read([str(document.article)])
        assert not isinstance(article, Rejection), article
        found += evaluation.problems(document, article.text)
    assert found == []


@pytest.mark.model
def test_scores_stay_at_or_above_the_floors() -> None:
    report = evaluation.run(GOLD)
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    assert set(baseline["floors"]) == {
        *evaluation.AREAS,
        "events_precision",
        "events_recall",
        "event_dates",
        "speaker_accuracy",
        "claim_subjects",
        "places",
        "tone_sign",
    }
    assert evaluation.check(report, baseline) == []


def test_the_gold_corpus_scored_against_itself_is_perfect() -> None:
    # The matching rules must credit every annotation when it is its own prediction: this
    # catches ambiguous gold (two entities sharing an alias, quotes not found in the text).
    report = evaluation.run(GOLD, against=GOLD)
    assert report.documents == len(evaluation.load_gold(GOLD))
    assert {area: score.f1 for area, score in report.scores.items()} == dict.fromkeys(evaluation.AREAS, 1.0)
    assert report.date_accuracy == 1.0
    assert report.subject_accuracy == 1.0
    assert report.tone_sign == 1.0
