"""Scoring extraction against the hand-annotated gold corpus (``veille eval``).

The gold format and the annotation rules are in ``docs/annotation.md``; the matching rules are
in ``docs/evaluation.md``. Scores are pooled over documents: true positives, false positives
and misses are summed per area before precision, recall and F1 are computed.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .records import (
    Article,
    Claim,
    DocumentResult,
    Entity,
    Event,
    Mention,
    Quote,
    Span,
    TextSpan,
    TimeExpression,
    Tone,
)
from .settings import Settings

NAMING_KINDS = frozenset({"name", "partial"})
UNNAMED_KINDS = frozenset({"adjective", "pronoun"})
AREAS = ("entities", "events", "quotes", "speakers", "claims", "times")
QUOTE_OVERLAP = 0.8
COMPATIBLE_TYPES = ({"person"}, {"organization", "group"}, {"country", "location"})
_HONORIFIC = re.compile(r"^(m|mme|mlle|mm|mmes|dr|pr|me)\.?\s+", re.IGNORECASE)
_ARTICLE = re.compile(r"^(?:(?:les|le|la)\s+|l['’]\s*)", re.IGNORECASE)  # noqa: RUF001


@dataclass
class Score:
    """Counts of one area; precision, recall and F1 derive from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn


@dataclass
class Report:
    """Pooled scores, event-date accuracy and, for ``--verbose``, every miss and spurious record."""

    scores: dict[str, Score] = field(default_factory=lambda: {area: Score() for area in AREAS})
    dated_events: int = 0
    right_dates: int = 0
    matched_quotes: int = 0
    subject_claims: int = 0  # matched claims whose gold row has a subject
    right_subjects: int = 0
    geocoded_places: int = 0  # matched gold places with a GeoNames id
    right_places: int = 0
    toned_documents: int = 0  # documents whose gold file has a tone label
    right_tones: int = 0
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)  # doc, area, kind, what
    documents: int = 0

    @property
    def date_accuracy(self) -> float:
        # Nothing matched means nothing verified: 0, so that the gate's floor starts at 0.
        return self.right_dates / self.dated_events if self.dated_events else 0.0

    @property
    def speaker_accuracy(self) -> float:
        """Right speakers over matched quotes (0 when no quote is matched)."""
        return self.scores["speakers"].tp / self.matched_quotes if self.matched_quotes else 0.0

    @property
    def subject_accuracy(self) -> float:
        """Right subjects over matched claims whose gold row has a subject (0 when there is none)."""
        return self.right_subjects / self.subject_claims if self.subject_claims else 0.0

    @property
    def place_accuracy(self) -> float:
        """Matched gold places whose predicted place has their GeoNames id (0 when there is none)."""
        return self.right_places / self.geocoded_places if self.geocoded_places else 0.0

    @property
    def tone_sign(self) -> float:
        """Documents whose predicted tone sign is the gold label, over labelled documents."""
        return self.right_tones / self.toned_documents if self.toned_documents else 0.0

    def as_dict(self) -> dict[str, dict[str, float]]:
        table = {
            area: {"precision": s.precision, "recall": s.recall, "f1": s.f1}
            for area, s in self.scores.items()
        }
        table["event_dates"] = {"accuracy": self.date_accuracy}
        table["speaker_accuracy"] = {"accuracy": self.speaker_accuracy}
        table["claim_subjects"] = {"accuracy": self.subject_accuracy}
        table["places"] = {"accuracy": self.place_accuracy}
        table["tone_sign"] = {"accuracy": self.tone_sign}
        return table


@dataclass(frozen=True)
class GoldDocument:
    name: str
    article: Path
    data: dict[str, Any]

    def rows(self, area: str) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = self.data.get(area, [])
        return rows


