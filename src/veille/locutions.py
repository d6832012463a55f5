"""Fixed adverbial phrases joined into one token before the tagger and parser read the text.

French news often puts a phrase between an auxiliary and its participle: "Budapest a en revanche
bloqué l'enveloppe", "Israël a de son côté frappé", "Tokyo a pour sa part condamné". The French
parser then takes the phrase's noun ("revanche", "côté", "part") for the head of the clause and
the participle for its dependent, so the verb loses its subject and its object. This component
(``veille_locutions``, placed first) merges each phrase of ``lexicons/<lang>/locutions.tsv`` into
one token, so that the verb keeps its arguments; ``veille_locution_tags``, placed after the
parser, labels each joined token an adverb modifying its head (the parser, which has never seen
such a token, may take it for a preposition or even a subject). The text and every character
offset are unchanged.
"""

from __future__ import annotations

import functools
import re

from spacy.language import Language
from spacy.tokens import Doc

from .data import alternation, data_rows, packaged_text
from .syntax import WordFilter

# Forms of "avoir" and "être" after which a phrase may stand before the participle.
AUXILIARIES = frozenset(
    {"a", "ont", "avait", "avaient", "aura", "auront", "aurait", "auraient", "avons", "avez", "ai", "as"}
    | {"est", "sont", "était", "étaient", "sera", "seront", "serait", "seraient", "sommes", "êtes", "suis"}
)
_JOINED = "veille.locutions"  # where the joined phrases' offsets are kept in doc.user_data


@functools.cache
def locution_pattern(language: str = "fr") -> re.Pattern[str] | None:
    """One expression matching any locution of ``language``, as whole words, in any case."""
    phrases = _phrases(language)
    if not phrases:
        return None
    return re.compile(rf"{alternation(phrases)}(?![\w'’-])", re.IGNORECASE)  # noqa: RUF001


@functools.cache
def _phrases(language: str) -> tuple[str, ...]:
    rows = data_rows(packaged_text("lexicons", language, "locutions.tsv"))
    return tuple(cells[0].strip().lower() for _, cells in rows)


@functools.cache
def _first_words(language: str) -> frozenset[str]:
    """The first token of each locution as the tokenizer cuts it ("d'" of "d'ores et déjà", with
    either apostrophe)."""
    words = {re.match(r"[^\s']+'?", p).group() for p in _phrases(language)}  # type: ignore[union-attr]
    return frozenset(words | {w.replace("'", "’") for w in words})  # noqa: RUF001


@Language.component("veille_locutions")
def join_locutions(doc: Doc) -> Doc:
    """Join each locution that follows an auxiliary into one token."""
    pattern = locution_pattern()
    if pattern is None or len(doc) < 3:
        return doc
    # Only where an auxiliary (found from the token arrays) is followed by a locution's first word.
    first = _first_words("fr")
    joined = []
    for auxiliary in _auxiliaries().tokens(doc):
        following = doc[auxiliary.i + 1] if auxiliary.i + 1 < len(doc) else None
        if following is None or following.lower_ not in first:
            continue
        found = pattern.match(doc.text, following.idx)
        span = doc.char_span(found.start(), found.end()) if found else None
        if span is not None and len(span) > 1:
            joined.append(span)
    if joined:
        doc.user_data[_JOINED] = [span.start_char for span in joined]
        with doc.retokenize() as retokenizer:
            for span in joined:
                retokenizer.merge(span)
    return doc


@functools.cache
def _auxiliaries() -> WordFilter:
    return WordFilter(frozenset(), AUXILIARIES)


@Language.component("veille_locution_tags")
def tag_locutions(doc: Doc) -> Doc:
    """Label each joined locution an adverb of its head, whatever the tagger and parser said."""
    for start in doc.user_data.get(_JOINED, ()):
        span = doc.char_span(start, start + 1, alignment_mode="expand")
        if span is not None:
            span[0].pos_, span[0].dep_ = "ADV", "advmod"
    return doc
