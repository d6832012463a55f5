"""Quotations and who said them.

The component (``veille_quotes``) finds

- **direct quotations**: the words between quotation marks (« », “ ”, " ", and straight single
  quotes, told apart from elisions by the tokenizer); a quotation interrupted by its own cue
  («…, a-t-il dit, …») is two quotations with one speaker; a quoted heading standing alone on its
  line, or a name after a naming word ("l'opération « Bouclier »"), is nobody's statement;
- **indirect speech**: the "que" clause of a reporting verb ("a estimé que…"; the verbs are in
  ``lexicons/<lang>/reporting.tsv``), each coordinated "que" clause apart; a clause followed by
  an inverted cue ("…, assure le ministre"); a sentence attributed by "selon X".

The speaker of a direct quotation is, in order: the subject of a cue right after it ("»,
a déclaré X", "», a-t-il ajouté"); the agent of a cue's participle around it ("qualifiée
d'« historique » par X"); the subject of the verb the quotation depends on (its cue
"X a déclaré : « … »", or any verb for a partial quotation: "X a loué une « alliance »"); "selon
X"; the subject of another cue of its sentence; for a quotation that is its own sentence, the
speaker of a quotation in the sentence before. Subjects are read by :class:`ActorFinder`, as
the event coder reads its sources: names, partial names, roles, resolved pronouns,
institutions. Who no rule finds, or an unnamed person ("un diplomate"), is left ``None``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token

from . import extensions as _extensions  # noqa: F401  (registers doc._.veille_*)
from .actors import Actor, ActorFinder
from .data import packaged_rows
from .entities import add_mention
from .event_lexicon import inflections
from .kb import KnowledgeBase
from .kb import default as default_kb
from .records import Entity, Quote
from .sentences import FINAL, PAIRS
from .syntax import (
    NE,
    NEGATIONS,
    WordFilter,
    logical_subjects,
    morph,
    near_lemmas,
    own_subjects,
    participle,
    past_participle,
    verb_in_disguise,
)

MARKS = frozenset(PAIRS) | frozenset(PAIRS.values())
COMPLEMENTIZERS = frozenset({"que", "qu'", "qu’"})  # noqa: RUF001
# Words between a closing mark and its cue ("», a pour sa part assuré"): no noun or verb.
INCISE_FILLERS = frozenset({"AUX", "ADV", "PRON", "PUNCT", "ADP", "DET", "SPACE", "CCONJ"})
STOPS = frozenset({"«", "“", ".", ":", "?", "!"})  # words past which no cue is looked for
CUE_REACH = 8  # tokens after a closing mark within which its cue is looked for
# The inverted pronoun of an incise and its linking "t": "a-t-il dit".
INVERTED = frozenset({"-t", "t", "-il", "-elle", "-ils", "-elles", "-on"})


@dataclass(frozen=True)
class Cues:
    """The attribution cues of a language."""

    verbs: dict[str, frozenset[str]]  # last lemma -> the lemmas a phrase needs beside it
    sources: frozenset[str]  # "selon"
    titles: frozenset[str]  # "baptiser", "opération"


def load_cues(language: str) -> Cues:
    verbs: dict[str, frozenset[str]] = {}
    sources: set[str] = set()
    titles: set[str] = set()
    for cells in packaged_rows("lexicons", language, "reporting.tsv"):
        words, kind = cells[0].split(), cells[1].strip()
        if kind == "verb":
            verbs.setdefault(words[-1], frozenset(words[:-1]))
        elif kind == "source":
            sources.add(cells[0])
        elif kind == "title":
            titles.add(cells[0])
    return Cues(verbs, frozenset(sources), frozenset(titles))


@Language.factory("veille_quotes", default_config={"kb_paths": [], "language": "fr"})
def make_quotes(nlp: Language, name: str, kb_paths: list[str], language: str) -> QuoteFinder:
    return QuoteFinder(default_kb(tuple(kb_paths)), load_cues(language))


class QuoteFinder:
    """Writes ``doc._.veille_quotes``: a tuple of :class:`~veille.records.Quote`."""

    def __init__(self, kb: KnowledgeBase, cues: Cues) -> None:
        self.kb = kb
        self.cues = cues
        # The lemmatizer leaves some inflected verbs alone ("estime", "dément"): their forms.
        self.verb_forms = {form: lemma for lemma in cues.verbs for form in inflections(lemma)}
        self.candidates = WordFilter(frozenset(cues.verbs), frozenset({*self.verb_forms, *cues.sources}))

    def __call__(self, doc: Doc) -> Doc:
        finding = _Finding(self, doc, list(doc._.veille_entities or ()))
        doc._.veille_quotes = tuple(sorted(finding.run(), key=lambda q: (q.start, q.end)))
        doc._.veille_entities = tuple(finding.entities)
        return doc


class _Finding(ActorFinder):
    """The state of finding one document's quotations."""

    any_description = True  # "…, a ajouté le ministre": the minister named last speaks

    def __init__(self, finder: QuoteFinder, doc: Doc, entities: list[Entity]) -> None:
        super().__init__(doc, entities, finder.kb)
        self.finder = finder
        self.cues = finder.cues
        self.cue_of: dict[int, bool] = {}  # token -> whether it is a cue (asked often)
        self.speakers: dict[int, Actor | None] = {}  # sentence -> speaker of its last quotation
        # The words that may be cues or "selon", in text order (most words cannot).
        self.candidates = finder.candidates.tokens(doc)

    def run(self) -> list[Quote]:
        found = [*self._direct(), *self._indirect()]
        # Countries reached through an adjective ("la diplomatie ukrainienne") become entities.
        used = {q.speaker for q in found}
        for _, (record, mention) in sorted(self.unnamed.items()):
            if record.id in used and all(e.id != record.id for e in self.entities):
                self.entities = add_mention(self.entities, record, mention)
        return found

    # -- direct quotations -------------------------------------------------------------------

    def _direct(self) -> Iterator[Quote]:
        for opening, closing in self.spans:
            words = [t for t in self.doc[opening + 1 : closing] if not t.is_space]
            if not any(t.is_alpha for t in words) or self._heading(opening, closing) or self._title(opening):
                continue
            incise = self._inner_incise(opening, closing)
            if incise is not None:
                inner, first_end, second_start = incise
                speaker = self._cue_speaker(inner)
                yield self._quote(opening + 1, first_end, speaker, inner, direct=True)
                yield self._quote(second_start, closing, speaker, inner, direct=True)
                self.speakers[self.sentence_of[opening]] = speaker
                continue
            cue, speaker = self._direct_speaker(opening, closing)
            self.speakers[self.sentence_of[opening]] = speaker
            yield self._quote(opening + 1, closing, speaker, cue, direct=True)

    def _heading(self, opening: int, closing: int) -> bool:
        """A quotation that is its paragraph's whole line, with no final punctuation: a heading,
        said by no one."""
        before = self.doc[opening - 1] if opening > 0 else None
        after = self.doc[closing + 1] if closing + 1 < len(self.doc) else None
        words = [t for t in self.doc[opening + 1 : closing] if not t.is_space]
        return (
            (before is None or (before.is_space and "\n" in before.text))
            and (after is None or (after.is_space and "\n" in after.text))
            and bool(words)
            and words[-1].text not in FINAL
        )

    def _title(self, opening: int) -> bool:
        """A name after a naming word: "l'opération « Tempête »", "un plan baptisé « Horizon »"."""
        for word in reversed(self.doc[max(0, opening - 3) : opening]):
            if word.pos_ in ("DET", "PUNCT", "ADP"):
                continue
            return word.lemma_.lower() in self.cues.titles or word.lower_ in self.cues.titles
        return False

    def _inner_incise(self, opening: int, closing: int) -> tuple[Token, int, int] | None:
        """A cue inside the marks, after a comma: «…, a-t-il dit, …» or «…, a dit X. …».
        (cue, end of the first part, start of the second)."""
        for token in self.candidates:
            if not opening + 2 <= token.i < closing - 1 or not self._cue(token):
                continue
            before = [w for w in self.doc[opening + 1 : token.i] if not w.is_space]
            lead = _lead(before)
            if not lead or lead[0].text != ",":
                continue
            speaker = self._cue_speaker(token)
            if speaker is None and not own_subjects(token):
                continue
            # The incise ends at the first comma or full stop after the cue and its speaker's
            # words ("a déclaré le président de la Commission, Omar Touray, mais…").
            after = max(token.idx, speaker.end if speaker else 0)
            end = next(
                (w for w in self.doc[token.i + 1 : closing] if w.idx >= after and w.text in (",", *FINAL)),
                None,
            )
            if end is None or end.i + 1 >= closing or end.i - token.i > CUE_REACH + 8:
                continue
            return token, lead[0].i, end.i + 1
        return None

    def _direct_speaker(self, opening: int, closing: int) -> tuple[Token | None, Actor | None]:
        sentence = self.sentence_of[opening]
        # "», a déclaré X" / "», a-t-il ajouté".
        for token in self.doc[closing + 1 : min(len(self.doc), closing + 1 + CUE_REACH)]:
            if self._cue(token):
                return token, self._cue_speaker(token)
            if (
                token.pos_ not in INCISE_FILLERS
                or token.text in ("«", "“", ".", ":")
                or token.i in self.quoted
            ):
                break
        judged = self._judged_by(opening, closing)
        if judged is not None:
            return judged
        # The reporting verb above the quotation ("X a estimé que les Occidentaux n'avaient
        # « aucun intérêt »"), else the verb it hangs from (a partial quotation: "X a loué une
        # « alliance »").
        above = self._above(opening, closing)
        for verb in above:
            if self._cue(verb) and _finite(verb):
                speaker = self._cue_speaker(verb)
                if speaker is not None:
                    return verb, speaker
        for verb in above:
            actors = self._subject_actors(verb)
            if actors:
                return verb, actors[0]
        # "selon X", then any cue of the sentence.
        span = self.sentences[sentence]
        words = [t for t in self.candidates if span.start <= t.i < span.end and t.i not in self.quoted]
        for token in words:
            if token.lower_ in self.cues.sources and token.dep_ == "case":
                actors = self.actors(token.head)
                if actors:
                    return token, actors[0]
        for token in words:
            if self._cue(token):
                speaker = self._cue_speaker(token)
                if speaker is not None:
                    return token, speaker
        # A quotation that is its own sentence continues the one before.
        for earlier in (sentence - 1, sentence - 2):
            if earlier in self.speakers and self.speakers[earlier] is not None:
                return None, self.speakers[earlier]
        return None, None

    def _judged_by(self, opening: int, closing: int) -> tuple[Token, Actor] | None:
        """ "une décision qualifiée d'« historique » par X": the agent after the quotation of the
        participle of a cue right before it, however the parser attached the two."""
        before = [
            w for w in self.doc[max(0, opening - 4) : opening] if w.lower_ not in ("d", "de", "'", "comme")
        ]
        participle_ = before[-1] if before else None
        if participle_ is None or not past_participle(participle_) or not self._cue(participle_):
            return None
        after = next((w for w in self.doc[closing + 1 : closing + 3] if not w.is_space), None)
        if after is None or after.lower_ != "par" or after.dep_ != "case":
            return None
        actors = self.actors(after.head)
        return (participle_, actors[0]) if actors else None

    def _above(self, opening: int, closing: int) -> list[Token]:
        """The verbs above a quotation, nearest first, from the word its words hang from."""
        inside = range(opening + 1, closing)
        for token in self.doc[opening + 1 : closing]:
            node = token
            while node.i in inside and node.head.i != node.i:
                node = node.head
            if node.i not in inside:
                return [n for n in _verbs_up(node) if n.pos_ in ("VERB", "AUX") or participle(n)]
        return []

    # -- indirect speech ---------------------------------------------------------------------

    def _indirect(self) -> Iterator[Quote]:
        for token in self.candidates:
            if token.i in self.quoted:
                continue
            if token.lower_ in self.cues.sources and token.dep_ == "case":
                yield from self._according_to(token)
                continue
            if not self._cue(token):
                continue
            clauses = [c for c in token.children if c.dep_ in ("ccomp", "obj") and _complementizer(c)]
            if _restrictive(token):
                clauses = []  # "ne reconnaissait que l'autorité de X": only, not "that"
            if clauses:
                speaker = self._cue_speaker(token)
                for clause in clauses:
                    for first, last in _clause_parts(clause):
                        if not all(t.i in self.quoted for t in self.doc[first : last + 1] if not t.is_space):
                            yield self._quote(first, last + 1, speaker, token, direct=False)
            else:
                inverted = self._inverted_clause(token)
                if inverted is not None:
                    yield self._quote(*inverted, self._cue_speaker(token), token, direct=False)

    def _inverted_clause(self, token: Token) -> tuple[int, int] | None:
        """ "Les pourparlers avancent, assure le ministre": the words before the incise."""
        sentence = self.sentences[self.sentence_of[token.i]]
        before = [w for w in self.doc[sentence.start : token.i] if not w.is_space]
        lead = _lead(before)
        if not lead or lead[0].text != "," or not self.inverted_subject(token):
            return None
        words = [w for w in self.doc[sentence.start : lead[0].i] if not w.is_space]
        if not words or any(w.i in self.quoted or w.text in ("»", "”", '"', "'") for w in words):
            return None  # a direct quotation: found as such
        if not any(w.pos_ in ("VERB", "AUX") for w in words):
            return None
        return words[0].i, lead[0].i

    def _according_to(self, token: Token) -> Iterator[Quote]:
        """ "Selon X, …" / "…, selon X": what the sentence says, attributed to X."""
        actors = self.actors(token.head)
        if not actors:
            return  # "varier selon les constructeurs": not an attribution
        sentence = self.sentences[self.sentence_of[token.i]]
        phrase = list(token.head.subtree)
        first, last = min(phrase[0].i, token.i), phrase[-1].i
        words = [w for w in sentence if not w.is_space and not (first <= w.i <= last)]
        before = [w for w in words if w.i < first and not w.is_punct]
        after = [w for w in words if w.i > last and not w.is_punct]
        if after and not before:
            span = (after[0].i, _trim(self.doc, after[0].i, sentence.end))
        elif before and not after:
            span = (before[0].i, before[-1].i + 1)
        elif before:
            span = (before[0].i, _trim(self.doc, before[0].i, sentence.end))
        else:
            return
        if any(w.i in self.quoted for w in self.doc[span[0] : span[1]]):
            return
        yield self._quote(*span, actors[0], token, direct=False)

    # -- cues and speakers -------------------------------------------------------------------

    def _cue(self, token: Token) -> bool:
        """Whether ``token`` is a reporting verb (alone, or the last verb of a listed phrase)."""
        if token.i not in self.cue_of:
            self.cue_of[token.i] = self._is_cue(token)
        return self.cue_of[token.i]

    def _is_cue(self, token: Token) -> bool:
        verb = token.pos_ in ("VERB", "AUX") or participle(token)
        if not verb and (token.lower_ not in self.finder.verb_forms or not verb_in_disguise(token)):
            return False
        lemma = token.lemma_.lower()
        if lemma not in self.cues.verbs:
            lemma = self.finder.verb_forms.get(token.lower_, lemma)
        needed = self.cues.verbs.get(lemma)
        if needed is None:
            return False
        return not needed or needed <= (near_lemmas(token) | {token.head.lemma_.lower()})

    def _cue_speaker(self, cue: Token) -> Actor | None:
        if (cue.dep_ == "conj" or _gerund(cue)) and not own_subjects(cue):
            # "X a affirmé que … et a promis que …", "X a estimé que … tout en assurant que …":
            # the parser may hang the second cue from a verb of the first one's clause; its
            # speaker is the first cue's.
            node = cue.head
            while node.head.i != node.i and not self._cue(node):
                node = node.head
            if self._cue(node) and node.i != cue.i:
                return self._cue_speaker(node)
        actors = self._subject_actors(cue)
        return actors[0] if actors else None

    def _subject_actors(self, verb: Token) -> list[Actor]:
        # "a-t-elle promis": the inverted pronoun, however the parser attached it.
        for word in self.doc[max(0, verb.i - 3) : verb.i]:
            if word.lower_ in INVERTED and word.i in self.pronouns:
                return [self.mentioned[word.i][0]]
        inverted = self.inverted_subject(verb)
        named = [w for w in inverted if self._named_person(w)]
        # "…, a affirmé le porte-parole du Kremlin, Dmitri Peskov": the name in the incise first.
        for heads in (named, own_subjects(verb), inverted, logical_subjects(verb), self.left_subject(verb)):
            for head in heads:
                actors = self.actors(head)
                if actors:
                    return actors
        return []

    def _named_person(self, word: Token) -> bool:
        found = self.mentioned.get(word.i)
        return (
            found is not None
            and found[1] in ("name", "partial")
            and self.types.get(found[0].entity) == "person"
        )

    def _quote(self, first: int, end: int, speaker: Actor | None, cue: Token | None, direct: bool) -> Quote:
        """The quotation of tokens ``first`` to ``end`` (excluded), without edge spaces."""
        words = [t for t in self.doc[first:end] if not t.is_space]
        start = words[0].idx if words else self.doc[first].idx
        stop = words[-1].idx + len(words[-1].text) if words else start
        return Quote(
            text=self.text[start:stop],
            start=start,
            end=stop,
            speaker=speaker.entity if speaker else None,
            speaker_text=self.text[speaker.start : speaker.end] if speaker else None,
            cue=cue.text if cue is not None else None,
            direct=direct,
        )


