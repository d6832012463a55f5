"""The event coder's data: the trigger lexicon, the modality verbs and the statement cues.

``lexicons/<lang>/events.tsv`` (format in ``docs/events.md``) is read into :class:`Trigger`
entries, checked against the CAMEO ontology; users add files of their own with the
``event_lexicons`` setting.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from .data import data_rows, packaged_text
from .errors import SettingsError
from .ontology import event_type
from .records import Modality

POS_TAGS = {"VERB": frozenset({"VERB", "AUX"}), "NOUN": frozenset({"NOUN"}), "ADJ": frozenset({"ADJ"})}
DEFAULT_SLOTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "VERB": (("subj",), ("obj",)),
    "NOUN": (("par", "amod", "poss", "de", "head"), ("de", "à", "en", "contre", "avec")),
    "ADJ": (("subj",), ("à", "en", "avec", "envers")),
}
FLAGS = frozenset(
    {"speech", "mutual", "target", "negative", "reply", "plain", "clause", "infinitive", "show"}
)


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon entry: a trigger, its CAMEO code and the slots of its actors."""

    lemma: str
    extra: tuple[str, ...]
    reflexive: bool
    pos: str
    code: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    flags: frozenset[str]

    @property
    def name(self) -> str:
        words = ("se", self.lemma, *self.extra) if self.reflexive else (self.lemma, *self.extra)
        return f"{' '.join(words)}/{self.pos}"

    @property
    def specificity(self) -> int:
        return len(self.extra) * 2 + self.reflexive


Lexicon = dict[tuple[str, str], list[Trigger]]
NO_ENTRY = Trigger("", (), False, "NOUN", "010", (), (), frozenset())


@functools.cache
def load_lexicon(language: str = "fr", extra: tuple[str, ...] = ()) -> Lexicon:
    """The trigger entries by (head lemma, part of speech), most specific first.

    Entries of the ``extra`` files (users' own) come before shipped ones of equal specificity.
    """
    lexicon: Lexicon = {}
    for path in reversed(extra):
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise SettingsError("E205", path=path, reason=str(exc)) from exc
        _read_entries(text, path, lexicon)
    _read_entries(
        packaged_text("lexicons", language, "events.tsv"), f"lexicons/{language}/events.tsv", lexicon
    )
    for entries in lexicon.values():
        entries.sort(key=lambda e: -e.specificity)  # stable: earlier files first among equals
    return lexicon


def _read_entries(text: str, path: str, lexicon: Lexicon) -> None:
    for number, cells in data_rows(text):
        if cells[0] == "trigger":
            continue  # the header
        try:
            entry = parse_entry(cells)
        except ValueError as exc:
            raise SettingsError("E204", path=path, line=number, reason=str(exc)) from exc
        lexicon.setdefault((entry.lemma, entry.pos), []).append(entry)


def parse_entry(cells: list[str]) -> Trigger:
    """One lexicon line (its tab-separated cells) as a :class:`Trigger`."""
    trigger, pos, code, source, target, flags = (cells + [""] * 6)[:6]
    words = trigger.replace("'", " ").replace("’", " ").split()  # noqa: RUF001
    reflexive = bool(words) and words[0] in ("se", "s")
    words = words[1:] if reflexive else words
    if not words:
        raise ValueError(f"no trigger in {trigger!r}")
    if pos not in DEFAULT_SLOTS:
        raise ValueError(f"part of speech {pos!r} is not one of {', '.join(DEFAULT_SLOTS)}")
    try:
        event_type(code)
    except KeyError as exc:
        raise ValueError(exc.args[0]) from None
    flag_set = frozenset(f.strip() for f in flags.split(",") if f.strip())
    if flag_set - FLAGS:
        raise ValueError(f"unknown flags {', '.join(sorted(flag_set - FLAGS))}")
    defaults = DEFAULT_SLOTS[pos]
    return Trigger(
        lemma=words[0],
        extra=tuple(words[1:]),
        reflexive=reflexive,
        pos=pos,
        code=code,
        source=_slots(source) or defaults[0],
        target=_slots(target) or defaults[1],
        flags=flag_set,
    )


def _slots(cell: str) -> tuple[str, ...]:
    cell = cell.strip()
    return () if cell in ("", "-") else tuple(s.strip() for s in cell.split("|"))


@functools.cache
def load_modality_verbs(language: str = "fr") -> dict[str, Modality]:
    """Verbs that give their infinitive or complement clause a modality ("doit", "refuse de")."""
    return {
        cells[0]: cast(Modality, cells[1])
        for _, cells in data_rows(packaged_text("lexicons", language, "modality.tsv"))
    }


@functools.cache
def load_statement_cues(language: str = "fr") -> dict[str, int]:
    """Words that make a statement praise (+1) or criticism (-1)."""
    return {word: {"+": 1, "-": -1}[kind] for word, kind in _statement_rows(language) if kind in ("+", "-")}


@functools.cache
def load_outlook_cues(language: str = "fr") -> dict[str, int]:
    """Words that make a statement an optimistic (+1, "hope") or pessimistic (-1, "concern")
    comment."""
    outlooks = {"hope": 1, "concern": -1}
    return {word: outlooks[kind] for word, kind in _statement_rows(language) if kind in outlooks}


def _statement_rows(language: str) -> list[tuple[str, str]]:
    """(lemma, kind) of each cue of ``lexicons/<language>/statements.tsv``."""
    rows = []
    for number, cells in data_rows(packaged_text("lexicons", language, "statements.tsv")):
        if len(cells) != 2 or cells[1] not in ("+", "-", "hope", "concern"):
            raise ValueError(f"statements.tsv line {number}: expected a lemma and +, -, hope or concern")
        rows.append((cells[0], cells[1]))
    return rows


def inflections(lemma: str) -> list[str]:
    """Present-tense third persons and past participles of a regular French verb."""
    if lemma.endswith("er"):
        stem = lemma[:-2]
        return [stem + "e", stem + "ent", *(stem + "é" + end for end in ("", "e", "s", "es"))]
    if lemma.endswith(("tir", "mir")):  # démentir: dément, démentent, démenti
        stem = lemma[:-2]
        return [stem[:-1] + "t", stem + "ent", *(stem + "i" + end for end in ("", "e", "s", "es"))]
    if lemma.endswith("ir"):
        stem = lemma[:-2]
        return [stem + "it", stem + "issent", *(stem + "i" + end for end in ("", "e", "s", "es"))]
    return []
