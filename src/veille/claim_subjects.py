"""The entity a reported figure is about: ``Claim.subject``, read on the dependency parse.

:class:`veille.claims.ClaimGrammar` builds one :class:`ClaimSubjects` per document, reads the
figures on its :class:`Tokens` (the document's tokens by character offset, and its text, built
once), then asks it whom each figure is about. ``docs/claims.md`` gives the order of the readings
and what each one was measured to bring."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import cached_property

from spacy.tokens import Doc, Token

from .actors import ActorFinder
from .extensions import text_of
from .kb import KnowledgeBase
from .kb import default as default_kb
from .syntax import RELATIVES, case_of, morph

__all__ = ["ClaimSubjects", "Tokens"]

COUNTRY_LIKE = frozenset({"country", "organization"})


class Tokens:
    """A document's tokens by character offset, and its text."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = text_of(doc)
        self.starts: list[int] = doc.to_array("IDX").tolist()

    def at(self, offset: int) -> Token | None:
        """The token that covers ``offset`` (or the last one before it)."""
        i = bisect_right(self.starts, offset) - 1
        return self.doc[i] if i >= 0 else None

    def after(self, offset: int) -> Token | None:
        """The first token that is no space at or after ``offset``."""
        i = bisect_left(self.starts, offset)
        while i < len(self.starts) and self.doc[i].is_space:
            i += 1
        return self.doc[i] if i < len(self.starts) else None

    def next(self, token: Token) -> Token | None:
        """The first token after ``token`` that is no space."""
        return self.after(token.idx + len(token.text))


class ClaimSubjects:
    """The entity a figure is about, read on the dependency parse with :class:`ActorFinder`.

    In order: an actor named in parentheses right before the figure ("Basra Oil (30 %)") or
    after "pour" following a percentage ("17 % pour BYD"); the people a count counts ("100 000
    Arméniens"); the owner of the figure's own phrase, then of the noun it measures: a
    possessive ("ses électeurs", through the pronoun's resolved mention), a nationality
    adjective ("2 000 soldats russes"), a name in apposition, or a complement in "de", named or
    owned in turn ("43 % des exportations de pétrole de la Russie"), a place excepted ("90 % de
    la mer de Chine" is what is claimed, not who claims it); then, clause by clause upwards, the
    noun an adjective or participle says it of ("Maduro vainqueur avec 51 %"), the subject of
    the clause (a relative pronoun stands for its antecedent; an unresolved "il" sends the search
    up a clause), or, when the figure is itself the subject, the actor or place among the verb's
    other arguments ("300 personnes ont été tuées au Soudan"; a "selon" source last), and the
    noun a relative or participle clause describes ("la mer, par laquelle transitent …"); last,
    the country or organization named nearest the figure in its sentence, else the country the
    article is about.
    """

    def __init__(self, doc: Doc, kb: KnowledgeBase | None) -> None:
        entities = list(doc._.veille_entities or ())
        rows = sorted((m.start, m.end, e.id, e.type) for e in entities for m in e.mentions)
        self.rows = rows
        self.starts = [r[0] for r in rows]
        self.types = {e.id: e.type for e in entities}
        self.entities = entities
        self.kb = kb
        self.tokens = Tokens(doc)  # the figures are read on the same tokens

    @cached_property
    def finder(self) -> ActorFinder | None:
        """The actors of the document's phrases, once a figure asks (most documents have few)."""
        if not self.entities:
            return None
        return ActorFinder(self.tokens.doc, self.entities, self.kb or default_kb())

    def of(self, head: Token, start: int, end: int, unit: str | None = None) -> str | None:
        """The entity the figure ``[start, end)``, about ``head``, is about, or ``None``."""
        if self.finder is None:
            return None
        text = self.tokens.text
        if text[max(0, start - 2) : start].strip() == "(":  # "Basra Oil Company (30 %)"
            before = self.tokens.at(text.rfind("(", 0, start) - 2)
            found = self._mentioned(before) if before is not None else None
            if found:
                return found
        after = self.tokens.after(end)
        if unit == "percent" and after is not None and after.lower_ == "pour":  # "17 % pour BYD": theirs
            named = self.tokens.next(after)
            if named is not None and named.pos_ == "DET":
                named = self.tokens.next(named)
            found = self._mentioned(named) if named is not None else None
            if found:
                return found
        inside = {t.i for t in head.doc.char_span(start, end, alignment_mode="expand") or ()} | {head.i}
        found = self._demonym(head) or self._owner(head, inside, places=False)
        if found is None and head.dep_ == "nmod" and head.head.pos_ == "NOUN" and head.head.i not in inside:
            found = self._owner(head.head, inside | {t.i for t in head.subtree}, places=False)
        return found or self._clause(head, inside) or self._nearest(head, start, end) or self.finder.home

    # -- phrases ---------------------------------------------------------------------------

    def _mentioned(self, token: Token) -> str | None:
        """The entity a mention covering ``token`` names (a resolved pronoun included)."""
        assert self.finder is not None
        found = self.finder.mentioned.get(token.i)
        return self._known(found[0].entity) if found else None

    def _demonym(self, head: Token) -> str | None:
        """The people a count counts: "100 000 Arméniens" are Armenia's."""
        found = self._mentioned(head)
        return found if found and self.types.get(found) in ("country", "group") else None

    def _known(self, entity: str | None) -> str | None:
        return entity if entity in self.types else None

    def _owner(self, noun: Token, inside: set[int], places: bool, depth: int = 3) -> str | None:
        """The actor a phrase belongs to: a possessive ("ses exportations"), a nationality
        adjective ("soldats russes"), a name in apposition, or a complement in "de" named or
        owned in turn ("des exportations de pétrole de la Russie"), ``depth`` complements down.
        Places are owners only with ``places`` ("l'île de Palawan" is where, not whose)."""
        assert self.finder is not None
        for child in noun.children:
            if child.i in inside:
                continue
            if child.dep_ == "det" and "Yes" in morph(child, "Poss"):
                # "son", "sa", "ses" refer to the subject of their clause when it names an actor
                # ("le pays, qui exporte 80 % de son pétrole"), else to the resolved pronoun.
                found = self._clause(noun, inside) or self._mentioned(child)
                if found:
                    return found
            elif child.dep_ == "amod" or (child.dep_ == "nmod" and not case_of(child)):
                actor = self.finder.adjective_actor(child)
                if actor is not None and self._known(actor.entity):
                    return actor.entity
            case = case_of(child)
            if (child.dep_ in ("nmod", "appos", "flat:name") or _apposed(child)) and (
                case is None or (case == "de" and _adjacent(noun, child, inside))
            ):
                found = self._mentioned(child)
                if found and (places or self.types.get(found) != "location"):
                    return found
                if found is None and depth > 1:
                    found = self._owner(child, inside, places, depth - 1)
                    if found:
                        return found
        return None

    def _actor(self, phrase: Token) -> str | None:
        """The actor (or place) a subject or argument names, through ActorFinder, or its owner."""
        assert self.finder is not None
        actor = self.finder.actor(phrase, depth=0)
        found = self._known(actor.entity) if actor is not None else None
        return found or self._owner(phrase, set(), places=True)

    # -- clauses ---------------------------------------------------------------------------

    def _clause(self, head: Token, inside: set[int]) -> str | None:
        """The actor of the clauses around the figure, from its own clause upwards."""
        path, predicate = head, head
        for _ in range(4):  # clauses climbed
            while not _predicate(predicate):
                if predicate.pos_ in ("ADJ", "NOUN") and predicate.dep_ in ("amod", "acl"):
                    # Said of a noun: "Maduro vainqueur avec 51 %", "X, créditée de 26 %".
                    found = self._actor(predicate.head)
                    if found:
                        return found
                path, predicate = predicate, predicate.head
            subject = _subject(predicate)
            unresolved = False
            if subject is not None and subject.i != path.i and subject.i not in inside:
                found = self._actor(subject)
                if found:
                    return found
                unresolved = subject.pos_ == "PRON" and subject.lower_ not in RELATIVES
            elif subject is not None:  # the figure is the subject: "300 personnes ont été tuées à Gaza"
                # The source ("selon l'ONU") last: it says who counted, not what was counted.
                for child in sorted(predicate.children, key=lambda c: case_of(c) == "selon"):
                    if child.i != path.i and child.dep_.startswith(("obj", "obl", "iobj")):
                        found = self._actor(child)
                        if found:
                            return found
            described = predicate.dep_ == "acl:relcl" or (
                predicate.dep_ == "acl" and not _infinitive(predicate)
            )
            if described and not unresolved:
                found = self._actor(predicate.head)
                if found:
                    return found
            if predicate.head.i == predicate.i:
                return None
            path, predicate = predicate, predicate.head
        return None

    def _nearest(self, head: Token, start: int, end: int) -> str | None:
        """The country or organization named nearest the figure in its sentence."""
        sentence = head.sent
        nearest: tuple[int, str] | None = None
        i = bisect_left(self.starts, sentence.start_char)
        while i < len(self.rows) and self.rows[i][0] < sentence.end_char:
            m_start, m_end, entity, kind = self.rows[i]
            if kind in COUNTRY_LIKE:
                distance = start - m_end if m_end <= start else m_start - end
                if nearest is None or abs(distance) < nearest[0]:
                    nearest = (abs(distance), entity)
            i += 1
        return nearest[1] if nearest else None


