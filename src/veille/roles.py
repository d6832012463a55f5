"""Role phrases: "le président kazakh", "son homologue kazakh", "le chef du Kremlin".

The component finds the role phrases of ``lexicons/<lang>/roles.tsv`` followed by what tells
whose office it is (a country adjective, "de" and a country, organization or seat of power
already recognized), asks the knowledge base who held that office on the document date, and,
when exactly one person did, adds the phrase to that person's entity as a ``role`` mention.
"Homologue" takes the office of the person it is the counterpart of: the nearest person named
before it whose office on that date is known.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from . import extensions as _extensions  # noqa: F401  (registers doc._.veille_*)
from .data import packaged_rows
from .entities import add_mention, home_country, mention_owners
from .kb import KBEntity, KnowledgeBase
from .kb import default as default_kb
from .records import Entity, Mention

LINKS = frozenset({"de", "du", "des", "d'", "d’", "de la", "de l'", "de l’"})  # noqa: RUF001
MAX_PHRASE = 5
# Offices a phrase may name alone, meaning the one person the article is about who holds it.
OFFICES = frozenset({"head_of_state", "head_of_government", "foreign_minister", "defence_minister"})


def load_lexicon(language: str = "fr") -> dict[tuple[str, ...], str]:
    """Role phrases as lowercase token tuples, mapped to the office they name."""
    lexicon = {}
    for phrase, role in packaged_rows("lexicons", language, "roles.tsv"):
        lexicon[tuple(phrase.replace("'", "' ").split())] = role
    return lexicon


@Language.factory("veille_roles", default_config={"kb_paths": [], "language": "fr"})
def make_roles(nlp: Language, name: str, kb_paths: list[str], language: str) -> RoleResolver:
    return RoleResolver(default_kb(tuple(kb_paths)), load_lexicon(language))


class RoleResolver:
    """Adds ``role`` mentions to ``doc._.veille_entities``."""

    def __init__(self, kb: KnowledgeBase, lexicon: dict[tuple[str, ...], str]) -> None:
        self.kb = kb
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.veille_article
        date = article.date if article is not None else None
        entities: list[Entity] = list(doc._.veille_entities or ())
        if date is None:
            return doc
        owner = mention_owners(doc, entities)
        words = [_word(token.text) for token in doc]
        i = 0
        while i < len(doc):
            found = self._phrase_at(words, i)
            if found is None:
                i += 1
                continue
            end, role = found
            person, last = self._resolve(doc, i, end, role, date, owner, entities)
            # "son homologue chinois, Zhang Jun": a name beside the phrase says who it is.
            if person is not None and not _named_beside(doc, i, last, owner, entities):
                mention = Mention(
                    doc[i].idx, doc[last - 1].idx + len(doc[last - 1]), doc[i:last].text, "role"
                )
                entities = add_mention(entities, person, mention)
                owner = mention_owners(doc, entities)
            i = max(last, i + 1)
        doc._.veille_entities = tuple(entities)
        return doc

    def _phrase_at(self, words: list[str], i: int) -> tuple[int, str] | None:
        for size in range(MAX_PHRASE, 0, -1):
            role = self.lexicon.get(tuple(words[i : i + size]))
            if role is not None:
                return i + size, role
        return None

    def _resolve(
        self,
        doc: Doc,
        start: int,
        end: int,
        role: str,
        date: str,
        owner: dict[int, str],
        entities: list[Entity],
    ) -> tuple[KBEntity | None, int]:
        """The one person this role phrase names, and where the phrase (with its qualifier) ends."""
        qualifier, last = self._qualifier(doc, end, owner)
        if qualifier is None and role in OFFICES and not _linked(doc, end):
            return self._unqualified(doc, start, role, date, entities), end
        if role == "counterpart":
            role = self._counterpart_role(doc, start, date, entities) or ""
        elif role == "seat":
            # "le chef du Kremlin": the Kremlin may already stand for its country (a metonym).
            seat = self.kb.get(qualifier) if qualifier else None
            if seat is None or (seat.type != "country" and not seat.stands_for):
                return None, end
            role, qualifier = "head_of_state", seat.id if seat.type == "country" else seat.stands_for
        if not role or qualifier is None:
            return None, end
        target = self.kb.get(qualifier)
        if target is None:
            return None, end
        if target.type == "country":
            holders = self.kb.holders(role, date, country=target.id)
        else:
            holders = self.kb.holders(role, date, organization=target.id)
        return (holders[0], last) if len(holders) == 1 else (None, end)

    def _qualifier(self, doc: Doc, end: int, owner: dict[int, str]) -> tuple[str | None, int]:
        """Whose office: a country adjective right after the phrase, or "de" and a known entity."""
        if end < len(doc):
            country = self.kb.by_adjective.get(doc[end].lower_)
            if country is not None and doc[end].text[:1].islower():
                return country, end + 1
        for size in (2, 1):
            link = " ".join(_word(t.text) for t in doc[end : end + size])
            if link in LINKS or link.replace("' ", "'") in LINKS:
                at = end + size
                while at < len(doc) and doc[at].lower_ in {"la", "le", "les", "l'", "l’"}:  # noqa: RUF001
                    at += 1
                if at in owner:
                    last = at + 1
                    while owner.get(last) == owner[at]:
                        last += 1
                    return owner[at], last
        return None, end

    def _unqualified(
        self, doc: Doc, start: int, role: str, date: str, entities: list[Entity]
    ) -> KBEntity | None:
        """Whom an office named alone ("le chef de l'Etat", "le Premier ministre") stands for:
        the last person named before it who held that office on ``date``, else the holder in
        the country the article is about."""
        last = _last_person(doc[start].idx, entities, lambda e: self._held(e.id, role, date))
        if last is not None:
            return self.kb.get(last.id)
        home = home_country(entities)
        holders = self.kb.holders(role, date, country=home) if home else []
        return holders[0] if len(holders) == 1 else None

    def _held(self, entity_id: str, role: str, date: str) -> bool:
        """Whether the knowledge base's person ``entity_id`` held ``role`` on ``date``."""
        record = self.kb.get(entity_id)
        return record is not None and any(r.role == role and r.active(date) for r in record.roles)

    def _counterpart_role(self, doc: Doc, start: int, date: str, entities: list[Entity]) -> str | None:
        """The office held on ``date`` by the last person named before ``start``, if known."""
        last = _last_person(doc[start].idx, entities, lambda e: True)
        record = self.kb.get(last.id) if last else None
        if record is None:  # the last person named is not in the knowledge base: office unknown
            return None
        offices = [r.role for r in record.roles if r.active(date)]
        return offices[0] if len(offices) == 1 else None


