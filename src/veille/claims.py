"""Reported figures: "plus de 7 500 kilomètres", "43 %", "1,2 milliard de dollars", "la 11e visite".

The component finds numbers in ``doc.text`` with one pattern built from
``lexicons/<lang>/claims.tsv`` (digits with French separators and decimal commas, numbers in
words read by text2num, "une trentaine", ordinals), then reads what follows them: a multiplier
("milliard"), a currency, a unit of measure from ``units.tsv`` (named through pint), or else the
noun the number counts, found on the parsed tokens ("3 000 soldats" -> ``soldat``). A number in a
time expression (``doc._.veille_times``) or in a name ("résolution 2699", "Boeing 737") is no
claim. The lower bound of a range takes the unit of the upper one ("entre 3 000 et 4 000
soldats"). Each claim gets the entity it is about (``subject``) from ``doc._.veille_entities``.
``docs/claims.md`` lists what is recognized and the units produced.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from . import extensions as _extensions  # noqa: F401  (registers doc._.veille_*)
from .claim_subjects import ClaimSubjects, Tokens
from .data import alternation, packaged_rows, phrase_pattern
from .kb import KnowledgeBase
from .kb import default as default_kb
from .records import Claim
from .syntax import morph

__all__ = ["ClaimGrammar", "ClaimTagger", "UnitTable", "default_grammar", "find_claims", "load_lexicon"]

Lexicon = dict[str, dict[str, str]]

APOSTROPHES = "'’"  # noqa: RUF001
DIGITS = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?![\d,])|\d+(?:,\d+)?(?![\d,])"
ORDINAL_SUFFIX = r"(?:ème|eme|ère|ere|er|re|e|è|nde|nd)"
RANGE_LINK = re.compile(r"\s*(?:et|à|ou|-|–)\s*", re.IGNORECASE)  # noqa: RUF001
SPACES = re.compile(r"[\s\u00a0\u202f]+")
TOTALS = ("le nombre de ", "le nombre d'", "le nombre d’", "le total de ", "le bilan à ")  # noqa: RUF001
PARTITIVES = ("des ", "d'entre les ", "d’entre les ", "sur ")  # noqa: RUF001
OPENERS = frozenset({"de", "des", "du", "d'", "d’"})  # noqa: RUF001
PERCENT_AFTER = re.compile(r"[ \u00a0\u202f]?(?:%|pour\s?cent\b)")  # a percentage sign or words right after
NOUNISH = frozenset({"NOUN", "PROPN", "ADJ"})
SYMBOL_WORDS = frozenset({"km", "m", "kg", "ha"})  # lowercase symbols, matched as written
INVARIABLE_ENDINGS = ("ais", "ois", "ss", "us")  # "Congolais", "Chinois" are singular too
SHORT_MULTIPLIERS = {"m": 1e6, "md": 1e9, "mds": 1e9, "mrd": 1e9}  # before a symbol: "5 M€"


def load_lexicon(language: str = "fr") -> Lexicon:
    """The words of ``lexicons/<language>/claims.tsv``, by kind: phrase -> value."""
    lexicon: Lexicon = {}
    for kind, phrase, *value in packaged_rows("lexicons", language, "claims.tsv"):
        lexicon.setdefault(kind, {})[phrase] = value[0] if value else ""
    return lexicon


class UnitTable:
    """French unit words and their claim units, named through pint (``units.tsv``).

    pint is imported, and its registry built, the first time a unit is read: a document with
    no unit of measure costs nothing.
    """

    def __init__(self, rows: Iterable[Sequence[str]]) -> None:
        self.forms: dict[str, str] = {}  # form as matched (lowercase for words) -> pint unit
        self.symbols: set[str] = set()
        self._names: list[tuple[str, str]] = []
        for kind, key, value in rows:
            if kind == "name":
                self._names.append((key, value))
            elif _is_symbol(key):
                self.symbols.add(key)
                self.forms[key] = value
            else:
                self.forms[_key(key)] = value

    def lookup(self, form: str) -> tuple[str, float]:
        """(claim unit, factor) for a unit ``form`` as written: "km" -> ("km", 1.0)."""
        pint_unit = self.forms.get(form) or self.forms[_key(form)]
        return self._resolve(pint_unit)

    @cache  # noqa: B019  (one table per grammar, kept for the life of the process)
    def _resolve(self, pint_unit: str) -> tuple[str, float]:
        registry = _registry()
        unit = registry.Unit(pint_unit)
        named = {str(registry.Unit(key)): name for key, name in self._names}
        if str(unit) in named:
            return named[str(unit)], 1.0
        for key, name in self._names:  # the first named unit of the same dimension
            target = registry.Unit(key)
            if target.dimensionality == unit.dimensionality:
                return name, float(registry.Quantity(1, unit).to(target).magnitude)
        return str(unit), 1.0


@cache
def _registry() -> Any:
    import pint

    return pint.UnitRegistry()


@dataclass(slots=True)
class _Figure:
    start: int  # of the whole claim text (qualifier, symbol)
    core_start: int
    core_end: int
    end: int
    value: float
    kind: str  # "number", "words", "approx", "vague", "ordinal"
    factor: float = 1.0  # the multiplier written after the number ("milliard")
    multiplied: bool = False  # a multiplier was written, in digits or in words
    unit: str | None = None
    qualifier: str | None = None
    head: Token | None = None  # the token the figure is about: the counted noun, unit or number
    quantity: str | None = None
    elliptic: bool = False  # no noun follows: the unit may come from a neighbour
    link: int | None = None  # end of "et"/"à" when a range's upper bound follows


class ClaimGrammar:
    """The patterns and word lists of one language's figures, compiled once from its lexicons."""

    def __init__(
        self, lexicon: Lexicon, units: UnitTable, vague: bool = False, kb: KnowledgeBase | None = None
    ) -> None:
        def table(kind: str) -> dict[str, str]:
            return {_key(k): v for k, v in lexicon.get(kind, {}).items()}

        self.units = units
        self.vague_allowed = vague
        self.kb = kb  # for nationality adjectives and actors' countries; the default one if None
        self.multipliers = {k: float(v) for k, v in table("multiplier").items()}
        self.approx = {k: float(v) for k, v in table("approx").items()}
        self.vague = {k: float(v) for k, v in table("vague").items()}
        self.qualifiers = table("qualifier")
        self.currencies = {k: v for k, v in lexicon.get("currency", {}).items() if _is_symbol(k)}
        self.currencies.update(
            {_key(k): v for k, v in lexicon.get("currency", {}).items() if not _is_symbol(k)}
        )
        self.ordinals = {k: int(v) for k, v in table("ordinal").items()}
        self.ordinal_nouns = frozenset(table("ordinal_noun"))
        self.not_ordinal = frozenset(table("not_ordinal"))
        self.name_before = frozenset(table("name_before"))
        self.skip = frozenset(table("skip"))
        self.not_counted = frozenset(table("not_counted"))
        self.counted = table("counted")
        self.definite = {k: float(v) for k, v in table("definite").items()}
        word = alternation(table("number"))
        words = rf"{word}(?:(?:[\s\u00a0]+|-)(?:et(?:[\s\u00a0]+|-))?{word})*"
        self.pattern = re.compile(
            rf"(?<![\w,.\-/])(?:"
            rf"(?P<od>\d+){ORDINAL_SUFFIX}"
            rf"|(?P<ow>[^\W\d_]+(?:-[^\W\d_]+)*ièmes?|{alternation(table('ordinal'))})"
            rf"|(?P<a>{alternation(self.approx)})"
            rf"|(?P<v>{alternation(self.vague)})"
            rf"|(?P<pre>US\$|[$€£])?[\s\u00a0]?(?P<d>{DIGITS})"
            rf"|(?P<w>{words})"
            rf")(?![\w-])",
            re.IGNORECASE,
        )
        self.multiplier = re.compile(
            rf"[\s\u00a0\u202f]*(?:(?P<m>{alternation(self.multipliers)})(?![\w])|(?P<ms>Mds|Md|Mrd|M)(?=\s?[€$£]))",
            re.IGNORECASE,
        )
        tails = [(f, False) for f in self.currencies] + [(f, True) for f in units.forms]
        alternatives = sorted(tails, key=lambda t: len(t[0]), reverse=True)
        tail = "|".join(
            phrase_pattern(f) if _is_symbol(f) else f"(?i:{phrase_pattern(f)})" for f, _ in alternatives
        )
        self.tail = re.compile(
            rf"[\s\u00a0\u202f]*(?P<de>(?i:de)[\s\u00a0]+|(?i:d)['’][\s\u00a0]*)?(?P<t>{tail})(?![\w])"  # noqa: RUF001
        )
        self.qualifier = re.compile(
            rf"(?:^|(?<=[\s(]))(?P<q>{alternation(self.qualifiers)})[\s\u00a0]*$", re.I
        )

    # -- reading the figures ------------------------------------------------------------------

    def find(self, doc: Doc) -> list[Claim]:
        """Every claim of ``doc``, in text order."""
        subjects = ClaimSubjects(doc, self.kb)
        tokens = subjects.tokens
        text = tokens.text
        times = sorted((t.start, t.end) for t in (doc._.veille_times or ()))
        time_starts = [s for s, _ in times]
        figures: list[_Figure] = []
        for match in self.pattern.finditer(text):
            if figures and match.start() < figures[-1].end:
                continue  # the multiplier or unit of the figure before
            i = bisect_right(time_starts, match.end()) - 1
            if i >= 0 and times[i][1] > match.start():
                continue  # inside a date, a duration or a clock time
            figure = self._figure(match, text, tokens)
            if figure is not None:
                figures.append(figure)
        self._ranges(figures, text)
        self._ellipses(figures, tokens)
        claims = []
        for f in figures:
            if f.unit is None or (f.kind == "vague" and not self.vague_allowed):
                continue
            if f.qualifier == "entre" and f.link is None:
                continue  # "entre deux grandes démocraties": a relation, not a figure
            subject = subjects.of(f.head, f.start, f.end, f.unit) if f.head is not None else None
            claims.append(
                Claim(
                    text[f.start : f.end], f.start, f.end, f.value, f.unit, f.qualifier, subject, f.quantity
                )
            )
        return claims

    def _figure(self, m: re.Match[str], text: str, tokens: Tokens) -> _Figure | None:
        if m["od"] or m["ow"]:
            return self._ordinal(m, text, tokens)
        start, end = m.start(), m.end()
        if m["d"]:
            kind, value = "number", float(SPACES.sub("", m["d"]).replace(",", "."))
            start = m.start("pre") if m["pre"] else m.start("d")
            # "Boeing 737" is a name; "via la Russie 80 % de son pétrole" is a figure.
            if self._named(text, m.start("d")) and not PERCENT_AFTER.match(text, m.end("d")):
                return None
        elif m["w"]:
            words_value = _words_value(m["w"])
            if words_value is None:
                return None
            kind, value = "words", words_value
            if _starts_upper(m["w"]) and not _sentence_start(text, start):
                return None  # "les Vingt-Sept"
            before = _key(_word_before(text, start))
            if value < self.definite.get(before, 0.0) or before in self.name_before:
                return None  # "les deux pays" are known, not counted
        elif m["a"]:
            kind, value = "approx", self.approx[_key(m["a"])]
        else:
            kind, value = "vague", self.vague[_key(m["v"])]
        figure = _Figure(start, m.start(), end, end, value, kind)
        mult = self.multiplier.match(text, end)
        if mult and kind in {"number", "words"}:
            factor = self.multipliers[_key(mult["m"])] if mult["m"] else SHORT_MULTIPLIERS[mult["ms"].lower()]
            figure.value *= factor
            figure.factor, figure.multiplied, figure.end = factor, True, mult.end()
        elif kind == "words" and m["w"].lower().endswith(("million", "millions", "milliard", "milliards")):
            figure.multiplied = True
        if kind == "words" and figure.value == 1 and not figure.multiplied:
            return None  # "un", "une": an article
        q = self.qualifier.search(text, max(0, figure.start - 40), figure.start)
        if q:
            figure.qualifier, figure.start = self.qualifiers[_key(q["q"])], q.start("q")
        if m["pre"]:
            figure.unit = self.currencies[m["pre"]]
            figure.head = tokens.at(m.start("pre"))
        self._unit(figure, text, tokens)
        link = RANGE_LINK.match(text, figure.end)
        if link and link.group().strip():
            figure.link = link.end()
        return figure

    def _ordinal(self, m: re.Match[str], text: str, tokens: Tokens) -> _Figure | None:
        if m["od"]:
            value = int(m["od"])
        else:
            word = m["ow"]
            if _key(word) in self.ordinals:
                value = self.ordinals[_key(word)]
            else:
                digits = re.match(r"(\d+)", _alpha2digit(word))
                if digits is None:
                    return None
                value = int(digits.group(1))
        noun = tokens.after(m.end())
        if noun is None or not noun.text.isalpha() or noun.text[:1].isupper() or noun.pos_ in {"DET", "ADP"}:
            return None  # an ordinal names the rank of the thing after it: "la 11e visite"
        if _key(noun.text) in self.not_ordinal:
            return None
        if (
            m["ow"]
            and _key(m["ow"]) in self.ordinals
            and _key(noun.lemma_ or noun.text) not in self.ordinal_nouns
        ):
            return None  # "premier" alone is mostly a rank or a title
        if m["ow"] and _starts_upper(m["ow"]) and not _sentence_start(text, m.start()):
            return None  # "Second Thomas"
        figure = _Figure(m.start(), m.start(), m.end(), m.end(), float(value), "ordinal", unit="ordinal")
        figure.head = noun
        figure.quantity = noun.text
        return figure

    def _unit(self, figure: _Figure, text: str, tokens: Tokens) -> None:
        """The currency, unit of measure or counted noun after the number, if any."""
        if figure.unit is not None:
            return
        may_de = figure.multiplied or figure.kind in {"approx", "vague"}
        tail = self.tail.match(text, figure.end)
        if tail and (may_de or not tail["de"]):
            form = tail["t"]
            currency = self.currencies.get(form) or self.currencies.get(_key(form))
            if currency is not None:
                figure.unit = currency
            else:
                figure.unit, factor = self.units.lookup(form)
                figure.value *= factor
            figure.end = tail.end()
            figure.head = tokens.at(tail.start("t"))
            figure.quantity = _de_phrase(tokens, figure.end)
            if figure.quantity is None and figure.unit != "percent":
                figure.quantity = _governor(figure.head, figure.start)
            return
        self._counted(figure, text, tokens, may_de)

    def _counted(self, figure: _Figure, text: str, tokens: Tokens, may_de: bool) -> None:
        """The noun counted after the number: "3 000 soldats", "deux cents civils tués"."""
        token = tokens.after(figure.end)
        if token is not None and token.lower_ in OPENERS and may_de:
            token = tokens.next(token)
        while token is not None and token.lower_ in self.skip:
            token = tokens.next(token)
        if token is None or not _countable(token):
            figure.elliptic = token is None or token.pos_ not in {"NOUN", "PROPN"}
            figure.head = tokens.at(figure.core_start)
            if token is not None and figure.kind in {"number", "words"}:
                self._elided_noun(figure, text, tokens, token)
            return
        unit, last = self.counted.get(token.lower_, _lemma(token)), token
        following = tokens.next(token)
        pair = _key(f"{token.text} {following.text}") if following is not None else ""
        if following is not None and pair in self.counted:  # "Etats membres"
            unit, last = self.counted[pair], following
        if unit in self.not_counted or _key(token.text) in self.not_counted:
            figure.kind = "skip"
            return
        figure.unit, figure.head, figure.end = unit, token, last.idx + len(last.text)
        figure.quantity = text[token.idx : figure.end]

    def _elided_noun(self, figure: _Figure, text: str, tokens: Tokens, token: Token) -> None:
        """ "quatorze des quinze membres", "à plus de 2 200 le nombre de cibles"."""
        rest = text[token.idx : token.idx + 40].lower()
        for phrase in PARTITIVES:
            if rest.startswith(phrase):
                match = self.pattern.match(text, token.idx + len(phrase))
                if match and (match["d"] or match["w"]):
                    noun = tokens.after(match.end())
                    if noun is not None and _countable(noun):
                        figure.unit = _lemma(noun)
                        return
        for phrase in TOTALS:
            if rest.startswith(phrase):
                noun = tokens.after(token.idx + len(phrase))
                if noun is not None and _countable(noun):
                    figure.unit = _lemma(noun)
                return

    def _ranges(self, figures: list[_Figure], text: str) -> None:
        """A lower bound with no unit takes the upper bound's: "entre 3 000 et 4 000 soldats"."""
        for lower, upper in zip(reversed(figures[:-1]), reversed(figures[1:]), strict=True):
            if lower.unit is not None or lower.link is None or upper.unit is None:
                continue
            if upper.core_start != lower.link and upper.start != lower.link:
                continue
            if not lower.multiplied and lower.value < 1000:
                lower.value *= upper.factor  # "entre 1,5 et 2 milliards"
            lower.unit, lower.head, lower.quantity = upper.unit, upper.head, upper.quantity
            lower.kind = upper.kind if upper.kind == "skip" else lower.kind

    def _ellipses(self, figures: list[_Figure], tokens: Tokens) -> None:
        """A number followed by no noun counts what the number before it in its sentence
        counted: "Dix pays ont voté pour, cinq contre"."""
        previous: _Figure | None = None
        for figure in figures:
            if figure.unit is None and figure.elliptic and previous is not None and previous.head is not None:
                head = tokens.at(figure.core_start)
                if head is not None and head.sent.start == previous.head.sent.start:
                    figure.unit = previous.unit
            if figure.unit is not None and figure.unit != "ordinal" and figure.kind != "skip":
                previous = figure if not _is_measure(figure.unit) else None
        figures[:] = [f for f in figures if f.kind != "skip"]

    def _named(self, text: str, start: int) -> bool:
        """Whether the number at ``start`` is part of a name: "résolution 2699", "Boeing 737"."""
        before = text[max(0, start - 30) : start]
        if not before or before[-1] not in " \u00a0":
            return False
        word = _word_before(text, start)
        if _key(word) in self.name_before:
            return True
        return word[:1].isupper() and word.isalpha() and not _sentence_start(text, start - len(word) - 1)


