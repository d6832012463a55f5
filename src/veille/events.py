"""Events: who did what to whom, coded in CAMEO from the French dependency parse.

The component (``veille_events``) reads the trigger lexicon ``lexicons/<lang>/events.tsv``: each
entry names a trigger (a verb, an event noun or an adjective, with the dependents it needs), its
CAMEO code and the grammatical slots that give its source and target. For every trigger in a
document it

- finds the actors in those slots: the logical subject (the agent of a passive), the logical
  object, obliques and noun complements by preposition, nationality adjectives ("l'invasion
  russe"), possessives and, for an event noun, the subject of the verb it depends on ("a
  effectué une visite"); subjects missing from infinitives, gerunds, coordinated verbs and
  relative clauses come from the clause they depend on; coordinated actors give one event each;
- maps each slot to an entity through the mentions the entity components found (names, partial
  names, roles, metonyms, pronouns), or to the country of a nationality adjective;
- decides the modality (:func:`modality`): reported, negated, hypothetical, planned or asserted;
- dates the event by its own time expression, else by the document date;
- keeps the provenance: trigger and sentence offsets, the lexicon entry and the slots used.

The rules are described in ``docs/events.md``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import itertools
import re
from collections.abc import Callable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from . import extensions as _extensions  # noqa: F401  (registers doc._.veille_*)
from .actors import UNNAMED_PERSONS, Actor, ActorFinder, within_phrase
from .entities import add_mention
from .event_lexicon import (
    NO_ENTRY,
    POS_TAGS,
    Lexicon,
    Trigger,
    inflections,
    load_lexicon,
    load_modality_verbs,
    load_outlook_cues,
    load_statement_cues,
)
from .kb import KnowledgeBase
from .kb import default as default_kb
from .ontology import event_type
from .records import DatePrecision, Entity, Event, Modality, TextSpan, TimeExpression
from .records import Span as CharSpan
from .syntax import (
    CLAUSES,
    NE,
    NEGATIONS,
    REFLEXIVE,
    RELATIVES,
    SUBJECT_PRONOUNS,
    SUPPORT_VERBS,
    WordFilter,
    attributed_object,
    case_of,
    clause_verb,
    complements_by_case,
    coordinated_verb,
    governing_subjects,
    kids,
    lemmas_of,
    logical_objects,
    logical_subjects,
    morph,
    near_lemmas,
    near_words,
    negated,
    noun_modality,
    object_controller,
    own_subjects,
    participle,
    passive,
    present_participle,
    reflexive,
    remembered_method,
    verb_form,
    verb_in_disguise,
)
from .times import date_precision

# What precedes the verb of an incise: "« … », a lancé X", "…, a-t-il lancé".
INCISE_OPENERS = frozenset({",", "»", "”", '"'})
# Roots whose target, when no slot gives one, is who the complement clause is about.
CONTENT_TARGET_ROOTS = frozenset({"02", "03", "05", "10", "11", "12", "13"})
# Verbal acts: a statement that only reports one of its speaker's is that act.
VERBAL_ROOTS = frozenset({"02", "03", "10", "11", "12", "13"})
# Plain statements and comments, aimed at the first actor other than the speaker their words name.
STATEMENT_CODES = frozenset({"010", "012", "013"})
# A night across two days: "la nuit de jeudi à vendredi".
NIGHT_ACROSS = re.compile(r"\s(?:à|au)\s", re.IGNORECASE)
# Roots of criticism and rejection (and praise, 051), whose target, when no slot gives one, is an actor
# named anywhere in their object ("a dénoncé des décisions contraires à la Constitution géorgienne").
JUDGEMENT_ROOTS = frozenset({"11", "12"})
# Roots of force, whose target, when no slot gives one, is the country where what it strikes lies
# ("a frappé neuf sites au Pakistan").
FORCE_ROOTS = frozenset({"18", "19", "20"})
# Texts that say what their authors say ("une résolution exigeant…").
TEXT_NOUNS = frozenset(
    {"résolution", "déclaration", "texte", "communiqué", "motion", "lettre", "appel", "rapport", "document"}
)
DEMAND_ROOTS = frozenset({"02", "10"})  # appeals and demands: what they ask for is not done
# Passive verbs whose subject undergoes the act named as their agent ("visé par des sanctions").
UNDERGOING_VERBS = frozenset({"viser", "cibler", "frapper", "toucher", "atteindre", "sanctionner"})
# Roots of criticism, rejection and threats: when the sentence names no addressee, the event is
# aimed at the party its source last dealt with, else at the first other party of the lead (so is
# praise by a verb, of something that is not itself an act). Not demands: their addressee is named
# with them ("exige de X", "réclame à X") or is no one in particular ("réclament un cessez-le-feu").
ADDRESSEE_ROOTS = frozenset({"11", "12", "13"})
# Who riots when using force (145): "des milliers de manifestants ont envahi le Parlement".
PROTESTERS = frozenset({"manifestant", "manifestante", "protestataire", "émeutier", "foule"})
# Common nouns for groups of people ("les manifestants", "les forces armées").
PEOPLE_NOUNS = frozenset(
    {
        *("manifestant", "militant", "opposant", "soldat", "militaire", "force", "troupe", "policier"),
        *("population", "peuple", "habitant", "civil", "victime", "otage", "famille", "citoyen"),
        *("électeur", "agriculteur", "travailleur", "ouvrier", "étudiant", "jeune", "secouriste"),
    }
)
# Roots of acts that are done to someone (material cooperation, aid, yielding, investigation,
# demands, force posture, sanctions, coercion): named by a noun with no one they concern, not
# coded (talks, intents and diplomatic cooperation find their other party in later passes).
AIMED_ROOTS = frozenset({"06", "07", "08", "09", "10", "15", "16", "17"})
# Nouns for a state of affairs, no one's act: judging one badly is a pessimistic comment (012),
# not a criticism of anyone ("a jugé la situation « honteuse »").
STATE_NOUNS = frozenset({"situation", "crise", "escalade", "tension", "impasse", "instabilité"})
# Words that open a comparison whose second term starts with "que" ("plus solide que ne l'espérait X").
COMPARATIVES = frozenset({"plus", "moins", "mieux", "pire", "autant", "aussi", "davantage"})
# Nouns for a country's armed or police forces: an order to them, with no country of their own
# named ("a ordonné à l'armée de…"), is a command within the source's side, not a demand.
OWN_FORCES = frozenset({"armée", "troupe", "force", "soldat", "militaire", "police", "policier"})
# Common nouns for those who speak without being named ("un diplomate", "l'opposition", "des
# médias"); not texts ("le rapport compare…").
SPEAKER_NOUNS = (
    UNNAMED_PERSONS
    | PEOPLE_NOUNS
    | {"opposition", "média", "journal", "député", "sénateur", "élu", "organisateur", "syndicat"}
    | {"observateur", "analyste", "ong", "témoin", "parti", "camp", "entourage"}
)
# Object pronouns that stand for a noun named before ("l'ont prolongé").
CLITIC_OBJECTS = frozenset({"le", "la", "l'", "l’", "les"})  # noqa: RUF001
ANTECEDENT_SENTENCES = 2  # how many sentences before a pronoun its noun is looked for
# Adverbs that place an act right after the one named before it ("l'ont aussitôt prolongé").
AT_ONCE = frozenset({"aussitôt", "immédiatement", "sitôt"})
# "Son interlocuteur", "son hôte": the other party of what the possessor was last doing.
PARTNER_NOUNS = frozenset({"interlocuteur", "interlocutrice", "hôte", "invité", "invitée", "visiteur"})
# "Avec l'appui de X", "avec l'aval de X": who backs an act is not a party to it.
BACKING_NOUNS = frozenset({"appui", "soutien", "aide", "concours", "assistance", "aval", "bénédiction"})
DEMONSTRATIVES = frozenset({"ce", "cet", "cette", "ces"})
# Roots coded even when the text names no actor: protests, arrests by unnamed forces, and criticism
# voiced by no one named ("le projet a été critiqué").
ACTORLESS_ROOTS = frozenset({"11", "14", "17"})
# Of coercion (17), only arrests and repression: a ban, a seizure or an expulsion by no one named
# of no one named ("le texte interdit le transbordement") is no event.
ACTORLESS_COERCION = frozenset({"173", "175"})
# Roots coded with a target and no source: what news reports from the side of who suffers it
# ("X a été accusé", "manifestations contre X", "X a été arrêté", "ont été tués à X", "frappes
# sur X"). Other events are not coded without their source.
TARGET_ONLY_ROOTS = frozenset({"11", "14", "17", "18", "19", "20"})
# The speaker's own side in what is said ("« Nous riposterons »").
FIRST_PERSON = frozenset({"je", "j'", "j’", "nous"})  # noqa: RUF001
WATERS = frozenset({"sea", "strait", "canal"})  # knowledge-base features of no one's ground
# Words that make a warning a threat even when it names no act of anyone ("serait considérée
# comme une déclaration de guerre").
WAR_WORDS = frozenset({"guerre", "représaille", "riposte", "rétorsion", "conséquence"})
# Aid no longer given ("ne livre plus d'armes") is aid reduced or stopped, by kind.
STOPPED_AID = {"071": "1621", "072": "1622", "073": "1623"}
MODALITY_ORDER: tuple[Modality, ...] = ("reported", "negated", "hypothetical", "planned")


# -- the component ---------------------------------------------------------------------------


@Language.factory("veille_events", default_config={"kb_paths": [], "lexicons": [], "language": "fr"})
def make_events(
    nlp: Language, name: str, kb_paths: list[str], lexicons: list[str], language: str
) -> EventCoder:
    return EventCoder(
        default_kb(tuple(kb_paths)),
        load_lexicon(language, tuple(lexicons)),
        load_modality_verbs(language),
        load_statement_cues(language),
        load_outlook_cues(language),
    )


class EventCoder:
    """Writes ``doc._.veille_events``: a tuple of :class:`~veille.records.Event`."""

    def __init__(
        self,
        kb: KnowledgeBase,
        lexicon: Lexicon,
        modality_verbs: dict[str, Modality],
        statement_cues: dict[str, int] | None = None,
        outlook_cues: dict[str, int] | None = None,
    ) -> None:
        self.kb = kb
        self.lexicon = lexicon
        self.modality_verbs = modality_verbs
        self.statement_cues = statement_cues or {}
        self.outlook_cues = outlook_cues or {}
        self.cue_values: dict[tuple[int, int], tuple[int, int]] = {}  # (lemma, form) -> (statement, outlook)
        # The lemmatizer leaves some inflected verbs alone ("applique", "dément"): their forms.
        self.verb_forms = {
            form: lemma for lemma, pos in lexicon if pos == "VERB" for form in inflections(lemma)
        }
        # The words with a negated use of their own and a plain one.
        self.mixed = {
            key for key, entries in lexicon.items() if len({"negative" in e.flags for e in entries}) > 1
        }
        # What a trigger's lemma or form may be.
        self.candidates = WordFilter(frozenset(lemma for lemma, _ in lexicon), frozenset(self.verb_forms))

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.veille_article
        entities: list[Entity] = list(doc._.veille_entities or ())
        coding = _Coding(self, doc, entities, article.date if article else None)
        events = coding.run()
        doc._.veille_entities = tuple(coding.entities)
        doc._.veille_events = tuple(events)
        return doc

    def match(self, token: Token) -> Trigger | None:
        """The most specific lexicon entry ``token`` triggers, if any."""
        stood_for: set[str] | None = None  # what an object pronoun may stand for, found once
        lemmas: frozenset[str] = frozenset()  # the document's, found once
        own_lemma, tag, form = token.lemma_.lower(), token.pos_, token.lower_
        for pos, tags in POS_TAGS.items():
            lemma = own_lemma
            if tag not in tags and not (pos == "VERB" and participle(token)):
                if pos != "VERB" or form not in self.verb_forms or not verb_in_disguise(token):
                    continue
                lemma = self.verb_forms[form]
            elif pos == "VERB" and (lemma, pos) not in self.lexicon:
                lemma = self.verb_forms.get(form, lemma)
            entries = self.lexicon.get((lemma, pos), ())
            if (lemma, pos) in self.mixed:
                # A word with a negated use of its own ("n'a pas précisé": declined to comment)
                # and a plain one takes the one its negation calls for.
                denied = negated(token)
                entries = sorted(
                    (e for e in entries if denied or "negative" not in e.flags),
                    key=lambda e: (-e.specificity, "negative" not in e.flags),
                )
            for entry in entries:
                if entry.reflexive and not reflexive(token):
                    continue
                if "clause" in entry.flags and not _reports_words(token):
                    continue
                if "infinitive" in entry.flags and not _infinitive_complement(token):
                    continue
                if entry.extra and not (lemmas := lemmas or lemmas_of(token.doc)).issuperset(entry.extra):
                    continue  # (the further words of most entries are nowhere in the document)
                if entry.extra and not all(word in near_lemmas(token) for word in entry.extra):
                    # (one further word may be the noun an object pronoun stands for)
                    if stood_for is None:
                        stood_for = {w.lemma_.lower() for w in _antecedents(token)}
                    if len(entry.extra) > 1 or entry.extra[0] not in stood_for:
                        continue
                if (
                    not entry.reflexive
                    and pos == "VERB"
                    and reflexive(token)
                    and self._reflexive_entry(token)
                ):
                    continue
                return entry
        return None

    def _reflexive_entry(self, token: Token) -> bool:
        lemma = token.lemma_.lower()
        return any(
            e.reflexive for e in self.lexicon.get((self.verb_forms.get(token.lower_, lemma), "VERB"), ())
        )


class _Coding(ActorFinder):
    """The state of coding one document."""

    def __init__(self, coder: EventCoder, doc: Doc, entities: list[Entity], date: str | None) -> None:
        super().__init__(doc, entities, coder.kb)
        self.coder = coder
        self.date = date
        self.triggers: dict[int, Trigger] = {}
        self.closing_incises: list[int] = []  # triggers that are incises closing their sentence
        self.times: list[tuple[TimeExpression, range]] = []
        for time in doc._.veille_times or ():
            span = doc.char_span(time.start, time.end, alignment_mode="expand")
            if span is not None:
                self.times.append((time, range(span.start, span.end)))

    def run(self) -> list[Event]:
        for token in self.coder.candidates.tokens(self.doc):
            if self.mentioned.get(token.i, (None, ""))[1] == "name" and token.pos_ != "VERB":
                continue  # a word of a name: "soutien" in "les Forces de soutien rapide"
            entry = self.coder.match(token)
            if entry is not None:
                self.triggers[token.i] = entry
        # A word that is the further word of a matched entry ("imposer des sanctions", "a promis
        # de riposter") is part of that event, not one of its own; but for the verb of a clause,
        # which reports its own ("a promis que son pays riposterait").
        for i, entry in list(self.triggers.items()):
            if entry.extra:
                for near in near_words(self.doc[i]):
                    if (
                        near.lemma_.lower() in entry.extra
                        and near.i in self.triggers
                        and near.dep_ != "ccomp"
                    ):
                        del self.triggers[near.i]
        self.closing_incises = [i for i in self.triggers if self._closing_incise(self.doc[i])]
        events: list[Event] = []
        token_of: dict[str, int] = {}  # event id -> its trigger token
        # Verbs first: when a verb and an event noun say the same thing, the verb's record stays.
        for i, entry in sorted(self.triggers.items(), key=lambda item: (item[1].pos != "VERB", item[0])):
            for event in self._events(self.doc[i], entry):
                events.append(event)
                token_of[event.id] = i
        verbs = frozenset(e.trigger.start for e in events if self.doc[token_of[e.id]].pos_ == "VERB")
        events = _unique(events, verbs)
        kept = sorted(
            (e for e in events if not _subsumed(e, events) and not self._said_as_act(e, events, token_of)),
            key=lambda e: e.trigger.start,
        )
        passes: tuple[Callable[[list[Event], dict[str, int]], list[Event]], ...] = (
            *(self._warnings, self._judged_acts, self._refusals, self._mediated_between, self._named_again),
            *(lambda events, _: self._shared(events), self._partnered, self._addressed),
        )
        for step in passes:
            kept = _carried(step(kept, token_of), kept, token_of)
        kept = _met_again(_unique(kept, verbs))
        # Countries reached through an adjective or "nous" become entities only when an event uses them.
        used = {span.start for e in kept for span in (e.source_text, e.target_text) if span is not None}
        named = {m.start for e in self.entities for m in e.mentions}
        for start, (record, mention) in sorted(self.unnamed.items()):
            if start in used and start not in named:
                self.entities = add_mention(self.entities, record, mention)
        return kept

    def _said_as_act(self, event: Event, events: list[Event], token_of: dict[str, int]) -> bool:
        """Whether a plain statement (010) only carries a verbal act of its own speaker's side
        that its words report ("« Nous sommes prêts à coopérer », a assuré X": an intent, 030)
        or that completes its verb ("s'est dit prêt à", "s'est dit optimiste"): the act is what
        the statement is (the annotation guide codes it once)."""
        if event.code != "010" or event.source is None or event.id not in token_of:
            return False
        home = self.country(event.source)
        completions = {
            c.i
            for c in kids(self.doc[token_of[event.id]])
            if c.dep_ == "xcomp" or (c.dep_ == "obj" and c.pos_ == "ADJ")
        }
        return any(
            (
                (
                    other.modality == "reported"
                    and other.root in VERBAL_ROOTS
                    and not self._denied(other, token_of)
                )
                or (token_of.get(other.id) in completions and other.root in ("01", *VERBAL_ROOTS))
            )
            and other.sentence == event.sentence
            and other.source is not None
            and (other.source == event.source or self.country(other.source) == home)
            for other in events
        )

    def _answers_accusation(self, token: Token) -> bool:
        """Whether ``token`` rejects, as "ce que X conteste", an accusation its sentence reports
        before it: it then denies it (016), as "ce que X dément" does."""
        if token.dep_ != "acl:relcl" or token.head.lower_ != "ce":
            return False
        if not any(c.lower_ in RELATIVES and c.dep_ == "obj" for c in kids(token)):
            return False
        node = clause_verb(token.head.head)
        for _ in range(3):  # the clause "ce" sums up, or the accusation verb it completes
            if self.triggers.get(node.i, NO_ENTRY).code[:3] == "112":
                return True
            if node.head.i == node.i:
                break
            node = node.head
        return False

    def _denied(self, event: Event, token_of: dict[str, int]) -> bool:
        """Whether the words reporting ``event`` negate it ("« Nous ne venons pas demander… »"),
        which its modality, ``reported``, does not say."""
        node = self.doc[token_of[event.id]] if event.id in token_of else None
        while node is not None:
            if negated(node):
                return True
            node = node.head if node.dep_ == "xcomp" and node.head.i != node.i else None
        return False

    def _refusals(self, events: list[Event], token_of: dict[str, int]) -> list[Event]:
        """``events`` where a rejection (root 12) of an act its own source would do ("a refusé
        de recevoir une délégation de la Cédéao") is aimed at the act's targets, meetings
        refused being ``125``, and the act, which the refusal negates, is not coded again."""
        refused: set[str] = set()
        aimed: list[Event] = []
        for event in events:
            index = token_of.get(event.id)
            if index is None or event.root != "12" or event.target is not None or event.source is None:
                aimed.append(event)
                continue
            acts = [
                e
                for c in kids(self.doc[index])
                if c.dep_ == "xcomp"
                for e in events
                if token_of.get(e.id) == c.i and e.modality == "negated" and e.source == event.source
            ]
            if not acts:
                aimed.append(event)
                continue
            refused |= {e.id for e in acts}
            recoded = _recoded(event, "125") if acts[0].root == "04" else event
            targets = {e.target: e.target_text for e in acts if e.target is not None}
            aimed += [_retargeted(recoded, t, text, "refused") for t, text in targets.items()] or [recoded]
        return [e for e in aimed if e.id not in refused]

    def _aimless(self, event: Event, token_of: dict[str, int]) -> Token | None:
        """The trigger of ``event`` when it has a source and no target (what the passes below
        may aim or drop)."""
        index = token_of.get(event.id)
        if index is None or event.target is not None or event.source is None:
            return None
        return self.doc[index]

    def _warnings(self, events: list[Event], token_of: dict[str, int]) -> list[Event]:
        """``events`` where a warning by a statement verb ("a averti que…", 130) that foretells
        no one's act, names no act of anyone and speaks of no war is a pessimistic comment, 012
        ("« Nous n'avons rien à gagner à une escalade », a averti X"; "a averti qu'une famine
        pourrait frapper le nord")."""
        warned: list[Event] = []
        for event in events:
            token = self.doc[token_of[event.id]] if event.id in token_of else None
            entry = self.triggers.get(token.i) if token is not None else None
            if token is None or entry is None or entry.code != "130" or "speech" not in entry.flags:
                warned.append(event)
                continue
            words = self._statement_words(token)
            said = {w.i for w in words}
            threat = (
                any(w.lemma_.lower() in WAR_WORDS for w in words)
                or any(token_of.get(e.id) in said and e.source is not None for e in events)
                or self._foretells_act(words)
            )
            warned.append(event if threat else _recoded(event, "012"))
        return warned

    def _foretells_act(self, words: list[Token]) -> bool:
        """Whether ``words`` say what someone named, or the speaker's side ("nous"), will or would
        do ("« La Russie paiera cher »", "qu'il n'hésiterait pas à…"), not what may merely
        happen ("qu'une famine pourrait frapper le nord")."""
        for word in words:
            mood, tense = verb_form(word) if word.pos_ in ("VERB", "AUX") else (None, None)
            if (mood == "Cnd" or tense == "Fut") and any(
                s.lower_ in FIRST_PERSON or self.actors(s) for s in logical_subjects(word)
            ):
                return True
        return False

    def _judged_acts(self, events: list[Event], token_of: dict[str, int]) -> list[Event]:
        """``events`` where a judgement (criticism, rejection, praise, recognition) with no
        target whose object is an act ("a condamné les frappes", "ce déplacement a été critiqué")
        is aimed at who did that act: the source of the object's own event, else, for an act
        named again ("ce déplacement"), the source of the last earlier event of its code. So is
        one aimed at a name within an act it has for object ("a refusé de reconnaître l'annexion
        de régions ukrainiennes par le Kremlin" is about the Kremlin's act, not Ukraine)."""
        judged: list[Event] = []
        for event in events:
            within = event.target is not None and _target_slot(event) in ("obj", "object")
            trigger = self.doc[token_of[event.id]] if within else self._aimless(event, token_of)
            if trigger is None or event.source is None or not _judgement(event.code):
                judged.append(event)
                continue
            party: Event | None = None
            for act in logical_objects(trigger):
                entry = self.triggers.get(act.i)
                if entry is None:
                    continue
                own = [e for e in events if token_of.get(e.id) == act.i and e.source]
                again = not within and any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in kids(act))
                earlier = [
                    e
                    for e in events
                    if again and e.code == entry.code and e.source and e.trigger.start < act.idx
                ]
                party = next(iter(own or earlier[-1:]), None)
                break
            if (
                party is None
                or party.source is None
                or party.source == event.target
                or self.country(party.source) == self.country(event.source)
            ):
                judged.append(event)
                continue
            judged.append(_retargeted(event, party.source, party.source_text, "act"))
        return judged

    def _named_again(self, events: list[Event], token_of: dict[str, int]) -> list[Event]:
        """``events`` without an act named by a noun with no target ("Le texte ne condamne pas
        l'offensive russe") that its source's side did earlier to someone ("depuis son offensive
        contre l'Ukraine"): the same act named again, which the guide codes once."""
        kept: list[Event] = []
        for event in events:
            trigger = self._aimless(event, token_of)
            home = self.country(event.source or "")
            if (
                trigger is None
                or trigger.pos_ != "NOUN"
                or event.root == "01"
                or not any(
                    e.code[:2] == event.code[:2]
                    and e.target is not None
                    and e.trigger.start < event.trigger.start
                    and self.country(e.source or "") == home
                    for e in kept
                )
            ):
                kept.append(event)
        return kept

    def _partnered(self, events: list[Event], token_of: dict[str, int]) -> list[Event]:
        """``events`` where an act with no target, whose verb is joined by "et" to a meeting of the
        same source ("s'est entretenu avec son homologue philippin et a réaffirmé l'engagement
        américain"), is aimed at that meeting's partner."""
        meetings: dict[int, list[Event]] = {}
        for event in events:
            index = token_of.get(event.id)
            if index is not None and event.root == "04" and event.target is not None:
                meetings.setdefault(clause_verb(self.doc[index]).i, []).append(event)
        aimed: list[Event] = []
        for event in events:
            trigger = self._aimless(event, token_of)
            verb = clause_verb(trigger) if trigger is not None and event.root not in ("01", "04") else None
            partner = (verb.head if verb.dep_ == "conj" else coordinated_verb(verb)) if verb else None
            home = self.country(event.source or "")
            met = (
                [m for m in meetings.get(partner.i, ()) if self.country(m.source or "") == home]
                if partner
                else []
            )
            aimed.append(
                _retargeted(event, met[0].target or "", met[0].target_text, "partner") if met else event
            )
        return aimed

    def _mediated_between(self, events: list[Event], token_of: dict[str, int]) -> list[Event]:
        """``events`` where a mediation (045) with no party named is aimed at the parties of what
        it brought about: the event of its object ("un accord, qui a été négocié par le Qatar"),
        else, for an act named again ("L'accord a été négocié par le Qatar"), the last earlier
        event of its code, else the events of its sentence ("Le texte a été paraphé par les deux
        pays au terme de négociations menées par Washington")."""
        placed: list[Event] = []
        for event in events:
            index = token_of.get(event.id)
            if event.code != "045" or event.target is not None or event.source is None or index is None:
                placed.append(event)
                continue
            objects = {o.i for o in logical_objects(self.doc[index])}
            # (through a relative pronoun, the noun its clause qualifies)
            objects |= {self.doc[i].head.head.i for i in objects if self.doc[i].lower_ in RELATIVES}
            codes = {self.triggers[o].code for o in objects if o in self.triggers}
            earlier = [
                e for e in events if e.code in codes and e.trigger.start < event.trigger.start and e.target
            ]
            between = (
                [e for e in events if token_of.get(e.id) in objects]
                or [e for e in earlier if e.trigger.start == earlier[-1].trigger.start]
                or [e for e in events if e.sentence == event.sentence and e is not event]
            )
            mediator = self.country(event.source)
            parties = dict.fromkeys(
                (party, words)
                for e in between
                if e.source and e.target and e.code[:2] in ("03", "04", "05", "06", "08")
                for party, words in ((e.source, e.source_text), (e.target, e.target_text))
                if self.country(party) != mediator
            )
            for party, words in parties:
                placed.append(_retargeted(event, party, words, "mediated"))
                token_of[placed[-1].id] = index
            if not parties:
                placed.append(event)
        return placed + self._mediated_talks(placed, token_of)

    def _mediated_talks(self, events: list[Event], token_of: dict[str, int]) -> list[Event]:
        """The talks themselves between the parties of a mediation named by a noun, both ways:
        "les négociations menées par Washington entre Kinshasa et Kigali" are held by Kinshasa
        and Kigali (`source=parties target=parties`)."""
        parties: dict[int, dict[str, tuple[Event, TextSpan | None]]] = {}
        for event in events:
            index = token_of.get(event.id)
            if event.code == "045" and event.target and index is not None and self.doc[index].pos_ == "NOUN":
                parties.setdefault(index, {}).setdefault(event.target, (event, event.target_text))
        talks = []
        for index, found in parties.items():
            for (a, (event, a_text)), (b, (_, b_text)) in itertools.permutations(found.items(), 2):
                held = _between(event, (a, a_text), (b, b_text), "parties")
                talks.append(_recoded(held, self.triggers[index].code))
        return talks

    def _shared(self, events: list[Event]) -> list[Event]:
        """``events`` where each symmetric act said with no one doing it (`source=shared`) is
        between the two parties of the last earlier symmetric act of the article (a meeting,
        talks, an agreement: "Les deux dirigeants se sont rencontrés… Aucun accord n'a été
        signé"), both ways; with none, it is not coded."""
        placed: list[Event] = []
        for event in events:
            if "source=shared" not in event.rule:
                placed.append(event)
                continue
            earlier = [
                e
                for e in placed
                if e.source
                and e.target
                and (e.root == "04" or e.code == "057")
                and e.trigger.start < event.trigger.start
            ]
            if not earlier:
                continue
            last = earlier[-1]
            one, other = (last.source, last.source_text), (last.target, last.target_text)
            placed += [_between(event, one, other, "discourse"), _between(event, other, one, "discourse")]
        return placed

    def _addressed(self, events: list[Event], token_of: dict[str, int]) -> list[Event]:
        """``events`` where each criticism, rejection or threat with a source and no
        target is aimed at the party its source last dealt with in an earlier event (as source
        or target; not a party its statement only spoke of: "ne connaîtra pas de scénario
        ukrainien"), else at the first other party the lead (headline and first sentence) names."""
        waiting = {
            e.id
            for e in events
            if e.target is None
            and e.source is not None
            and self._addressable(e, token_of)
            and not self._authorless_act(e, events, token_of)
        }
        if not waiting:
            return events
        dyads = [
            (e.trigger.start, (e.source, e.source_text), (e.target, e.target_text))
            for e in events
            if e.source
            and e.target
            and self.country(e.source) != self.country(e.target)
            and "target=said" not in e.rule
        ]
        lead_end = self.sentences[min(1, len(self.sentences) - 1)].end_char
        lead = sorted(
            (m.start, e.id, m)
            for e in self.entities
            if e.type != "location"
            for m in e.mentions
            if m.start < lead_end
        )
        addressed: list[Event] = []
        for event in events:
            home = self.country(event.source) if event.source else None
            if (
                event.id not in waiting
                or home is None
                or (home == event.source and self.types.get(home) == "person")
            ):
                addressed.append(event)  # (a person of no known country has no known other side)
                continue
            described = self._description(event.source_text)
            # The other party of the last earlier act between the source's side and another; of
            # several, the first named ("les Etats-Unis et le Royaume-Uni ont frappé…").
            party: tuple[str | None, TextSpan | None] = (None, None)
            last = -1
            # (not one who does it with the source: "Bamako et Ouagadougou avaient prévenu…")
            fellows = {self.country(e.source) for e in events if e.trigger == event.trigger and e.source}
            fellows.discard(None)
            for start, one, other in dyads:
                if start >= event.trigger.start:
                    break
                sides = (self.country(one[0] or ""), self.country(other[0] or ""))
                if (
                    home in sides
                    and start != last
                    and (sides[1] if sides[0] == home else sides[0]) not in fellows
                ):
                    party, last = (other if sides[0] == home else one), start
            if party[0] is None:
                party = next(
                    (
                        (eid, TextSpan(m.start, m.end, m.text))
                        for _, eid, m in lead
                        if self.country(eid) not in fellows | {home} and m.start not in described
                    ),
                    (None, None),
                )
            target, text = party
            addressed.append(event if target is None else _retargeted(event, target, text, "discourse"))
        return addressed

    def _description(self, words: TextSpan | None) -> range:
        """The characters of the phrase that names an actor, with its description ("le secrétaire
        général de l'ONU, António Guterres")."""
        span = self.doc.char_span(words.start, words.end, alignment_mode="expand") if words else None
        if span is None:
            return range(0)
        head = span.root
        while head.dep_ in ("flat:name", "appos", "conj") and head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head
        phrase = [w for w in head.subtree if within_phrase(w, head)]
        return range(phrase[0].idx, phrase[-1].idx + len(phrase[-1].text))

    def _authorless_act(self, event: Event, events: list[Event], token_of: dict[str, int]) -> bool:
        """Whether ``event`` judges an act named by a noun that the article told of earlier with
        no author ("Un policier a été tué lors d'une attaque menée par des hommes armés… X a
        condamné une attaque « odieuse »"): it is aimed at that unknown author, at no one named."""
        token = self.doc[token_of[event.id]] if event.id in token_of else None
        for act in logical_objects(token) if token is not None else ():
            entry = self.triggers.get(act.i)
            if entry is None or act.pos_ != "NOUN":
                continue
            if any(token_of.get(e.id) == act.i for e in events):
                return False
            earlier = [e for e in events if e.root == entry.code[:2] and e.trigger.start < act.idx]
            return bool(earlier) and earlier[-1].source is None
        return False

    def _addressable(self, event: Event, token_of: dict[str, int]) -> bool:
        """Whether ``event`` is aimed at someone even when its sentence names no one: a
        criticism, rejection or threat, or praise by a verb of something that is not itself an
        act ("a salué une nouvelle page", not "a salué l'accord", whose parties are its own)."""
        token = self.doc[token_of[event.id]] if event.id in token_of else None
        if token is not None and any(
            o.pos_ == "NOUN" and o.lemma_.lower() in SPEAKER_NOUNS and not self.actors(o)
            for o in logical_objects(token)
        ):
            return False  # "accusant l'opposition de…": aimed at people the text names as no actor
        if (
            token is not None
            and event.root == "12"
            and any(c.dep_ == "xcomp" and "Inf" in morph(c, "VerbForm") for c in kids(token))
        ):
            return False  # "a refusé de s'engager sur une date": aimed where the act refused is
        if (
            token is not None
            and event.root == "13"
            and any(
                w.lower_ == "si" and w.dep_ == "mark" and w.head.pos_ in ("VERB", "AUX")
                for w in self._statement_words(token)
            )
        ):
            return False  # "a prévenu que Washington pourrait imposer des sanctions si la trêve
            # était violée": aimed at whoever would fulfil the condition, whom it does not name
        if event.root in ADDRESSEE_ROOTS or (token is not None and "reply" in self.triggers[token.i].flags):
            return True
        if token is not None and any(
            c.lemma_.lower() in PARTNER_NOUNS
            and any(d.dep_ == "det" and "Yes" in morph(d, "Poss") for d in kids(c))
            for c in kids(token)
        ):
            return True  # "a exhorté son interlocuteur à…": the one the source was dealing with
        return (
            event.code == "051"
            and token is not None
            and token.pos_ == "VERB"
            and not any(o.i in self.triggers for o in logical_objects(token))
            and not self._praises_people(token)
        )

    def _unnamed_speaker(self, token: Token) -> bool:
        """Whether ``token`` has for subject a common noun that names no actor ("un diplomate
        européen", "plusieurs députés", "l'opposition"), before it or after it in an incise."""
        if passive(token) or token.dep_.startswith("acl"):
            return False  # ("les résultats annoncés par la commission": no statement)
        subjects = own_subjects(token) or self.inverted_subject(token)
        return bool(subjects) and all(
            s.pos_ == "NOUN" and s.lemma_.lower() in SPEAKER_NOUNS and not self.actors(s) for s in subjects
        )

    def _no_event(self, token: Token, entry: Trigger) -> bool:
        """Whether ``token`` names no event of ``entry``'s code that the article reports: an
        order to one's own forces; hope or worry joined to a statement, or unspoken; not ruling
        out what coerces no one; giving up an act the text names (that act, negated, is the
        event: "a renoncé au voyage"); an intent named by the participle of the thing intended
        ("le montant des compensations promises par le constructeur": promised before); the
        verb of the second term of a comparison."""
        root = entry.code[:2]
        return (
            (root == "10" and self._commands(token))
            or (entry.code in ("012", "013") and self._feeling(token))
            or ("negative" in entry.flags and root == "13" and self._excludes_no_force(token))
            or (
                entry.code == "080"
                and any(
                    c.i in self.triggers and (case_of(c) == "à" or c.dep_ == "xcomp") for c in kids(token)
                )
            )
            or (root == "03" and token.dep_ == "acl" and passive(token))
            or self._compared(token)
        )

    def _compared(self, token: Token) -> bool:
        """Whether ``token`` is the verb of the second term of a comparison ("l'unité, plus solide
        que ne l'espérait Moscou": Moscow's hope is a measure, not an event)."""
        mark = next((c for c in kids(token) if c.dep_ == "mark" and c.lower_ in ("que", "qu'")), None)
        if mark is None:
            return False
        # (of an adjective: "plus solide que", not "a indiqué plus tard que", where "que" opens
        # what is said)
        before = self.doc[max(self.sent(token).start, mark.i - 3) : mark.i]
        return any(w.lower_ in COMPARATIVES and w.head.pos_ == "ADJ" for w in before) and not any(
            w.pos_ in ("VERB", "AUX") for w in before
        )

    def _strikes_home(self, token: Token, entry: Trigger, sources: list[Actor]) -> bool:
        """Whether force that names no target strikes where the article takes place, the country
        it is about ("l'offensive éclair lancée par X", "a accusé l'armée de bombarder des zones
        résidentielles"), its own side too as in a civil war; but a country named as such does
        not strike itself ("la Russie poursuivra son agression"), an act told from there is not
        done there ("Le Brésil ne condamne pas l'offensive russe"), a show of force strikes no
        one and a reply strikes who struck first."""
        return (
            entry.code[:2] in FORCE_ROOTS
            and not entry.flags & {"show", "reply"}
            and self.home is not None
            and not any(a.entity == self.home and not self._named_by_noun(a) for a in sources)
            and not self._home_speaks(token)
        )

    def _home_speaks(self, token: Token) -> bool:
        """Whether the subject of a clause of ``token``'s sentence is the article's own country or
        one of its people, named as such ("Le Brésil ne condamne pas l'offensive russe", "Le
        président français a condamné les frappes russes": the act is told from there, not done
        there; not its institutions named by a common noun, "ce que les militaires démentent", nor
        its armed groups, "les FSR accusent l'armée de bombarder…", who fight there)."""
        return any(
            w.dep_.startswith("nsubj")
            and any(
                self.country(a.entity) == self.home
                and self.kind(a.entity) != "group"
                and not self._named_by_noun(a)
                for a in self.actors(w)
            )
            for w in self.sent(token)
        )

    def _named_by_noun(self, actor: Actor) -> bool:
        """Whether ``actor`` is named by a common noun ("l'armée", "la police"), not by its name,
        a role, a metonym, a pronoun, a possessive or an adjective ("la Russie", "le président
        russe", "Moscou", "son", "russe")."""
        span = self.doc.char_span(actor.start, actor.end, alignment_mode="expand")
        found = self.mentioned.get(span.root.i) if span is not None else None
        unnamed = self.unnamed.get(actor.start)
        kind = found[1] if found is not None else unnamed[1].kind if unnamed is not None else None
        return kind not in ("name", "partial", "role", "metonym", "pronoun", "adjective")

    def _excludes_no_force(self, token: Token) -> bool:
        """Whether what "n'exclut pas" does not rule out is an act that coerces no one ("n'excluait
        pas de contester certains résultats devant les tribunaux": no threat; "n'a pas exclu de
        nouvelles frappes" is one)."""
        acts = [
            self.triggers[c.i] for c in kids(token) if c.i in self.triggers and c.dep_ in ("obj", "xcomp")
        ]
        return bool(acts) and all(int(a.code[:2]) < 13 for a in acts)

    def _feeling(self, token: Token) -> bool:
        """Whether a verb of hope or worry is one statement with a statement verb it is joined to
        ("a jugé la situation « honteuse » et espéré qu'elle se termine": one statement, coded
        once), or a feeling no one says ("elle se cachait, craignant pour sa vie")."""
        partner = coordinated_verb(token) or (token.head if token.dep_ == "conj" else None)
        # (the partner, or the verb it completes: "a jugé le texte « précipité » et regretté…",
        # with "regretté" joined to "précipité")
        for verb in (partner, partner.head) if partner is not None else ():
            joined = self.triggers.get(verb.i)
            if joined is not None and "speech" in joined.flags:
                return True
        head = self.triggers.get(token.head.i)
        return (
            present_participle(token)
            and token.dep_ in ("advcl", "acl")
            and (head is None or "speech" not in head.flags)
        )

    def _commands(self, token: Token) -> bool:
        """Whether a demand is addressed to forces named by a bare noun, the source's own ("a
        ordonné à l'armée de prendre position dans la zone tampon": a command, no demand)."""
        return any(
            c.lemma_.lower() in OWN_FORCES
            and (c.dep_ == "iobj" or case_of(c) == "à")
            and not any(d.dep_ in ("amod", "nmod") for d in kids(c))
            for c in kids(token)
        )

    def _unsaid(self, token: Token) -> bool:
        """Whether a plain statement is no statement the article reports: one "sans" denies ("sans
        en préciser la nature"), or one within a quotation, by a subject before it, that the
        speaker reports of others ("« … ce que le peuple a dit », a déclaré X"; an incise within
        a quotation, "a-t-il insisté", has its subject after it)."""
        if _sans(token):
            return True
        subjects = [c for c in kids(token) if c.dep_.startswith("nsubj")]
        return (
            token.i in self.quoted
            and bool(subjects)
            and all(s.i < token.i and s.pos_ != "PRON" for s in subjects)
            and not self.inverted_subject(token)
        )

    def _praises_people(self, token: Token) -> bool:
        """Whether what ``token`` praises is people named by a common noun ("a apporté son soutien
        aux manifestants", "a salué le courage des forces armées"): its addressee is named, as
        no actor, and none is to be guessed."""
        subjects = {w.i for s in own_subjects(token) for w in s.subtree}
        return any(
            w.lemma_.lower() in PEOPLE_NOUNS and w.i not in subjects
            for c in kids(token)
            if c.dep_ in ("obj", "iobj") or c.dep_.startswith("obl")
            for w in c.subtree
            if within_phrase(w, c)
        )

    # -- one trigger ---------------------------------------------------------------------

    def _events(self, token: Token, entry: Trigger) -> Iterator[Event]:
        if (
            entry.code[:2] == "02"
            and token.dep_ == "acl"
            and not any(case_of(w) == "à" or w.lower_ in ("à", "au", "aux") for w in token.subtree)
        ):
            return  # "le récif, appelé Ayungin par les Philippins": named, no appeal (nothing asked)
        if entry.code[:2] in FORCE_ROOTS | DEMAND_ROOTS and any(
            w.lemma_.lower() in PROTESTERS for s in logical_subjects(token) for w in (s, *kids(s))
        ):
            # Protesters who use force riot (145: "des milliers de manifestants avaient envahi le
            # Parlement"); who demand, demonstrate (141: "ont réclamé la démission de X").
            entry = dataclasses.replace(entry, code="145" if entry.code[:2] in FORCE_ROOTS else "141")
        if self._no_event(token, entry):
            return
        sources, source_slot, used = self._fill(token, entry.source, set())
        if not sources and entry.code.startswith("043"):
            sources = self._host(token)  # "Reçus à la Maison Blanche, les ministres…"
            source_slot = "place" if sources else source_slot
        # "Aucun accord n'a été signé": a symmetric act said with no one doing it is between the
        # parties of the last earlier such act (found once all are coded, see _shared).
        unshared = not sources and "mutual" in entry.flags and token.pos_ == "VERB" and passive(token)
        # "…, a indiqué un diplomate européen", "L'opposition assure que…": words said by someone
        # the text names as no actor are a statement with no source.
        anonymous = (
            not sources
            and entry.code in STATEMENT_CODES
            and "speech" in entry.flags
            and self._unnamed_speaker(token)
        )
        if (
            not sources
            and not unshared
            and not anonymous
            and entry.code[:2] not in TARGET_ONLY_ROOTS
            and "entre" not in entry.target
        ):
            return  # no source, and none to come from "entre A et B" (below): not coded
        paired = any(a.together for a in sources)
        target_slots = entry.target
        if entry.pos == "VERB" and entry.code[:2] in CONTENT_TARGET_ROOTS and "ccomp" not in target_slots:
            target_slots = (*target_slots, "ccomp")  # "a averti que les Houthis paieraient"
        taken = frozenset(a.entity for a in sources)
        targets, target_slot, _ = self._fill(token, target_slots, used, taken)
        if entry.code[:2] in FORCE_ROOTS and (
            not targets or (sources and all(self.same_actor(a, t) for a in sources for t in targets))
        ):
            # Force is not used on one's own side: such an object is a misparse ("a bombardé ces
            # dernières heures des dépôts en Syrie, et Netanyahou a…" joins Netanyahou to "heures").
            targets = self._struck_place(token, taken)
            target_slot = "place" if targets else target_slot
        if not targets and len(entry.extra) == 1 and entry.extra[0] not in near_lemmas(token):
            # "…l'embargo européen sur les céréales ukrainiennes. La Pologne l'a prolongé": the
            # target of the noun the object pronoun stands for.
            antecedent = next((w for w in _antecedents(token) if w.lemma_.lower() in entry.extra), None)
            named = self.coder.match(antecedent) if antecedent is not None else None
            if antecedent is not None and named is not None:
                targets, target_slot, _ = self._fill(antecedent, named.target, used, taken)
                target_slot = "antecedent" if targets else target_slot
        if (
            not targets
            and token.pos_ == "NOUN"
            and case_of(token) == "par"
            and token.head.lemma_.lower() in UNDERGOING_VERBS
            and passive(token.head)
        ):
            # "Le Niger est visé par des sanctions décidées par la Cédéao": what the act is the
            # agent of is done to the passive's subject.
            targets = [
                a for o in logical_objects(token.head) for a in self.actors(o) if a.entity not in taken
            ]
            target_slot = "undergoer" if targets else target_slot
        if not targets and entry.pos == "VERB" and entry.code[:2] in CONTENT_TARGET_ROOTS:
            targets = self._quoted_subjects(token, sources)
            target_slot = "quoted" if targets else target_slot
        if not targets and entry.pos == "VERB" and _judgement(entry.code):
            targets = self._named_in_object(token, sources)
            target_slot = "object" if targets else target_slot
        if self._mediated(token, entry, sources, source_slot, target_slot):
            # "les négociations menées par le Qatar entre Israël et le Hamas": the one who leads
            # the talks between others mediates (045) between them.
            entry = dataclasses.replace(entry, code="045", flags=entry.flags - {"mutual"})
        if not sources and entry.code[:2] == "18" and token.pos_ == "VERB" and passive(token):
            return  # "plus de 2 400 personnes ont été tuées": a toll (a figure), no one's act
        if not sources and target_slot == "entre" and len(targets) > 1:
            sources, source_slot = targets, "entre"  # "les pourparlers entre Israël et le Hamas"
        if not sources and not unshared and not anonymous and entry.code[:2] not in TARGET_ONLY_ROOTS:
            return  # "des négociations avec l'UE": who negotiates is the event
        if not targets and sources and self._strikes_home(token, entry, sources):
            targets, target_slot = [Actor(self.home or "", token.idx, token.idx + len(token.text))], "home"
        if (
            token.pos_ == "NOUN"
            and sources
            and not targets
            and entry.code[:2] in AIMED_ROOTS
            and "mutual" not in entry.flags
        ):
            # "les sanctions occidentales", "l'enquête de Bruxelles", "un déploiement de troupes
            # serbes": an act named by a noun with its author but not whom it concerns is one the
            # article refers to, not one it reports.
            return
        if len(targets) > 1 and len(sources) == 1:
            # "X s'est félicité que A et B…": X's own country is not a target of X.
            home = self.country(sources[0].entity)
            targets = [t for t in targets if self.country(t.entity) != home] or targets
        code, toned = entry.code, False
        if "show" in entry.flags and not targets:
            code = "150"  # "a tiré deux missiles en mer du Japon": a show of force, at no one
        if code in STATEMENT_CODES and "speech" in entry.flags:
            words = self._statement_words(token)
            if anonymous:
                # (not the words that name the speaker: "un diplomate européen")
                speaker = {w.i for s in own_subjects(token) + self.inverted_subject(token) for w in s.subtree}
                words = [w for w in words if w.i not in speaker]
            if not targets:
                # A plain statement or comment is about the first actor its words name.
                targets = self._named_in_words(words, sources)
                target_slot = "said" if targets else target_slot
            tone = self._tone(words) if code == "010" and "plain" not in entry.flags else 0
            if (
                tone < 0
                and not targets
                and any(o.lemma_.lower() in STATE_NOUNS for o in logical_objects(token))
            ):
                code = "012"  # "a jugé la situation « honteuse »": no one criticized, a worry
            elif tone < 0 or (tone > 0 and targets):  # (praise of no one named: a plain statement)
                code, toned = "051" if tone > 0 else "111", True
            elif code == "010" and "plain" not in entry.flags and (outlook := self._outlook(words)):
                code = "013" if outlook > 0 else "012"  # "a dit suivre la situation avec inquiétude"
        pairs: list[tuple[Actor | None, Actor | None]]
        # Meetings are mutual, and so is what two actors named together do with each other.
        together = "mutual" in entry.flags or entry.code[:2] == "04" or (paired and "target" in entry.flags)
        if together and not targets and len(sources) > 1:
            pairs = [(a, b) for a in sources for b in sources if a.entity != b.entity]
        else:
            either: list[Actor | None] = [None]
            pairs = [(a, b) for a in sources or either for b in targets or either]
            if "mutual" in entry.flags:
                pairs += [(b, a) for a, b in pairs if a is not None and b is not None]
        distinct = [
            (a, b)
            for a, b in pairs
            if a is None or b is None or not self.same_actor(a, b) or target_slot == "home"
        ]
        if not distinct and target_slot in ("ccomp", "quoted"):
            # "X a averti que son pays riposterait": what X says is about X's own side, so the
            # words name no addressee (one may come from the discourse).
            distinct = [(a, None) for a in dict.fromkeys(a for a, _ in pairs)]
            target_slot = ""
        pairs = distinct
        if ("target" in entry.flags or "mutual" in entry.flags) and not self._members_meet(
            token, entry, sources
        ):
            pairs = [(a, b) for a, b in pairs if b is not None]
        if unshared and not sources:
            if targets:
                return  # one party named, the other not: "le pacte est signé alors que le Niger…"
            pairs, source_slot, target_slot = [(None, None)], "shared", "shared"
        if not pairs or (
            not any(a is not None or b is not None for a, b in pairs)
            and source_slot != "shared"
            and not anonymous
            and (
                entry.code[:2] not in ACTORLESS_ROOTS
                or (entry.code[:2] == "11" and (token.pos_ != "VERB" or token.dep_ == "acl"))
                or (entry.code[:2] == "17" and entry.code[:3] not in ACTORLESS_COERCION)
            )
        ):
            return  # (criticism by no one named: a clause's verb, not "ces critiques", "accusés de")
        if "speech" in entry.flags and code == "010" and self._unsaid(token):
            return
        modality = self.modality(token, entry)
        if "negative" in entry.flags:
            # The entry codes the negated use ("n'a pas commenté": declined to comment).
            if modality != "negated":
                return
            modality = "asserted"
        target_slot = "content" if toned else target_slot
        if code[:2] in ("11", "12") and self._answers_accusation(token):
            code = "016"  # "…accusé d'avoir déployé des soldats, ce que Kigali a toujours contesté"
        if code[:2] == "07" and negated(token) and any(c.lower_ == "plus" for c in kids(token)):
            # "ne livrerait plus d'armes": what happens is that aid stops (162x).
            code = STOPPED_AID.get(code, "162")
            modality = "asserted" if modality == "negated" else modality
        date, precision = self._date(token)
        sentence = self.sent(token)
        trigger_span = self._trigger_span(token, entry)
        rule = f"{entry.name} {code} source={source_slot or '-'} target={target_slot or '-'}"
        location = self._location(token)
        for source, target in pairs:
            # (a target no words name, the article's country, counts as a guess from the discourse)
            confidence = (
                0.4
                + 0.25 * (source is not None)
                + (0.1 if target_slot == "home" else 0.25) * (target is not None)
                + 0.1 * bool(entry.extra)
            )
            yield Event(
                id=_event_id(
                    token.idx, code, source.entity if source else None, target.entity if target else None
                ),
                **_code_fields(code),
                source=source.entity if source else None,
                target=target.entity if target else None,
                date=date,
                date_precision=precision,
                modality=modality,
                location=location,
                trigger=trigger_span,
                sentence=CharSpan(sentence.start_char, sentence.end_char),
                confidence=round(min(confidence, 1.0), 2),
                rule=rule,
                source_text=self._text(source),
                target_text=self._text(target) if target_slot != "home" else None,
            )

    def _mediated(
        self, token: Token, entry: Trigger, sources: list[Actor], source_slot: str, target_slot: str
    ) -> bool:
        """Whether talks are led by one actor who is not a party to them: the agent of a passive
        ("un accord négocié par la Norvège", "les négociations menées par Washington") with no
        partner of its own ("menées par Washington avec Téhéran" makes Washington a party)."""
        if (
            entry.code[:2] != "04"
            or "mutual" not in entry.flags
            or len(sources) != 1
            or target_slot == "avec"
        ):
            return False
        if token.pos_ == "VERB":
            return source_slot == "subj" and passive(token)
        return source_slot == "head" and any(
            c.dep_ == "acl" and passive(c) and logical_subjects(c) for c in kids(token)
        )

    def _tone(self, words: list[Token]) -> int:
        """Whether a statement's words praise (> 0) or criticize (< 0), from the cues of
        ``lexicons/<lang>/statements.tsv``: a statement with a target and a tone is 051 or 111."""
        # (a negated cue says nothing: "le texte ne menaçait pas…")
        return sum(value for w in words if (value := self._cues(w)[0]) and not negated(w))

    def _outlook(self, words: list[Token]) -> int:
        """Whether a statement's words hope (> 0) or worry (< 0): an optimistic (013) or
        pessimistic (012) comment, when they neither praise nor criticize."""
        return sum(value for w in words if (value := self._cues(w)[1]) and not negated(w))

    def _cues(self, word: Token) -> tuple[int, int]:
        """What ``word`` says as a statement cue and as an outlook cue (0 for none): by its
        lemma, else, for an adjective the lemmatizer left as written, by its masculine singular
        ("insensées" → "insensé", "déraisonnables" → "déraisonnable"). Found once per lemma and
        form (most words of a statement are none)."""
        key = (word.lemma, word.lower)
        found = self.coder.cue_values.get(key)
        if found is None:
            form = word.lower_
            stem = form.removesuffix("s")
            keys = (word.lemma_.lower(), form, stem, stem.removesuffix("e") if stem.endswith("ée") else stem)
            cues = self.coder.statement_cues, self.coder.outlook_cues
            found = self.coder.cue_values[key] = (_cue(keys, cues[0]), _cue(keys, cues[1]))
        return found

    def _named_in_words(self, words: list[Token], sources: list[Actor]) -> list[Actor]:
        """The first actor ``words`` name outside the speakers' side, a nationality adjective
        included ("la police haïtienne"), a place (a city, a region) not."""
        speakers = {side for a in sources for side in self._side(a.entity)}
        for word in words:
            actor = self.mention_actor(word)
            if actor is None and (word.pos_ == "ADJ" or word.dep_ == "amod"):
                actor = self.adjective_actor(word)  # "la police haïtienne"
            if (
                actor
                and self._side(actor.entity).isdisjoint(speakers)
                and self.types.get(actor.entity) != "location"
            ):
                return [actor]
        return []

    def _side(self, entity: str) -> set[str]:
        """An actor, its country, and the organizations it heads or serves at the document's date
        (the UN's secretary-general speaks for the UN)."""
        record = self.kb.get(entity)
        roles = record.roles if record is not None and self.date else ()
        found = {entity, self.country(entity)} | {
            r.organization for r in roles if r.organization and self.date and r.active(self.date)
        }
        return {side for side in found if side}

    @remembered_method
    def _statement_words(self, token: Token) -> list[Token]:
        """What a statement says: its complement clause, else the quotation of its sentence, else,
        for an incise, the clause before it, else the rest of its own clause ("a qualifié X de…").
        Found once per verb: coding, warnings and targets from the discourse all ask."""
        clause = [c for c in kids(token) if c.dep_ == "ccomp"]
        if clause:
            return [w for c in clause for w in c.subtree]
        sentence = self.sent(token)
        after = next((w for w in self.doc[token.i + 1 : sentence.end] if w.pos_ != "ADV"), None)
        if after is not None and after.lower_ in ("que", "qu'") and after.head.i == token.i:
            # "a jugé hier que les preuves … étaient « écrasantes »", parsed with "que" hung on
            # the verb and the clause left apart: what follows "que", up to an incise.
            words = []
            for w in self.doc[after.i + 1 : sentence.end]:
                if w.text == "," and w.i + 1 < sentence.end and self.doc[w.i + 1].pos_ in ("AUX", "VERB"):
                    break
                words.append(w)
            return words
        quoted = [self.doc[i] for i in range(sentence.start, sentence.end) if i in self.quoted]
        inverted = {w.i for w in self.inverted_subject(token)}
        if quoted and inverted and sentence.start + 1 < quoted[0].i and quoted[-1].i < token.i:
            # An incise after a sentence that only quotes a fragment ("Washington a jugé que les
            # preuves… étaient « écrasantes », a déclaré X") says all that comes before it.
            own = {w.i for w in token.subtree}
            return [w for w in self.doc[sentence.start : token.i] if w.i not in own]
        # (the verb with its auxiliaries: "a averti")
        first = min([token, *(c for c in kids(token) if c.dep_.startswith("aux"))], key=lambda w: w.i)
        if quoted:
            # (not an incise inside the quotation: "« …, a déclaré le président de la
            # Commission, X, mais… »" names who speaks, not what is said)
            ends = [
                end
                for s in own_subjects(token) or self.inverted_subject(token)
                for end in (
                    self._description(TextSpan(s.idx, s.idx + len(s.text), s.text)).stop,
                    s.right_edge.idx + len(s.right_edge.text),
                )
            ]
            incise = range(first.idx, max([token.idx + 1, *ends]))
            return [w for w in quoted if w.idx not in incise]
        if inverted and first.i - 1 > sentence.start and self.doc[first.i - 1].text == ",":
            # An incise whose subject follows it ("…, a averti le porte-parole"), however the
            # parser hung it ("Washington pourrait prendre des sanctions si un accord était
            # conclu, a averti X", with the incise under "sanctions"): all that comes before.
            return list(self.doc[sentence.start : first.i - 1])
        head = token.head
        if token.i in self.closing_incises:
            # "L'Inde a signé avec la France un contrat…, a annoncé le ministère", parsed as a
            # relative clause of "contrat": what it says is all its sentence says before it.
            return list(self.doc[self.sent(token).start : token.left_edge.i])
        if (
            token.dep_ in ("parataxis", "conj", *(("advcl",) if inverted else ()))
            and head.i < token.i
            and head.pos_ in ("VERB", "AUX")
            and "," in (self.doc[token.left_edge.i].text, self.doc[max(token.left_edge.i - 1, 0)].text)
            and not any(c.dep_ == "obj" and c.i not in inverted for c in kids(token))
        ):
            # An incise without quotation marks ("Varsovie ne remet pas en cause les contrats,
            # a précisé le porte-parole"): what it says is all its sentence says before it, also
            # when the parser hung it on a subordinate clause ("Washington pourrait prendre des
            # sanctions si un accord était conclu, a averti X").
            return list(self.doc[sentence.start : token.left_edge.i])
        own = {w.i for c in own_subjects(token) for w in c.subtree}  # (with its conjuncts)
        return [w for w in token.subtree if w.i not in own and w.i != token.i]

    def _closing_incise(self, token: Token) -> bool:
        """Whether ``token`` is a statement verb closing its sentence as an incise that the
        parser took for a relative clause without relative word ("…un contrat pour 6 milliards
        d'euros, a annoncé le ministère indien")."""
        return (
            token.dep_ == "acl:relcl"
            and self._speech(token)
            and token.head.i < token.i
            and not any(c.lower_ in RELATIVES or c.dep_.startswith("nsubj") for c in kids(token))
            and self.doc[token.left_edge.i - 1].text == ","
            and bool(self.inverted_subject(token))
            and all(
                w.is_punct or w.is_space or w.i <= token.right_edge.i
                for w in self.doc[token.i : self.sent(token).end]
            )
        )

    def _trigger_span(self, token: Token, entry: Trigger) -> TextSpan:
        """The trigger's words: the token with its auxiliaries, reflexive and negation."""
        words = [token]
        for child in kids(token):
            if (
                child.dep_.startswith("aux")
                or (entry.reflexive and child.lower_ in REFLEXIVE)
                or (child.dep_ == "advmod" and child.lower_ in NE | NEGATIONS)
                or (child.lemma_ in entry.extra and child.dep_ not in CLAUSES)
            ):
                words.append(child)
        start = min(w.idx for w in words if abs(w.i - token.i) <= 4)
        end = max(w.idx + len(w.text) for w in words if abs(w.i - token.i) <= 4)
        return TextSpan(start, end, self.text[start:end])

    def _location(self, token: Token) -> str | None:
        """Where the event happened, when the text says so: the place named by the nearest
        complement of the trigger introduced by "à" (a city), "au", "aux", "en" or "dans" (a city
        or a country): "une visite au Kazakhstan", "lors d'un sommet à Minsk". "À" before a
        country is a recipient ("une aide à l'Ukraine"), not a place."""
        for head in self._place_complements(token):
            found = self.mentioned.get(head.i)
            if found is None or found[1] not in ("name", "partial"):
                continue
            kind = self.types.get(found[0].entity)
            word = next((c.lower_ for c in kids(head) if c.dep_ == "case"), "")
            if kind == "location" or (kind == "country" and word != "à"):
                return found[0].entity
        return None

    def _host(self, token: Token) -> list[Actor]:
        """Who receives where no one is said to: the country of the place of the reception
        ("reçu au Kremlin", "à la Maison Blanche", "à Paris")."""
        for head in self._place_complements(token):
            found = self.mentioned.get(head.i)
            if found is None or found[1] not in ("name", "partial", "metonym"):
                continue
            country = self.kb.get(self.country(found[0].entity) or "")
            if country is not None and country.type == "country":
                return [found[0]]  # the place, scored and exported as its country
        return []

    def _text(self, actor: Actor | None) -> TextSpan | None:
        if actor is None:
            return None
        return TextSpan(actor.start, actor.end, self.text[actor.start : actor.end])

    # -- slots -----------------------------------------------------------------------------

    def _fill(
        self, token: Token, slots: tuple[str, ...], used: set[int], taken: frozenset[str] = frozenset()
    ) -> tuple[list[Actor], str, set[int]]:
        """The actors of the first slot that gives any (but ``taken``), the slot, and the tokens used."""
        for slot in slots:
            for candidates in self._slot(token, slot):
                heads = [t for t in candidates if t.i not in used]
                actors: list[Actor] = []
                for head in heads:
                    for actor in self.actors(head):
                        if (
                            actor.entity not in taken
                            and not self._waters(actor.entity)  # (a sea is where, not who)
                            and all(a.entity != actor.entity for a in actors)
                        ):
                            actors.append(actor)
                if actors:
                    return actors, slot, used | {h.i for h in heads}
        return [], "", used

    def _quoted_subjects(self, token: Token, sources: list[Actor]) -> list[Actor]:
        """For a cue of a quotation ("« L'Amérique paiera », a prévenu X") with no complement
        clause of its own, who the quotation is about: the subject of its first clause that
        names an actor other than the speaker."""
        if any(c.dep_ == "ccomp" for c in kids(token)):
            return []
        sentence = self.sent(token)
        for opening, closing in self.spans:
            for word in self.doc[max(opening + 1, sentence.start) : min(closing, sentence.end)]:
                if not (word.head.i in self.quoted and word.dep_.startswith("nsubj")):
                    continue
                found = [a for a in self.actors(word) if not any(self.same_actor(a, s) for s in sources)]
                if found:
                    return found
        return []

    def _named_in_object(self, token: Token, sources: list[Actor]) -> list[Actor]:
        """The first actor other than the source named within the object's phrase, or by the
        antecedent of "dont" ("le G5, dont il dénonçait l'inefficacité": the G5's)."""
        objects = logical_objects(token)
        # (not what the object is judged as: "a condamné les frappes comme une violation de la
        # souveraineté du Yémen" is not aimed at Yemen)
        judged_as = {w.i for head in objects for c in kids(head) if case_of(c) == "comme" for w in c.subtree}
        words = [
            word
            for head in objects
            for word in head.subtree
            if word.i != head.i and within_phrase(word, head) and word.i not in judged_as
        ]
        if objects and token.dep_ == "acl:relcl" and any(c.lower_ == "dont" for c in kids(token)):
            antecedent = token.head
            words = [w for w in antecedent.subtree if within_phrase(w, antecedent)] + words
        for word in words:
            actor = self.mention_actor(word)
            if actor is None and word.pos_ == "ADJ":
                actor = self.adjective_actor(word)
            if (
                actor is not None
                and self.types.get(actor.entity) != "location"
                and not any(self.same_actor(actor, s) for s in sources)
            ):
                return [actor]
        return []

    def _struck_place(self, token: Token, taken: frozenset[str]) -> list[Actor]:
        """The country or place named where the trigger's object lies, or where the trigger
        happens: "des cibles au Yémen", "a frappé en Syrie"."""
        # (and for an act named by a noun, where its relative clause says it struck: "l'attaque
        # du 7 octobre, qui a fait 1 200 morts en Israël")
        # (or its participle says: "une attaque menée par des hommes armés dans le nord du Kosovo")
        relatives = [c for c in kids(token) if c.dep_ in ("acl:relcl", "acl")] if token.pos_ == "NOUN" else []
        # (or a place phrase the parser coordinated with it: "une attaque menée par des hommes
        # armés près du village, dans le nord du Kosovo", "dans le nord" parsed as a conjunct)
        joined = [c for c in kids(token) if c.dep_ == "conj" and case_of(c) in ("à", "en", "dans")]
        for head in (*logical_objects(token), token, *relatives):
            for word in (*self._place_complements(head), *(joined if head.i == token.i else ())):
                found = self._place_named(word, taken)
                if found is not None:
                    return [found]
        # A parse that hangs the object on a time complement ("a frappé mercredi neuf sites au
        # Pakistan"): the nearest place in "à", "en" or "dans" within the trigger's own clause.
        subjects = {s.i for s in own_subjects(token)}
        for word in sorted(token.subtree, key=lambda w: abs(w.i - token.i)):
            if (
                word.i != token.i
                and case_of(word) in ("à", "en", "dans")
                and within_phrase(word, token)
                and not any(a.i in subjects for a in word.ancestors)
            ):
                found = self._place_named(word, taken)
                if found is not None:
                    return [found]
        return []

    def _place_named(self, word: Token, taken: frozenset[str]) -> Actor | None:
        """The country or place ``word`` names by name, or its "de" complement does ("dans le
        nord du Kosovo"), unless ``taken``."""
        for named in (word, *(c for c in kids(word) if c.dep_.startswith("nmod") and case_of(c) == "de")):
            found = self.mentioned.get(named.i)
            if (
                found is not None
                and found[1] == "name"
                and found[0].entity not in taken
                and self.types.get(found[0].entity) in ("country", "location")
                and not self._waters(found[0].entity)
            ):
                return found[0]
        return None

    def _waters(self, entity: str) -> bool:
        """Whether ``entity`` is a sea, strait or canal: where force is used, not against whom
        ("les attaques contre la navigation en mer Rouge")."""
        record = self.kb.get(entity)
        return record is not None and record.feature in WATERS

    def _slot(self, token: Token, slot: str) -> Iterator[list[Token]]:
        """Candidate phrase heads for ``slot``, in successive lists from most to least direct."""
        if slot == "subj":
            # Its own subject or agent; the name after the verb of an incise ("…, a déclaré X");
            # the subject of the clause it depends on; the name right before it.
            yield own_subjects(token)
            if passive(token) and own_subjects(token):
                return  # the agent named does it ("accusée par plusieurs capitales européennes")
            if passive(token) and self.triggers.get(token.i, NO_ENTRY).code[:2] == "13":
                # "le Niger reste menacé d'une intervention de la Cedeao": who would do the act
                # it is threatened with is who threatens (not so for an accusation: "accusé
                # d'ingérence russe" is no accusation by Russia).
                yield [
                    n
                    for c in kids(token)
                    if c.dep_.startswith("obl") and case_of(c) == "de" and c.pos_ == "NOUN"
                    for n in kids(c)
                    if (n.dep_.startswith("nmod") and case_of(n) == "de") or n.dep_ == "amod"
                ]
            yield self.inverted_subject(token)
            yield logical_subjects(token)
            if (object_controller(token) or attributed_object(token)) and not own_subjects(token):
                return  # the object named does it, or is said to be so, even when it names no actor
            yield self._author(token)
            yield self._incise_subject(token)
            yield self.left_subject(token)
        else:
            yield self._slot_heads(token, slot)
            if slot == "obj" and token.dep_ == "advcl" and token.i < token.head.i and passive(token):
                # "Reçu par le président X, M. Lavrov lui a remis…", parsed with "M. Lavrov" in
                # apposition to X: the name right before the main verb is what the participle says.
                yield self.left_subject(token.head)

    def _author(self, token: Token) -> list[Token]:
        """For a participle qualifying a text that a verb has for object ("a adopté une résolution
        exigeant un cessez-le-feu"), who does that verb: a text says what its authors say."""
        text = token.head
        if token.dep_ != "acl" or text.lemma_.lower() not in TEXT_NOUNS or text.dep_ != "obj":
            return []
        return logical_subjects(text.head)

    def _incise_subject(self, token: Token) -> list[Token]:
        """For a gerund, infinitive or coordinated verb that follows the verb of an incise, that
        incise's subject: "« … », a déclaré X, accusant l'opposition", also when the parser hung
        the detached participle on a noun of the incise ("… lors d'une conférence, accusant…")."""
        node = token
        detached = token.i > 0 and token.doc[token.i - 1].text == ","
        if token.dep_ == "acl" and detached and present_participle(token) and token.head.i < token.i:
            node = clause_verb(token.head)
            found = own_subjects(node)
            if found:
                return found
        while (
            node.dep_ in ("advcl", "xcomp", "conj")
            and node.head.i < node.i  # after the incise, not the words it reports
            and not own_subjects(node)
        ):
            node = node.head
        return self.inverted_subject(node) if node.i != token.i else []

    def _slot_heads(self, token: Token, slot: str) -> list[Token]:
        if slot == "obj":
            return logical_objects(token)
        if slot == "iobj":
            return [c for c in kids(token) if c.dep_ == "iobj"]
        if slot == "amod":
            # (a nationality adjective or a name: not "armée" in "attaque armée", tagged a noun)
            return [
                c
                for c in kids(token)
                if c.dep_ == "amod" and (c.pos_ in ("ADJ", "PROPN") or c.lower_ in self.kb.by_adjective)
            ]
        if slot == "poss":
            return [c for c in kids(token) if c.dep_ == "det" and "Yes" in morph(c, "Poss")]
        if slot == "ccomp":
            # (not a relative clause the parser took for one: ", qui a été négocié par le Qatar")
            return [
                s
                for c in kids(token)
                if c.dep_ == "ccomp"
                and not any(w.lower_ in RELATIVES and w.dep_.startswith("nsubj") for w in kids(c))
                for s in logical_subjects(c)
            ]
        if slot == "head":
            return governing_subjects(token, mutual="mutual" in self.triggers.get(token.i, NO_ENTRY).flags)
        heads = complements_by_case(token).get(slot, [])
        if (
            slot == "à"
            and token.pos_ == "VERB"
            and self.triggers.get(token.i, NO_ENTRY).code[:2] in DEMAND_ROOTS
        ):
            # Whom one asks is the verb's own complement, not a place deep in what is asked ("ont
            # ordonné l'activation de leur force en vue d'un rétablissement de l'ordre au Niger").
            heads = [h for h in heads if h.head.i == token.i]
        if (
            not heads
            and slot in ("avec", "entre", "à", "en")
            and token.pos_ == "NOUN"
            and (
                self.triggers.get(token.i, NO_ENTRY).code[:2] == "04"
                or (token.dep_ == "obj" and token.head.lemma_.lower() in SUPPORT_VERBS)
            )
        ):
            # The partner or host of a meeting or visit noun may hang from the verb it depends on
            # ("engagée dans des pourparlers avec l'Ethiopie sur le barrage", "s'est abstenue
            # après une visite de son Premier ministre, X, à Pékin") or from the participle
            # qualifying it ("les négociations menées par le Qatar entre Israël et le Hamas").
            verbs = [token.head] if token.head.pos_ == "VERB" else []
            verbs += [c for c in kids(token) if c.dep_ == "acl" and c.pos_ == "VERB"]
            heads = [h for v in verbs for h in complements_by_case(v).get(slot, []) if h.i > token.i]
        if slot == "avec":
            # "négocié par le Qatar avec l'appui de l'Egypte": a supporter, not a party.
            heads = [h for h in heads if h.lemma_.lower() not in BACKING_NOUNS]
        if slot == "à" and "speech" in self.triggers.get(token.i, NO_ENTRY).flags:
            # "a déclaré mercredi à Astana": a city after "à" is where one speaks, not to whom.
            heads = [h for h in heads if not self._city(h)]
        return heads

    def _members_meet(self, token: Token, entry: Trigger, sources: list[Actor]) -> bool:
        """Whether a meeting has for its one source the members of an organization ("les chefs
        d'Etat des Vingt-Sept doivent se retrouver", "les dirigeants de la Cédéao se sont
        réunis"): they meet among themselves, with no one else."""
        return (
            entry.code[:2] == "04"
            and "target" not in entry.flags
            and len(sources) == 1
            and self.types.get(sources[0].entity) == "organization"
            and any("Plur" in morph(s, "Number") for s in logical_subjects(token))
        )

    def _city(self, word: Token) -> bool:
        found = self.mentioned.get(word.i)
        return found is not None and (found[1] == "metonym" or self.types.get(found[0].entity) == "location")

    def _place_complements(self, token: Token) -> list[Token]:
        """``token``'s complements introduced by "à", "en" or "dans", nearest first."""
        by_case = complements_by_case(token)
        return sorted(
            (h for p in ("à", "en", "dans") for h in by_case.get(p, ())), key=lambda h: abs(h.i - token.i)
        )

    # -- modality and date -----------------------------------------------------------------

    def modality(self, token: Token, entry: Trigger) -> Modality:
        """Reported, negated, hypothetical, planned or asserted, in that order of precedence."""
        found: set[Modality] = set()
        predicate = clause_verb(token)
        if token.pos_ == "NOUN":
            found |= noun_modality(token)
            about = self.triggers.get(predicate.i)
            lemma = predicate.lemma_.lower()
            if (
                token.dep_ == "obj"
                and token.head.i == predicate.i
                and about is not None
                and about.code[:2] != entry.code[:2]
                and lemma not in SUPPORT_VERBS
                and lemma not in self.coder.modality_verbs
            ):
                # What another kind of event is about happened or not on its own: "n'a pas
                # condamné l'offensive", "pourraient évoquer l'invasion" say nothing of it.
                if self._reported(predicate, entry):
                    found.add("reported")
                return next((m for m in MODALITY_ORDER if m in found), "asserted")
        node, below = predicate, None
        negations = 0
        while True:
            if negated(node):
                negations += 1
            mood, tense = verb_form(node)
            if mood == "Cnd" or any(c.dep_ == "mark" and c.lower_ in ("si", "s'") for c in kids(node)):
                found.add("hypothetical")
            if tense == "Fut":
                found.add("planned")
            verb_modality = (
                self.coder.modality_verbs.get(node.lemma_.lower())
                if below is not None
                and not object_controller(below)  # "entend négocier", not "a entendu X saluer"
                else None
            )
            if verb_modality == "negated":
                negations += 1
            elif verb_modality is not None:
                found.add(verb_modality)
            if node.dep_ != "xcomp" or node.head.i == node.i or morph(node, "VerbForm") == ["Fin"]:
                break  # (a finite verb is no infinitive of its head: "X, qui n'a pas…, réclame")
            node, below = node.head, node
        if _sans(predicate):
            negations += 1
        if negations % 2:
            found.add("negated")
        elif negations:
            found.add("hypothetical")  # "n'a pas exclu de": no longer ruled out, not done either
        if self._asked(token):
            # "a exigé que la Chine restitue les armes", "a exhorté X à normaliser…": asked, not done
            found.add("hypothetical")
        if self._reported(predicate, entry):
            found.add("reported")
        return next((m for m in MODALITY_ORDER if m in found), "asserted")

    def _asked(self, token: Token) -> bool:
        """Whether ``token`` is the verb of what an appeal or a demand asks for (not a noun in
        it: "cesser ses frappes")."""
        predicate = clause_verb(token)
        if predicate.i != token.i or predicate.dep_ not in ("ccomp", "xcomp"):
            return False
        demand = self.triggers.get(predicate.head.i)
        return demand is not None and demand.code[:2] in DEMAND_ROOTS

    def _reported(self, predicate: Token, entry: Trigger) -> bool:
        """Whether the event is the content of someone's words rather than the words themselves."""
        if predicate.i in self.quoted and "speech" not in entry.flags:
            return True
        for child in kids(predicate):
            if (
                child.dep_ in ("advcl", "parataxis")
                and child.i > predicate.i
                and self._speech(child)
                and not any(c.dep_ == "mark" for c in kids(child))
                and not present_participle(child)
                and "Inf" not in morph(child, "VerbForm")
            ):
                # an incise: "…, a-t-il déclaré" (not "…, sans préciser", "…, estimant que")
                return True
            if child.dep_.startswith("obl") and case_of(child) == "selon":
                return True
        end = self.sent(predicate).end
        if any(predicate.i < self.doc[i].left_edge.i and i < end for i in self.closing_incises):
            return True  # "L'Inde a signé un contrat…, a annoncé le ministère" (see _closing_incise)
        node = predicate
        while node.head.i != node.i:
            partner = coordinated_verb(node)
            if partner is not None and partner.i != node.head.i:
                node = partner  # a verb hung in the wrong clause says what its partner says
                continue
            if node.dep_ in ("ccomp", "parataxis") and self._speech(node.head):
                return True
            if node.dep_ == "ccomp" and self._says(node.head):
                return True  # "a promis que son pays riposterait", "a menacé que…"
            node = node.head
        return False

    def _speech(self, token: Token) -> bool:
        entry = self.triggers.get(token.i)
        return entry is not None and "speech" in entry.flags

    def _says(self, token: Token) -> bool:
        """Whether ``token`` is a verbal act whose clause is words said, not asked for (a promise,
        a threat, an accusation: not an appeal or a demand, whose content is hypothetical)."""
        entry = self.triggers.get(token.i)
        return entry is not None and entry.code[:2] in VERBAL_ROOTS - DEMAND_ROOTS

    def _date(self, token: Token) -> tuple[str | None, DatePrecision | None]:
        """The event's own time expression, else the document date, at their precision (coarser
        for an act said to have lasted a while)."""
        predicate = clause_verb(token)
        anchors = [token] if predicate.i == token.i else [token, predicate]
        if predicate.dep_ == "xcomp":
            anchors.append(predicate.head)  # "a décidé jeudi d'ouvrir des négociations"
        for anchor in anchors:
            for time, tokens in self.times:
                if time.type not in ("DATE", "TIME") or not self._governs(anchor, tokens):
                    continue
                value = time.value
                if value.endswith("TNI") and NIGHT_ACROSS.search(time.text):
                    # "dans la nuit de jeudi à vendredi": dated, as the news is, by the morning after.
                    value = (dt.date.fromisoformat(value[:10]) + dt.timedelta(days=1)).isoformat()
                if time.type == "TIME" and value[10:11] == "T":
                    value = value[:10]  # a clock time or a part of the day dates the event to its day
                if value == "PRESENT_REF":
                    return self.date, date_precision(
                        self.date
                    ) if self.date else None  # "now": the document's date
                return value, date_precision(value)
        if any(c.lower_ in AT_ONCE for a in anchors for c in kids(a) if c.dep_ == "advmod"):
            # "La Pologne l'a aussitôt prolongé" after "la levée, le vendredi 15 septembre, de
            # l'embargo": done right after, on the day of the last date named before it.
            start = self.sentences[max(0, self.sentence_of[token.i] - 1)].start
            earlier = [
                time
                for time, tokens in self.times
                if time.type == "DATE" and start <= tokens.start and tokens.stop <= token.i
            ]
            if earlier:
                return earlier[-1].value, date_precision(earlier[-1].value)
        if self.date and case_of(token) == "de":
            for time, tokens in self.times:
                if time.type == "DURATION" and token.head.i in tokens:
                    # "au terme de plusieurs semaines de négociations": an act that lasted weeks
                    # is dated by the month it ended in, one of months or years by the year.
                    kept = 7 if time.value[-1:] in ("D", "W", "H") else 4
                    return self.date[:kept], date_precision(self.date[:kept])
        return self.date, date_precision(self.date) if self.date else None

    def _governs(self, anchor: Token, tokens: range) -> bool:
        """Whether the time expression hangs from ``anchor`` without crossing a clause or event."""
        if self.sentence_of[tokens.start] != self.sentence_of[anchor.i]:
            return False
        node = self.doc[tokens.start]
        for _ in range(8):
            if node.i == anchor.i:
                return True
            if node.head.i == node.i or node.dep_ in CLAUSES:
                return False
            if node.i != tokens.start and node.i in self.triggers and node.i not in tokens:
                return False
            node = node.head
        return False


def _cue(keys: tuple[str, ...], cues: dict[str, int]) -> int:
    """The value ``cues`` give the first of ``keys`` they have, else 0."""
    return next((cues[key] for key in keys if key in cues), 0)


def _subsumed(event: Event, events: list[Event]) -> bool:
    """Whether another event of the sentence says the same with one actor more."""
    return any(
        other is not event
        and other.code == event.code
        and other.sentence == event.sentence
        and (event.source is None or other.source == event.source)
        and (event.target is None or other.target == event.target)
        and (other.source, other.target) != (event.source, event.target)
        for other in events
    )


def _reports_words(verb: Token) -> bool:
    """Whether ``verb`` has a complement clause ("a assuré que…", "assurant avoir agi seul") or
    is the verb of an incise ("« … », a lancé le président", "…, a-t-il lancé"), not an acl
    participle ("l'appel lancé par")."""
    if any(
        c.dep_ in ("ccomp", "parataxis") or (c.dep_ == "xcomp" and "Fin" not in morph(c, "VerbForm"))
        for c in kids(verb)
    ):
        return True  # (not a finite verb hung as a complement: "Lula, qui n'a pas reconnu X, réclame")
    before = verb.i - 1
    while (
        before > 0
        and verb.doc[before].pos_ in ("AUX", "ADV", "PRON")
        and verb.doc[before].lower_ not in RELATIVES
    ):
        before -= 1  # (not past a relative pronoun: "Lula, qui n'a pas reconnu la victoire")
    return before >= 0 and verb.doc[before].text in INCISE_OPENERS and not verb.dep_.startswith("acl")


def _sans(verb: Token) -> bool:
    """Whether "sans" introduces ``verb``: "sans condamner", "sans en préciser la nature"."""
    return any(c.dep_ in ("mark", "case") and c.lower_ == "sans" for c in kids(verb))


def _antecedents(verb: Token) -> list[Token]:
    """For a verb whose object is a clitic pronoun ("la Pologne l'a prolongé"), or a passive
    whose subject is a pronoun ("il pourra être prolongé"), the nouns the pronoun may stand for:
    those before it in its sentence and the two before, nearest first ("…la levée de l'embargo")."""
    pronouns = [c for c in kids(verb) if c.dep_ == "obj" and c.lower_ in CLITIC_OBJECTS]
    if passive(verb):
        pronouns += [s for s in logical_objects(verb) if s.lower_ in SUBJECT_PRONOUNS]
    if not any(p.pos_ == "PRON" for p in pronouns):
        return []
    start = verb.sent.start
    for _ in range(ANTECEDENT_SENTENCES):
        start = verb.doc[start - 1].sent.start if start > 0 else 0
    return [w for w in reversed(verb.doc[start : verb.i]) if w.pos_ == "NOUN"]


def _met_again(events: list[Event]) -> list[Event]:
    """``events`` without a meeting that someone's words report between the parties of a meeting
    the article states earlier ("Poutine a reçu Kim… c'était « pour cela » que les deux hommes se
    retrouvaient sur ce site", "selon une source, les deux hommes ont longuement évoqué…"): the
    same meeting named again, which the guide codes once."""
    met: set[tuple[str, str]] = set()
    kept = []
    for event in events:
        pair = (event.source or "", event.target or "")
        if event.root == "04" and all(pair):
            if event.modality == "reported" and pair in met:
                continue
            if event.modality == "asserted":
                met.add(pair)
        kept.append(event)
    return kept


def _infinitive_complement(verb: Token) -> bool:
    """Whether ``verb`` has an infinitive for complement ("a reconnu avoir organisé l'attaque")."""
    return any(
        c.dep_ == "xcomp"
        and (
            "Inf" in morph(c, "VerbForm")
            or any(a.dep_.startswith("aux") and a.lower_ == "avoir" for a in kids(c))
        )
        for c in kids(verb)
    )


def _judgement(code: str) -> bool:
    """Whether ``code`` judges something: criticism or rejection (JUDGEMENT_ROOTS), praise, or
    recognition ("n'a pas reconnu la victoire de M. Maduro" is about Maduro)."""
    return code[:2] in JUDGEMENT_ROOTS or code in ("051", "054")


def _code_fields(code: str) -> dict[str, Any]:
    """An event's fields that its CAMEO code gives: the code, its label, root, quad class,
    Goldstein value and PLOVER type."""
    kind = event_type(code)
    return {
        "code": kind.code,
        "label": kind.label,
        "root": kind.root,
        "quad_class": kind.quad_class,
        "goldstein": kind.goldstein,
        "plover": kind.plover,
    }


def _recoded(event: Event, code: str) -> Event:
    """``event`` with the CAMEO code ``code`` and that code's values (and in its ``rule``)."""
    return dataclasses.replace(
        event,
        id=_event_id(event.trigger.start, code, event.source, event.target),
        rule=event.rule.replace(f" {event.code} ", f" {code} ", 1),
        **_code_fields(code),
    )


def _between(
    event: Event,
    source: tuple[str | None, TextSpan | None],
    target: tuple[str | None, TextSpan | None],
    how: str,
) -> Event:
    """``event`` between ``source`` and ``target`` (each an entity and its words), both inferred
    ``how`` (named in ``rule``)."""
    return dataclasses.replace(
        event,
        id=_event_id(event.trigger.start, event.code, source[0], target[0]),
        source=source[0],
        source_text=source[1],
        target=target[0],
        target_text=target[1],
        rule=re.sub(r"source=\S+ target=\S+", f"source={how} target={how}", event.rule),
    )


def _carried(after: list[Event], before: list[Event], token_of: dict[str, int]) -> list[Event]:
    """``after``, a pass's output, with the trigger token of each event a pass re-aimed or
    recoded (and so renamed) recorded in ``token_of`` as that of the event it came from (the
    events of one trigger word share its words), for the next passes."""
    origin = {e.trigger: token_of[e.id] for e in before if e.id in token_of}
    for event in after:
        if event.id not in token_of and event.trigger in origin:
            token_of[event.id] = origin[event.trigger]
    return after


def _retargeted(event: Event, target: str, text: TextSpan | None, how: str) -> Event:
    """``event`` aimed at ``target``, inferred ``how`` (named in ``rule``, with less confidence
    than a target its own slots give)."""
    return dataclasses.replace(
        event,
        id=_event_id(event.trigger.start, event.code, event.source, target),
        target=target,
        target_text=text,
        confidence=round(min(event.confidence + 0.1, 1.0), 2),
        rule=event.rule.replace(f"target={_target_slot(event)}", f"target={how}"),
    )


def _target_slot(event: Event) -> str:
    """Where ``event``'s target was found, as its ``rule`` says ("-" for none)."""
    return event.rule.rsplit("target=", 1)[-1]


def _unique(events: list[Event], verbs: frozenset[int]) -> list[Event]:
    """``events`` without repeats of one code between the same actors in one sentence, but for
    two verbs' (``verbs``: where their triggers start), which are two acts ("a jugé …, tout en
    assurant que …")."""
    seen: dict[tuple[str, str | None, str | None, CharSpan], list[Event]] = {}
    unique: list[Event] = []
    for event in events:
        key = (event.code, event.source, event.target, event.sentence)
        earlier = seen.setdefault(key, [])
        if all(
            e.trigger.start in verbs and event.trigger.start in verbs and e.trigger != event.trigger
            for e in earlier
        ):
            earlier.append(event)
            unique.append(event)
    return unique


def _event_id(offset: int, code: str, source: str | None, target: str | None) -> str:
    key = f"{offset}|{code}|{source or ''}|{target or ''}"
    return hashlib.blake2b(key.encode(), digest_size=8).hexdigest()
