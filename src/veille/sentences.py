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
from collections.abc import Iterator
from typing import Any, cast

import numpy
from spacy.attrs import IS_SPACE, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from thinc.types import Ints2d

FINAL = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
PAIRS = {"«": "»", "“": "”", '"': '"', "'": "'", "‘": "’"}  # noqa: RUF001 (a lone ' token is a quote mark)
OPENING = frozenset({"«", "“"})  # marks that only open; straight quotes open when a capital follows
CLOSING = frozenset(PAIRS.values()) - OPENING
# Words that drop their vowel before another word: d', l', qu'…
ELIDED = frozenset({"d", "l", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"})
# A quote mark right after an elided word's apostrophe: "qu''au".
DOUBLED_QUOTE = r"(?<=\w['’])['‘]"  # noqa: RUF001
MAX_QUOTE_TOKENS = 150  # an unclosed mark stops protecting after this many tokens
_QUOTATIONS = "veille.quotations"  # where quotations() keeps its answer in doc.user_data


@Language.component("veille_sentences")
def set_sentence_starts(doc: Doc) -> Doc:
    quoted = quoted_tokens(doc)
    texts = [t.text for t in doc]
    spaces = [text.isspace() for text in texts]  # spaCy's is_space
    flags = []
    previous: int | None = None  # the last word (not whitespace) before the token
    before: int | None = None  # the word before that one
    for i in range(len(texts)):
        if previous is None:
            start = True
        elif spaces[i - 1] and "\n" in texts[i - 1]:
            start = not spaces[i]
        elif spaces[i] or i in quoted:
            start = False
        else:
            final = texts[previous] in FINAL or (
                texts[previous] in CLOSING and before is not None and texts[before] in FINAL
            )  # final punctuation, maybe before a closing mark
            start = (
                final
                and (
                    texts[i][:1].isupper()
                    or texts[i][:1].isdigit()
                    or texts[i] in OPENING
                    # a straight or left single quote opening a quotation: "'Nous partirons', a-t-il dit"
                    or (texts[i] in ("'", "‘", '"') and i + 1 < len(texts) and texts[i + 1][:1].isupper())  # noqa: RUF001
                )
            )
        flags.append(1 if start else -1)
        if not spaces[i]:
            before, previous = previous, i
    # All at once: setting each token's is_sent_start checks the whole document every time.
    starts = numpy.array(flags, dtype="int64").view("uint64").reshape(-1, 1)  # -1 as spaCy stores it
    doc.from_array([SENT_START], cast(Ints2d, starts))
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
    "closing mark" is then the token after its last word. Several components ask: the answer is
    kept in ``doc.user_data`` (the tokens of a document do not change once it is made).
    """
    cached = doc.user_data.get(_QUOTATIONS)
    if cached is None:
        cached = doc.user_data[_QUOTATIONS] = tuple(_find_quotations(doc))
    return list(cached)


def _find_quotations(doc: Doc) -> Iterator[tuple[int, int]]:
    # Read from the token arrays: only quote marks and line breaks need a closer look.
    strings = doc.vocab.strings
    marks = {strings.add(mark) for mark in (*PAIRS, *PAIRS.values())}
    closing: str | None = None
    opened_at = 0
    for i, (orth, space) in enumerate(doc.to_array([ORTH, IS_SPACE]).tolist()):
        text = strings[orth] if orth in marks or space else ""
        paragraph_end = bool(space) and "\n" in text
        if closing is not None and (paragraph_end or text == closing or i - opened_at > MAX_QUOTE_TOKENS):
            yield opened_at, i
            closing = None
        elif closing is None and text in PAIRS and not _elision(doc, i):
            closing, opened_at = PAIRS[text], i
    if closing is not None:
        yield opened_at, len(doc)


def split_doubled_quotes(nlp: Language) -> None:
    """Make the tokenizer split a quote mark glued to an elision: "qu''au" → "qu'", "'", "au"."""
    tokenizer: Any = nlp.tokenizer
    pattern = tokenizer.infix_finditer.__self__.pattern
    tokenizer.infix_finditer = re.compile(f"{pattern}|{DOUBLED_QUOTE}").finditer


def _elision(doc: Doc, i: int) -> bool:
    """An apostrophe the tokenizer cut from its word: "d'« historique »" gives "d", "'", "«"."""
    return i > 0 and doc[i].text in ("'", "’") and not doc[i - 1].whitespace_ and doc[i - 1].lower_ in ELIDED  # noqa: RUF001