def _is_measure(unit: str) -> bool:
    return unit.isupper() or unit in {"percent", "km", "m", "tonne", "barrel", "cubic_metre"}


@cache
def default_grammar(language: str = "fr") -> ClaimGrammar:
    """The grammar built from the lexicons shipped with veille (built once per process)."""
    return ClaimGrammar(load_lexicon(language), load_units(language))


def load_units(language: str = "fr") -> UnitTable:
    """The unit table of ``lexicons/<language>/units.tsv``."""
    return UnitTable(packaged_rows("lexicons", language, "units.tsv"))


def find_claims(doc: Doc, grammar: ClaimGrammar | None = None) -> list[Claim]:
    """The figures of ``doc`` (which should carry ``doc._.veille_times`` and
    ``doc._.veille_entities`` when it has them), as :class:`~veille.records.Claim` records."""
    return (grammar or default_grammar()).find(doc)


@Language.factory("veille_claims", default_config={"language": "fr", "vague": False, "kb_paths": []})
def make_claims(nlp: Language, name: str, language: str, vague: bool, kb_paths: list[str]) -> ClaimTagger:
    kb = default_kb(tuple(kb_paths))
    return ClaimTagger(ClaimGrammar(load_lexicon(language), load_units(language), vague=vague, kb=kb))