def _subject(predicate: Token) -> Token | None:
    """The subject of a clause: of two (a parse error), the one right before the verb."""
    subjects = [c for c in predicate.children if c.dep_.startswith("nsubj")]
    before = [c for c in subjects if c.i < predicate.i]
    return before[-1] if before else (subjects[0] if subjects else None)


def _apposed(token: Token) -> bool:
    """A name after a comma the parser took for a conjunct: "le candidat, Jorge Máynez,"."""
    return (
        token.dep_ == "conj"
        and token.i > 0
        and token.doc[token.i - 1].text == ","
        and not any(c.dep_ == "cc" for c in token.children)
    )


def _infinitive(clause: Token) -> bool:
    """An infinitive clause brought by "de" or "à", which the parser may hang on a noun
    ("accusé par des experts d'avoir déployé"): its subject is the governing clause's."""
    return any(c.dep_ == "mark" and c.lower_ in ("de", "d'", "d’", "à") for c in clause.children)  # noqa: RUF001


def _adjacent(noun: Token, child: Token, inside: set[int]) -> bool:
    """Whether ``child`` follows ``noun`` with only the figure, adjectives or adverbs between:
    "des exportations de la Russie", not "deux missiles en mer du Japon"."""
    start, end = (noun.i + 1, child.left_edge.i) if child.i > noun.i else (child.right_edge.i + 1, noun.i)
    return all(t.i in inside or t.pos_ in ("ADJ", "ADV") for t in noun.doc[start:end])


def _predicate(token: Token) -> bool:
    """Whether ``token`` heads a clause: a verb, the root, or a noun or adjective with a copula
    or a subject ("la Chine est le 2e marché")."""
    return (
        token.pos_ in ("VERB", "AUX")
        or token.head.i == token.i
        or any(c.dep_ == "cop" or c.dep_.startswith("nsubj") for c in token.children)
    )
