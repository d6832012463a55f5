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

# Forms of "avoir" and "être" after which a phrase may stand before the participle.
AUXILIARIES = frozenset(
    {"a", "ont", "avait", "avaient", "aura", "auront", "aurait", "auraient", "avons", "avez", "ai", "as"}
    | {"est", "sont", "était", "étaient", "sera", "seront", "serait", "seraient", "sommes", "êtes", "suis"}
)
_JOINED = "veille.locutions"  # where the joined phrases' offsets are kept in doc.user_data


@functools.cache
def locution_pattern(language: str = "fr") -> re.Pattern[str] | None:
    """One expression matching any locution of ``language``, as whole words, in any case."""
    rows = data_rows(packaged_text("lexicons", language, "locutions.tsv"))
    phrases = [cells[0].strip() for _, cells in rows]
    if not phrases:
        return None
    return re.compile(rf"(?<![\w'’-]){alternation(phrases)}(?![\w'’-])", re.IGNORECASE)  # noqa: RUF001


@Language.component("veille_locutions")
def join_locutions(doc: Doc) -> Doc:
    """Join each locution that follows an auxiliary into one token."""
    pattern = locution_pattern()
    if pattern is None:
        return doc
    spans = [doc.char_span(m.start(), m.end()) for m in pattern.finditer(doc.text)]
    joined = [
        span
        for span in spans
        if span is not None and len(span) > 1 and span.start and doc[span.start - 1].lower_ in AUXILIARIES
    ]
    with doc.retokenize() as retokenizer:
        for span in joined:
            retokenizer.merge(span)
    doc.user_data[_JOINED] = [span.start_char for span in joined]
    return doc


@Language.component("veille_locution_tags")
def tag_locutions(doc: Doc) -> Doc:
    """Label each joined locution an adverb of its head, whatever the tagger and parser said."""
    starts = set(doc.user_data.get(_JOINED, ()))
    for token in doc:
        if token.idx in starts:
            token.pos_, token.dep_ = "ADV", "advmod"
    return doc
