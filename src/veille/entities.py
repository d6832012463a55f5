"""Entities: recognition repaired with the knowledge base, mentions resolved, actors linked.

The component reads the parser's named entities and the knowledge-base names found in the text
(:mod:`veille.gazetteer`), and writes one :class:`~veille.records.Entity` per real-world actor:

- a knowledge-base name wins over an overlapping statistical span (Tokaïev is a person, not a
  place), except a person's full name that contains a place's name ("Maurice Papon");
- honorifics ("M.", "Mme") are not part of a name; quoted passages, fragments without a
  capital and multi-line spans are never entities;
- a single-word person name ("Poutine") joins the full name given in the document, else the
  one knowledge-base person of that name in office on the document date;
- a capital or seat of power used as an actor ("Moscou a dénoncé", "chapeautée par Moscou")
  is a metonym mention of the actor it stands for; a demonym ("les Russes") of its country;
- an entity outside the knowledge base gets a fuzzy match against knowledge-base names of its
  type, else a stable id made of its type and normalized name; a country adjective qualifying
  it ("l'entreprise russe X") gives its country, else the actor named in "de" after the noun
  of its office ("le porte-parole du Kremlin, X").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from anyascii import anyascii
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .extensions import text_of
from .gazetteer import Gazetteer, NameMatch, for_kb
from .kb import KBEntity, KnowledgeBase
from .kb import default as default_kb
from .records import Entity, EntityType, Mention, MentionKind
from .syntax import case_of

LABELS: dict[str, EntityType] = {"PER": "person", "ORG": "organization", "LOC": "location"}
ID_PREFIX: dict[str, str] = {
    "person": "per",
    "organization": "org",
    "country": "cty",
    "location": "loc",
    "group": "grp",
}
HONORIFICS = frozenset({"m.", "mme", "mlle", "mm.", "mmes", "dr", "dr.", "me", "pr", "pr."})
QUOTE_CHARS = "«»“”\"'‘’"  # noqa: RUF001 (the typographic quotes are the point)
MAX_TOKENS = 8
ARTICLES = frozenset({"le", "la", "les", "l'", "l’"})  # noqa: RUF001
CALENDAR_WORDS = frozenset(
    (
        *("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
        *("janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet"),
        *("août", "aout", "septembre", "octobre", "novembre", "décembre", "decembre"),
    )
)
APOSTROPHES = "'\u2019"
FUZZY_THRESHOLD = 92
# Prepositions after which a capital is the place where something happens, not an actor.
PLACE_CASES = frozenset({"à", "au", "aux", "en", "vers", "depuis", "dans", "via", "jusqu'", "près"})
SUBORDINATORS = frozenset({"que", "qu'", "qu\u2019", "lorsque", "lorsqu'", "puisque", "puisqu'"})
MOVEMENT_LEMMAS = frozenset({"arriver", "revenir", "partir", "venir", "rentrer", "quitter", "retourner"})


def entity_id(name: str, type_: str) -> str:
    """A stable id for an entity outside the knowledge base: its type and normalized name.

    It contains a colon, which knowledge-base ids never do.
    """
    slug = re.sub(r"[^a-z0-9]+", "-", anyascii(name).lower()).strip("-")
    return f"{ID_PREFIX[type_]}:{slug}"


@dataclass
class _Actor:
    """An entity being assembled: its knowledge-base record if any, and its mentions."""

    key: str
    name: str
    type: EntityType
    record: KBEntity | None = None
    country: str | None = None
    mentions: list[Mention] = field(default_factory=list)


@Language.factory(
    "veille_entities",
    default_config={"labels": LABELS, "kb_paths": []},
)
def make_entities(nlp: Language, name: str, labels: dict[str, str], kb_paths: list[str]) -> EntityRecognizer:
    return EntityRecognizer(labels, default_kb(tuple(kb_paths)))


class EntityRecognizer:
    """Writes ``doc._.veille_entities``: a tuple of :class:`~veille.records.Entity`."""

    def __init__(self, labels: dict[str, str], kb: KnowledgeBase) -> None:
        self.labels = labels
        self.kb = kb
        self.gazetteer: Gazetteer = for_kb(kb)
        self._fuzzy: dict[str, tuple[list[str], list[str]]] | None = None

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.veille_article
        date = article.date if article is not None else None
        kb_spans = self._kb_spans(doc)
        ner_spans, overruled = self._ner_spans(doc, kb_spans)
        kb_spans = [item for n, item in enumerate(kb_spans) if n not in overruled]
        actors: dict[str, _Actor] = {}

        # Full names first, so that partial names can join them.
        for span, match in sorted(kb_spans, key=lambda item: item[1].kind == "partial"):
            self._add_kb_mention(span, match, date, actors)
        # A surname the knowledge base does not list on its own ("Mme Kayikwamba Wagner") joins
        # the full name found earlier, whether that was linked or not.
        persons = [s.text for s, t, _ in ner_spans if t == "person"]
        full = _full_names(persons + [a.name for a in actors.values() if a.type == "person"])
        for span, type_, honorific in ner_spans:
            name = full.get(span.text, span.text) if type_ == "person" else span.text
            record = self._fuzzy_link(name, type_)
            kind: MentionKind = "partial" if honorific or name != span.text else "name"
            if record is not None:
                actor = self._actor_for(record, actors)
            else:
                key = entity_id(name, type_)
                actor = actors.setdefault(key, _Actor(key, name, type_))
                actor.country = (
                    actor.country
                    or _country_from_adjectives(span, self.kb)
                    or _country_of_office(span, actors, self.kb)
                )
            actor.mentions.append(Mention(span.start_char, span.end_char, span.text, kind))

        doc._.veille_entities = tuple(
            Entity(
                id=actor.key,
                name=actor.name,
                type=actor.type,
                mentions=tuple(sorted(actor.mentions, key=lambda m: m.start)),
                wikidata=actor.record.wikidata if actor.record else None,
                country=actor.record.country if actor.record else actor.country,
                cameo=actor.record.actor_code if actor.record else actor.country,
            )
            for actor in sorted(actors.values(), key=lambda a: min(m.start for m in a.mentions))
            if actor.mentions
        )
        return doc

    # -- knowledge-base names ------------------------------------------------------------

    def _kb_spans(self, doc: Doc) -> list[tuple[Span, NameMatch]]:
        found = []
        for match in self.gazetteer.find(text_of(doc)):
            span = doc.char_span(match.start, match.end, alignment_mode="strict")
            if span is None:
                continue
            if match.kind == "partial" and (_name_word(doc, span.start - 1) or _name_word(doc, span.end)):
                continue  # "Abbas" in "Abbas Araghchi" is part of another name
            found.append((span, match))
        return found

    def _add_kb_mention(
        self, span: Span, match: NameMatch, date: str | None, actors: dict[str, _Actor]
    ) -> None:
        record = self._choose(match, date, actors)
        if record is None:  # an ambiguous single name: leave it to the statistical model's span
            key = entity_id(span.text, "person")
            actor = actors.setdefault(key, _Actor(key, span.text, "person"))
            actor.mentions.append(Mention(span.start_char, span.end_char, span.text, "partial"))
            return
        kind: MentionKind = "partial" if match.kind == "partial" else "name"
        target = record
        if match.kind == "demonym":
            kind = "metonym"
        elif record.type == "location" and _used_as_actor(span):
            stands_for = record.stands_for or self.kb.capital_of.get(record.id)
            if stands_for and stands_for in self.kb:
                target = self.kb.entities[stands_for]
                kind = "metonym"
        actor = self._actor_for(target, actors)
        actor.mentions.append(Mention(span.start_char, span.end_char, span.text, kind))

    def _choose(self, match: NameMatch, date: str | None, actors: dict[str, _Actor]) -> KBEntity | None:
        candidates = [self.kb.entities[i] for i in match.ids]
        if len(candidates) == 1 and match.kind != "partial":
            return candidates[0]
        named = [c for c in candidates if c.id in actors]
        if len(named) == 1:
            return named[0]
        if date is not None:
            serving = [c for c in candidates if any(r.active(date) for r in c.roles)]
            if len(serving) == 1:
                return serving[0]
        if match.kind == "partial":
            return None  # a surname alone names someone only if named in full or in office
        return candidates[0]

    def _actor_for(self, record: KBEntity, actors: dict[str, _Actor]) -> _Actor:
        if record.id not in actors:
            actors[record.id] = _Actor(record.id, record.name, record.type, record)
        return actors[record.id]

    # -- statistical spans ---------------------------------------------------------------

    def _ner_spans(
        self, doc: Doc, kb_spans: list[tuple[Span, NameMatch]]
    ) -> tuple[list[tuple[Span, EntityType, bool]], set[int]]:
        """The statistical spans worth keeping, and the knowledge-base matches they overrule.

        A knowledge-base name wins over an overlapping span, except inside a longer person or
        organization name: "Maurice Papon" stays a person (and "Maurice" no country), "Banque
        centrale de Russie" stays an organization (and "Russie" a country mention within it).
        """
        kept: list[tuple[Span, EntityType, bool]] = []
        overruled: set[int] = set()
        for span in doc.ents:
            type_: EntityType | None = self.labels.get(span.label_)  # type: ignore[assignment]
            if type_ is None:
                continue
            span = _strip_article(span)
            span, honorific = _strip_honorific(span) if type_ == "person" else (span, False)
            if not _is_name(span):
                continue
            inside = [
                (n, m)
                for n, (s, m) in enumerate(kb_spans)
                if s.start_char < span.end_char and span.start_char < s.end_char
            ]
            if inside:
                within = all(
                    span.start_char <= s.start_char
                    and s.end_char <= span.end_char
                    and (s.start_char, s.end_char) != (span.start_char, span.end_char)
                    for s, _ in (kb_spans[n] for n, _ in inside)
                )
                # A longer person name around a surname or a place ("Jonathan Malaya", "Maurice
                # Papon") is someone else; a known full name inside a longer span wins.
                full_people = any(
                    m.kind != "partial" and self.kb.entities[m.ids[0]].type == "person" for _, m in inside
                )
                if not within or full_people or type_ == "location":
                    continue
                if type_ == "person":
                    overruled.update(n for n, _ in inside)
            kept.append((span, type_, honorific))
        return kept, overruled

    def _fuzzy_link(self, name: str, type_: str) -> KBEntity | None:
        """The knowledge-base entity of ``type_`` whose name is nearly ``name``, if one is close enough."""
        from rapidfuzz import fuzz, process

        if self._fuzzy is None:
            self._fuzzy = {}
            for entity in self.kb.entities.values():
                if entity.type == "person":  # people's names vary most across transliterations
                    names, ids = self._fuzzy.setdefault(entity.type, ([], []))
                    for form in entity.all_names():
                        if len(form.split()) > 1:
                            names.append(anyascii(form).lower())
                            ids.append(entity.id)
        names, ids = self._fuzzy.get(type_, ([], []))
        if not names or len(name.split()) < 2:
            return None
        best = process.extractOne(
            anyascii(name).lower(), names, scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD
        )
        return self.kb.entities[ids[best[2]]] if best else None


def _used_as_actor(span: Span) -> bool:
    """Whether a place name stands for an actor: a subject or agent, not where something happens."""
    root: Token = span.root
    cases = {child.lower_ for child in root.children if child.dep_ == "case"}
    if cases & PLACE_CASES:
        return False
    if root.dep_ in {"nsubj", "nsubj:pass", "obl:agent"}:
        return True
    following = span.doc[span.end] if span.end < len(span.doc) else None
    if not cases and following is not None and following.pos_ in {"VERB", "AUX"}:
        return True  # a subject the parser missed
    if span.start > 0 and span.doc[span.start - 1].lower_ in SUBORDINATORS:
        return True  # "ce qu'Astana dément": right after "que", a name is the clause's subject
    if "de" in cases or "d'" in cases or "du" in cases:
        return root.head.lemma_ not in MOVEMENT_LEMMAS
    if "par" in cases or "entre" in cases or "avec" in cases or "contre" in cases:
        return True
    return root.dep_ == "conj" and root.head.ent_type_ in {"LOC", "ORG", "PER"}


def _country_from_adjectives(span: Span, kb: KnowledgeBase) -> str | None:
    """The country of a nationality word just before this name ("la Congolaise X", "le Rwandais
    Y", however the parser hung them), else of a country adjective qualifying the noun this name
    names or follows."""
    before = span.doc[span.start - 2 : span.start] if span.start >= 2 else None
    candidates = [before[1]] if before is not None and before[0].pos_ == "DET" else []
    for noun in (span.root, span.root.head):
        # The parser tags "kazakhe" in "l'entreprise kazakhe X" as amod, nmod or flat alike; a
        # conjunct is another actor.
        candidates += [
            child
            for child in noun.children
            if (child.i < span.start or child.i >= span.end) and child.dep_ != "conj"
        ]
    for word in candidates:
        found = kb.by_adjective.get(word.lower_)
        if found and found in kb.entities:
            return kb.entities[found].country
    return None


def _country_of_office(span: Span, actors: dict[str, _Actor], kb: KnowledgeBase) -> str | None:
    """The country of the actor named in "de" after the noun this name follows: "le porte-parole
    du Kremlin, X" is Russian; so is that of an institution qualified by a nationality adjective
    there: "le porte-parole du ministère iranien des Affaires étrangères, X" is Iranian."""
    for child in span.root.head.children:
        if child.dep_.startswith("nmod") and not span.start <= child.i < span.end and case_of(child) == "de":
            for actor in actors.values():
                if any(m.start <= child.idx < m.end for m in actor.mentions):
                    return actor.country or (actor.record.country if actor.record else None)
            for word in child.children:
                found = kb.by_adjective.get(word.lower_) if word.dep_ == "amod" else None
                if found and found in kb.entities and kb.entities[found].type == "country":
                    return kb.entities[found].country
    return None


def _full_names(names: list[str]) -> dict[str, str]:
    """Map each person name to the one longer name it ends, if exactly one.

    "Kovacs" -> "Pierre Kovacs", unless "Anna Kovacs" is also named.
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


def _name_word(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a capitalized word that belongs to a name (not a sentence start)."""
    if i < 0 or i >= len(doc):
        return False
    token = doc[i]
    return (
        token.is_title
        and token.pos_ == "PROPN"
        and not token.is_sent_start
        and token.lower_ not in HONORIFICS
    )


def _strip_article(span: Span) -> Span:
    """ "Les Nations unies" names the Nations unies: a leading article is no part of a name."""
    start = span.start
    while start < span.end - 1 and span.doc[start].lower_ in ARTICLES:
        start += 1
    return span.doc[start : span.end]


def _strip_honorific(span: Span) -> tuple[Span, bool]:
    start = span.start
    while start < span.end - 1 and span.doc[start].lower_ in HONORIFICS:
        start += 1
    stripped = span.doc[start : span.end]
    return stripped, start > span.start


def _is_name(span: Span) -> bool:
    text = span.text
    if not text or "\n" in text or len(span) > MAX_TOKENS:
        return False
    # Quotation marks inside, or opening or closing the span: the NER took a quoted passage.
    if (
        any(ch in text for ch in QUOTE_CHARS if ch not in APOSTROPHES)
        or text[0] in QUOTE_CHARS
        or text[-1] in QUOTE_CHARS
    ):
        return False
    if not text[0].isupper() or span[0].lower_ in CALENDAR_WORDS:
        return False
    # A name has a proper noun or an acronym; "Etat américain", "Premier ministre" and
    # "Cour suprême" are common nouns with capitals.
    return any(tok.pos_ == "PROPN" or (tok.is_upper and len(tok) > 1) for tok in span)


def mention_owners(doc: Doc, entities: list[Entity]) -> dict[int, str]:
    """The entity id of each token inside a mention (by token index)."""
    owners: dict[int, str] = {}
    for entity in entities:
        for mention in entity.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                owners.update(dict.fromkeys(range(span.start, span.end), entity.id))
    return owners


def add_mention(entities: list[Entity], person: KBEntity, mention: Mention) -> list[Entity]:
    """``entities`` with ``mention`` added to ``person``'s entity, created if absent."""
    for n, entity in enumerate(entities):
        if entity.id == person.id:
            mentions = tuple(sorted((*entity.mentions, mention), key=lambda m: m.start))
            return [*entities[:n], replace(entity, mentions=mentions), *entities[n + 1 :]]
    created = Entity(
        id=person.id,
        name=person.name,
        type=person.type,
        mentions=(mention,),
        wikidata=person.wikidata,
        country=person.country,
        cameo=person.actor_code,
    )
    return [*entities, created]


def home_country(entities: list[Entity]) -> str | None:
    """The country an article is about: the one whose actors (itself, its people, places and
    institutions) are mentioned most often (the first mentioned, on a tie)."""
    starts: dict[str, list[int]] = {e.id: [] for e in entities if e.type == "country"}
    for entity in entities:
        country = entity.country or entity.id
        if country in starts:
            starts[country] += [m.start for m in entity.mentions if m.kind != "adjective"]
    counts = {country: (len(found), -min(found)) for country, found in starts.items() if found}
    return max(counts, key=counts.__getitem__) if counts else None
