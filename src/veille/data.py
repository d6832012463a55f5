"""Reading the tab-separated data files veille ships (lexicons, ontology tables) and users add."""

from __future__ import annotations

from collections.abc import Iterator
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
