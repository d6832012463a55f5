"""Who a phrase names: the actor behind a name, a role, a pronoun, an institution or an adjective.

:class:`ActorFinder` holds what the entity components found in one document (each token inside a
mention, with the entity it names) and reads the dependency parse around a phrase head to tell
which actor it stands for. The event coder and the quotation component share it: the source of
an event and the speaker of a quotation are found by the same rules.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from typing import Any

from spacy.attrs import IDX, SENT_START
from spacy.tokens import Doc, Span, Token

from .entities import home_country
from .extensions import text_of
from .kb import KBEntity, KnowledgeBase
from .records import Entity, Mention, MentionKind
from .sentences import quotations
from .syntax import (
    CLAUSES,
    RELATIVES,
    SUBJECT_PRONOUNS,
    antecedent,
    case_of,
    clause_verb,
    coordinated,
    in_phrase_with_case,
    kids,
    logical_subjects,
    loose,
    morph,
    passive,
    present_participle,
    remembered_method,
    second_between,
)

# Institutions, and the state's armed agents, that with no country named belong to the country
# the article is about.
# Currencies and markets, which stand for no actor even with a country's adjective ("le peso
# mexicain", "la bourse russe").
CURRENCIES = frozenset(
    {"monnaie", "devise", "bourse", "peso", "rouble", "yuan", "yen", "roupie", "hryvnia", "dollar", "euro"}
)
INSTITUTIONS = frozenset(
    {
        *("gouvernement", "ministère", "présidence", "armée", "police", "parlement", "diplomatie"),
        *("autorité", "exécutif", "régime", "état-major", "justice", "parquet", "procureur"),
        *("militaire", "soldat", "policier", "force"),
    }
)
# First-person words that, inside a quotation, stand for its speaker (or the speaker's country).
FIRST_PERSON = frozenset({"je", "j'", "j’", "moi", "nous"})  # noqa: RUF001
# Nouns for a person by office, which with "le", "son"… stand for someone named before.
PERSON_NOUNS = frozenset(
    {
        *("ministre", "président", "présidente", "chef", "cheffe", "commissaire", "homologue"),
        *("dirigeant", "dirigeante", "porte-parole", "ambassadeur", "ambassadrice", "négociateur"),
        *("secrétaire", "général", "conseiller", "émissaire", "envoyé", "premier", "première"),
        *("représentant", "représentante", "délégué", "chancelier", "chancelière", "vice-président"),
        *("gouverneur", "maire", "leader", "patron", "patronne", "roi", "reine", "prince", "émir"),
    }
)
# Nouns for one person the text leaves unnamed when "un" or "une" introduces them.
UNNAMED_PERSONS = PERSON_NOUNS | {"diplomate", "responsable", "officiel", "source", "membre", "expert"}
# Nouns for those who act for someone, who with "son", "sa", "leur" stand for their owner
# ("son bureau a accusé…" is the person's office).
ENTOURAGE_NOUNS = frozenset(
    {"bureau", "cabinet", "entourage", "équipe", "camp", "service", "parti", "administration"}
)
# Nouns that with "son", "leur" stand for the owner's country ("son pays", "leur gouvernement").
OWN_COUNTRY_NOUNS = frozenset({"pays", "nation", "gouvernement", "armée", "diplomatie"})
DEFINITE = frozenset({"le", "la", "l'", "l’", "ce", "cet", "cette"})  # noqa: RUF001
DESCRIPTION_WINDOW = 3  # sentences before a description within which its person is looked for
# "les deux dirigeants", "les trois pays": nouns that, with a small number, stand for that many
# actors last named: persons, or countries for the nouns of GROUP_COUNTRY_NOUNS.
GROUP_NOUNS = frozenset({"dirigeant", "chef", "président", "homme", "ministre", "responsable"})
GROUP_COUNTRY_NOUNS = frozenset(
    {"pays", "capitale", "partie", "etat", "armée", "camp", "gouvernement", "voisin", "puissance"}
)
GROUP_SIZES = {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5}
# Nouns that, with "le", "la", "les", "ce"… and no name, stand for the armed or political group
# named last ("le mouvement islamiste exige…" after "le Hamas", "la rébellion" after "le M23").
GROUP_DESCRIPTIONS = frozenset(
    {"mouvement", "groupe", "rébellion", "rebelle", "milice", "insurgé", "guérilla"}
)
# Nouns that, the same way, stand for the organization named last ("l'organisation régionale"
# after "la Cédéao").
ORGANIZATION_DESCRIPTIONS = frozenset({"organisation", "alliance", "bloc"})
# Sides of a dispute or a negotiation may be organizations or groups as well as countries
# ("l'Union européenne et la Chine… les deux parties").
SIDE_NOUNS = frozenset({"partie", "camp"})
# The offices a counted group of people may stand for, by its noun: "les deux ministres" are not
# the president named between them. A person whose offices the knowledge base does not know may
# be any.
GROUP_OFFICES = {
    "ministre": frozenset({"foreign_minister", "defence_minister"}),
    "président": frozenset({"head_of_state", "head_of_organization"}),
}


@dataclass(frozen=True, slots=True)
class Actor:
    entity: str
    start: int  # character offsets of the words naming it
    end: int
    together: bool = False  # one of "les deux X", acting with the other


class ActorFinder:
    """The actors of one document's phrases."""

    any_description = False  # whether "le ministre", with no country, is the person named last

    def __init__(self, doc: Doc, entities: list[Entity], kb: KnowledgeBase) -> None:
        self.doc = doc
        self.kb = kb
        self.entities = entities
        # Each token inside a mention: the actor the mention names (with its words) and its kind.
        self.mentioned: dict[int, tuple[Actor, str]] = {}
        starts = doc.to_array(IDX).tolist()  # each token's first character
        for entity in entities:
            for m in entity.mentions:
                # The tokens the mention's characters touch (doc.char_span's "expand", cheaper).
                first = max(0, bisect_right(starts, m.start) - 1)
                last = bisect_left(starts, m.end)
                named = (Actor(entity.id, m.start, m.end), m.kind)
                for i in range(first, last):
                    self.mentioned[i] = named
        self.pronouns = {i for i, (_, kind) in self.mentioned.items() if kind == "pronoun"}
        # Where each person is named (not by a pronoun), in text order.
        self.persons = sorted(
            (m.start, Actor(e.id, m.start, m.end))
            for e in entities
            if e.type == "person"
            for m in e.mentions
            if m.kind != "pronoun"
        )
        # Countries reached through an adjective or "nous", not (yet) entities of the document.
        self.unnamed: dict[int, tuple[KBEntity, Mention]] = {}
        self.answers: dict[str, dict[int, Any]] = {}  # (see remembered_method)
        self.home = home_country(entities)
        # (an organization of no known country that calls itself national, "le Conseil national
        # électoral", "l'Assemblée nationale", is the one of the country the article is about)
        self.countries = {
            e.id: e.country or (self.home if self.home and _national(e) else e.id) for e in entities
        }
        self.types = {e.id: e.type for e in entities}
        self.text = text_of(doc)
        # The sentences, from the sentence-start array (cheaper than doc.sents, same spans).
        flags = doc.to_array(SENT_START) if doc.has_annotation("SENT_START") else None
        starts = [0, *(i for i in (flags == 1).nonzero()[0].tolist() if i)] if flags is not None else [0]
        ends = [*starts[1:], len(doc)]
        self.sentences = [doc[start:end] for start, end in zip(starts, ends, strict=True)]
        self.sentence_of = [0] * len(doc)
        for n, (start, end) in enumerate(zip(starts, ends, strict=True)):
            self.sentence_of[start:end] = [n] * (end - start)
        self.spans = quotations(doc)  # (opening mark, closing mark) of each quotation
        self.quoted = {i for opening, closing in self.spans for i in range(opening + 1, closing)}

    def first_person(self, token: Token) -> Actor | None:
        """Who "je" or "nous" is inside a quotation: its speaker (as ``veille_quotes`` found it,
        once it has run), or, for "nous", the speaker's country."""
        quote = next(
            (q for q in self.doc._.veille_quotes or () if q.start <= token.idx < q.end and q.speaker),
            None,
        )
        if quote is None or quote.speaker is None:
            return None
        speaker = Actor(quote.speaker, token.idx, token.idx + len(token.text))
        record = self.kb.get(self.country(quote.speaker) or "")
        if token.lower_ == "nous" and record is not None and record.id != quote.speaker:
            return self.unnamed_actor(record, token, "pronoun")
        return speaker

    def same_actor(self, a: Actor, b: Actor) -> bool:
        """One entity, or a country and someone or something of that country; an armed or
        political group is never its country's (the Rapid Support Forces against Sudan)."""
        if a.entity == b.entity:
            return True
        if "group" in (self.kind(a.entity), self.kind(b.entity)):
            return False
        home = self.country(a.entity)
        return home == self.country(b.entity) and home in (a.entity, b.entity)

    def kind(self, entity_id: str) -> str | None:
        """The type of an entity: the knowledge base's first (it says "group" where the document
        says "organization"), else the document's."""
        record = self.kb.get(entity_id)
        return record.type if record is not None else self.types.get(entity_id)

    def country(self, entity_id: str) -> str | None:
        """The country of an entity of the document (or of the knowledge base), else the entity."""
        if entity_id in self.countries:
            return self.countries[entity_id]
        record = self.kb.get(entity_id)
        return (record.country or record.id) if record is not None else None

    def sent(self, token: Token) -> Span:
        return self.sentences[self.sentence_of[token.i]]

    @remembered_method
    def inverted_subject(self, token: Token) -> list[Token]:
        """The subject after the verb of an incise: "…, a déclaré le ministre Sergueï Lavrov"."""
        if morph(token, "VerbForm") == ["Inf"] or present_participle(token):
            return []  # ", accusant la Croatie": a participle's object, not an incise's subject
        if morph(token, "VerbForm") == ["Part"] and not any(c.dep_.startswith("aux") for c in kids(token)):
            return []  # "SAIC, jugé peu coopératif, tandis que Tesla…": a bare participle is no incise
        if any(c.dep_.startswith("nsubj") and c.lower_ in RELATIVES for c in kids(token)):
            return []  # ", qui exigeait l'unanimité des Vingt-Sept": a relative clause's object
        before = next(
            (
                w
                for w in reversed(token.doc[self.sent(token).start : token.i])
                if w.pos_ not in ("AUX", "ADV", "PRON", "ADP", "DET") and not in_phrase_with_case(w)
            ),  # past auxiliaries, adverbs and "pour sa part"
            None,
        )
        if before is None or before.text not in (",", "»", "”", '"', "'"):
            return []
        window = []
        commas = 0
        for word in token.doc[token.i + 1 : min(token.i + 16, self.sent(token).end)]:
            if word.text == ",":
                commas += 1
                if commas == 2:
                    break  # past "le ministre de X, Y,": the words after are not the subject
            elif word.is_punct:
                break
            window.append(word)
        # A person's name in the incise wins: "a déclaré le chef de la diplomatie, Josep Borrell".
        for word in window:
            found = self.mentioned.get(word.i)
            if (
                found
                and found[1] in ("name", "partial")
                and self.types.get(found[0].entity) == "person"
                # "le porte-parole de la présidence, X", not "devant ses homologues X et Y"
                and (case_of(word) or case_of(word.head) or "de") == "de"
            ):
                return [word]
        for word in window:
            if word.pos_ not in ("NOUN", "PROPN") or in_phrase_with_case(word):
                continue
            if word.i not in self.pronouns and self.actor(word, depth=0) is not None:
                return [word]
        # "…, a indiqué un diplomate européen": a subject that stands for no one.
        first = next((w for w in window if w.pos_ == "NOUN" and not in_phrase_with_case(w)), None)
        return [first] if first is not None and _unnamed_person(first) else []

    def left_subject(self, token: Token) -> list[Token]:
        """The actor named right before a verb the parser left without subject ("ce que Bamako dément")."""
        anchor = token
        while anchor.dep_ == "xcomp" and anchor.head.i != anchor.i:
            anchor = anchor.head  # "Madrid et Rabat pourraient signer": left of "pourraient"
        if passive(anchor):
            return []
        start = self.sent(token).start
        adjacent = self._adjacent_names(start, anchor)
        if adjacent or any(c.dep_.startswith("nsubj") for c in kids(anchor)):
            return adjacent  # (a subject that names no actor: "des milliers de manifestants")
        for word in reversed(token.doc[start : anchor.i]):
            if word.text == "," and word.i > 0:
                # "Téhéran, qui soutient les rebelles, a condamné": the antecedent of the relative;
                # "Le président serbe, Aleksandar Vucic, dément": a name closing a subject group.
                before = token.doc[word.i - 1]
                antecedent = _antecedent(before)
                if antecedent is None and not any(
                    w.pos_ in ("VERB", "AUX") for w in token.doc[self.sent(token).start : word.i]
                ):
                    antecedent = before
                return [antecedent] if antecedent is not None and self.mention_actor(antecedent) else []
            if word.is_punct or word.pos_ in ("VERB", "SCONJ") or word.lower_ in RELATIVES:
                return []
            if word.pos_ == "ADP" or in_phrase_with_case(word):
                continue  # "M. Fidan a pour sa part assuré": past the adverbial phrase
            if self.mention_actor(word):
                return [word]
        return []

    def _adjacent_names(self, start: int, verb: Token) -> list[Token]:
        """The heads of the names or roles ending right before ``verb`` (but for its auxiliaries),
        however the parser attached them ("Interrogé sur le programme de Pyongyang, le chef de
        l'Etat russe a répondu…", parsed with "chef" in apposition to "programme"), two joined by
        "et" both. Not for a verb whose subject names no actor ("toute coopération avec Pyongyang
        violerait"), unless the names stand apart after a comma that follows that subject ("A
        Samarcande, étape de la route de la soie, MM. Macron et Mirzioïev ont évoqué…", parsed
        with "étape" as the subject) or hang on it without a preposition ("L'opposant Raila
        Odinga a appelé", with "opposant" tagged as a verb)."""
        end = verb.i
        while end > start and verb.doc[end - 1].pos_ == "AUX":
            end -= 1
        heads = self._name_ending(start, end)
        if not heads:
            return []
        first = heads[0]
        before = first.i - 1
        if before > start and verb.doc[before].lower_ == "et":
            joined = self._name_ending(start, before)
            if joined:
                heads, first = joined + heads, joined[0]
        subjects = [c for c in kids(verb) if c.dep_.startswith("nsubj")]
        if not subjects:
            return heads
        words = verb.doc[start : first.i]
        opening = next(
            (w for w in reversed(words) if not (w.pos_ == "DET" or w.lower_ in ("m.", "mm.", "mme"))), None
        )
        apart = (
            opening is not None
            and opening.text == ","
            and all(s.i < opening.i for s in subjects)
            and not any(case_of(h) for h in heads)
        )
        apposed = all(h.head in subjects and not case_of(h) for h in heads)
        return heads if apart or apposed else []

    def _name_ending(self, start: int, end: int) -> list[Token]:
        """The head of the name or role whose last word is right before ``end`` (from ``start``)."""
        found = self.mentioned.get(end - 1) if end > start else None
        if found is None or found[1] == "pronoun":
            return []
        covered = {i for i in range(start, end) if self.mentioned.get(i, (None,))[0] == found[0]}
        doc = self.doc
        heads = [doc[i] for i in sorted(covered) if doc[i].head.i not in covered]
        return heads if len(heads) == 1 else []

    def actors(self, head: Token) -> list[Actor]:
        """The actors a phrase head names, one per coordinated phrase."""
        return list(self._actors(head))

    @remembered_method
    def _actors(self, head: Token) -> list[Actor]:
        pair = self.pair(head)
        if not pair and head.lemma_.lower() in PERSON_NOUNS:
            # "des négociateurs des deux parties": who acts for a counted group stands for it.
            pair = next(
                (p for c in kids(head) if c.dep_ == "nmod" and case_of(c) == "de" and (p := self.pair(c))),
                [],
            )
        if pair:
            return pair
        while (
            head.dep_ == "conj"
            and head.head.i < head.i
            and coordinated(head.head, head)
            and (head.head.i in self.mentioned or head.i not in self.mentioned)
        ):
            head = head.head  # the first of coordinated phrases (not "le chancelier, Olaf Scholz")
        found: list[Actor] = []
        # Not a conjunct with a preposition of its own ("par Macron à Paris puis à Marseille").
        # (But "les représentants de l'armée et des FSR", parsed with "FSR" joined to
        # "représentants", are of both.)
        of = [n.i for n in kids(head) if n.dep_.startswith("nmod") and case_of(n) == "de"]
        conjuncts = [
            c
            for c in head.conjuncts
            if c.i > head.i
            and (case_of(c) in (None, case_of(head)) or (case_of(c) == "de" and of and of[0] < c.i))
        ]
        if not conjuncts and head.i in self.mentioned:
            # "New Delhi et Pékin", parsed with "Pékin" the conjunct of "Delhi", not of "New".
            start = self.mentioned[head.i][0].start
            words = [w for w in head.subtree if (m := self.mentioned.get(w.i)) and m[0].start == start]
            conjuncts = [
                c for w in words for c in kids(w) if c.dep_ == "conj" and c.i > words[-1].i and not case_of(c)
            ]
        if not conjuncts and case_of(head) == "entre":
            conjuncts = second_between(head)
        if (
            conjuncts
            and head.lemma_.lower() in PERSON_NOUNS
            and conjuncts[0].pos_ == "PROPN"
            and not any(c.dep_ == "cc" for c in kids(conjuncts[0]))
        ):
            # "Le secrétaire général de l'ONU, António Guterres": an apposition parsed as a conjunct.
            head, conjuncts = conjuncts[0], conjuncts[1:]
        for phrase in (head, *conjuncts):
            actor = self.actor(phrase, depth=0)
            if actor is None:
                continue
            found.append(actor)
            # "Les dirigeants du Mali, du Burkina Faso et du Niger": each coordinated complement.
            # (The parser may hang them from the head or from each other: "du Mali, du Niger".)
            # So too coordinated names in apposition: "les présidents X et Y".
            complements = [
                w
                for w in kids(phrase)
                if w.dep_ == "appos" or (w.dep_.startswith("nmod") and case_of(w) in ("de", None))
            ]
            namer = next((w for w in complements if self.mention_actor(w) == actor), None)
            if phrase.i in self.mentioned or namer is None:
                continue
            for word in (
                w
                for c in complements
                if c.dep_ == namer.dep_
                for w in c.subtree
                if w.i == c.i or (w.dep_ == "conj" and (w.head.i == c.i or within_phrase(w.head, c)))
            ):
                more = self.mention_actor(word)
                if more is not None and all(a.entity != more.entity for a in found):
                    found.append(more)
        if not found:
            # "aux représentants de sept pays, dont l'Argentine, le Chili et le Pérou": the
            # members a "dont" phrase lists, hung on the noun or on its complement.
            nodes = (head, *(c for c in kids(head) if c.dep_.startswith("nmod")))
            for listed in (c for n in nodes for c in kids(n) if c.pos_ == "PROPN"):
                if any(w.lower_ == "dont" for w in kids(listed)):
                    for name in (listed, *listed.conjuncts):
                        member = self.mention_actor(name)
                        if member is not None and all(a.entity != member.entity for a in found):
                            found.append(member)
        return found

    def actor(self, token: Token, depth: int) -> Actor | None:
        if token.i in self.mentioned:
            return self.mentioned[token.i][0]
        if token.lower_ in RELATIVES and token.head.dep_ == "acl:relcl":
            return self.actor(antecedent(token), depth)
        if token.lower_ in SUBJECT_PRONOUNS and token.dep_.startswith(("nsubj", "expl")) and depth == 0:
            # "Le ministre turc a annoncé qu'il se rendrait au Caire": a subject pronoun that
            # coreference left alone, in what a verb reports, is that verb's subject.
            clause = token.head
            if clause.dep_ == "ccomp" and clause.head.i != clause.i:
                speakers = logical_subjects(clause.head)
                if speakers and speakers[0].i != token.i:
                    return self.actor(speakers[0], depth)
        if (
            token.pos_ == "NOUN"
            and token.dep_ in ("conj", "appos")
            and token.head.i in self.mentioned
            and not any(c.dep_ == "cc" for c in kids(token))
        ):
            return self.mentioned[token.head.i][0]  # "le Mali, pays enclavé": an apposition
        if token.lower_ in FIRST_PERSON and token.i in self.quoted:
            return self.first_person(token)
        if token.lower_ == "lui" and token.dep_ in ("iobj", "obl:arg") and depth == 0:
            return self.dative_person(token)
        if token.pos_ == "ADJ" or (token.dep_ == "amod" and token.lower_ in self.kb.by_adjective):
            return self.adjective_actor(token)  # (the tagger may call "russes" a verb)
        if token.pos_ == "NOUN" and self.kind(self.kb.by_adjective.get(token.lower_, "")) == "group":
            return self.adjective_actor(token)  # "les houthistes ont promis": the group's adjective as a noun
        if _unnamed_person(token):
            return None  # "un diplomate européen": someone the text does not name stands for no one
        # A name in apposition, however the parser attached it: "son homologue kazakh Kassym-Jomart Tokaïev".
        stack = [(c, 1) for c in kids(token) if loose(c)]
        while stack:
            child, level = stack.pop(0)
            actor = self.mention_actor(child)
            if actor is not None and self.mentioned[child.i][1] != "adjective":
                return actor  # (a nationality adjective only once no name is found)
            if level < 3:
                stack.extend((g, level + 1) for g in kids(child) if loose(g))
        if depth > 0 or token.pos_ not in ("NOUN", "PRON"):
            return None
        named = self.named_within(token)
        if named is not None:
            return named
        owner = next(
            (
                found[0]
                for c in kids(token)
                if c.dep_ == "det" and "Yes" in morph(c, "Poss") and (found := self.mentioned.get(c.i))
            ),
            None,
        )
        if owner is not None and token.lemma_.lower() in ENTOURAGE_NOUNS:
            return owner
        home = self.kb.get(self.country(owner.entity) or "") if owner is not None else None
        if home is not None and token.lemma_.lower() in OWN_COUNTRY_NOUNS:
            return self.unnamed_actor(home, token, "pronoun")  # "son pays riposterait"
        described = self.described_person(token)
        if described is not None:
            return described
        if token.lemma_.lower() in CURRENCIES:
            return None  # "le peso mexicain reculait": a market's price, no actor's act
        # An institution or a thing belonging to an actor: "les autorités russes", "la décision de
        # Berlin", "un projet de résolution américain", "les actions « irresponsables » de la Chine".
        frontier = [token]
        for _ in range(2):
            deeper = []
            for node in frontier:
                for child in kids(node):
                    if child.dep_ == "amod" or (child.dep_ == "nmod" and not case_of(child)):
                        actor = self.adjective_actor(child)
                        if actor is not None:
                            return actor
                        deeper.append(child)
                    elif child.dep_.startswith("nmod") and case_of(child) == "de":
                        actor = self.mention_actor(child)
                        if actor is not None:
                            return actor
                        deeper.append(child)
            frontier = deeper
        kind = described_kind(token)
        if kind is not None:
            return self.described_actor(token, kind)
        # "Le gouvernement a annoncé", "le ministère de l'Intérieur", "le chef de l'armée": with
        # no country named, the institution (or who heads it) is the one of the country the
        # article is about.
        noun = token.lemma_.lower()
        if noun in INSTITUTIONS or (
            noun in PERSON_NOUNS
            and any(
                c.dep_ == "nmod" and case_of(c) == "de" and c.lemma_.lower() in INSTITUTIONS
                for c in kids(token)
            )
        ):
            fronted = self._fronted_country(token)
            record = self.kb.get(fronted) if fronted is not None else None
            if record is not None:
                return self.unnamed_actor(record, token, "role")
            return Actor(self.home, token.idx, token.idx + len(token.text)) if self.home is not None else None
        return None

    def _fronted_country(self, subject: Token) -> str | None:
        """The country of a place set before a subject at the head of its clause ("A Séoul, le
        ministère de l'Unification a rappelé…": South Korea's ministry)."""
        for c in kids(subject.head):
            if not c.dep_.startswith("obl") or c.i > subject.i or c.left_edge.lower_ not in ("à", "a", "en"):
                continue
            for word in c.subtree:  # (the tagger may take "A" for the head: "A" ← "Séoul")
                found = self.mentioned.get(word.i)
                if found is not None and self.types.get(found[0].entity) in ("location", "country"):
                    return self.country(found[0].entity)
        return None

    def described_actor(self, token: Token, kind: str) -> Actor | None:
        """The entity of ``kind`` of the knowledge base that ``token`` describes: the armed or
        political group named last before it (one with a country: not a bloc such as "the
        West"), or the organization named most often before it, the last of equals ("l'organisation
        régionale" in a report on the Cédéao that also names the UN)."""
        before = [
            (i, actor)
            for i, (actor, found) in sorted(self.mentioned.items(), reverse=True)
            if i < token.i and found != "pronoun" and self.kind(actor.entity) == kind
        ]
        if kind == "organization":
            counts = Counter(actor.entity for _, actor in before)
            before.sort(key=lambda pair: -counts[pair[1].entity])  # (stable: the last of equals first)
        for _, actor in before:
            record = self.kb.get(actor.entity)
            if record is not None and (record.country or kind == "organization"):
                return self.unnamed_actor(record, token, "role")
        return None

    def named_within(self, token: Token) -> Actor | None:
        """A person named inside a description by office: "le chef de la diplomatie européenne,
        Josep Borrell", however the parser attached the name."""
        if token.lemma_.lower() not in PERSON_NOUNS:
            return None
        for word in token.subtree:
            found = self.mentioned.get(word.i)
            if (
                found
                and found[1] in ("name", "partial")
                and self.types.get(found[0].entity) == "person"
                and within_phrase(word, token)
            ):
                return found[0]
        return None

    def described_person(self, token: Token) -> Actor | None:
        """ "Le ministre russe", "son homologue rwandais", "le chef de la diplomatie syrienne":
        the person of that country named last before; with no country ("le ministre"), the
        person named last within ``DESCRIPTION_WINDOW`` sentences, if ``any_description``."""
        if token.lemma_.lower() not in PERSON_NOUNS or not any(
            c.dep_ == "det" and (c.lower_ in DEFINITE or "Yes" in morph(c, "Poss")) for c in kids(token)
        ):
            return None
        phrase = [w for w in token.subtree if w.i > token.i and within_phrase(w, token)]
        if any(w.pos_ == "PROPN" and w.i not in self.mentioned for w in phrase):
            return None  # named right there ("le porte-parole, Jean Dupont"), by a name not known
        country = next(
            (
                self.kb.by_adjective[w.lower_]
                for w in phrase
                if w.dep_ in ("amod", "nmod") and w.lower_ in self.kb.by_adjective
            ),
            None,
        )
        if country is None and not self.any_description:
            return None
        earliest = self.sentences[max(0, self.sentence_of[token.i] - DESCRIPTION_WINDOW)].start_char
        for start, actor in reversed(self.persons):
            if start >= token.idx:
                continue
            if country is None and start < earliest:
                break
            if country is None or self.country(actor.entity) == country:
                return actor
        return None

    def dative_person(self, token: Token) -> Actor | None:
        """Whom "lui" stands for when coreference left it alone: the last person named before it
        in its sentence who is not its verb's subject ("Reçu par le président X, M. Lavrov lui a
        remis un message" → X); none when the sentence names no other person before it."""
        subjects = {
            self.mentioned[w.i][0].entity
            for s in logical_subjects(token.head) or self.left_subject(token.head)
            for w in s.subtree
            if w.i in self.mentioned
        }
        start = self.sent(token).start_char
        for begin, actor in reversed(self.persons):
            if start <= begin < token.idx and actor.entity not in subjects:
                return actor
        return None

    def pair(self, token: Token) -> list[Actor]:
        """ "Les deux dirigeants", "les trois pays": the last actors of that kind named before,
        as many as the number says."""
        # (The lemmatizer may not know the noun: "parties" → "party".)
        forms = (token.lemma_.lower(), token.lower_, token.lower_.removesuffix("s"))
        noun = next((f for f in forms if f in GROUP_NOUNS or f in GROUP_COUNTRY_NOUNS), None)
        if noun is None:
            return []
        size = next((GROUP_SIZES[c.lower_] for c in kids(token) if c.lower_ in GROUP_SIZES), 0)
        if not size or any(
            c.dep_ in ("amod", "nmod")
            and not case_of(c)
            and (c.pos_ == "PROPN" or c.lower_ in self.kb.by_adjective)
            for c in kids(token)
        ):
            return []  # none, or a group a name of its own says ("les trois Etats baltes")
        wanted = (
            {"country", "organization", "group"}
            if noun in SIDE_NOUNS
            else {"country"}
            if noun in GROUP_COUNTRY_NOUNS
            else {"person"}
        )
        # Not the subject beside it: "l'Ukraine a porté plainte contre les trois pays".
        verb = clause_verb(token)
        beside = {
            mentioned[0].entity
            for subject in logical_subjects(verb)
            if subject.i != token.i and (mentioned := self.mentioned.get(subject.i)) is not None
        }
        before = [
            (m, e) for e in self.entities for m in e.mentions if e.type in wanted and m.end <= token.idx
        ]
        found: list[Actor] = []
        for mention, entity in sorted(before, key=lambda item: -item[0].start):
            if (
                entity.id not in beside
                and all(a.entity != entity.id for a in found)
                and self._may_be(entity.id, noun)
            ):
                # "les deux dirigeants pourraient évoquer": they do it together, with each other.
                found.append(Actor(entity.id, mention.start, mention.end, together=True))
            if len(found) == size:
                return found
        return []

    def _may_be(self, entity_id: str, noun: str) -> bool:
        """Whether a person may be one of "les deux <noun>" (GROUP_OFFICES)."""
        record = self.kb.get(entity_id)
        offices = GROUP_OFFICES.get(noun)
        if offices is None or record is None or not record.roles:
            return True
        return any(r.role in offices for r in record.roles)

    def mention_actor(self, token: Token) -> Actor | None:
        """The actor a mention covering ``token`` names, unless the mention is a pronoun."""
        found = self.mentioned.get(token.i)
        return found[0] if found and found[1] != "pronoun" else None

    def adjective_actor(self, token: Token) -> Actor | None:
        country = self.kb.by_adjective.get(token.lower_)
        record = self.kb.get(country) if country else None
        if record is None or record.type not in ("country", "group", "organization"):
            return None
        if record.type == "organization" and any(
            c.dep_ in ("det", "nummod") and c.lower_ in SOME for c in kids(token.head)
        ):
            return None  # "plusieurs capitales européennes": some of its members, not the Union
        return self.unnamed_actor(record, token, "adjective")

    def unnamed_actor(self, record: KBEntity, token: Token, kind: MentionKind) -> Actor:
        """``record`` as the actor ``token`` stands for, a mention of it once an event uses it."""
        mention = Mention(token.idx, token.idx + len(token.text), token.text, kind)
        self.unnamed[mention.start] = (record, mention)
        return Actor(record.id, mention.start, mention.end)


