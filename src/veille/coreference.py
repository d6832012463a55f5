"""Pronouns ("il", "elle", "son", "sa", "ses") and "le pays" resolved to the actor they stand for.

A deliberately simple, explainable rule rather than a statistical model: a third-person singular
subject pronoun (including the inverted "-t-il" of an incise) or possessive determiner refers to
the person mentioned last before it as a subject, else the person mentioned last, within the
same sentence or the ``WINDOW`` sentences before; but when the last subject of its own sentence
is a country whose article agrees with it ("Le Mali a quitté le G5, dont il dénonçait…"), or,
for "il", a capital standing for its country ("Téhéran a prévenu qu'il…"), it is that country.
Impersonal "il" ("il y a", "il faut", "il s'agit", "il est probable que") is left alone.
A possessive in a clause whose subject names a country, organization or group is that
subject's ("La Russie poursuivra son offensive"), or, in an infinitive clause under a verb of
object control, that object's ("a appelé la Russie à cesser ses frappes"). "Le pays" or "ce
pays", with no complement saying which, is the country named last (as a subject first, by the
same rule). Each
resolved pronoun is added to its entity as a ``pronoun`` mention, which the event and quotation
components then use like any other mention.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Token

from . import extensions as _extensions  # noqa: F401  (registers doc._.veille_*)
from .records import Entity, Mention
from .syntax import clause_verb, morph, object_controller

WINDOW = 2  # sentences before the pronoun's own
SUBJECT_PRONOUNS = frozenset({"il", "elle", "-il", "-elle"})
POSSESSIVES = frozenset({"son", "sa", "ses"})
_PRONOUN_GENDER = {"il": "Masc", "elle": "Fem"}
IMPERSONAL_VERBS = frozenset(
    {"falloir", "agir", "sembler", "paraître", "pleuvoir", "exister", "rester", "manquer"}
)


@Language.factory("veille_coreference")
def make_coreference(nlp: Language, name: str) -> PronounResolver:
    return PronounResolver()


class PronounResolver:
    """Adds ``pronoun`` mentions to the person entities of ``doc._.veille_entities``."""

    def __call__(self, doc: Doc) -> Doc:
        entities: list[Entity] = list(doc._.veille_entities or ())
        persons = _mentions(entities, "person")
        countries = _mentions(entities, "country", kinds=("name",))  # not "Moscou" for Russia
        capitals = _mentions(entities, "country", kinds=("metonym",))  # but "Téhéran a prévenu qu'il…"
        sentence_starts = [s.start_char for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
        added: dict[str, list[Mention]] = {}
        actors = (
            _mentions(entities, "country")
            + _mentions(entities, "organization")
            + _mentions(entities, "group")
        )
        for token in doc:
            owner = _subject_owner(token, actors) if token.lower_ in POSSESSIVES else None
            if owner is not None and _resolvable(token):
                # "La Russie poursuivra son agression": a possessive in a clause whose subject is a
                # country or organization is that subject's.
                mention = Mention(token.idx, token.idx + len(token.text), token.text, "pronoun")
                added.setdefault(owner, []).append(mention)
                continue
            if _resolvable(token):
                candidates = persons
            elif _country_anaphor(token):
                candidates = countries
            else:
                continue
            earliest = _window_start(sentence_starts, token.idx)
            before = [p for p in candidates if earliest <= p[0] and p[1] <= token.idx]
            if candidates is persons and not token.lower_.startswith("-"):
                # "Le Mali a quitté le G5, dont il dénonçait l'inefficacité": a subject pronoun
                # continues its own sentence's last subject, a country of its gender too.
                sentence = _window_start(sentence_starts, token.idx, 0)
                subjects = sorted(
                    p
                    for p in (*persons, *countries, *capitals)
                    if sentence <= p[0] and p[1] <= token.idx and _subject_at(doc, p[0])
                )
                if subjects and subjects[-1] not in persons and _agrees(doc, subjects[-1], token.lower_):
                    before = subjects[-1:]
            if before:
                # A subject pronoun continues the last subject ("Poutine rencontrera Tokaïev.
                # Il participera…" is Poutine); failing one, the person named last.
                subjects = (
                    [p for p in before if _subject_at(doc, p[0])] if token.lower_ not in POSSESSIVES else []
                )
                entity_id = (subjects or before)[-1][2]
                mention = Mention(token.idx, token.idx + len(token.text), token.text, "pronoun")
                added.setdefault(entity_id, []).append(mention)
        doc._.veille_entities = tuple(
            replace(e, mentions=tuple(sorted((*e.mentions, *added[e.id]), key=lambda m: m.start)))
            if e.id in added
            else e
            for e in entities
        )
        return doc


def _mentions(
    entities: list[Entity], type_: str, kinds: tuple[str, ...] = ("name", "partial", "role", "metonym")
) -> list[tuple[int, int, str]]:
    return sorted(
        (m.start, m.end, e.id) for e in entities if e.type == type_ for m in e.mentions if m.kind in kinds
    )


def _subject_owner(token: Token, actors: list[tuple[int, int, str]]) -> str | None:
    """The country, organization or group that is the subject of the clause of the noun the
    possessive ``token`` determines, if one is."""
    verb = clause_verb(token.head)
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")]
    if not subjects:
        subjects = object_controller(verb)  # "a appelé la Russie à cesser ses frappes": Russia's
    if not subjects or subjects[0].i > token.i:
        return None
    start, end = subjects[0].idx, subjects[0].idx + len(subjects[0].text)
    return next((eid for s, e, eid in actors if s <= start and end <= e), None)


def _token_at(doc: Doc, start: int) -> Token | None:
    """The token holding character ``start``."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return span[0] if span is not None else None


