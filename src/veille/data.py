"""Reading the tab-separated data files veille ships (lexicons, ontology tables) and users add."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from importlib import resources


def data_rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """(line number, tab-separated cells) of each line that is neither blank nor a ``#`` comment."""
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            yield number, line.split("\t")


def packaged_text(*parts: str) -> str:
    """The text of a file shipped in the ``veille`` package, e.g. ``("lexicons", "fr", "roles.tsv")``."""
    return resources.files("veille").joinpath(*parts).read_text(encoding="utf-8")


def packaged_rows(*parts: str) -> list[list[str]]:
    """The cells of each data line of a shipped file (see :func:`data_rows`)."""
    return [cells for _, cells in data_rows(packaged_text(*parts))]


def phrase_pattern(phrase: str) -> str:
    """A regex for a lexicon phrase: a space matches any spaces, an apostrophe both apostrophes."""
    return "".join(r"\s+" if c == " " else "['’]" if c == "'" else re.escape(c) for c in phrase)  # noqa: RUF001


def alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of lexicon phrases (see :func:`phrase_pattern`), longest first."""
    return "(?:" + "|".join(phrase_pattern(p) for p in sorted(phrases, key=len, reverse=True)) + ")"