# Determiners that pick some members out of an organization's ("certains pays européens").
SOME = frozenset({"plusieurs", "certains", "certaines", "quelques", "divers", "diverses", "deux", "trois"})


def _national(entity: Entity) -> bool:
    """Whether ``entity`` is an organization whose name calls it national."""
    return entity.type == "organization" and any(
        word in ("national", "nationale", "nationaux", "nationales") for word in entity.name.lower().split()
    )


def _unnamed_person(token: Token) -> bool:
    """ "un diplomate européen", "une source proche du dossier": one person, not named."""
    return (
        token.pos_ == "NOUN"
        and token.lemma_.lower() in UNNAMED_PERSONS
        and any(c.dep_ == "det" and c.lower_ in ("un", "une") for c in kids(token))
        and not any(w.pos_ == "PROPN" for w in token.subtree)
    )


def _antecedent(last: Token) -> Token | None:
    """The noun a relative clause set off by commas qualifies, given the clause's last word."""
    node = last
    while node.dep_ != "acl:relcl" and node.head.i != node.i and node.head.i < last.i + 1:
        node = node.head
    if node.dep_ != "acl:relcl" or node.left_edge.i < 2 or node.head.i != node.left_edge.i - 2:
        return None
    return node.head if node.doc[node.left_edge.i - 1].text == "," else None


def described_kind(token: Token) -> str | None:
    """ "le mouvement islamiste", "les rebelles": a group described, not named; "l'organisation
    régionale", "l'alliance": an organization."""
    if not any(c.dep_ == "det" and c.lower_ in (*DEFINITE, "les", "ces") for c in kids(token)):
        return None
    lemma = token.lemma_.lower()
    if lemma in GROUP_DESCRIPTIONS:
        return "group"
    return "organization" if lemma in ORGANIZATION_DESCRIPTIONS else None


def within_phrase(word: Token, head: Token) -> bool:
    """Whether ``word`` belongs to ``head``'s phrase, not to a clause inside it ("qui a reçu X")."""
    node = word
    while node.i != head.i and node.dep_ not in CLAUSES and node.head.i != node.i:
        node = node.head
    return node.i == head.i
