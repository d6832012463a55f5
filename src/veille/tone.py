"""Document and sentence tone on GDELT's scale, from a French news lexicon.

The component looks each word of the document up in ``lexicons/<lang>/tone.tsv`` (by its lemma,
then by its own form), weighs it (a strong word counts as one whole word, an ordinary one as
half), turns it when a negator ("ne ... pas", "sans", "jamais") stands just before it and scales
it after an intensifier ("très", "gravement"). ``positive`` and ``negative`` are the weighted
shares of the content words, in percent; ``score`` is their difference (-100 to +100) and
``polarity`` their sum. The document's :class:`Tone` also carries the tone of each sentence.
``docs/tone.md`` describes the lexicon, the rules and the scale.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

from spacy.language import Language
from spacy.tokens import Doc, Token

from . import extensions as _extensions  # noqa: F401  (registers doc._.veille_*)
from .data import packaged_rows
from .records import SentenceTone, Tone

__all__ = ["NEUTRAL_BAND", "NEUTRAL_POINT", "ToneLexicon", "ToneScorer", "load_lexicon", "sign", "tone_of"]

ToneSign = Literal["positive", "negative", "neutral"]

# A document's sign: neutral within NEUTRAL_BAND of NEUTRAL_POINT, the score of a plain news
# report in this lexicon (news words lean negative); calibrated on the development gold, see
# docs/tone.md.
NEUTRAL_POINT = -1.0
NEUTRAL_BAND = 0.5
STRONG = 2.0  # the weight that counts as one whole word
NEGATION_WINDOW = 3  # words looked back for a negator
NEGATED = -0.5  # a negated word counts for half, with the opposite tone
PARTITIVE = frozenset({"de", "d'", "d’", "du", "des"})  # "pas de guerre", "levée des sanctions"  # noqa: RUF001


@dataclass(frozen=True, slots=True)
class ToneLexicon:
    """Word weights, negators and intensifier factors, by lower-case lemma or form."""

    words: dict[str, float]
    negators: frozenset[str]
    intensifiers: dict[str, float]
    reversers: frozenset[str] = frozenset()


def load_lexicon(language: str = "fr") -> ToneLexicon:
    """The lexicon of ``lexicons/<language>/tone.tsv``."""
    return lexicon_from_rows(packaged_rows("lexicons", language, "tone.tsv"))


def lexicon_from_rows(rows: Iterable[Sequence[str]]) -> ToneLexicon:
    """A lexicon from rows of (kind, lemma[, weight]); kinds: word, negator, reverser, intensifier."""
    words: dict[str, float] = {}
    negators: set[str] = set()
    reversers: set[str] = set()
    intensifiers: dict[str, float] = {}
    for kind, lemma, *rest in rows:
        if kind == "word":
            words[lemma] = float(rest[0])
        elif kind == "negator":
            negators.add(lemma)
        elif kind == "reverser":
            reversers.add(lemma)
        elif kind == "intensifier":
            intensifiers[lemma] = float(rest[0])
        else:
            raise ValueError(f"tone lexicon: unknown kind {kind!r} for {lemma!r}")
    return ToneLexicon(words, frozenset(negators), intensifiers, frozenset(reversers))


@cache
def default_lexicon(language: str = "fr") -> ToneLexicon:
    return load_lexicon(language)


def sign(score: float, point: float = NEUTRAL_POINT, band: float = NEUTRAL_BAND) -> ToneSign:
    """``positive`` above ``point + band``, ``negative`` below ``point - band``, else ``neutral``."""
    if score > point + band:
        return "positive"
    if score < point - band:
        return "negative"
    return "neutral"


def _keys(token: Token) -> tuple[str, str]:
    return token.lemma_.lower(), token.lower_


def _counted(token: Token) -> bool:
    """A content word: letters, and neither punctuation nor a stop word."""
    return not token.is_stop and not token.is_punct and any(ch.isalpha() for ch in token.text)


class ToneScorer:
    """Each token's signed contribution (-1..1) and whether it counts as a word."""

    def __init__(self, lexicon: ToneLexicon) -> None:
        self.lexicon = lexicon

    def _lookup(self, token: Token, table: dict[str, float]) -> float | None:
        lemma, form = _keys(token)
        value = table.get(lemma)
        return table.get(form) if value is None else value

    def _negated(self, doc: Doc, i: int, start: int) -> bool:
        """Whether token ``i`` is turned: a reverser governs it ("la levée des sanctions"), or a
        negator stands just before it ("pas de guerre", "sans violence", "ne condamne pas") with
        no determiner between ("ne condamne pas l'offensive" does not turn "offensive"). The
        look-back stops at punctuation, at another toned word and after the window."""
        determiner = False
        for j in range(i - 1, max(start, i - 1 - NEGATION_WINDOW), -1):
            token = doc[j]
            if token.is_punct or self._lookup(token, self.lexicon.words) is not None:
                return False
            keys = _keys(token)
            if not self.lexicon.reversers.isdisjoint(keys):
                return True
            if not self.lexicon.negators.isdisjoint(keys):
                return not determiner
            if token.pos_ in ("DET", "ADP") and token.lower_ not in PARTITIVE:
                determiner = True
        return False

    def contributions(self, doc: Doc) -> list[tuple[int, float]]:
        """(token index, contribution) of every content word of ``doc``."""
        found = []
        starts = {sent.start for sent in doc.sents} if doc.has_annotation("SENT_START") else {0}
        start = 0
        for token in doc:
            if token.i in starts:
                start = token.i
            if not _counted(token):
                continue
            weight = self._lookup(token, self.lexicon.words)
            value = 0.0
            if weight is not None:
                value = weight / STRONG
                if token.i > start:
                    factor = self._lookup(doc[token.i - 1], self.lexicon.intensifiers)
                    value *= factor or 1.0
                if self._negated(doc, token.i, start):
                    value *= NEGATED
                value = max(-1.0, min(1.0, value))
            found.append((token.i, value))
        return found


def _figures(values: Sequence[float]) -> tuple[float, float, float, float, int]:
    words = len(values)
    if not words:
        return 0.0, 0.0, 0.0, 0.0, 0
    positive = round(100 * sum(v for v in values if v > 0) / words, 4)
    negative = round(-100 * sum(v for v in values if v < 0) / words, 4)
    return round(positive - negative, 4), positive, negative, round(positive + negative, 4), words


def tone_of(doc: Doc, scorer: ToneScorer) -> Tone:
    """The tone of ``doc`` and of each of its sentences."""
    contributions = scorer.contributions(doc)
    score, positive, negative, polarity, words = _figures([v for _, v in contributions])
    sentences = []
    if doc.has_annotation("SENT_START"):
        by_token = dict(contributions)
        for sent in doc.sents:
            values = [by_token[i] for i in range(sent.start, sent.end) if i in by_token]
            if values:
                sentences.append(SentenceTone(sent.start_char, sent.end_char, *_figures(values)))
    return Tone(score, positive, negative, polarity, words, tuple(sentences))


@Language.factory("veille_tone", default_config={"language": "fr"})
def make_tone(nlp: Language, name: str, language: str) -> ToneTagger:
    return ToneTagger(default_lexicon(language))


class ToneTagger:
    """Sets ``doc._.veille_tone``."""

    def __init__(self, lexicon: ToneLexicon) -> None:
        self.scorer = ToneScorer(lexicon)

    def __call__(self, doc: Doc) -> Doc:
        doc._.veille_tone = tone_of(doc, self.scorer)
        return doc