class ClaimTagger:
    """Sets ``doc._.veille_claims``."""

    def __init__(self, grammar: ClaimGrammar) -> None:
        self.grammar = grammar

    def __call__(self, doc: Doc) -> Doc:
        doc._.veille_claims = tuple(self.grammar.find(doc))
        return doc


# -- helpers ----------------------------------------------------------------------------------


def _key(text: str) -> str:
    """A lexicon key: lowercase, straight apostrophes, single spaces."""
    return " ".join(text.lower().replace("’", "'").split())  # noqa: RUF001


def _is_symbol(form: str) -> bool:
    """A unit or currency symbol ("MW", "€", "km"), matched as written, not a word."""
    return not form.isalpha() or (len(form) <= 3 and form != form.lower()) or form in SYMBOL_WORDS


def _words_value(words: str) -> float | None:
    from text_to_num import text2num

    try:
        return float(text2num(" ".join(_key(words).split()), "fr"))
    except ValueError:
        return None


def _alpha2digit(word: str) -> str:
    from text_to_num import alpha2digit

    return str(alpha2digit(word.lower(), "fr", threshold=0))


def _countable(token: Token) -> bool:
    """Whether ``token``, after a number, can be what it counts."""
    if not token.text[:1].isalpha() or token.pos_ in {"ADP", "DET", "PRON", "AUX", "CCONJ", "SCONJ", "ADV"}:
        return False
    if token.pos_ == "VERB":
        return "Part" in morph(token, "VerbForm") and token.text.lower().endswith(("s", "x"))
    return token.pos_ in NOUNISH or not token.pos_


