"""The evaluation harness itself: a perfect prediction scores 1.0, known mistakes known scores."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from veille.evaluation import GoldDocument, Report, check, evaluate, fold, raise_floors
from veille.records import (
    Claim,
    DocumentInfo,
    DocumentResult,
    Entity,
    Event,
    Mention,
    Quote,
    Span,
    TextSpan,
    TimeExpression,
    Tone,
)

BODY = (
    "Le président Jean Dupont est arrivé mardi à Genève. « Nous sommes prêts », a dit M. Dupont. "
    "La ministre suisse Anne Leroy a estimé que la Suisse restait neutre. "
    "Le pays compte 9 millions d'habitants."
)
GOLD: dict[str, Any] = {
    "article": "unused.txt",
    "entities": [
        {
            "id": "dupont",
            "name": "Jean Dupont",
            "type": "person",
            "country": "FRA",
            "aliases": ["Jean Dupont", "Dupont"],
        },
        {"id": "leroy", "name": "Anne Leroy", "type": "person", "country": "CHE", "aliases": ["Anne Leroy"]},
        {"id": "geneva", "name": "Geneva", "type": "location", "country": "CHE", "aliases": ["Genève"]},
        {"id": "swiss", "name": "Switzerland", "type": "country", "country": "CHE", "aliases": ["Suisse"]},
    ],
    "events": [
        {
            "codes": ["042"],
            "source": "dupont",
            "target": "swiss",
            "modality": "asserted",
            "date": "2024-11-26",
            "trigger": "est arrivé",
        },
        {
            "codes": ["010"],
            "source": "leroy",
            "target": None,
            "modality": "asserted",
            "date": "2024-11",
            "trigger": "a estimé",
        },
    ],
    "quotes": [
        {"text": "Nous sommes prêts", "speaker": "dupont", "direct": True},
        {"text": "la Suisse restait neutre", "speaker": "leroy", "direct": False},
    ],
    "claims": [{"text": "9 millions d'habitants", "value": 9000000, "unit": "personne", "subject": "swiss"}],
    "times": [{"text": "mardi", "type": "DATE", "value": "2024-11-26"}],
}


def _mention(text: str, occurrence: int = 1) -> Mention:
    start = -1
    for _ in range(occurrence):
        start = BODY.index(text, start + 1)
    return Mention(start, start + len(text), text, "name")


def _quote(text: str, speaker: str | None) -> Quote:
    start = BODY.index(text)
    return Quote(text, start, start + len(text), speaker, None, None, True)


def _event(code: str, source: str | None, target: str | None, date: str) -> Event:
    return Event(
        id=f"{code}-{source}",
        code=code,
        label="",
        root=code[:2],
        quad_class=1,
        goldstein=0.0,
        plover=None,
        source=source,
        target=target,
        date=date,
        date_precision="day",
        modality="asserted",
        location=None,
        trigger=TextSpan(0, 2, "Le"),
        sentence=Span(0, 10),
        confidence=1.0,
        rule="test",
    )


def perfect() -> DocumentResult:
    return DocumentResult(
        document=DocumentInfo(
            id="0" * 16,
            path="x",
            date="2024-11-27",
            date_precision="day",
            language="fr",
            title=None,
            chars=len(BODY),
            status="processed",
        ),
        entities=(
            Entity(
                "per:jean-dupont", "Jean Dupont", "person", (_mention("Jean Dupont"), _mention("Dupont", 2))
            ),
            Entity("per:anne-leroy", "Anne Leroy", "person", (_mention("Anne Leroy"),)),
            Entity("loc:geneve", "Genève", "location", (_mention("Genève"),)),
            Entity("cty:suisse", "Suisse", "country", (_mention("Suisse"),)),
        ),
        events=(
            _event("042", "per:jean-dupont", "cty:suisse", "2024-11-26"),
            _event("010", "per:anne-leroy", None, "2024-11"),
        ),
        quotes=(
            _quote("Nous sommes prêts", "per:jean-dupont"),
            _quote("la Suisse restait neutre", "per:anne-leroy"),
        ),
        claims=(Claim("9 millions", 0, 1, 9_000_000.0, "personne", None, "cty:suisse", None),),
        times=(TimeExpression("mardi", 0, 5, "DATE", "2024-11-26"),),
    )


def score(result: DocumentResult, gold: dict[str, Any] = GOLD) -> Report:
    return evaluate([(GoldDocument("doc", Path("x"), gold), result, BODY)])


def test_a_perfect_prediction_scores_one_everywhere() -> None:
    report = score(perfect())
    for area, s in report.scores.items():
        assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0), area
    assert report.date_accuracy == 1.0
    assert report.errors == []


def test_known_mistakes_give_the_hand_computed_scores() -> None:
    good = perfect()
    result = dataclasses.replace(
        good,
        entities=(
            good.entities[0],
            # Leroy tagged as a place: wrong type, so spurious, and Leroy is missed.
            Entity("loc:anne-leroy", "Anne Leroy", "location", (_mention("Anne Leroy"),)),
            good.entities[2],
            good.entities[3],
            # A second entity for Dupont: spurious.
            Entity("per:dupont", "Dupont", "person", (_mention("Dupont", 2),)),
        ),
        events=(
            _event("042", "per:jean-dupont", "cty:suisse", "2024-11"),  # right event, wrong date
            _event("043", "cty:suisse", "per:jean-dupont", "2024-11"),  # spurious
        ),
        quotes=(
            _quote("Nous sommes prêts", "per:anne-leroy"),  # right span, wrong speaker
            _quote("restait neutre", None),  # 2 of 4 tokens: under the 0.8 overlap
        ),
        claims=(Claim("9", 0, 1, 9.0, None, None, None, None),),  # wrong value and unit
        times=(good.times[0], TimeExpression("demain", 0, 6, "DATE", "2024-11-28")),
    )
    report = score(result)
    s = report.scores
    # Entities: 3 right (Dupont, Geneva, Switzerland), 2 spurious, 1 missed.
    assert (s["entities"].tp, s["entities"].fp, s["entities"].fn) == (3, 2, 1)
    assert s["entities"].precision == pytest.approx(3 / 5)
    assert s["entities"].recall == pytest.approx(3 / 4)
    assert s["entities"].f1 == pytest.approx(2 * 0.6 * 0.75 / 1.35)
    # Events: the visit matches (actors compared at country level), the 043 does not,
    # and Leroy's statement, not predicted, is missed.
    assert (s["events"].tp, s["events"].fp, s["events"].fn) == (1, 1, 1)
    assert report.date_accuracy == 0.0
    # Quotes: one matched, one under the overlap (spurious and missed).
    assert (s["quotes"].tp, s["quotes"].fp, s["quotes"].fn) == (1, 1, 1)
    # Speakers: the matched quote has the wrong speaker; the unmatched one counts against too.
    assert (s["speakers"].tp, s["speakers"].fp, s["speakers"].fn) == (0, 2, 2)
    assert (s["claims"].tp, s["claims"].fp, s["claims"].fn) == (0, 1, 1)
    assert (s["times"].tp, s["times"].fp, s["times"].fn) == (1, 1, 0)
    assert s["times"].precision == 0.5 and s["times"].recall == 1.0
    kinds = {(area, kind) for _, area, kind, _ in report.errors}
    assert ("entities", "fp") in kinds and ("claims", "fn") in kinds


def test_claim_subjects_are_scored_over_matched_claims_with_a_gold_subject() -> None:
    claims = [
        {"text": "9 millions d'habitants", "value": 9000000, "unit": "personne", "subject": "swiss"},
        {"text": "12 %", "value": 12, "unit": "percent", "subject": "geneva"},
        {"text": "3 visites", "value": 3, "unit": "visite", "subject": "dupont"},
        {"text": "40 km", "value": 40, "unit": "km", "subject": "geneva", "optional": True},
        {"text": "5 navires", "value": 5, "unit": "navire", "subject": None},
        {"text": "7 soldats", "value": 7, "unit": "soldat", "subject": "swiss"},
    ]

    def claim(value: float, unit: str, subject: str | None) -> Claim:
        return Claim("x", 0, 1, value, unit, None, subject, None)

    result = dataclasses.replace(
        perfect(),
        claims=(
            claim(9e6, "personne", "cty:suisse"),  # right: the entity matched to the gold subject
            claim(12, "percent", "per:anne-leroy"),  # right: a Swiss actor for a Swiss place
            claim(3, "visite", "per:anne-leroy"),  # wrong: a person is only matched by that person
            claim(40, "km", None),  # optional row: not counted
            claim(5, "navire", "cty:suisse"),  # no gold subject: not counted
            claim(8, "soldat", "cty:suisse"),  # no matching claim (the 7 soldiers are missed)
        ),
    )
    report = score(result, {**GOLD, "claims": claims})
    assert (report.right_subjects, report.subject_claims) == (2, 3)
    assert report.subject_accuracy == pytest.approx(2 / 3)
    assert report.as_dict()["claim_subjects"] == {"accuracy": pytest.approx(2 / 3)}
    assert [what for _, area, _, what in report.errors if area == "claim_subjects"] == [
        "per:anne-leroy for '3 visites' (gold dupont)"
    ]
    assert score(dataclasses.replace(perfect(), claims=())).subject_accuracy == 0.0  # nothing verified


def test_tone_sign_compares_the_sign_of_the_score_with_the_gold_label() -> None:
    def toned(score: float | None) -> DocumentResult:
        tone = None if score is None else Tone(score, max(score, 0.0), max(-score, 0.0), abs(score), 40)
        return dataclasses.replace(perfect(), tone=tone)

    # Neutral is within 0.5 of -1.0 (veille.tone.sign): -0.6 is neutral, -2 negative, 0.2 positive.
    cases = [(0.2, "positive"), (-2.0, "negative"), (-0.6, "neutral"), (-0.6, "positive"), (None, "negative")]
    report = evaluate(
        (GoldDocument(f"d{i}", Path("unused.txt"), {**GOLD, "tone": label}), toned(value), BODY)
        for i, (value, label) in enumerate(cases)
    )
    assert (report.right_tones, report.toned_documents) == (3, 5)
    assert report.as_dict()["tone_sign"] == {"accuracy": pytest.approx(3 / 5)}
    assert [what for _, area, _, what in report.errors if area == "tone_sign"] == [
        "neutral (-0.60) (gold positive)",
        "neutral (none) (gold negative)",
    ]
    assert score(perfect()).tone_sign == 0.0  # no label, nothing verified


def test_optional_rows_are_neither_credited_nor_penalised() -> None:
    gold = {**GOLD, "entities": [*GOLD["entities"][:3], {**GOLD["entities"][3], "optional": True}]}
    report = score(perfect(), gold)
    assert (report.scores["entities"].tp, report.scores["entities"].fp, report.scores["entities"].fn) == (
        3,
        0,
        0,
    )
    without_switzerland = dataclasses.replace(perfect(), entities=perfect().entities[:3])
    assert score(without_switzerland, gold).scores["entities"].fn == 0


def test_events_are_paired_by_a_maximum_matching_not_the_first_free_row() -> None:
    # The first gold row accepts a statement or a criticism; the second only a statement. A
    # statement predicted first must leave the first row to the criticism predicted after it.
    rows = [
        {**GOLD["events"][1], "codes": ["111", "010"], "trigger": "a estimé"},
        {**GOLD["events"][1], "codes": ["010"], "trigger": "a dit"},
        {**GOLD["events"][1], "codes": ["043"], "optional": True},
    ]
    events = (
        _event("010", "per:anne-leroy", None, "2024-11"),
        _event("111", "per:anne-leroy", None, "2024-11"),
        _event("043", "per:anne-leroy", None, "2024-11"),
    )
    report = score(dataclasses.replace(perfect(), events=events), {**GOLD, "events": rows})
    s = report.scores["events"]
    # Both required rows found; the optional one is matched without counting either way.
    assert (s.tp, s.fp, s.fn) == (2, 0, 0)
    # An optional row never takes an event a required row needs.
    rows[2] = {**rows[2], "codes": ["010"]}
    report = score(dataclasses.replace(perfect(), events=events[:2]), {**GOLD, "events": rows})
    assert (report.scores["events"].tp, report.scores["events"].fn) == (2, 0)


def test_names_fold_case_accents_honorifics_and_articles() -> None:
    assert fold("M. Poutine") == fold("poutine")
    assert fold("l'Élysée") == fold("Elysee")
    assert fold("Kassym-Jomart Tokaïev") == "kassym jomart tokaiev"


def test_floors_rise_and_fall_only_with_a_reason() -> None:
    report = score(perfect())
    baseline = {"floors": {"entities": 0.5, "events": 1.0}}
    assert check(report, baseline) == []
    raised = raise_floors(report, baseline)
    assert raised["floors"]["entities"] == 1.0
    worse = score(dataclasses.replace(perfect(), events=()))
    assert check(worse, raised) == [
        "events: 0.000 < floor 1.000",
        "events_recall: 0.000 < floor 1.000",  # (no event predicted: none is wrong)
        "event_dates: 0.000 < floor 1.000",
    ]
    assert raise_floors(worse, raised)["floors"]["events"] == 1.0  # never lowered silently
    lowered = raise_floors(worse, raised, lower_reason="new gold rows")
    assert lowered["floors"]["events"] == 0.0
    assert lowered["lowered"] == [
        {"figure": "events", "from": 1.0, "to": 0.0, "reason": "new gold rows"},
        {"figure": "events_recall", "from": 1.0, "to": 0.0, "reason": "new gold rows"},
        {"figure": "event_dates", "from": 1.0, "to": 0.0, "reason": "new gold rows"},
    ]


@pytest.mark.model
def test_eval_command_prints_the_table_and_guards_the_floors(tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from veille.cli import main

    (tmp_path / "a.txt").write_text("date 2024-11-27\n" + BODY, encoding="utf-8")
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    # A sentence no one says, annotated as a quotation: a miss the verbose listing must show.
    unsaid = {"text": "Le pays compte 9 millions d'habitants", "speaker": "leroy", "direct": False}
    gold = {**GOLD, "article": "../a.txt", "quotes": [*GOLD["quotes"], unsaid]}
    (gold_dir / "a.json").write_text(json.dumps(gold), encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    runner = CliRunner()
    result = runner.invoke(main, ["eval", str(gold_dir), "--verbose", "--update-baseline", str(baseline)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == f"1 document(s) in {gold_dir}"
    assert "entities" in result.stdout and "a\tquotes\tmissed\tLe pays compte" in result.stdout
    floors = json.loads(baseline.read_text(encoding="utf-8"))["floors"]
    assert floors["entities"] > 0.5 and floors["events"] > 0.5 and 0.0 < floors["quotes"] < 1.0
    assert runner.invoke(main, ["eval", str(gold_dir), "--check", str(baseline)]).exit_code == 0
    baseline.write_text(json.dumps({"floors": {**floors, "quotes": 1.0}}), encoding="utf-8")
    failing = runner.invoke(main, ["eval", str(gold_dir), "--check", str(baseline)])
    assert failing.exit_code == 1
    assert f"below floor: quotes: {floors['quotes']:.3f} < floor 1.000" in failing.stderr
    as_json = json.loads(runner.invoke(main, ["eval", str(gold_dir), "--format", "json"]).stdout)
    assert set(as_json) == {
        *("entities", "events", "quotes", "speakers", "claims", "times"),
        *("event_dates", "speaker_accuracy", "claim_subjects", "places", "tone_sign"),
    }


def test_fold_strips_each_french_article_whole() -> None:
    assert fold("les Occidentaux") == fold("Occidentaux") == "occidentaux"
    assert fold("La Haye") == "haye" and fold("l’Otan") == "otan"  # noqa: RUF001
    assert fold("Lesotho") == "lesotho"


def test_a_gold_row_goes_to_the_event_whose_trigger_is_nearest_even_one_left_out() -> None:
    # Two statements by Leroy for one gold row: the one at "a estimé" names the row's act (and
    # has its date), the other, first in the list, is the spurious one.
    at = BODY.index("a estimé")
    elsewhere = _event("010", "per:anne-leroy", None, "2024-10")
    named = dataclasses.replace(
        _event("010", "per:anne-leroy", None, "2024-11"), id="named", trigger=TextSpan(at, at + 8, "a estimé")
    )
    rows = [GOLD["events"][1]]
    report = score(dataclasses.replace(perfect(), events=(elsewhere, named)), {**GOLD, "events": rows})
    s = report.scores["events"]
    assert (s.tp, s.fp, s.fn) == (1, 1, 0)
    assert report.date_accuracy == 1.0
