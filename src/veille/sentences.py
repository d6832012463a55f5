"""Sentence boundaries set before the parser, by rule, so that the parser respects them.

The French parser's own segmentation splits a sentence-initial name from its verb ("Pékin | a
salué…") and cuts a quotation from its incise ("« …. » | , a déclaré X"), which loses subjects
and speakers. This component (``veille_sentences``, placed before the parser) marks a token as
starting a sentence only

- at the start of the text and after a line break,
- after final punctuation (". ! ? …", maybe followed by a closing quotation mark) when the next
  word starts with a capital, a digit or an opening quotation mark,

and never inside quotation marks (« », “ ”, " ") opened in the same paragraph, so that a
quotation and the words that attribute it stay one sentence. Every other token is marked as not starting one.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

FINAL = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
PAIRS = {"«": "»", "“": "”", '"': '"', "'": "'", "‘": "’"}  # noqa: RUF001 (a lone ' token is a quote mark)
OPENING = frozenset({"«", "“"})  # marks that only open; straight quotes open when a capital follows
CLOSING = frozenset(PAIRS.values()) - OPENING
# Words that drop their vowel before another word: d', l', qu'…
ELIDED = frozenset({"d", "l", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"})
# A quote mark right after an elided word's apostrophe: "qu''au".
DOUBLED_QUOTE = r"(?<=\w['’])['‘]"  # noqa: RUF001
MAX_QUOTE_TOKENS = 150  # an unclosed mark stops protecting after this many tokens


@Language.component("veille_sentences")
def set_sentence_starts(doc: Doc) -> Doc:
    quoted = quoted_tokens(doc)
    for i, token in enumerate(doc):
        previous = _previous_word(doc, i)
        if previous is None:
            start = True
        elif doc[i - 1].is_space and "\n" in doc[i - 1].text:
            start = not token.is_space
        elif token.is_space or i in quoted:
            start = False
        else:
            start = _final(doc, previous) and (
                token.text[:1].isupper()
                or token.text[:1].isdigit()
                or token.text in OPENING
                or _opens(doc, i)
            )
        token.is_sent_start = start
    return doc


@Language.component("veille_capitals")
def restore_capital_accents(doc: Doc) -> Doc:
    """ "A Londres, …": a capital written without its accent is the preposition "À". Placed first,
    it tells the tagger and parser through the token's norm (the text is left as written)."""
    for token in doc:
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        previous = doc[token.i - 1] if token.i else None
        if (
            token.text == "A"
            and following is not None
            and not following.text.startswith("-")  # "A-t-il"
            and (previous is None or previous.is_space or previous.is_punct)
        ):
            token.norm_ = "à"
    return doc


def quoted_tokens(doc: Doc) -> set[int]:
    """Indices of the tokens inside « guillemets » or quotes (“ ”, " ", ' '), marks excluded."""
    return {i for opening, closing in quotations(doc) for i in range(opening + 1, closing)}


def quotations(doc: Doc) -> list[tuple[int, int]]:
    """(opening mark, closing mark) token indices of each quotation of ``doc``.

    A quotation left open ends at the paragraph's end or after ``MAX_QUOTE_TOKENS`` tokens: its
    "closing mark" is then the token after its last word.
    """
    found: list[tuple[int, int]] = []
    closing: str | None = None
    opened_at = 0
    for token in doc:
        paragraph_end = token.is_space and "\n" in token.text
        if closing is not None and (
            paragraph_end or token.text == closing or token.i - opened_at > MAX_QUOTE_TOKENS
        ):
            found.append((opened_at, token.i))
            closing = None
        elif closing is None and token.text in PAIRS and not _elision(doc, token.i):
            closing, opened_at = PAIRS[token.text], token.i
    if closing is not None:
        found.append((opened_at, len(doc)))
    return found


def split_doubled_quotes(nlp: Language) -> None:
    """Make the tokenizer split a quote mark glued to an elision: "qu''au" → "qu'", "'", "au"."""
    tokenizer: Any = nlp.tokenizer
    pattern = tokenizer.infix_finditer.__self__.pattern
    tokenizer.infix_finditer = re.compile(f"{pattern}|{DOUBLED_QUOTE}").finditer


def _elision(doc: Doc, i: int) -> bool:
    """An apostrophe the tokenizer cut from its word: "d'« historique »" gives "d", "'", "«"."""
    return i > 0 and doc[i].text in ("'", "’") and not doc[i - 1].whitespace_ and doc[i - 1].lower_ in ELIDED  # noqa: RUF001


def _opens(doc: Doc, i: int) -> bool:
    """A straight quote or ‘ opening a quotation: "'Nous partirons', a-t-il dit"."""  # noqa: RUF002
    following = doc[i + 1] if i + 1 < len(doc) else None
    return doc[i].text in ("'", "‘", '"') and following is not None and following.text[:1].isupper()  # noqa: RUF001


def _previous_word(doc: Doc, i: int) -> Token | None:
    """The token before ``i`` that is not whitespace, if any."""
    for j in range(i - 1, -1, -1):
        if not doc[j].is_space:
            return doc[j]
    return None


def _final(doc: Doc, previous: Token) -> bool:
    """Whether ``previous`` ends a sentence: final punctuation, maybe before a closing mark."""
    if previous.text in FINAL:
        return True
    before = _previous_word(doc, previous.i)
    return previous.text in CLOSING and before is not None and before.text in FINAL
