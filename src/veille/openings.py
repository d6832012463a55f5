"""How the matches of a regular expression open: the first characters any match can start with.

The time grammar has many patterns; trying each at every position of a text is slow. From a
pattern's parse tree (the ``re`` module's own, as Python 3.11 builds it), :func:`openings` lists
the first few characters its matches can start with, so that a pattern is tried only where a
word opens with one of them. A pattern whose openings cannot be told (a class of characters too
wide to list, a match that may be empty, a parse tree of another shape) scans the text as before.
"""

from __future__ import annotations

import importlib
import re
import string
from typing import Any

WORD_CHAR = re.compile(r"\w")
# Characters that, ignoring case, match only what their lowercase matches (not so the Kelvin
# sign U+212A, the dotless i U+0131 or the long s U+017F, which the re module folds to ASCII).
PLAIN_CASE = frozenset(string.ascii_letters + string.digits + "àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ")
OPENING = 4  # characters of a word that tell which rules to try there
MAX_OPENINGS = 50_000


def openings(pattern: str) -> tuple[int, set[str]] | None:
    """How the matches of ``pattern`` (compiled to ignore case) open, so as to try it only
    there: (k, the first k characters of its matches as :func:`fold` gives them, the whole of a
    shorter one), k as large as ``OPENING`` allows. Each match must start a word, after a
    lookbehind that refuses a word character before it ("(?<![\\w-])"). ``None`` when that
    cannot be told from the pattern, or a match may be empty: the pattern then scans the text.
    """
    try:
        parser: Any = importlib.import_module("re._parser")  # the re module's own parse tree
        items = parser.parse(pattern, re.IGNORECASE)
        if not _starts_words(parser, items, False)[0]:
            return None
        for k in range(OPENING, 0, -1):
            heads = _heads(parser, items, k)
            if heads is not None and all(WORD_CHAR.match(head) for head in heads):
                return k, heads
    except (ImportError, AttributeError, TypeError, ValueError, re.error):
        pass  # a parse tree unlike Python 3.11's
    return None


def _starts_words(parser: Any, items: Any, guarded: bool) -> tuple[bool, bool]:
    """(whether each first character ``items`` can match comes after a lookbehind refusing a
    word character, whether ``items`` can match nothing)."""
    for op, av in items:
        if op is parser.ASSERT_NOT and av[0] == -1 and _refuses_word(parser, av[1]):
            guarded = True
        elif op in (parser.ASSERT, parser.ASSERT_NOT, parser.AT):
            continue  # zero width
        elif op in (parser.LITERAL, parser.NOT_LITERAL, parser.IN, parser.ANY):
            return guarded, False
        else:
            if op is parser.SUBPATTERN:
                parts = [_starts_words(parser, av[3], guarded)]
            elif op is parser.BRANCH:
                parts = [_starts_words(parser, branch, guarded) for branch in av[1]]
            elif op in (parser.MAX_REPEAT, parser.MIN_REPEAT, parser.POSSESSIVE_REPEAT):
                inner = _starts_words(parser, av[2], guarded)
                parts = [(inner[0], inner[1] or av[0] == 0)]
            else:
                return False, False
            if not all(ok for ok, _ in parts):
                return False, False
            if not any(empty for _, empty in parts):
                return True, False
    return True, True


def _refuses_word(parser: Any, items: Any) -> bool:
    """Whether a lookbehind's ``items`` are one character class that holds ``\\w``."""
    if len(items) != 1 or items[0][0] is not parser.IN:
        return False
    members = items[0][1]
    return (parser.CATEGORY, parser.CATEGORY_WORD) in members and members[0][0] is not parser.NEGATE


def _heads(parser: Any, items: Any, k: int, after: set[str] | None = None) -> set[str] | None:
    """The first ``k`` characters (:func:`fold`) of ``after`` (by default, nothing) followed by
    what ``items`` match, all of a shorter match; ``None`` for a class of characters too wide to
    list or a character the re module folds otherwise."""
    heads = {""} if after is None else set(after)
    for op, av in items:
        if op in (parser.ASSERT, parser.ASSERT_NOT, parser.AT):
            continue
        ongoing = {head for head in heads if len(head) < k}
        if not ongoing:
            break
        tails: dict[int, set[str] | None] = {}
        heads -= ongoing
        for head in ongoing:
            n = k - len(head)
            if n not in tails:
                tails[n] = _item_heads(parser, op, av, n)
            found = tails[n]
            if found is None:
                return None
            heads.update(head + tail for tail in found)
        if len(heads) > MAX_OPENINGS:
            return None
    return heads


def _item_heads(parser: Any, op: Any, av: Any, k: int) -> set[str] | None:
    if op is parser.SUBPATTERN:
        return _heads(parser, av[3], k)
    if op is parser.BRANCH:
        branches = [_heads(parser, branch, k) for branch in av[1]]
        return None if any(b is None for b in branches) else set().union(*(b for b in branches if b))
    if op in (parser.MAX_REPEAT, parser.MIN_REPEAT, parser.POSSESSIVE_REPEAT):
        low, high, body = av
        found: set[str] = set()
        heads: set[str] | None = {""}
        for count in range(min(high, low + k) + 1):  # more repeats add nothing new within k
            if heads is None:
                return None
            if count >= low:
                found |= heads
            heads = _heads(parser, body, k, heads)
        return found
    if op is parser.LITERAL:
        members = [(op, av)]
    elif op is parser.IN:
        members = av
    else:
        return None  # any character, or any but some
    chars: set[str] = set()
    for kind, value in members:
        if kind is parser.LITERAL:
            chars.add(chr(value))
        elif kind is parser.RANGE and value[1] - value[0] < 100:
            chars.update(map(chr, range(value[0], value[1] + 1)))
        elif kind is parser.CATEGORY and value is parser.CATEGORY_DIGIT:
            chars.update(string.digits)  # other digits are not plain: they try every rule
        elif kind is parser.CATEGORY and value is parser.CATEGORY_SPACE:
            chars.add(" ")
        else:
            return None
    if not all(plain(c) for c in chars):
        return None
    return {fold(c) for c in chars}


def plain(char: str) -> bool:
    """Whether ``char``, ignoring case, matches only what its :func:`fold` matches."""
    return (
        char in PLAIN_CASE or char.isspace() or (not char.isalnum() and char.lower() == char == char.upper())
    )


def fold(char: str) -> str:
    """A character as rules are looked up by: lowercase, any space a space."""
    return " " if char.isspace() else char.lower()