def _lemma(token: Token) -> str:
    """The counted unit: the noun's lemma, lowercase and singular ("Syriens" -> "syrien")."""
    lemma = (token.lemma_ or token.text).lower()
    plural = lemma == token.lower_ and lemma.endswith("s") and not lemma.endswith(INVARIABLE_ENDINGS)
    if plural and (token.text[:1].isupper() or not token.has_morph()):
        return lemma[:-1]  # names of peoples, which the model leaves as they are
    return lemma


def _de_phrase(tokens: Tokens, end: int) -> str | None:
    """The noun phrase after "de" that a figure measures: "43 % de l'uranium mondial"."""
    first = tokens.after(end)
    if first is None or first.lower_ not in OPENERS or first.idx - end > 1:
        return None
    last, token = first, tokens.next(first)
    seen_noun = False
    while token is not None and token.pos_ in {"DET", "NOUN", "PROPN", "ADJ"} and token.i - first.i <= 5:
        if token.pos_ in {"NOUN", "PROPN"}:
            if seen_noun and token.pos_ == "NOUN":
                break
            seen_noun = True
        elif token.pos_ == "DET" and seen_noun:
            break
        last, token = token, tokens.next(token)
    if not seen_noun:
        return None
    return tokens.text[first.idx : last.idx + len(last.text)]


def _governor(token: Token | None, start: int) -> str | None:
    """The noun a figure completes: "un investissement de 27 milliards" -> "investissement"."""
    if token is None:
        return None
    governor = token.head
    if governor.pos_ == "NOUN" and governor.text.isalpha() and governor.idx < start:
        return governor.text
    return None


def _word_before(text: str, position: int) -> str:
    words = text[max(0, position - 30) : position].split()
    return words[-1].strip('(«"“') if words else ""


def _starts_upper(text: str) -> bool:
    return text[:1].isupper()


def _sentence_start(text: str, position: int) -> bool:
    before = text[max(0, position - 20) : position].rstrip(" \t\u00a0\u202f")
    return not before or before[-1] in '.!?…:\n«"“—–•*#('  # noqa: RUF001