def _subject_at(doc: Doc, start: int) -> bool:
    """Whether the mention starting at character ``start`` is (part of) a subject."""
    word = _token_at(doc, start)
    if word is None:
        return False
    for _ in range(3):  # up from a first name, a title or an apposition to its phrase
        if word.dep_.startswith("nsubj"):
            return True
        if word.dep_ not in ("flat:name", "flat", "appos", "amod", "nmod") or word.head.i == word.i:
            return False
        word = word.head
    return False


def _agrees(doc: Doc, mention: tuple[int, int, str], pronoun: str) -> bool:
    """Whether a country's name agrees with ``pronoun`` by its article ("le Mali": "il"); a
    city standing for its country, named without article, takes "il" ("Pékin a assuré qu'il…")."""
    gender = _gender_at(doc, mention[0])
    return gender == _PRONOUN_GENDER.get(pronoun) or (gender is None and pronoun == "il")


def _gender_at(doc: Doc, start: int) -> str | None:
    """The gender the article of the name starting at ``start`` shows ("le Mali", "la France")."""
    word = _token_at(doc, start)
    article = next((c.lower_ for c in word.children if c.dep_ == "det"), "") if word is not None else ""
    return {"le": "Masc", "du": "Masc", "au": "Masc", "la": "Fem"}.get(article)


def _country_anaphor(token: Token) -> bool:
    """ "le pays", "ce pays" with nothing saying which: the country last named."""
    if token.lemma_ != "pays" or token.pos_ != "NOUN" or morph(token, "Number") == ["Plur"]:
        return False
    children = list(token.children)
    return any(c.dep_ == "det" and c.lower_ in ("le", "ce") for c in children) and not any(
        c.dep_ in ("amod", "nmod", "acl", "acl:relcl", "appos") for c in children
    )


def _resolvable(token: Token) -> bool:
    word = token.lower_
    if word in POSSESSIVES:
        return token.dep_ == "det" and token.pos_ == "DET"
    if word not in SUBJECT_PRONOUNS or token.pos_ != "PRON":
        return False
    if not word.startswith("-") and not token.dep_.startswith(("nsubj", "expl:subj")):
        return False  # the inverted "-il" of an incise is a subject whatever the parser says
    return not _impersonal(token)


def _impersonal(token: Token) -> bool:
    head = token.head
    following = token.doc[token.i + 1].lower_ if token.i + 1 < len(token.doc) else ""
    if following in ("y", "n'y") or head.lemma_ in IMPERSONAL_VERBS:
        return True
    # "il est probable que", "il est question de": a copula with an adjective or noun and a clause.
    return any(c.dep_ == "cop" for c in head.children) and any(
        c.dep_ in ("csubj", "ccomp", "xcomp") for c in head.children
    )


def _window_start(sentence_starts: list[int], offset: int, window: int = WINDOW) -> int:
    """Where the sentence ``window`` sentences before the one holding ``offset`` starts."""
    current = max(0, bisect_right(sentence_starts, offset) - 1)  # the sentence holding ``offset``
    return sentence_starts[max(0, current - window)]
