"""Sentence boundaries set before the parser, by rule, so that the parser respects them.

The French parser's own segmentation splits a sentence-initial name from its verb ("Pékin | a
salué…") and cuts a quotation from its incise ("« …. » | , a déclaré X"), which loses subjects
and speakers. This component (``veille_sentences``, placed before the parser) marks a token as
starting a sentence only

- at the start of the text and after a line break,
- after final punctuation (". ! ? …", maybe followed by a closing quotation mark) when the next
  word starts with a capital, a digit or an opening quotation mark,

and never inside « guillemets » opened in the same paragraph, so that a quotation and the words
that attribute it stay one sentence. Every other token is marked as not starting one.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

FINAL = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
OPENING = frozenset({"«", "“"})
CLOSING = frozenset({"»", "”"})
MAX_QUOTE_TOKENS = 150  # an unclosed mark stops protecting after this many tokens


@Language.component("veille_sentences")
def set_sentence_starts(doc: Doc) -> Doc:
    quote_opened_at: int | None = None
    for i, token in enumerate(doc):
        previous = doc[i - 1] if i else None
        if previous is None:
            start = True
        elif previous.is_space and "\n" in previous.text:
            start = not token.is_space
            quote_opened_at = None
        elif token.is_space or quote_opened_at is not None:
            start = False
        else:
            start = _after_final(doc, i) and (
                token.text[:1].isupper() or token.text[:1].isdigit() or token.text in OPENING
            )
        token.is_sent_start = start
        if token.text in OPENING:
            quote_opened_at = i
        elif token.text in CLOSING or (
            quote_opened_at is not None and i - quote_opened_at > MAX_QUOTE_TOKENS
        ):
            quote_opened_at = None
    return doc


def _after_final(doc: Doc, i: int) -> bool:
    previous = doc[i - 1]
    if previous.text in FINAL:
        return True
    return previous.text in CLOSING and i >= 2 and doc[i - 2].text in FINAL
