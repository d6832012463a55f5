"""Themes of a document from a documented taxonomy with French and English cues.

The taxonomy (``lexicons/themes.tsv``, described in ``docs/themes.md``) gives each theme an id
("SANCTIONS", "NUCLEAR_ENERGY"), its nearest GDELT GKG theme, an optional parent theme and its
cues. The component matches the cues with two spaCy ``PhraseMatcher``\\ s built once: one on
lemmas ("sanction" finds "sanctions"), one on lower-case forms (phrases with articles and names,
"invasion de l'ukraine", and English cues). Where cues overlap the longest wins ("gaz
lacrymogène" is a protest, not gas). Each theme gets the number of its cues in the text and their
offsets; a cue of a theme with a parent counts for the parent too ("guerre en Ukraine" is also an
armed conflict). Themes come out by decreasing count, then id.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from . import extensions as _extensions  # noqa: F401  (registers doc._.veille_*)
from .data import packaged_rows
from .records import TextSpan, Theme

__all__ = ["Taxonomy", "ThemeInfo", "ThemeMatcher", "find_themes", "load_taxonomy"]

APOSTROPHES = ("'", "\u2019")


@dataclass(frozen=True, slots=True)
class ThemeInfo:
    id: str
    gkg: str | None
    parent: str | None
    description: str


@dataclass(frozen=True, slots=True)
class Taxonomy:
    """The themes and their cues, as (theme id, language, cue)."""

    themes: dict[str, ThemeInfo]
    cues: tuple[tuple[str, str, str], ...]


def load_taxonomy() -> Taxonomy:
    """The taxonomy shipped in ``lexicons/themes.tsv``."""
    return taxonomy_from_rows(packaged_rows("lexicons", "themes.tsv"))


def taxonomy_from_rows(rows: Iterable[Sequence[str]]) -> Taxonomy:
    """A taxonomy from ``theme`` rows (id, GKG theme, parent, description) and ``cue`` rows
    (theme id, language, cue); ``-`` stands for none."""
    themes: dict[str, ThemeInfo] = {}
    cues: list[tuple[str, str, str]] = []
    for kind, *cells in rows:
        if kind == "theme":
            theme, gkg, parent, description = cells
            themes[theme] = ThemeInfo(
                theme, None if gkg == "-" else gkg, None if parent == "-" else parent, description
            )
        elif kind == "cue":
            theme, language, cue = cells
            cues.append((theme, language, cue.strip().lower()))
        else:
            raise ValueError(f"theme taxonomy: unknown row kind {kind!r}")
    for theme, _, cue in cues:
        if theme not in themes:
            raise ValueError(f"theme taxonomy: cue {cue!r} of unknown theme {theme!r}")
    for info in themes.values():
        if info.parent is not None and info.parent not in themes:
            raise ValueError(f"theme taxonomy: {info.id} has unknown parent {info.parent!r}")
    return Taxonomy(themes, tuple(cues))


def _variants(cue: str) -> set[str]:
    """The cue with either apostrophe ("l'ukraine", "l’ukraine")."""  # noqa: RUF002
    return {cue.replace("'", a).replace("\u2019", a) for a in APOSTROPHES}


class ThemeMatcher:
    """The cue matchers of a taxonomy, built once for a vocabulary."""

    def __init__(self, taxonomy: Taxonomy, nlp: Language) -> None:
        self.taxonomy = taxonomy
        vocab: Vocab = nlp.vocab
        self.by_lemma = PhraseMatcher(vocab, attr="LEMMA")
        self.by_form = PhraseMatcher(vocab, attr="LOWER")
        patterns: dict[str, set[str]] = defaultdict(set)
        for theme, _, cue in taxonomy.cues:
            patterns[theme] |= _variants(cue)
        for theme, cues in patterns.items():
            docs = [nlp.make_doc(cue) for cue in sorted(cues)]
            self.by_form.add(theme, docs)
            words = [[t.text for t in doc] for doc in docs]
            self.by_lemma.add(theme, [Doc(vocab, words=w, lemmas=w) for w in words])

    def spans(self, doc: Doc) -> dict[tuple[int, int], set[str]]:
        """Token spans of the cues kept (longest first, no overlap) and the themes of each."""
        found: dict[tuple[int, int], set[str]] = defaultdict(set)
        matches = list(self.by_form(doc))
        if doc.has_annotation("LEMMA"):
            matches += self.by_lemma(doc)
        for match_id, start, end in matches:
            found[start, end].add(doc.vocab.strings[match_id])
        kept: dict[tuple[int, int], set[str]] = {}
        taken: set[int] = set()
        for (start, end), themes in sorted(
            found.items(), key=lambda item: (item[0][0] - item[0][1], item[0])
        ):
            if taken.isdisjoint(range(start, end)):
                kept[start, end] = themes
                taken.update(range(start, end))
        return kept


def find_themes(doc: Doc, matcher: ThemeMatcher) -> tuple[Theme, ...]:
    """The themes of ``doc`` with their counts and cues."""
    cues: dict[str, list[TextSpan]] = defaultdict(list)
    themes = matcher.taxonomy.themes
    for (start, end), ids in sorted(matcher.spans(doc).items()):
        span = doc[start:end]
        text_span = TextSpan(span.start_char, span.end_char, span.text)
        counted: set[str] = set()
        for theme in ids:
            current: str | None = theme
            while current is not None and current not in counted:
                counted.add(current)
                cues[current].append(text_span)
                current = themes[current].parent
    ordered = sorted(cues.items(), key=lambda item: (-len(item[1]), item[0]))
    return tuple(Theme(theme, len(spans), tuple(spans)) for theme, spans in ordered)


@cache
def default_taxonomy() -> Taxonomy:
    return load_taxonomy()


@Language.factory("veille_themes", default_config={})
def make_themes(nlp: Language, name: str) -> ThemeTagger:
    return ThemeTagger(ThemeMatcher(default_taxonomy(), nlp))


class ThemeTagger:
    """Sets ``doc._.veille_themes``."""

    def __init__(self, matcher: ThemeMatcher) -> None:
        self.matcher = matcher

    def __call__(self, doc: Doc) -> Doc:
        doc._.veille_themes = find_themes(doc, self.matcher)
        return doc
