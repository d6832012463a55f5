"""Adverbial phrases between an auxiliary and its participle, joined before the parser reads them."""

from __future__ import annotations

import pytest
import spacy

from veille.locutions import join_locutions, locution_pattern
from veille.pipeline import load_nlp
from veille.settings import Settings
from veille.syntax import logical_objects, logical_subjects


def test_a_phrase_after_an_auxiliary_becomes_one_token_and_the_text_is_unchanged() -> None:
    text = "Oslo a pour sa part salué l'accord, et Rome, de son côté, se tait."
    doc = join_locutions(spacy.blank("fr")(text))
    assert [t.text for t in doc][:5] == ["Oslo", "a", "pour sa part", "salué", "l'"]
    assert doc[2].idx == text.index("pour sa part")
    assert "de son côté" not in [t.text for t in doc]  # not after an auxiliary: left as words
    assert doc.text == text


def test_phrases_match_whole_words_in_any_case_and_either_apostrophe() -> None:
    text = "Kiev a D’ores et déjà répondu ; Oslo a En Revanche refusé ; Rome a en revanchez dit."  # noqa: RUF001
    joined = [t.text for t in join_locutions(spacy.blank("fr")(text)) if " " in t.text]
    assert joined == ["D’ores et déjà", "En Revanche"]  # noqa: RUF001
    pattern = locution_pattern()
    assert pattern is not None and not pattern.match("revanche")


@pytest.mark.model
def test_the_participle_keeps_its_subject_and_object_across_the_phrase() -> None:
    settings = Settings()
    nlp = load_nlp(settings.model, settings.kb_paths, settings.event_lexicons)
    doc = nlp("Le Japon a pour sa part condamné le tir de missiles.")
    verb = next(t for t in doc if t.text == "condamné")
    phrase = next(t for t in doc if t.text == "pour sa part")
    assert [w.text for w in logical_subjects(verb)] == ["Japon"]  # hung on "a" by the parser
    assert [w.text for w in logical_objects(verb)] == ["tir"]
    assert (phrase.pos_, phrase.dep_, phrase.head.i) == ("ADV", "advmod", verb.i)