def _verbs_up(node: Token) -> Iterator[Token]:
    """``node`` and the words above it, nearest first."""
    for _ in range(6):
        yield node
        if node.head.i == node.i:
            return
        node = node.head


def _lead(before: list[Token]) -> list[Token]:
    """The words before a cue, nearest first, past its auxiliaries and adverbs ("a", "-t")."""
    return [w for w in reversed(before) if w.pos_ not in ("AUX", "ADV") and w.lower_ not in INVERTED]


def _complementizer(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in COMPLEMENTIZERS and c.i < clause.i for c in clause.children)


def _clause_parts(clause: Token) -> list[tuple[int, int]]:
    """(first, last) tokens of a "que" clause, each coordinated "que" clause apart, without the
    complementizer and final punctuation."""
    conjuncts = [c for c in clause.children if c.dep_ == "conj"]
    others = [c for c in conjuncts if _complementizer(c)]
    # A coordinated cue with its own clause ("… et a promis que …") is not part of this one.
    cues = [c for c in conjuncts if c not in others and any(_complementizer(g) for g in c.children)]
    parts = []
    for part in (clause, *others):
        excluded = (
            {t.i for o in (*others, *cues) if o.i != part.i for t in o.subtree}
            if part.i == clause.i
            else set()
        )
        words = [t for t in part.subtree if t.i not in excluded and not t.is_space]
        mark = next((c for c in part.children if c.dep_ == "mark" and c.lower_ in COMPLEMENTIZERS), None)
        words = [t for t in words if mark is None or t.i > mark.i]
        # ", comme il l'avait fait", ", sans en préciser la nature", "tout en assurant": an
        # adverbial clause set off by a comma, or a gerund, is the reporter's, not the reported words.
        asides = [t for t in words if t.dep_ == "advcl" and t.i > part.i]
        starts = {min(t.i for t in c.subtree) for c in asides}
        gerunds = {min(t.i for t in c.subtree) for c in asides if _gerund(c)}
        cut = next(
            (
                n
                for n, t in enumerate(words[:-1])
                if (t.text == "," and words[n + 1].i in starts) or t.i in gerunds
            ),
            None,
        )
        words = words[:cut]
        while words and words[0].text in MARKS:
            words.pop(0)
        while words and (words[-1].is_punct or words[-1].dep_ == "cc"):
            words.pop()
        if words:
            parts.append((words[0].i, words[-1].i))
    return parts


def _finite(verb: Token) -> bool:
    """Whether ``verb`` is said by a subject of its own: not an infinitive ("d'avoir soutenu")."""
    return "Inf" not in morph(verb, "VerbForm") and not any(
        c.dep_.startswith("aux") and "Inf" in morph(c, "VerbForm") for c in verb.children
    )


def _restrictive(verb: Token) -> bool:
    """ "ne … que" without "pas": a restriction, not a complement clause."""
    words = {c.lower_ for c in verb.children if c.dep_ == "advmod"}
    return bool(words & NE) and not words & NEGATIONS


def _gerund(verb: Token) -> bool:
    """ "en assurant", "tout en reconnaissant"."""
    return any(c.lower_ == "en" and c.i < verb.i and c.pos_ == "ADP" for c in verb.children)


def _trim(doc: Doc, start: int, end: int) -> int:
    """``end`` moved back past final punctuation and spaces."""
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return end
