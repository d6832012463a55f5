"""A readable English brief of one document result: who did what to whom, who said what, which figures.

The brief is for people skimming a document's records (``veille extract --format brief``); the
JSON result stays the complete, machine-readable form. Every line comes from a record: nothing
is summarised or guessed.
"""

from __future__ import annotations

from .ontology import event_type
from .records import Claim, DocumentResult, Entity, Event, Quote

__all__ = ["QUOTE_CHARS", "render_brief"]

# Longest quotation shown whole; longer ones are cut at a word and end with an ellipsis.
QUOTE_CHARS = 120
NONE = "  none"
MISSING = "—"


def render_brief(result: DocumentResult) -> str:
    """The brief of ``result``: a header line, then its events, quotes and figures in text order.

    Events read ``source — label → target, date, modality`` followed by the trigger words; an
    actor is its entity name with its CAMEO actor code (or country), the words naming it in
    quotes when they were not resolved to an entity, or "—" when the event has none. Sections
    without records say "none". The result has no trailing newline.
    """
    entities = {entity.id: entity for entity in result.entities}
    lines = [_header(result)]
    if result.document.title:
        lines.append(f"  {_one_line(result.document.title)}")
    lines.append("Events")
    events = sorted(result.events, key=lambda e: (e.trigger.start, e.id))
    lines.extend(f"  {_event(event, entities)}" for event in events)
    if not events:
        lines.append(NONE)
    lines.append("Quotes")
    quotes = sorted(result.quotes, key=lambda q: q.start)
    lines.extend(f"  {_quote(quote, entities)}" for quote in quotes)
    if not quotes:
        lines.append(NONE)
    lines.append("Figures")
    claims = sorted(result.claims, key=lambda c: c.start)
    lines.extend(f"  {_claim(claim, entities)}" for claim in claims)
    if not claims:
        lines.append(NONE)
    return "\n".join(lines)


def _header(result: DocumentResult) -> str:
    doc = result.document
    where = doc.path if doc.line is None else f"{doc.path}:{doc.line}"
    language = doc.language or "language unknown"
    if doc.status == "unsupported_language":
        language += " (not processed: unsupported language)"
    return f"{where} [{doc.id}], {doc.date or 'undated'}, {language}"


def _actor(entity_id: str | None, words: str | None, entities: dict[str, Entity]) -> str:
    if entity_id is None:
        return f'"{_one_line(words)}"' if words else MISSING
    entity = entities.get(entity_id)
    if entity is None:  # a dangling id: show it rather than hide the actor
        return entity_id
    code = entity.cameo or entity.country
    return f"{entity.name} ({code})" if code else entity.name


def _event(event: Event, entities: dict[str, Entity]) -> str:
    source = _actor(event.source, event.source_text.text if event.source_text else None, entities)
    target = _actor(event.target, event.target_text.text if event.target_text else None, entities)
    label = event.label or _label(event.code)
    line = f"{source} {MISSING} {label} → {target}, {event.date or 'undated'}, {event.modality}"
    trigger = _one_line(event.trigger.text)
    return f'{line} ("{trigger}")' if trigger else line


def _label(code: str) -> str:
    try:
        return event_type(code).label
    except KeyError:
        return f"CAMEO {code}"


def _quote(quote: Quote, entities: dict[str, Entity]) -> str:
    entity = entities.get(quote.speaker) if quote.speaker else None
    who = entity.name if entity else quote.speaker_text or "unattributed"
    kind = "direct" if quote.direct else "indirect"
    return f"{_one_line(who)}: «{_shorten(_one_line(quote.text), QUOTE_CHARS)}», {kind}"


def _claim(claim: Claim, entities: dict[str, Entity]) -> str:
    parts = [f'"{_one_line(claim.text)}"']
    if claim.value is not None:
        amount = _number(claim.value)
        parts.append(f"{amount} {claim.unit}" if claim.unit else amount)
    elif claim.unit:
        parts.append(claim.unit)
    if claim.qualifier:
        parts.append(claim.qualifier)
    if claim.subject is not None:
        subject = entities.get(claim.subject)
        parts.append(f"subject {subject.name if subject else claim.subject}")
    return ", ".join(parts)


def _number(value: float) -> str:
    return str(int(value)) if value.is_integer() else repr(value)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:  # cut at a word unless that throws away half the quotation
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "…"
