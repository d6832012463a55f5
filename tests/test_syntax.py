"""Dependency helpers, on hand-made parses (no model): the repairs they make to the parser's errors."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from veille.syntax import logical_subjects


def _parsed(words: list[str], heads: list[int], deps: list[str]) -> Doc:
    return Doc(spacy.blank("fr").vocab, words=words, heads=heads, deps=deps)


def test_a_quotation_the_parser_made_the_subject_of_its_incise_is_not_who_speaks() -> None:
    # « Nous restons alliés », a assuré Tokaïev — parsed with "restons" as the subject of "assuré".
    words = ["«", "Nous", "restons", "alliés", "»", ",", "a", "assuré", "Tokaïev"]
    heads = [2, 2, 7, 2, 2, 7, 7, 7, 7]
    deps = ["punct", "nsubj", "nsubj", "xcomp", "punct", "punct", "aux:tense", "ROOT", "obl:mod"]
    doc = _parsed(words, heads, deps)
    assert logical_subjects(doc[7]) == []
    assert [w.text for w in logical_subjects(doc[2])] == ["Nous"]  # inside, the quotation's own


def test_a_subject_hung_on_the_auxiliary_is_the_verbs() -> None:
    words = ["Le", "Japon", "a", "pour sa part", "condamné", "le", "tir"]
    heads = [1, 2, 4, 4, 4, 6, 4]
    deps = ["det", "nsubj", "aux:tense", "advmod", "ROOT", "det", "obj"]
    assert [w.text for w in logical_subjects(_parsed(words, heads, deps)[4])] == ["Japon"]
