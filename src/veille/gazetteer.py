"""Finding knowledge-base names in text: one Aho-Corasick pass over a folded copy of the text.

Folding (lowercase, accents off, typographic apostrophes and dashes made plain) keeps the text's
length, so a match in the folded copy has the same offsets in the original. A match must start
and end at word boundaries and respect the name's case: a name written with a capital needs a
capital in the text (past a leading article: "Le Monde" is not "Le monde change"), and an
acronym ("UE", "US") must stand in capitals.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from .kb import KnowledgeBase

ARTICLE = re.compile(r"(?:le|la|les|the)\s+|l'", re.IGNORECASE)
_PLAIN = {"’": "'", "‘": "'", "ʼ": "'", "‐": "-", "‑": "-", "–": "-", "\u00a0": " ", "\u202f": " "}  # noqa: RUF001


@functools.cache
def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in (*range(0x00C0, 0x0250), *range(0x0400, 0x0460), *range(0x1E00, 0x1F00)):
        char = chr(code)
        low = char.lower()
        if len(low) != 1:
            continue
        base = unicodedata.normalize("NFD", low)[0]
        if base != char:
            table[code] = base
    for char, plain in _PLAIN.items():
        table[ord(char)] = plain
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = chr(code).lower()
    return table


def fold(text: str) -> str:
    """Lowercase, strip accents and plain punctuation variants, keeping the length of ``text``."""
    return text.translate(_table())


@dataclass(frozen=True, slots=True)
class NameMatch:
    start: int
    end: int
    text: str
    ids: tuple[str, ...]  # the knowledge-base entities this name may mean
    kind: str  # "name", "partial" (a person's single-word name) or "demonym"


@dataclass(frozen=True, slots=True)
class _Form:
    name: str
    entity_id: str
    kind: str


def _word_char(char: str) -> bool:
    """Characters that continue a word: "Ghani" is no name of its own inside "Abdul-Ghani"."""
    return char.isalnum() or char == "-"


def _is_acronym(name: str) -> bool:
    letters = [ch for ch in name if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters) and len(letters) <= 6


def _case_fits(form: str, text: str) -> bool:
    if _is_acronym(form):
        return all(not ch.isalpha() or ch.isupper() for ch in text)
    # A leading article is capitalized at the start of any sentence: the capital that tells
    # "Le Monde" from "Le monde change" is the next word's.
    form_article, text_article = ARTICLE.match(form), ARTICLE.match(text)
    if form_article and text_article:
        form, text = form[form_article.end() :], text[text_article.end() :]
    first = next((ch for ch in form if ch.isalpha()), "")
    seen = next((ch for ch in text if ch.isalpha()), "")
    return not first.isupper() or seen.isupper()


class Gazetteer:
    """Every name of a knowledge base, ready to be found in text."""

    def __init__(self, kb: KnowledgeBase) -> None:
        import ahocorasick

        forms: dict[str, list[_Form]] = {}
        for entity in kb.entities.values():
            for name in entity.all_names():
                # A single word ("Poutine") or a particle and a word ("de Marco") only part-names a person.
                partial = len(name.split()) == 1 or name[:1].islower()
                kind = "partial" if entity.type == "person" and partial else "name"
                forms.setdefault(fold(name), []).append(_Form(name, entity.id, kind))
            for demonyms in entity.demonyms.values():
                for demonym in demonyms:
                    forms.setdefault(fold(demonym), []).append(_Form(demonym, entity.id, "demonym"))
        self.automaton = ahocorasick.Automaton()
        for key, variants in forms.items():
            if len(key.strip()) >= 2:
                self.automaton.add_word(key, tuple(variants))
        self.automaton.make_automaton()

    def find(self, text: str) -> list[NameMatch]:
        """Longest non-overlapping matches, left to right."""
        folded = fold(text)
        candidates: list[NameMatch] = []
        for last, variants in self.automaton.iter(folded):
            end = last + 1
            start = end - len(fold(variants[0].name))
            if (start > 0 and _word_char(folded[start - 1])) or (end < len(text) and _word_char(folded[end])):
                continue
            surface = text[start:end]
            fitting = [v for v in variants if _case_fits(v.name, surface)]
            if not fitting:
                continue
            ids = tuple(dict.fromkeys(v.entity_id for v in fitting))
            kind = "name" if any(v.kind == "name" for v in fitting) else fitting[0].kind
            candidates.append(NameMatch(start, end, surface, ids, kind))
        # The longest names first: "Marco Rubio" beats "de Marco", "Corée du Sud" beats "Corée".
        candidates.sort(key=lambda m: (-(m.end - m.start), m.start))
        chosen: list[NameMatch] = []
        for match in candidates:
            if all(match.end <= c.start or c.end <= match.start for c in chosen):
                chosen.append(match)
        return sorted(chosen, key=lambda m: m.start)


@functools.cache
def for_kb(kb: KnowledgeBase) -> Gazetteer:
    """The gazetteer of ``kb`` (built once per knowledge base and process)."""
    return Gazetteer(kb)
