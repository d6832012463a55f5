"""French dependency-parse helpers for the event coder: who is the subject, the object, the
complement introduced by a preposition; passives, negation, mood and tense.

They read spaCy's Universal Dependencies labels as the French models produce them, including
their usual mistakes (a compound past with "être" taken for a passive, a name after a verb
attached as ``xcomp``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any, Protocol, TypeVar

from spacy.attrs import HEAD, LEMMA, LOWER
from spacy.tokens import Doc, Token

from .records import Modality
from .sentences import quotations

T = TypeVar("T")


class Answering(Protocol):
    answers: dict[str, dict[int, Any]]  # method name -> token index -> answer


S = TypeVar("S", bound=Answering)
_UNKNOWN: Any = object()  # (an answer not found yet)

REFLEXIVE = frozenset({"se", "s'", "s’", "me", "m'", "m’", "te", "t'", "t’", "nous", "vous"})  # noqa: RUF001
PREPOSITIONS = {"au": "à", "aux": "à", "du": "de", "des": "de", "d'": "de", "d’": "de"}  # noqa: RUF001
NEGATIONS = frozenset({"pas", "jamais", "plus", "guère", "aucunement", "nullement", "point"})
NE = frozenset({"ne", "n'", "n’"})  # noqa: RUF001
FUTURE_ENDINGS = frozenset({"ai", "as", "a", "ons", "ez", "ont"})
CONDITIONAL_ENDINGS = frozenset({"ais", "ait", "ions", "iez", "aient"})
NEGATIVE_SUBJECTS = frozenset({"personne", "rien", "aucun", "aucune", "nul"})
NEGATIVE_DETERMINERS = frozenset({"aucun", "aucune", "nul", "nulle"})
RELATIVES = frozenset({"qui", "que", "qu'", "qu’", "lequel", "laquelle", "lesquels", "lesquelles"})  # noqa: RUF001
SUBJECT_PRONOUNS = frozenset({"il", "elle", "ils", "elles"})
# Verbs whose object, not subject, does what their infinitive says ("accuser X de", "appeler X à").
OBJECT_CONTROL = frozenset(
    {
        *("accuser", "appeler", "exhorter", "inviter", "pousser", "autoriser", "encourager"),
        *("inciter", "sommer", "contraindre", "obliger", "forcer", "aider", "soupçonner"),
        *("convaincre", "charger", "empêcher", "dissuader", "entendre", "voir", "regarder", "écouter"),
        *("ordonner", "demander", "enjoindre", "permettre", "recommander", "conseiller"),
    }
)
# Verbs conjugated with "être" in compound tenses, which the parser takes for passives.
ETRE_VERBS = frozenset(
    {
        *("arriver", "partir", "venir", "revenir", "rentrer", "retourner", "entrer", "sortir"),
        *("monter", "descendre", "tomber", "mourir", "décéder", "rester", "devenir", "parvenir"),
        *("intervenir", "survenir", "passer", "naître", "aller"),
    }
)
# Verbs of state whose past participle complement is a passive ("reste menacé", "semble isolé").
STATE_VERBS = frozenset({"rester", "demeurer", "sembler", "paraître"})
# Verbs whose event noun carries the event, and whose subject is its source ("a lancé une offensive",
# "a annoncé des sanctions contre").
SUPPORT_VERBS = frozenset(
    {
        *("effectuer", "mener", "lancer", "faire", "imposer", "prendre", "adopter", "décréter"),
        *("entamer", "achever", "poursuivre", "conduire", "organiser", "tenir", "commencer", "arriver"),
        *("déclencher", "engager", "multiplier", "intensifier", "reprendre", "ordonner", "terminer"),
        *("porter", "opérer", "accomplir", "boucler", "débuter", "venir", "partir", "être"),
        *("annoncer", "décider", "approuver", "autoriser", "conclure", "promettre", "proposer"),
        *("préparer", "prévoir", "envisager", "confirmer", "planifier", "programmer", "ouvrir"),
        *("adresser", "formuler"),
    }
)
# Clause boundaries: a time expression below one of these belongs to another event.
CLAUSES = frozenset({"ccomp", "advcl", "acl", "acl:relcl", "parataxis", "conj", "csubj"})


class WordFilter:
    """Finds the tokens whose lowercased lemma is one of ``lemmas`` or whose lowercased form is one
    of ``forms``, from the token arrays (cheaper than looking at every Token), remembering the
    answer for each string it has seen."""

    def __init__(self, lemmas: frozenset[str], forms: frozenset[str]) -> None:
        self.lemmas = lemmas
        self.forms = forms
        # The lemma and form hashes already looked at, and those of them wanted.
        self.seen_lemmas: set[int] = set()
        self.seen_forms: set[int] = set()
        self.wanted_lemmas: set[int] = set()
        self.wanted_forms: set[int] = set()

    def tokens(self, doc: Doc) -> list[Token]:
        strings = doc.vocab.strings
        rows = doc.to_array([LEMMA, LOWER])
        lemmas, forms = rows[:, 0].tolist(), rows[:, 1].tolist()
        new_lemmas, new_forms = set(lemmas) - self.seen_lemmas, set(forms) - self.seen_forms
        self.wanted_lemmas.update(h for h in new_lemmas if strings[h].lower() in self.lemmas)
        self.wanted_forms.update(h for h in new_forms if strings[h] in self.forms)
        self.seen_lemmas |= new_lemmas
        self.seen_forms |= new_forms
        by_lemma, by_form = self.wanted_lemmas, self.wanted_forms
        return [
            doc[i]
            for i, (lemma, form) in enumerate(zip(lemmas, forms, strict=True))
            if lemma in by_lemma or form in by_form
        ]


def kids(token: Token) -> tuple[Token, ...]:
    """``token.children``, found once per document from the head array (the coder asks for the
    same words' children many times, and each ``Token.children`` builds new tokens)."""
    found: list[tuple[Token, ...]] | None = token.doc.user_data.get("veille.kids")
    if found is None:
        doc = token.doc
        words = list(doc)
        children: list[list[Token]] = [[] for _ in words]
        for word, offset in zip(words, doc.to_array(HEAD).view("int64").tolist(), strict=True):
            if offset:
                children[word.i + offset].append(word)
        found = doc.user_data["veille.kids"] = [tuple(c) for c in children]
    return found[token.i]


def lemmas_of(doc: Doc) -> frozenset[str]:
    """The lowercased lemmas of ``doc``'s words, found once per document."""
    found: frozenset[str] | None = doc.user_data.get("veille.lemmas")
    if found is None:
        hashes = set(doc.to_array(LEMMA).tolist())
        for new in [h for h in hashes if h not in _LOWERED]:
            _LOWERED[new] = doc.vocab.strings[new].lower()
        found = doc.user_data["veille.lemmas"] = frozenset(_LOWERED[h] for h in hashes)
    return found


_LOWERED: dict[int, str] = {}  # each lemma met (by its hash), lowercased: shared by all documents


def remembered(function: Callable[[Token], T]) -> Callable[[Token], T]:
    """``function`` answering once per token of a document, the answers kept in the document's
    ``user_data`` (asked for the same words many times; the parse no longer changes once
    veille's components that read it run)."""
    key = f"veille.{function.__name__}"

    @functools.wraps(function)
    def once(token: Token) -> T:
        answers = token.doc.user_data.get(key)
        if answers is None:
            answers = token.doc.user_data[key] = {}
        i = token.i
        answer: T = answers.get(i, _UNKNOWN)
        if answer is _UNKNOWN:
            answer = answers[i] = function(token)
        return answer

    return once


def remembered_method(method: Callable[[S, Token], T]) -> Callable[[S, Token], T]:
    """A method of an object that reads one document (an :class:`~veille.actors.ActorFinder`)
    answering once per token, the answers kept in the object's ``answers``, by method."""
    name = method.__name__

    @functools.wraps(method)
    def once(self: S, token: Token) -> T:
        answers = self.answers.setdefault(name, {})
        i = token.i
        answer: T = answers.get(i, _UNKNOWN)
        if answer is _UNKNOWN:
            answer = answers[i] = method(self, token)
        return answer

    return once


def morph(token: Token, name: str) -> list[str]:
    """The values of ``token``'s morphological feature ``name``: ``token.morph.get(name)``, read
    once per token from the analysis string (several times cheaper, and asked for every
    candidate word)."""
    return _features(token).get(name, [])


@remembered
def _features(token: Token) -> dict[str, list[str]]:
    analysis = token.morph
    features = _ANALYSES.get(hash(analysis))
    if features is None:
        features = _ANALYSES[hash(analysis)] = {}
        for item in str(analysis).split("|"):
            key, _, values = item.partition("=")
            if values:
                features[key] = values.split(",")
    return features


# Each morphological analysis met (by its hash), read into features: a language has a few
# hundred, shared by all documents.
_ANALYSES: dict[int, dict[str, list[str]]] = {}


def participle(token: Token) -> bool:
    return token.pos_ == "ADJ" and "Part" in morph(token, "VerbForm")


def verb_in_disguise(token: Token) -> bool:
    """A verb the tagger took for something else: an adverb, adjective, or a noun after "a" (or
    after "lui", "leur" and before "de" or "que")."""
    if token.pos_ in ("ADV", "ADJ"):
        return True
    previous = token.doc[token.i - 1] if token.i else None
    if token.pos_ != "NOUN" or previous is None:
        return False
    following = token.doc[token.i + 1].lower_ if token.i + 1 < len(token.doc) else ""
    # (or after an indirect object pronoun taken for a determiner: "leur reproche d'avoir…")
    return previous.lemma_ in ("avoir", "être") or (
        previous.lower_ in ("lui", "leur") and following in ("de", "d'", "d’", "que", "qu'", "qu’")  # noqa: RUF001
    )


@remembered
def reflexive(token: Token) -> bool:
    return any(
        c.lower_ in REFLEXIVE and c.pos_ == "PRON" and c.dep_.startswith("expl") for c in kids(token)
    ) or any(
        c.lower_ in REFLEXIVE and c.pos_ == "PRON" and c.dep_ in ("obj", "iobj") and c.i < token.i
        for c in kids(token)
    )


def near_words(token: Token) -> list[Token]:
    """The children and grandchildren of ``token`` (not across a clause), and what a passive is
    done to wherever the parser hung it; a quantity is seen through ("a débloqué 100 millions de
    dollars d'aide humanitaire": "aide" and "humanitaire" are near "débloqué", as in "a débloqué
    une aide humanitaire")."""
    children = list(kids(token))
    children += [g for c in children if _quantity(c) for g in kids(c)]
    if passive(token):  # what a passive is done to ("des diplomates, expulsés par…")
        children += [o for o in logical_objects(token) if o.head.i != token.i]
    return children + [g for c in children if c.dep_ not in CLAUSES for g in kids(c)]


@remembered
def near_lemmas(token: Token) -> set[str]:
    """The lemmas of :func:`near_words`, which further words of a lexicon entry are matched in."""
    return {w.lemma_.lower() for w in near_words(token)}


def _quantity(token: Token) -> bool:
    """A number, or a noun that counts ("millions", "milliers", "dizaines")."""
    return token.pos_ == "NUM" or (token.pos_ == "NOUN" and "Card" in morph(token, "NumType"))


@remembered
def case_of(token: Token) -> str | None:
    """The preposition introducing ``token`` ("au" → "à", "du" → "de"), if any."""
    for child in kids(token):
        if child.dep_ in ("case", "mark") and child.i < token.i:
            if child.dep_ == "case" and any(g.dep_ == "fixed" for g in kids(child)):
                return child.lower_  # "auprès de", "face à"
            word = child.lower_
            return PREPOSITIONS.get(word, word)
    return None


def past_participle(token: Token) -> bool:
    form = morph(token, "VerbForm")
    if "Part" in form:
        return "Past" in morph(token, "Tense")
    # The tagger may call "lancée" an infinitive or "nié" a present: no infinitive or finite
    # verb ends so ("crée" may be a present).
    word = token.lower_
    return token.pos_ == "VERB" and (
        word.endswith(("é", "és", "ées")) or (word.endswith("ée") and "Fin" not in form)
    )


def present_participle(token: Token) -> bool:
    return "Part" in morph(token, "VerbForm") and "Pres" in morph(token, "Tense")


@remembered
def passive(token: Token) -> bool:
    """Whether ``token`` is a passive verb (its subject undergoes it)."""
    if token.lemma_ in ETRE_VERBS:
        return False  # "est arrivé": a compound past with "être", not a passive
    if any(c.dep_ == "aux:pass" and c.lemma_ != "avoir" for c in kids(token)):
        return True  # (never with "avoir": "ce que Kigali a contesté", however labelled)
    if any(c.dep_ == "nsubj:pass" for c in kids(token)):
        # "Il a assuré": a compound past with "avoir" the parser took for a passive.
        return not any(c.dep_.startswith("aux") and c.lemma_ == "avoir" for c in kids(token))
    # "le pays accusé par les Occidentaux": a past participle qualifying a noun; "bien que
    # contestée par la Chine": a bare past participle with its agent. Not one with its own
    # subject or "avoir" ("ce que le gouvernement a démenti", however the parser labels it).
    if not past_participle(token) or any(
        c.dep_ == "nsubj" or (c.dep_.startswith("aux") and c.lemma_ == "avoir") for c in kids(token)
    ):
        return False
    # "Reçus à la Maison Blanche, les deux ministres…": a participle fronted before its clause
    # says what was done to that clause's subject (verbs of "être", "Arrivé à Moscou, il…", are
    # set aside above).
    fronted = token.dep_ == "advcl" and token.i < token.head.i and token.is_sent_start
    # "Le Niger reste menacé d'une intervention": a participle completing a verb of state.
    # (the lemmatizer may leave "reste" as it is)
    lemma = token.head.lemma_
    stative = token.dep_ == "xcomp" and not STATE_VERBS.isdisjoint({lemma, lemma + "r"})
    return (
        fronted
        or stative
        or token.dep_ == "acl"
        or any(
            c.dep_ == "obl:agent" or (c.dep_.startswith("obl") and case_of(c) == "par") for c in kids(token)
        )
    )


@remembered
def own_subjects(token: Token) -> list[Token]:
    """The subject, or the agent of a passive, that ``token`` itself governs."""
    if passive(token):
        return [
            c
            for c in kids(token)
            if c.dep_ == "obl:agent" or (c.dep_.startswith("obl") and case_of(c) == "par")
        ]
    found: list[Token] = []
    for c in _subject_candidates(token):
        if c.dep_.startswith("nsubj") and c.lower_ in ("-t", "t"):
            # "a-t-elle promis": the parser may hang the pronoun from the linking "t".
            found.extend(g for g in kids(c) if g.lower_.lstrip("-") in SUBJECT_PRONOUNS)
        elif c.dep_.startswith("nsubj") or (
            c.dep_.startswith("expl") and c.lower_.lstrip("-") in SUBJECT_PRONOUNS
        ):
            found.append(c)
    if not found:
        # "Le dirigeant, arrivé à bord de son train, a assuré…": the subject hung on a detached
        # participle before the verb is the verb's own.
        found = [
            g
            for c in kids(token)
            if c.dep_ == "advcl"
            and c.i < token.i
            and "Part" in morph(c, "VerbForm")
            and token.doc[c.i - 1].text == ","
            for g in kids(c)
            if g.dep_ == "nsubj" and g.i < c.i
        ]

    # An inverted pronoun is the subject of its incise, whatever else the parser hung there; of
    # two subjects ("Le président ukrainien, Volodymyr Zelensky, a salué"), the name, else the
    # nearer ("Membre de l'alliance…, le pays n'a pas condamné"); after the verb, the nearer
    # ("», a lancé le président russe devant ses homologues…, sud-africain Cyril Ramaphosa").
    def rank(c: Token) -> tuple[bool, int, bool, int]:
        after = c.i - token.i if c.i > token.i else 0
        return not c.lower_.startswith("-"), after, c.pos_ != "PROPN", abs(c.i - token.i)

    subjects = sorted(found, key=rank)[:1]
    head = token.head
    if (
        subjects
        and token.dep_ == "conj"
        and head.dep_ == "ROOT"
        and head.pos_ in ("NOUN", "PROPN")
        and head.i < subjects[0].i < token.i
        and any(c.dep_ == "cc" and c.lower_ == "et" and head.i < c.i < subjects[0].i for c in kids(token))
    ):
        # "Israël et le Hamas ont prolongé la trêve", parsed with "Israël" as the root and the
        # verb as its conjunct: the root is a subject coordinated with the verb's own.
        subjects.insert(0, head)
    return subjects


@remembered
def _subject_candidates(token: Token) -> list[Token]:
    """Where ``token``'s subject may be: its children, and those the parser hung on its auxiliary
    instead ("Le Japon a pour sa part condamné": "Japon" under "a"); not a quotation's words when
    ``token`` is outside it (« … », a pour sa part assuré X: the quotation is what is said, not
    who says it)."""
    children = list(kids(token))
    found = children + [g for c in children if c.dep_.startswith("aux") for g in kids(c)]
    spans = [
        (opening, closing) for opening, closing in quotations(token.doc) if not opening < token.i < closing
    ]
    if spans:
        found = [c for c in found if not any(opening < c.i < closing for opening, closing in spans)]
    # A subject never stands before the conjunction that joins its verb to another ("affirme n'avoir
    # visé que des cibles et assure…": "cibles" is no subject of "assure").
    joined = max((c.i for c in children if c.dep_ == "cc" and c.i < token.i), default=-1)
    return [c for c in found if c.i > joined or not c.dep_.startswith("nsubj")]


@remembered
def logical_subjects(token: Token) -> list[Token]:
    """Who does what ``token`` says: the subject, the agent of a passive, or an inherited subject."""
    if passive(token):
        agents = [
            c
            for c in kids(token)
            if c.dep_ == "obl:agent" or (c.dep_.startswith("obl") and case_of(c) == "par")
        ]
        return agents or complements(token, "par")
    subjects = [
        c
        for c in _subject_candidates(token)
        if (c.dep_.startswith("nsubj") and c.lower_ not in ("-t", "t"))
        or (c.dep_.startswith("expl") and c.lower_.lstrip("-") in SUBJECT_PRONOUNS and c.i > token.i - 3)
    ]
    if subjects:
        return subjects[:1]
    head = token.head
    if head.i == token.i:
        return []
    if token.dep_ == "xcomp" and head.lemma_ in ("laisser", "faire") and reflexive(head):
        return []  # "ne nous laisserons pas intimider", "s'est fait arrêter": undergone, by someone unnamed
    attributed = attributed_object(token)
    if attributed:
        return attributed
    if token.dep_ == "xcomp" or (token.dep_ == "obj" and token.pos_ == "ADJ"):
        # (an adjective is no object: "s'est dit prêt à", parsed with "prêt" as the object)
        return object_controller(token) or logical_subjects(head)
    if token.dep_ in ("advcl", "conj") and head.pos_ in ("VERB", "AUX", "ADJ"):
        inherited = logical_subjects(head)
        if inherited:
            return inherited
    if token.dep_ == "acl:relcl":
        return []  # "qui" is the subject when there is one; else the relative says nothing more
    if token.dep_ == "acl" and any(c.dep_ == "mark" and c.lower_ in ("pour", "afin") for c in kids(token)):
        # "a convoqué un diplomate chinois pour protester": a purpose is the clause's subject's
        return logical_subjects(clause_verb(head)) if head.pos_ in ("NOUN", "PROPN") else []
    controller = _controlling_verb(token)
    if controller is not None and token.dep_ == "acl":
        # "a été accusé par des experts d'avoir déployé…", parsed as qualifying the agent: the
        # one accused does it.
        return logical_objects(controller)
    if (
        token.dep_ == "acl"
        and head.pos_ in ("NOUN", "PROPN")
        and (not past_participle(token) or any(c.dep_ == "aux:tense" for c in kids(token)))
    ):
        # "la décision de X de frapper": the infinitive's subject; so too for a compound
        # infinitive ("a accusé les garde-côtes d'avoir attaqué…", parsed as qualifying them)
        return [head]
    partner = coordinated_verb(token)
    return logical_subjects(partner) if partner is not None else []


def attributed_object(token: Token) -> list[Token]:
    """The object an adjective is said of as its attribute ("Moscou l'avait jugé trop favorable
    à Israël": the text, not Moscow, is favourable); a reflexive object is the subject itself
    ("s'est dit prêt")."""
    if token.dep_ != "xcomp" or token.pos_ != "ADJ":
        return []
    return [c for c in kids(token.head) if c.dep_ == "obj" and c.lower_ not in REFLEXIVE]


def _controlling_verb(token: Token) -> Token | None:
    """The verb of object control whose infinitive ``token`` is ("accusé de…"), also when the
    parser hung it on the passive's agent ("a été accusé par des experts d'avoir déployé…")."""
    head = token.head
    if token.dep_ == "xcomp" and head.lemma_.lower() in OBJECT_CONTROL:
        return head
    verb = head.head
    if (
        token.dep_ == "acl"
        and (head.dep_ == "obl:agent" or case_of(head) == "par")
        and verb.lemma_.lower() in OBJECT_CONTROL
        and passive(verb)
    ):
        return verb
    return None


def object_controller(token: Token) -> list[Token]:
    """The object that does what the infinitive ``token`` says under a verb of object control
    ("a exhorté son interlocuteur à normaliser…": the interlocutor), if any."""
    head = token.head
    if token.dep_ != "xcomp" or head.lemma_.lower() not in OBJECT_CONTROL:
        return []
    addressed = [
        c for c in kids(head) if c.dep_ == "iobj" or (c.dep_.startswith("obl") and case_of(c) == "à")
    ]
    return (logical_objects(head) + addressed)[:1]  # ("a ordonné à l'Ethiopie de retirer…")


def second_between(head: Token) -> list[Token]:
    """The second party of "entre A et B" when the parser hung B elsewhere ("entre Kinshasa et
    la rébellion", with "rébellion" joined to the verb): the noun right after "et"."""
    after = head.right_edge.i + 1
    if after >= len(head.doc) or head.doc[after].lower_ != "et":
        return []
    for word in head.doc[after + 1 : after + 4]:
        if word.pos_ in ("NOUN", "PROPN"):
            return [word]
        if word.pos_ not in ("DET", "ADJ"):
            break
    return []


def coordinated_verb(token: Token) -> Token | None:
    """The verb ``token`` is joined to by "et", "mais" or "puis" when the parser hung it elsewhere
    ("a condamné une attaque et exigé…", with "exigé" under "attaque"; "a affirmé que des
    manifestants avaient été arrêtés et a promis…", with "promis" under "arrêtés"), when ``token``
    has no subject of its own: the nearest verb before the conjunction of the same form. A
    participle without auxiliary shares the auxiliary of a compound tense; otherwise the finite
    words (the auxiliary, or the verb) agree in person and number."""
    joined = [
        c for c in kids(token) if c.dep_ == "cc" and c.i < token.i and c.lower_ in ("et", "mais", "puis")
    ]
    if not joined or token.pos_ != "VERB" or own_subjects(token):
        return None

    def form(verb: Token) -> tuple[str, ...] | None:
        auxiliary = next((c for c in kids(verb) if c.dep_ == "aux:tense"), None)
        if auxiliary is not None:
            return ("compound", *morph(auxiliary, "Number"), *morph(auxiliary, "Person"))
        if morph(verb, "VerbForm") == ["Fin"]:
            return ("finite", *morph(verb, "Number"), *morph(verb, "Person"))
        return ("participle",) if past_participle(verb) else None

    wanted = form(token)
    if wanted is None:
        return None
    for verb in reversed(token.doc[token.sent.start : joined[0].i]):
        if verb.pos_ != "VERB" or (verb.dep_ == "acl" and token.dep_ != "acl"):
            continue  # (nor a participle qualifying a noun: "une punition infligée à… et annoncé")
        found = form(verb)
        if found == wanted or (wanted == ("participle",) and found and found[0] == "compound"):
            return verb
    return None


def antecedent(relative: Token) -> Token:
    """What the relative pronoun of a relative clause stands for: the word the clause qualifies,
    or, when the parser hung the clause on a verb, the word right before the pronoun ("…
    menacé par la Cedeao, qui exige…")."""
    head = relative.head.head
    if head.pos_ not in ("VERB", "AUX"):
        return head
    before = next((w for w in reversed(relative.doc[: relative.i]) if not w.is_punct), None)
    return before if before is not None else head


@remembered
def logical_objects(token: Token) -> list[Token]:
    """What ``token`` is done to: the object, or the subject of a passive."""
    if passive(token):
        found = [c for c in kids(token) if c.dep_ == "nsubj:pass"]
        if not found and token.dep_ == "acl":
            found = [token.head]
        if not found and token.dep_ == "xcomp":
            found = [c for c in kids(token.head) if c.dep_.startswith("nsubj")]  # "X reste menacé"
        detached = token.i < token.head.i or (token.i > 0 and token.doc[token.i - 1].text == ",")
        if not found and token.dep_ == "advcl" and detached:
            # "Reçu par le président, le ministre a remis…", "Les diplomates sont partis, expulsés
            # par Caracas": a detached participle says it of the subject.
            found = [c for c in kids(token.head) if c.dep_ == "nsubj"]
        found = found or [c for c in kids(token) if c.dep_ == "nsubj"]
        if not found and token.is_sent_start:
            # The same, parsed with the participle as root and the main verb as its conjunct.
            main = [c for c in kids(token) if c.dep_ == "conj"]
            found = [g for c in main for g in kids(c) if g.dep_ == "nsubj"][:1]
        return found
    found = [c for c in kids(token) if c.dep_ == "obj"]
    if found and found[0].lower_ in RELATIVES and token.dep_ == "acl:relcl" and token.head.lower_ == "ce":
        # "ce que X a démenti": what is denied is the clause "ce" stands for, and its actor;
        # of an accusation's content ("accusé par Y d'avoir…, ce que X dément"), the accuser.
        clause = clause_verb(token.head.head)  # (also when the parser hung "ce" on a noun)
        if clause.i == token.head.i:
            return []
        controller = _controlling_verb(clause)
        return logical_subjects(controller if controller is not None else clause)
    if found:
        return found
    # "a reconnu jeudi la victoire de X": the object hung from the bare time noun before it.
    found = [
        g
        for c in kids(token)
        if c.dep_ == "obl:mod" and c.pos_ == "NOUN" and c.i == token.i + 1 and not case_of(c)
        for g in kids(c)
        if g.dep_ == "obj"
    ]
    if found:
        return found
    # A name the parser attached loosely right after the verb ("accuse Islamabad de…").
    return [
        c
        for c in kids(token)
        if c.dep_ in ("xcomp", "dep", "appos", "nmod", "obl:arg")
        and c.pos_ == "PROPN"
        and 0 < c.i - token.i <= 2
        and not case_of(c)
    ]


def complements(token: Token, preposition: str) -> list[Token]:
    """Obliques and noun complements introduced by ``preposition``, nearest first."""
    return complements_by_case(token).get(preposition, [])


@remembered
def complements_by_case(token: Token) -> dict[str, list[Token]]:
    """Obliques and noun complements by the preposition introducing them, nearest first: those
    of ``token`` itself, else those lower in its phrase."""
    found = _by_case(c for c in kids(token) if c.dep_.startswith(("obl", "nmod")))
    if token.pos_ == "NOUN":
        # "la visite d'un président français au Kazakhstan": the complement may hang from a "de"
        # complement (not from another: in "une aide au programme de Pyongyang", Pyongyang's is
        # the programme, not the aid).
        lower = _by_case(
            g
            for c in kids(token)
            if c.dep_.startswith("nmod") and case_of(c) == "de"
            for g in kids(c)
            if g.dep_.startswith("nmod")
        )
    else:
        # A verb's complement may hang lower, from its object, another complement or its
        # infinitive ("un accord avec X", "prêt à lancer des projets au Sénégal"): within the clause.
        below = []
        stack = list(kids(token))
        while stack:
            node = stack.pop()
            dep = node.dep_
            if dep in CLAUSES:
                continue
            if dep.startswith(("obl", "nmod")):
                below.append(node)
            stack.extend(kids(node))
        lower = {
            case: sorted(heads, key=lambda t: abs(t.i - token.i)) for case, heads in _by_case(below).items()
        }
    return {**lower, **found}


def _by_case(heads: Iterable[Token]) -> dict[str, list[Token]]:
    grouped: dict[str, list[Token]] = {}
    for head in heads:
        case = case_of(head)
        if case is not None:
            grouped.setdefault(case, []).append(head)
    return grouped


def governing_subjects(token: Token, mutual: bool = False) -> list[Token]:
    """For an event noun, the subject of the support verb it depends on ("a effectué une visite").

    For a meeting ("lors d'un entretien avec Y"), the subject of any verb it qualifies takes part.
    A support verb may also qualify the noun as a passive participle: "les négociations menées par
    Washington", "l'offensive lancée par Bakou".
    """
    # (also hung on the noun's own complement: "l'appel à l'aide lancé par le Premier ministre")
    qualified = (token, *(c for c in kids(token) if c.dep_ == "nmod" and c.i > token.i))
    for child in (c for noun in qualified for c in kids(noun)):
        if child.dep_ == "acl" and child.lemma_.lower() in SUPPORT_VERBS and passive(child):
            agents = logical_subjects(child)
            if agents:
                return agents
    head = clause_verb(token)
    if head.i == token.i:
        return []
    arguments = ("obj", "obl", "obl:mod", "obl:arg", "nsubj")
    support = head.lemma_.lower() in SUPPORT_VERBS and token.dep_ in arguments
    # Only a meeting the verb itself governs ("s'est dit satisfait lors d'un entretien"), not one
    # named deep in another phrase ("la frontière, théâtre d'affrontements").
    if not support and not (mutual and token.dep_ != "obj" and token.head.i == head.i):
        return []
    subjects = logical_subjects(head)
    if not subjects and head.dep_ == "acl" and head.head.pos_ in ("NOUN", "PROPN") and token.head.i == head.i:
        # "L'Arabie saoudite, engagée dans des pourparlers avec X": the noun the participle qualifies.
        return [head.head]
    return subjects


def in_phrase_with_case(word: Token) -> bool:
    """Whether ``word`` belongs to a prepositional phrase ("pour sa part", "de la Commission")."""
    return any(c.dep_ == "case" for c in kids(word)) or any(c.dep_ == "case" for c in kids(word.head))


def coordinated(first: Token, other: Token) -> bool:
    """Whether ``other`` is coordinated with ``first`` as a phrase of the same kind (two names)."""
    return first.pos_ in ("PROPN", "NOUN") and other.pos_ in ("PROPN", "NOUN")


def loose(token: Token) -> bool:
    """A dependent that may carry a name in apposition: appositions, flat names, caseless nouns."""
    return token.dep_ in ("appos", "flat:name", "flat", "flat:foreign") or (
        token.dep_ in ("nmod", "amod", "xcomp")
        and token.pos_ in ("PROPN", "NOUN", "ADJ")
        and not case_of(token)
    )


def clause_verb(token: Token) -> Token:
    """The verb whose clause carries the event: the token itself, or the verb an event noun depends on."""
    node = token
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX") or participle(node):
            return node
        if node.head.i == node.i or node.dep_ in CLAUSES:
            break
        node = node.head
    return node if node.pos_ in ("VERB", "AUX") or participle(node) else token


def noun_modality(token: Token) -> set[Modality]:
    found: set[Modality] = set()
    for child in kids(token):
        word = child.lower_
        if (child.dep_ == "det" and word in NEGATIVE_DETERMINERS) or (
            child.dep_ == "case" and word == "sans"
        ):
            found.add("negated")
        elif (child.dep_ == "amod" and child.lemma_.lower() in ("éventuel", "possible", "hypothétique")) or (
            child.dep_ == "det" and word in ("tout", "toute")
        ):
            found.add("hypothetical")  # (also any such act: "toute attaque contre ses navires")
        elif child.dep_ in ("amod", "acl") and child.lemma_.lower() in (
            "prochain",
            "futur",
            "prévoir",
            "programmer",
        ):
            found.add("planned")
    return found


def negated(token: Token) -> bool:
    """ "ne … pas", "n'a jamais", "personne ne", "aucun accord n'a été signé": a negated clause."""
    words = {c.lower_ for c in kids(token) if c.dep_ == "advmod"}
    if not words & NE:
        return False
    subjects = [c for c in kids(token) if c.dep_.startswith("nsubj")]
    return bool(
        words & NEGATIONS
        or {c.lower_ for c in subjects} & NEGATIVE_SUBJECTS
        or any(d.dep_ == "det" and d.lower_ in NEGATIVE_DETERMINERS for c in subjects for d in kids(c))
    )


def verb_form(token: Token) -> tuple[str | None, str | None]:
    """Mood and tense of the finite verb of ``token``'s clause (the token or its auxiliary); a
    regular future the tagger took for another tense ("se rendra", tagged past) is a future."""
    for word in (*(c for c in kids(token) if c.dep_.startswith("aux")), token):
        mood, tense = morph(word, "Mood"), morph(word, "Tense")
        if mood:
            if mood[0] == "Ind" and _regular_form(word, FUTURE_ENDINGS):
                return "Ind", "Fut"
            if mood[0] == "Ind" and _regular_form(word, CONDITIONAL_ENDINGS):
                return "Cnd", "Pres"  # ("hésiterait", tagged an imperfect)
            return mood[0], tense[0] if tense else None
    return None, None


def _regular_form(word: Token, endings: frozenset[str]) -> bool:
    """Whether ``word`` is its lemma's regular future or conditional: the infinitive ("-er",
    "-ir", "-re" less its "e") and one of ``endings`` ("rendre" → "rendra", "frapper" →
    "frapperaient")."""
    lemma = word.lemma_.lower()
    stem = lemma[:-1] if lemma.endswith("re") else lemma
    form = word.lower_
    return stem.endswith("r") and form.startswith(stem) and form[len(stem) :] in endings