def load_gold(directory: str | Path) -> list[GoldDocument]:
    """Every ``*.json`` gold file of ``directory``, with its article path resolved."""
    documents = []
    for path in sorted(Path(directory).glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        documents.append(GoldDocument(path.stem, (path.parent / data["article"]).resolve(), data))
    return documents


ENTITY_TYPES = ("person", "organization", "country", "location", "group")
TONES = ("positive", "negative", "neutral")
MODALITIES = ("asserted", "planned", "hypothetical", "negated", "reported")


def problems(document: GoldDocument, body: str) -> list[str]:
    """What is wrong with a gold file: texts not in the article, unknown ids, bad values."""
    found = []
    ids = {row["id"] for row in document.rows("entities")}
    for row in document.rows("entities"):
        if row["type"] not in ENTITY_TYPES:
            found.append(f"entity {row['id']}: type {row['type']!r}")
        found += [
            f"entity {row['id']}: alias {a!r} not in the text"
            for a in row.get("aliases", [])
            if a not in body
        ]
    for area, refs, text_key in (
        ("events", ("source", "target"), "trigger"),
        ("quotes", ("speaker",), "text"),
        ("claims", ("subject",), "text"),
        ("times", (), "text"),
    ):
        for row in document.rows(area):
            if row.get(text_key) and row[text_key] not in body:
                found.append(f"{area}: {text_key} {row[text_key]!r} not in the text")
            found += [
                f"{area}: {ref} {row[ref]!r} is no entity"
                for ref in refs
                if row.get(ref) and row[ref] not in ids
            ]
    if "tone" in document.data and document.data["tone"] not in TONES:
        found.append(f"tone {document.data['tone']!r}")
    found += [
        f"events: modality {row.get('modality')!r}"
        for row in document.rows("events")
        if row.get("modality") not in MODALITIES
    ]
    return [f"{document.name}: {problem}" for problem in found]


def run(directory: str | Path, settings: Settings | None = None, against: str | Path | None = None) -> Report:
    """Score the pipeline on every gold article of ``directory``.

    With ``against``, score the annotations of that directory (same file names) instead of the
    pipeline: the agreement of a second annotator, under the same matching rules.
    """
    from .pipeline import Pipeline

    gold = load_gold(directory)
    others = {document.name: document for document in load_gold(against)} if against else {}
    if against:
        gold = [document for document in gold if document.name in others]
    articles = [_article(document, settings) for document in gold]
    results: Iterable[DocumentResult]
    if against:
        results = [as_result(others[g.name], a) for g, a in zip(gold, articles, strict=True)]
    else:
        results = Pipeline(settings).process(articles)
    return evaluate((g, r, a.text) for g, r, a in zip(gold, results, articles, strict=True))


def _article(document: GoldDocument, settings: Settings | None) -> Article:
    from .errors import InputError
    from .readers import Rejection, read

    items = list(read([str(document.article)], settings))
    if len(items) != 1 or isinstance(items[0], Rejection):
        reason = items[0].message if items and isinstance(items[0], Rejection) else "not one article"
        raise InputError("E111", path=str(document.article), reason=reason)
    return items[0]


def as_result(document: GoldDocument, article: Article) -> DocumentResult:
    """A gold annotation turned into a document result, to score one annotator against another."""
    from .contract import document_info

    body = article.text
    entities = []
    for row in document.rows("entities"):
        mentions = []
        for alias in row.get("aliases", []):
            start = body.find(alias)
            while start >= 0:
                mentions.append(Mention(start, start + len(alias), alias, "name"))
                start = body.find(alias, start + 1)
        entities.append(
            Entity(row["id"], row["name"], row["type"], tuple(mentions), country=row.get("country"))
        )
    events = []
    for n, row in enumerate(document.rows("events")):
        code = row["codes"][0]
        trigger = _span_of(body, row.get("trigger") or "", 1) or (0, 0)
        events.append(
            Event(
                id=f"e{n}",
                code=code,
                label="",
                root=code[:2],
                quad_class=1,
                goldstein=0.0,
                plover=None,
                source=row.get("source"),
                target=row.get("target"),
                date=row.get("date"),
                date_precision=None,
                modality=row.get("modality", "asserted"),
                location=None,
                trigger=TextSpan(*trigger, body[trigger[0] : trigger[1]]),
                sentence=Span(*trigger),
                confidence=1.0,
                rule="annotation",
            )
        )
    quotes = []
    for row in document.rows("quotes"):
        span = _span_of(body, row["text"], row.get("occurrence", 1))
        if span:
            quotes.append(Quote(row["text"], *span, row.get("speaker"), None, None, bool(row.get("direct"))))
    claims = tuple(
        Claim(r["text"], 0, 0, float(r["value"]), r.get("unit"), None, r.get("subject"), None)
        for r in document.rows("claims")
    )
    times = tuple(TimeExpression(r["text"], 0, 0, r["type"], r["value"]) for r in document.rows("times"))
    return DocumentResult(
        document=document_info(article, "fr", None, "processed"),
        entities=tuple(entities),
        events=tuple(events),
        quotes=tuple(quotes),
        claims=claims,
        times=times,
        tone=_labelled_tone(document.data.get("tone")),
    )


def _labelled_tone(label: str | None) -> Tone | None:
    """A tone whose sign (veille.tone.sign) is an annotator's label, to score their agreement."""
    from .tone import NEUTRAL_BAND, NEUTRAL_POINT

    if label not in TONES:
        return None
    score = NEUTRAL_POINT + {"positive": 2, "negative": -2, "neutral": 0}[label] * NEUTRAL_BAND
    return Tone(score, max(score, 0.0), max(-score, 0.0), abs(score), 0)


def fold(text: str) -> str:
    """Compare names ignoring case, accents, honorifics, a leading article and punctuation."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _ARTICLE.sub("", _HONORIFIC.sub("", text.strip()))
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def _compatible(a: str, b: str) -> bool:
    return any(a in group and b in group for group in COMPATIBLE_TYPES)


def match_entities(predicted: Sequence[Entity], gold: Sequence[dict[str, Any]]) -> dict[str, str]:
    """Map predicted entity ids to gold entity ids.

    A predicted entity matches a gold entity when its name or one of the mentions that name it
    (kinds ``name`` and ``partial``) is one of the gold names (name or alias, compared with
    :func:`fold`) and their types are compatible. Each gold entity takes at most one predicted
    entity: the one with most mentions carrying its names.
    """
    names = _gold_names(gold)
    types = {row["id"]: row["type"] for row in gold}
    candidates: list[tuple[int, str, str]] = []
    for entity in predicted:
        forms = [fold(m.text) for m in entity.mentions if m.kind in NAMING_KINDS]
        for gold_id, gold_names in names.items():
            hits = sum(form in gold_names for form in forms) + (fold(entity.name) in gold_names)
            if hits and _compatible(entity.type, types[gold_id]):
                candidates.append((hits, entity.id, gold_id))
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for _, entity_id, gold_id in sorted(candidates, key=lambda c: -c[0]):
        if entity_id not in mapping and gold_id not in taken:
            mapping[entity_id] = gold_id
            taken.add(gold_id)
    return mapping


def metonym_credits(
    predicted: Sequence[Entity], gold: Sequence[dict[str, Any]], matched: Iterable[str]
) -> set[str]:
    """Gold places left unmatched but present as metonym mentions of their own country's actor.

    "Moscou a dénoncé" may be output as a metonym mention of Russia rather than as the city:
    the gold city is then found, and counted so.
    """
    names = _gold_names(gold)
    taken = set(matched)
    credited = set()
    for row in gold:
        if row["id"] in taken or row["type"] != "location":
            continue
        for entity in predicted:
            metonyms = {fold(m.text) for m in entity.mentions if m.kind == "metonym"}
            if metonyms & names[row["id"]] and entity.country in {row.get("country"), None}:
                credited.add(row["id"])
                break
    return credited


def _never_named_apart_from_gold(entity: Entity, gold_names: dict[str, set[str]]) -> bool:
    """Whether no mention of ``entity`` names it except as a metonym naming some gold entity
    ("Moscou"): its mentions are such metonyms, adjectives and pronouns."""
    known = set().union(*gold_names.values()) if gold_names else set()
    return bool(entity.mentions) and all(
        m.kind in UNNAMED_KINDS or (m.kind == "metonym" and fold(m.text) in known) for m in entity.mentions
    )


def _gold_names(gold: Sequence[dict[str, Any]]) -> dict[str, set[str]]:
    return {row["id"]: {fold(row["name"]), *(fold(a) for a in row.get("aliases", []))} for row in gold}


def _tokens(start: int, end: int, text: str) -> set[int]:
    """Positions of the word tokens of ``text[start:end]`` (by their start offsets)."""
    return {start + m.start() for m in re.finditer(r"\w+", text[start:end])}


def _span_of(body: str, text: str, occurrence: int = 1) -> tuple[int, int] | None:
    start = -1
    for _ in range(occurrence):
        start = body.find(text, start + 1)
        if start < 0:
            return None
    return start, start + len(text)


def evaluate(documents: Iterable[tuple[GoldDocument, DocumentResult, str]]) -> Report:
    """Score each (gold, prediction, body) triple and pool the counts."""
    report = Report()
    for gold, result, body in documents:
        report.documents += 1
        _score_document(gold, result, body, report)
    return report


def _score_document(gold: GoldDocument, result: DocumentResult, body: str, report: Report) -> None:
    name = gold.name
    optional = {area: [r for r in gold.rows(area) if r.get("optional")] for area in AREAS}
    required = {area: [r for r in gold.rows(area) if not r.get("optional")] for area in AREAS}
    all_entities = gold.rows("entities")
    mapping = match_entities(result.entities, all_entities)
    gold_country = {row["id"]: row.get("country") or row["id"] for row in all_entities}
    predicted_country = {
        e.id: gold_country.get(mapping.get(e.id, ""), e.country or e.id) for e in result.entities
    }

    def note(area: str, kind: str, what: str) -> None:
        report.errors.append((name, area, kind, what))

    # Entities
    required_ids = {row["id"] for row in required["entities"]}
    optional_ids = {row["id"] for row in optional["entities"]}
    score = report.scores["entities"]
    gold_names = _gold_names(all_entities)
    for entity in result.entities:
        gold_id = mapping.get(entity.id)
        if gold_id in required_ids:
            score.tp += 1
        elif gold_id in optional_ids or _matches_optional(entity, optional["entities"]):
            continue
        elif _never_named_apart_from_gold(entity, gold_names):
            # The actor a gold place stands for (counted through metonym_credits), or an event's
            # actor the text never names ("l'offensive russe"): not an entity to find.
            continue
        else:
            score.fp += 1
            note("entities", "fp", f"{entity.name} ({entity.type}) [{entity.id}]")
    credited = metonym_credits(result.entities, all_entities, mapping.values())
    score.tp += len(credited & required_ids)
    for row in required["entities"]:
        if row["id"] not in mapping.values() and row["id"] not in credited:
            score.fn += 1
            note("entities", "fn", f"{row['name']} ({row['type']})")
    _score_places(result, all_entities, mapping, report, note)

    # Events: code, and source and target at the level of the actor's country.
    gold_events = [
        (
            row,
            [
                (c, _country(row.get("source"), gold_country), _country(row.get("target"), gold_country))
                for c in row["codes"]
            ],
        )
        for row in gold.rows("events")
    ]
    score = report.scores["events"]
    keys = [
        (event.code, predicted_country.get(event.source or ""), predicted_country.get(event.target or ""))
        for event in result.events
    ]
    pairs = _pair_events(
        [
            _distances(
                event,
                [i for i, (_, gold_keys) in enumerate(gold_events) if key in gold_keys],
                gold_events,
                body,
            )
            for event, key in zip(result.events, keys, strict=True)
        ],
        [bool(row.get("optional")) for row, _ in gold_events],
    )
    used = set(pairs.values())
    for n, (event, key) in enumerate(zip(result.events, keys, strict=True)):
        if n not in pairs:
            score.fp += 1
            note(
                "events", "fp", f"{event.code} {key[1]} -> {key[2]} '{event.trigger.text}' [{event.modality}]"
            )
            continue
        row = gold_events[pairs[n]][0]
        if row.get("optional"):
            continue
        score.tp += 1
        if row.get("date"):
            report.dated_events += 1
            report.right_dates += event.date == row["date"]
    for i, (row, _) in enumerate(gold_events):
        if i not in used and not row.get("optional"):
            score.fn += 1
            note(
                "events",
                "fn",
                f"{'/'.join(row['codes'])} {_country(row.get('source'), gold_country)} -> "
                f"{_country(row.get('target'), gold_country)} '{row.get('trigger')}' [{row.get('modality')}]",
            )

    # Quotes (span overlap) and speakers (the matched quote's speaker).
    gold_quotes = []
    for row in gold.rows("quotes"):
        span = _span_of(body, row["text"], row.get("occurrence", 1))
        if span is not None:
            gold_quotes.append((row, _tokens(*span, body)))
    used = set()
    quotes, speakers = report.scores["quotes"], report.scores["speakers"]
    institutions = {row["id"] for row in all_entities if row.get("type") != "person"}
    for quote in result.quotes:
        tokens = _tokens(quote.start, quote.end, body)
        hit = None
        for i, (_, gold_tokens) in enumerate(gold_quotes):
            overlap = len(tokens & gold_tokens) / max(len(tokens), len(gold_tokens), 1)
            if i not in used and overlap >= QUOTE_OVERLAP:
                hit = i
                break
        if hit is None:
            quotes.fp += 1
            speakers.fp += 1
            note("quotes", "fp", quote.text[:80])
            continue
        used.add(hit)
        row = gold_quotes[hit][0]
        if row.get("optional"):
            continue
        quotes.tp += 1
        report.matched_quotes += 1
        right = _same_actor(
            quote.speaker, row.get("speaker"), mapping, institutions, predicted_country, gold_country
        )
        if right or (quote.speaker is None and row.get("speaker") is None):
            speakers.tp += 1
        else:
            speakers.fp += 1
            speakers.fn += 1
            note("speakers", "fp", f"{quote.speaker} for '{row['text'][:60]}' (gold {row.get('speaker')})")
    for i, (row, _) in enumerate(gold_quotes):
        if i not in used and not row.get("optional"):
            quotes.fn += 1
            speakers.fn += 1
            note("quotes", "fn", row["text"][:80])

    # Tone: the sign of the document's score (veille.tone.sign) against the gold label.
    if gold.data.get("tone") in TONES:
        from .tone import sign

        report.toned_documents += 1
        predicted = sign(result.tone.score) if result.tone else "neutral"
        if predicted == gold.data["tone"]:
            report.right_tones += 1
        else:
            score_text = f"{result.tone.score:.2f}" if result.tone else "none"
            note("tone_sign", "fp", f"{predicted} ({score_text}) (gold {gold.data['tone']})")

    # Claims by value and unit, then the subjects of the matched ones; times by value
    # (multisets per document).
    matched = _score_multiset(
        report,
        "claims",
        [(c.value, c.unit) for c in result.claims],
        [((r["value"], r["unit"]), r) for r in gold.rows("claims")],
        note,
    )
    for i, row in matched:
        if row.get("optional") or row.get("subject") is None:
            continue
        claim = result.claims[i]
        report.subject_claims += 1
        if _same_actor(claim.subject, row["subject"], mapping, institutions, predicted_country, gold_country):
            report.right_subjects += 1
        else:
            note("claim_subjects", "fp", f"{claim.subject} for {row.get('text')!r} (gold {row['subject']})")
    _score_multiset(
        report,
        "times",
        [(t.value,) for t in result.times],
        [((r["value"],), r) for r in gold.rows("times")],
        note,
    )


def _score_places(
    result: DocumentResult,
    gold: Sequence[dict[str, Any]],
    mapping: dict[str, str],
    report: Report,
    note: Any,
) -> None:
    """Each matched gold place with a ``geonames`` id: right when its entity's place has that id."""
    expected = {row["id"]: row["geonames"] for row in gold if row.get("geonames") is not None}
    places = {p.entity: p.geonames for p in result.places}
    for entity in result.entities:
        gold_id = mapping.get(entity.id, "")
        if gold_id not in expected:
            continue
        report.geocoded_places += 1
        if places.get(entity.id) == expected[gold_id]:
            report.right_places += 1
        else:
            note("places", "fp", f"{entity.name}: {places.get(entity.id)} (gold {expected[gold_id]})")


def _distances(
    event: Event, candidates: list[int], gold_events: list[tuple[dict[str, Any], Any]], body: str
) -> dict[int, int]:
    """The gold rows an event may match, nearest trigger first, each with its distance in
    characters from the event's trigger."""

    def distance(i: int) -> int:
        trigger = gold_events[i][0].get("trigger") or ""
        at = body.find(trigger) if trigger else -1
        return abs(at - event.trigger.start) if at >= 0 else len(body)

    return dict(sorted(((i, distance(i)) for i in candidates), key=lambda pair: pair[1]))


def _pair_events(candidates: list[dict[int, int]], optional: list[bool]) -> dict[int, int]:
    """Pair predicted events with gold rows (predicted index -> gold index): as many required
    rows as possible, then as many optional ones, then the nearest triggers.

    Taking the first free gold row with an equal key is not enough for events: a row may accept
    several codes ("111/010"), so a greedy choice can take the row another event alone could have
    matched. So: a maximum matching over the required rows, extended to all rows (augmenting
    paths never unmatch a row, so an optional row never costs a true positive), then pairs are
    exchanged, and a row passed from a paired event to one left out, while that brings triggers
    nearer (each gold row's date is then compared with the event that names the same act, where
    the keys allow).
    """
    owner: dict[int, int] = {}

    def augment(n: int, usable: Callable[[int], bool], seen: set[int]) -> bool:
        rows = [i for i in candidates[n] if usable(i) and i not in seen]
        free = [i for i in rows if i not in owner]  # the nearest free row before moving another
        seen.update(rows)
        for i in free or rows:
            if i not in owner or augment(owner[i], usable, seen):
                owner[i] = n
                return True
        return False

    for usable in (lambda i: not optional[i], lambda i: True):
        for n in range(len(candidates)):
            if n not in owner.values():
                augment(n, usable, set())
    pairs = {n: i for i, n in owner.items()}
    moved = True
    while moved:
        moved = False
        for n, i in pairs.items():
            here = candidates[n][i]
            for m, j in pairs.items():
                if (
                    j in candidates[n]
                    and i in candidates[m]
                    and (candidates[n][j] + candidates[m][i] < here + candidates[m][j])
                ):
                    pairs[n], pairs[m], moved = j, i, True
                    break
            else:
                free = set(candidates[n]) - set(pairs.values())
                nearer = [j for j in free if optional[j] == optional[i] and candidates[n][j] < here]
                if nearer:
                    pairs[n], moved = min(nearer, key=candidates[n].__getitem__), True
            if moved:
                break
        if not moved:
            # An event left out takes a row from a paired one whose trigger is farther from it.
            for u in (u for u in range(len(candidates)) if u not in pairs):
                for m, i in pairs.items():
                    if i in candidates[u] and candidates[u][i] < candidates[m][i]:
                        del pairs[m]
                        pairs[u], moved = i, True
                        break
                if moved:
                    break
    return pairs


def _same_actor(
    predicted: str | None,
    gold_id: str | None,
    mapping: dict[str, str],
    institutions: set[str],
    predicted_country: dict[str, str],
    gold_country: dict[str, str],
) -> bool:
    """Whether the predicted entity ``predicted`` is the gold actor ``gold_id``: the entity it
    matched, or, when the gold actor is an institution (not a person), any entity of its country
    (docs/annotation.md: "le ministère chinois du Commerce" given as China)."""
    if predicted is None:
        return False
    return mapping.get(predicted) == gold_id or (
        gold_id in institutions and predicted_country.get(predicted) == gold_country.get(gold_id)
    )


def _country(gold_id: str | None, countries: dict[str, str]) -> str | None:
    return None if gold_id is None else countries.get(gold_id, gold_id)


def _matches_optional(entity: Entity, rows: list[dict[str, Any]]) -> bool:
    forms = {fold(entity.name), *(fold(m.text) for m in entity.mentions)}
    return any(forms & {fold(r["name"]), *(fold(a) for a in r.get("aliases", []))} for r in rows)


def _same(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    if len(a) != len(b):
        return False
    for x, y in zip(a, b, strict=True):
        if isinstance(x, int | float) and isinstance(y, int | float):
            if abs(float(x) - float(y)) > 1e-6 * max(1.0, abs(float(y))):
                return False
        elif isinstance(x, str) and isinstance(y, str):
            if fold(x) != fold(y):  # units: "Personne" and "personne" are one unit
                return False
        elif x != y:
            return False
    return True


def _score_multiset(
    report: Report,
    area: str,
    predicted: list[tuple[Any, ...]],
    gold: list[tuple[tuple[Any, ...], dict[str, Any]]],
    note: Any,
) -> list[tuple[int, dict[str, Any]]]:
    """Count matches of ``predicted`` keys with ``gold`` keys (each gold row matched once, the
    first unused equal key), and return the matched pairs: (index in ``predicted``, gold row)."""
    score = report.scores[area]
    used: set[int] = set()
    pairs: list[tuple[int, dict[str, Any]]] = []
    for n, key in enumerate(predicted):
        hit = next((i for i, (g, _) in enumerate(gold) if i not in used and _same(key, g)), None)
        if hit is None:
            score.fp += 1
            note(area, "fp", " ".join(map(str, key)))
            continue
        used.add(hit)
        pairs.append((n, gold[hit][1]))
        if not gold[hit][1].get("optional"):
            score.tp += 1
    for i, (key, row) in enumerate(gold):
        if i not in used and not row.get("optional"):
            score.fn += 1
            note(area, "fn", f"{row.get('text')!r} = {' '.join(map(str, key))}")
    return pairs


# -- the quality gate -----------------------------------------------------------------------

EPSILON = 0.005


def floors_of(report: Report) -> dict[str, float]:
    """The gated figures of a report: F1 per area, event precision and recall (the coder's bar
    is stated in both), event-date, speaker, claim-subject and place accuracy and tone-sign
    agreement, rounded down."""
    figures = {area: score.f1 for area, score in report.scores.items()}
    if "events" in report.scores:
        figures["events_precision"] = report.scores["events"].precision
        figures["events_recall"] = report.scores["events"].recall
    figures["event_dates"] = report.date_accuracy
    figures["speaker_accuracy"] = report.speaker_accuracy
    figures["claim_subjects"] = report.subject_accuracy
    figures["places"] = report.place_accuracy
    figures["tone_sign"] = report.tone_sign
    return {name: int(value * 1000) / 1000 for name, value in figures.items()}


def check(report: Report, baseline: dict[str, Any]) -> list[str]:
    """Every gated figure that fell below its floor by more than :data:`EPSILON`."""
    reached = floors_of(report)
    return [
        f"{name}: {reached[name]:.3f} < floor {floor:.3f}"
        for name, floor in baseline["floors"].items()
        if reached.get(name, 0.0) < floor - EPSILON
    ]


def raise_floors(report: Report, baseline: dict[str, Any], lower_reason: str | None = None) -> dict[str, Any]:
    """A new baseline: floors raised to what the report reached; lowered only with a reason."""
    reached = floors_of(report)
    floors = dict(baseline.get("floors", {}))
    lowered = list(baseline.get("lowered", []))
    for name, value in reached.items():
        old = floors.get(name, 0.0)
        if name not in floors or value > old:
            floors[name] = value
        elif value < old - EPSILON and lower_reason:
            lowered.append({"figure": name, "from": old, "to": value, "reason": lower_reason})
            floors[name] = value
    return {**baseline, "floors": floors, "lowered": lowered}
