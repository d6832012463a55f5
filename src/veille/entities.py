"""Entities: named mentions from the parser's NER, cleaned and grouped into one entity per name.

This is the baseline entity stage: it keeps spaCy's person, organization and location mentions,
drops obvious non-names (quoted passages, multi-line spans, lowercase fragments), takes
honorifics ("M.", "Mme", "le président") off person names, and joins a partial name
("M. Poutine", "Poutine") to the full name it repeats. Linking to a knowledge base, roles,
metonyms and pronouns come in a later stage (issue 4).
"""

from __future__ import annotations

import re
import unicodedata

from spacy.language import Language
from spacy.tokens import Doc, Span

from . import extensions as _extensions  # noqa: F401  (registers doc._.veille_*)
from .records import Entity, EntityType, Mention, MentionKind

LABELS: dict[str, EntityType] = {"PER": "person", "ORG": "organization", "LOC": "location"}
ID_PREFIX: dict[EntityType, str] = {
    "person": "per",
    "organization": "org",
    "country": "cty",
    "location": "loc",
    "group": "grp",
}
HONORIFICS = frozenset({"m.", "mme", "mlle", "mm.", "mmes", "dr", "dr.", "me", "pr", "pr."})
QUOTE_CHARS = "«»“”\"'‘’"  # noqa: RUF001 (the typographic quotes are the point)
MAX_TOKENS = 8


def entity_id(name: str, type_: EntityType) -> str:
    """A stable id for an entity outside the knowledge base: its type and normalized name."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    ascii_name = "".join(ch for ch in folded if not unicodedata.combining(ch))
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")
    return f"{ID_PREFIX[type_]}:{slug}"


@Language.factory("veille_entities", default_config={"labels": LABELS})
def make_entities(nlp: Language, name: str, labels: dict[str, str]) -> EntityRecognizer:
    return EntityRecognizer(labels)


class EntityRecognizer:
    """Writes ``doc._.veille_entities``: a tuple of :class:`~veille.records.Entity`."""

    def __init__(self, labels: dict[str, str]) -> None:
        self.labels = labels

    def __call__(self, doc: Doc) -> Doc:
        found: list[tuple[Span, EntityType, bool]] = []
        for span in doc.ents:
            type_: EntityType | None = self.labels.get(span.label_)  # type: ignore[assignment]
            if type_ is None:
                continue
            span, honorific = _strip_honorific(span) if type_ == "person" else (span, False)
            if _is_name(span):
                found.append((span, type_, honorific))
        canonical = _full_names([s.text for s, t, _ in found if t == "person"])
        grouped: dict[str, tuple[str, EntityType, list[Mention]]] = {}
        for span, type_, honorific in found:
            name = canonical.get(span.text, span.text) if type_ == "person" else span.text
            kind: MentionKind = "partial" if honorific or name != span.text else "name"
            _, _, mentions = grouped.setdefault(entity_id(name, type_), (name, type_, []))
            mentions.append(Mention(span.start_char, span.end_char, span.text, kind))
        doc._.veille_entities = tuple(
            Entity(id=key, name=name, type=type_, mentions=tuple(mentions))
            for key, (name, type_, mentions) in grouped.items()
        )
        return doc


def _full_names(names: list[str]) -> dict[str, str]:
    """Map each person name to the one longer name it ends, if exactly one.

    "Poutine" -> "Vladimir Poutine", unless "Ludmila Poutine" is also named.
    """
    distinct = set(names)
    mapping = {}
    for short in distinct:
        words = short.casefold().split()
        longer = {
            full
            for full in distinct
            if len(full.split()) > len(words) and full.casefold().split()[-len(words) :] == words
        }
        if len(longer) == 1:
            mapping[short] = longer.pop()
    return mapping


def _strip_honorific(span: Span) -> tuple[Span, bool]:
    start = span.start
    while start < span.end - 1 and span.doc[start].lower_ in HONORIFICS:
        start += 1
    stripped = span.doc[start : span.end]
    return stripped, start > span.start


def _is_name(span: Span) -> bool:
    text = span.text
    if not text or "\n" in text or any(ch in text for ch in QUOTE_CHARS if ch not in "'’"):  # noqa: RUF001
        return False
    if len(span) > MAX_TOKENS or not any(tok.is_title or tok.is_upper for tok in span):
        return False
    # A quotation mark opening or closing the span means the NER took a quoted passage.
    return not (text[0] in QUOTE_CHARS or text[-1] in QUOTE_CHARS)
