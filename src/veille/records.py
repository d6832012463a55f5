"""Typed records passed between stages: the reader's articles and the output contract.

The contract (``veille.document/1``) is written down in ``docs/contract.md`` and, as a JSON
Schema, in ``veille/schema/document-1.schema.json``. Every record here is a frozen dataclass;
:func:`to_dict` and :func:`from_dict` convert between records and plain JSON values.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from typing import Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

from .errors import where as input_name

SCHEMA = "veille.document/1"

DatePrecision = Literal["year", "month", "day"]
EntityType = Literal["person", "organization", "country", "location", "group"]
MentionKind = Literal["name", "partial", "role", "metonym", "pronoun", "adjective"]
Modality = Literal["asserted", "planned", "hypothetical", "negated", "reported"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
DocumentStatus = Literal["processed", "unsupported_language"]


@dataclass(frozen=True, slots=True)
class Notice:
    """A warning attached to a document: a catalogue code and its message."""

    code: str
    message: str


@dataclass(frozen=True, slots=True)
class Article:
    """One document as read from its source, before any language processing."""

    id: str
    text: str
    path: str
    date: str | None = None
    date_precision: DatePrecision | None = None
    line: int | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None
    external_id: str | None = None
    notices: tuple[Notice, ...] = ()

    @property
    def where(self) -> str:
        """The file, and line for JSON Lines, this article came from."""
        return input_name(self.path, self.line)


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class TextSpan:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    kind: MentionKind


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name: str
    type: EntityType
    mentions: tuple[Mention, ...]
    wikidata: str | None = None
    country: str | None = None
    cameo: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    code: str
    label: str
    root: str
    quad_class: int
    goldstein: float
    plover: str | None
    source: str | None
    target: str | None
    date: str | None
    date_precision: DatePrecision | None
    modality: Modality
    location: str | None
    trigger: TextSpan
    sentence: Span
    confidence: float
    rule: str
    source_text: TextSpan | None = None
    target_text: TextSpan | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    start: int
    end: int
    speaker: str | None
    speaker_text: str | None
    cue: str | None
    direct: bool


@dataclass(frozen=True, slots=True)
class Claim:
    text: str
    start: int
    end: int
    value: float | None
    unit: str | None
    qualifier: str | None
    subject: str | None
    quantity: str | None


@dataclass(frozen=True, slots=True)
class TimeExpression:
    text: str
    start: int
    end: int
    type: TimeType
    value: str


@dataclass(frozen=True, slots=True)
class Place:
    entity: str
    geonames: int | None
    lat: float | None
    lon: float | None
    country: str | None
    feature: str | None
    rule: str | None = None


@dataclass(frozen=True, slots=True)
class SentenceTone:
    """The tone of one sentence of the document, on the same scale as :class:`Tone`."""

    start: int
    end: int
    score: float
    positive: float
    negative: float
    polarity: float
    words: int


@dataclass(frozen=True, slots=True)
class Tone:
    """Document tone on GDELT's scale: score = positive - negative, in percent of words."""

    score: float
    positive: float
    negative: float
    polarity: float
    words: int
    sentences: tuple[SentenceTone, ...] = ()


@dataclass(frozen=True, slots=True)
class Theme:
    theme: str
    count: int
    cues: tuple[TextSpan, ...]


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    id: str
    path: str
    date: str | None
    date_precision: DatePrecision | None
    language: str | None
    title: str | None
    chars: int
    status: DocumentStatus
    line: int | None = None
    url: str | None = None
    source: str | None = None
    external_id: str | None = None
    language_score: float | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentResult:
    """What veille extracted from one document: the unit of the output contract."""

    schema: str = SCHEMA
    document: DocumentInfo
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    places: tuple[Place, ...] = ()
    tone: Tone | None = None
    themes: tuple[Theme, ...] = ()
    warnings: tuple[Notice, ...] = ()


def to_dict(record: Any) -> dict[str, Any]:
    """Turn a record into plain JSON values (tuples become lists), keeping field order."""
    if not dataclasses.is_dataclass(record) or isinstance(record, type):
        raise TypeError(f"not a record: {record!r}")
    return {f.name: _plain(getattr(record, f.name)) for f in dataclasses.fields(record)}


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return to_dict(value)
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


R = TypeVar("R")


def from_dict(cls: type[R], data: dict[str, Any]) -> R:
    """Build a record of type ``cls`` from plain JSON values, recursively; unknown keys are ignored."""
    hints = get_type_hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name in data:
            kwargs[f.name] = _typed(hints[f.name], data[f.name])
    return cls(**kwargs)


def _typed(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        inner = [a for a in get_args(hint) if a is not type(None)]
        return _typed(inner[0], value) if len(inner) == 1 else value
    if origin is tuple:
        return tuple(_typed(get_args(hint)[0], v) for v in value)
    if origin is typing.Literal:
        return value
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return from_dict(hint, value)
    if hint is float and isinstance(value, int):
        return float(value)
    return value
