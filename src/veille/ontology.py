"""The CAMEO event ontology: every code with its label, root, quad class, Goldstein value and
PLOVER type, read from ``veille/ontology/cameo.tsv`` (see ``docs/events.md``)."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from .data import packaged_rows


@dataclass(frozen=True, slots=True)
class EventType:
    code: str
    label: str
    root: str
    quad_class: int
    goldstein: float
    plover: str | None
    plover_mode: str | None
    plover_context: str | None


@functools.cache
def cameo() -> dict[str, EventType]:
    """Every CAMEO event code, by code."""
    types = {}
    for cells in packaged_rows("ontology", "cameo.tsv")[1:]:  # the first line names the columns
        code, label, root, quad, goldstein, plover, mode, context = cells
        types[code] = EventType(
            code, label, root, int(quad), float(goldstein), plover or None, mode or None, context or None
        )
    return types


def event_type(code: str) -> EventType:
    """The ontology entry of ``code``; ``KeyError`` names an unknown code."""
    try:
        return cameo()[code]
    except KeyError:
        raise KeyError(f"unknown CAMEO event code {code!r}") from None
