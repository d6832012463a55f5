"""How a pattern's matches open: what lets the time grammar try a pattern only where it can match."""

from __future__ import annotations

import re

import pytest

from veille.openings import fold, openings
from veille.times import Anchor, TimeGrammar, default_grammar, load_lexicon

TEXT = (
    "Lundi 3 mars, le ministre est arrivé à 22 h 45 ; mardi matin, LUNDI prochain et l'an dernier,"
    " il y a deux semaines, dans trois jours, le 1er avril 2024, en Septembre, vers 9h30."
)


def test_a_word_alternation_opens_with_its_words_first_letters() -> None:
    assert openings(r"(?<![\w-])(?:lundi|mardi|le)(?![\w-])") == (4, {"lund", "mard", "le"})


def test_a_pattern_that_may_start_inside_a_word_or_match_nothing_scans_the_text() -> None:
    assert openings(r"(?:lundi|mardi)") is None  # no lookbehind refusing a word character before it
    assert openings(r"(?<![\w-])(?:lundi)?") is None  # may match nothing
    assert openings(r"(?<![\w-]).+") is None  # any character: too wide to list


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?<![\w-])(?:lundi|mardi)(?:\s+(?:matin|soir|prochain))?",
        r"(?<![\w-])(?:l'an|il\s+y\s+a|dans)\s+\w+",
        r"(?<![\w-])(?:le\s+)?(?:1er|\d{1,2})\s+(?:mars|avril)(?:\s+\d{4})?",
        r"(?<![\w-])\d{1,2}\s?h\s?\d\d",
    ],
)
def test_every_match_opens_with_one_of_the_openings(pattern: str) -> None:
    found = openings(pattern)
    assert found is not None
    k, heads = found
    matches = list(re.finditer(pattern, TEXT, re.IGNORECASE))
    assert matches  # the text exercises the pattern
    for m in matches:
        assert "".join(map(fold, m.group()[:k])) in heads, m.group()


def test_the_time_grammar_finds_the_same_as_when_every_rule_scans_the_text() -> None:
    scanning = TimeGrammar(load_lexicon())
    scanning.scanned, scanning.dispatched, scanning.openings = list(range(len(scanning.rules))), [], {}
    anchor = Anchor.parse("2025-03-12")
    found = default_grammar().find(TEXT, anchor)
    assert len(found) >= 8  # the text has expressions for many rules
    assert scanning.find(TEXT, anchor) == found