def _last_person(before: int, entities: list[Entity], keep: Callable[[Entity], bool]) -> Entity | None:
    """The person entity ``keep`` accepts that is named last before character ``before``."""
    best: tuple[int, Entity] | None = None
    for entity in entities:
        if entity.type != "person" or not keep(entity):
            continue
        for mention in entity.mentions:
            if mention.end <= before and (best is None or mention.start > best[0]):
                best = (mention.start, entity)
    return best[1] if best else None


def _linked(doc: Doc, end: int) -> bool:
    """Whether "de" follows the phrase: an office of something unknown ("le président du parti");
    not "de" opening an infinitive ("accusé par la cheffe de l'Etat d'avoir truqué…")."""
    if end >= len(doc) or _word(doc[end].text) not in {"de", "du", "des", "d'"}:
        return False
    return doc[end].dep_ != "mark"


def _named_beside(doc: Doc, start: int, end: int, owner: dict[int, str], entities: list[Entity]) -> bool:
    """Whether a person's name stands in apposition right before or after the role phrase."""
    people = {e.id for e in entities if e.type == "person"}
    after = end + 1 if end < len(doc) and doc[end].text == "," else end
    if owner.get(after) in people or (
        after < len(doc) and doc[after].pos_ == "PROPN" and doc[after].is_title
    ):
        return True
    return start >= 2 and doc[start - 1].text == "," and owner.get(start - 2) in people


def _word(text: str) -> str:
    return text.lower().replace("’", "'")  # noqa: RUF001
