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
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from . import extensions as _extensions  # noqa: F401  (registers doc._.veille_*)
from .actors import ActorFinder
from .data import packaged_rows
from .kb import KnowledgeBase
from .kb import default as default_kb
from .records import Claim
from .syntax import RELATIVES, case_of

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
NOUNISH = frozenset({"NOUN", "PROPN", "ADJ"})
SYMBOL_WORDS = frozenset({"km", "m", "kg", "ha"})  # lowercase symbols, matched as written
INVARIABLE_ENDINGS = ("ais", "ois", "ss", "us")  # "Congolais", "Chinois" are singular too
COUNTRY_LIKE = frozenset({"country", "organization"})
SHORT_MULTIPLIERS = {"m": 1e6, "md": 1e9, "mds": 1e9, "mrd": 1e9}  # before a symbol: "5 M€"
LONGEST_MENTION = 120  # characters: mentions starting further back cannot cover a token


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
        word = _alternation(table("number"))
        words = rf"{word}(?:(?:[\s\u00a0]+|-)(?:et(?:[\s\u00a0]+|-))?{word})*"
        self.pattern = re.compile(
            rf"(?<![\w,.\-/])(?:"
            rf"(?P<od>\d+){ORDINAL_SUFFIX}"
            rf"|(?P<ow>[^\W\d_]+(?:-[^\W\d_]+)*ièmes?|{_alternation(table('ordinal'))})"
            rf"|(?P<a>{_alternation(self.approx)})"
            rf"|(?P<v>{_alternation(self.vague)})"
            rf"|(?P<pre>US\$|[$€£])?[\s\u00a0]?(?P<d>{DIGITS})"
            rf"|(?P<w>{words})"
            rf")(?![\w-])",
            re.IGNORECASE,
        )
        self.multiplier = re.compile(
            rf"[\s\u00a0\u202f]*(?:(?P<m>{_alternation(self.multipliers)})(?![\w])|(?P<ms>Mds|Md|Mrd|M)(?=\s?[€$£]))",
            re.IGNORECASE,
        )
        tails = [(f, False) for f in self.currencies] + [(f, True) for f in units.forms]
        alternatives = sorted(tails, key=lambda t: len(t[0]), reverse=True)
        tail = "|".join(_phrase(f) if _is_symbol(f) else f"(?i:{_phrase(f)})" for f, _ in alternatives)
        self.tail = re.compile(
            rf"[\s\u00a0\u202f]*(?P<de>(?i:de)[\s\u00a0]+|(?i:d)['’][\s\u00a0]*)?(?P<t>{tail})(?![\w])"  # noqa: RUF001
        )
        self.qualifier = re.compile(
            rf"(?:^|(?<=[\s(]))(?P<q>{_alternation(self.qualifiers)})[\s\u00a0]*$", re.I
        )

    # -- reading the figures ------------------------------------------------------------------

    def find(self, doc: Doc) -> list[Claim]:
        """Every claim of ``doc``, in text order."""
        text = doc.text
        tokens = _Tokens(doc)
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
        subjects = _Subjects(doc, tokens, self.kb)
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

    def _figure(self, m: re.Match[str], text: str, tokens: _Tokens) -> _Figure | None:
        if m["od"] or m["ow"]:
            return self._ordinal(m, text, tokens)
        start, end = m.start(), m.end()
        if m["d"]:
            kind, value = "number", float(SPACES.sub("", m["d"]).replace(",", "."))
            start = m.start("pre") if m["pre"] else m.start("d")
            if self._named(text, m.start("d")):
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

    def _ordinal(self, m: re.Match[str], text: str, tokens: _Tokens) -> _Figure | None:
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

    def _unit(self, figure: _Figure, text: str, tokens: _Tokens) -> None:
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

    def _counted(self, figure: _Figure, text: str, tokens: _Tokens, may_de: bool) -> None:
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

    def _elided_noun(self, figure: _Figure, text: str, tokens: _Tokens, token: Token) -> None:
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

    def _ellipses(self, figures: list[_Figure], tokens: _Tokens) -> None:
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


class _Tokens:
    """Tokens by character offset."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts = [t.idx for t in doc]

    def at(self, offset: int) -> Token | None:
        i = bisect_right(self.starts, offset) - 1
        return self.doc[i] if i >= 0 else None

    def after(self, offset: int) -> Token | None:
        """The first token that is no space at or after ``offset``."""
        i = bisect_left(self.starts, offset)
        while i < len(self.doc) and self.doc[i].is_space:
            i += 1
        return self.doc[i] if i < len(self.doc) else None

    def next(self, token: Token) -> Token | None:
        return self.after(token.idx + len(token.text))


class _Subjects:
    """The entity a figure is about, read on the dependency parse with :class:`ActorFinder`.

    In order: an actor named in parentheses right before the figure ("Basra Oil (30 %)") or
    after "pour" following a percentage ("17 % pour BYD"); the people a count counts ("100 000
    Arméniens"); the owner of the figure's own phrase, then of the noun it measures: a
    possessive ("ses électeurs", through the pronoun's resolved mention), a nationality
    adjective ("2 000 soldats russes"), a name in apposition, or a complement in "de", named or
    owned in turn ("43 % des exportations de pétrole de la Russie"), a place excepted ("90 % de
    la mer de Chine" is what is claimed, not who claims it); then, clause by clause upwards, the
    noun an adjective or participle says it of ("Maduro vainqueur avec 51 %"), the subject of
    the clause (a relative pronoun stands for its antecedent; an unresolved "il" sends the search
    up a clause), or, when the figure is itself the subject, the actor or place among the verb's
    other arguments ("300 personnes ont été tuées au Soudan"; a "selon" source last), and the
    noun a relative or participle clause describes ("la mer, par laquelle transitent …"); last,
    the country or organization named nearest the figure in its sentence, else the country the
    article is about.
    """

    def __init__(self, doc: Doc, tokens: _Tokens, kb: KnowledgeBase | None) -> None:
        entities = list(doc._.veille_entities or ())
        rows = sorted((m.start, m.end, e.id, e.type) for e in entities for m in e.mentions)
        self.rows = rows
        self.starts = [r[0] for r in rows]
        self.tokens = tokens
        self.types = {e.id: e.type for e in entities}
        self.finder = ActorFinder(doc, entities, kb or default_kb()) if entities else None

    def of(self, head: Token, start: int, end: int, unit: str | None = None) -> str | None:
        """The entity the figure ``[start, end)``, about ``head``, is about, or ``None``."""
        if self.finder is None:
            return None
        text = head.doc.text
        if text[max(0, start - 2) : start].strip() == "(":  # "Basra Oil Company (30 %)"
            before = self.tokens.at(text.rfind("(", 0, start) - 2)
            found = self._mentioned(before) if before is not None else None
            if found:
                return found
        after = self.tokens.after(end)
        if unit == "percent" and after is not None and after.lower_ == "pour":  # "17 % pour BYD": theirs
            named = self.tokens.next(after)
            if named is not None and named.pos_ == "DET":
                named = self.tokens.next(named)
            found = self._mentioned(named) if named is not None else None
            if found:
                return found
        inside = {t.i for t in head.doc.char_span(start, end, alignment_mode="expand") or ()} | {head.i}
        found = self._demonym(head) or self._owner(head, inside, places=False)
        if found is None and head.dep_ == "nmod" and head.head.pos_ == "NOUN" and head.head.i not in inside:
            found = self._owner(head.head, inside | {t.i for t in head.subtree}, places=False)
        return found or self._clause(head, inside) or self._nearest(head, start, end) or self.finder.home

    # -- phrases ---------------------------------------------------------------------------

    def _mentioned(self, token: Token) -> str | None:
        """The entity a mention covering ``token`` names (a resolved pronoun included)."""
        assert self.finder is not None
        found = self.finder.mentioned.get(token.i)
        return self._known(found[0].entity) if found else None

    def _demonym(self, head: Token) -> str | None:
        """The people a count counts: "100 000 Arméniens" are Armenia's."""
        found = self._mentioned(head)
        return found if found and self.types.get(found) in ("country", "group") else None

    def _known(self, entity: str | None) -> str | None:
        return entity if entity in self.types else None

    def _owner(self, noun: Token, inside: set[int], places: bool, depth: int = 3) -> str | None:
        """The actor a phrase belongs to: a possessive ("ses exportations"), a nationality
        adjective ("soldats russes"), a name in apposition, or a complement in "de" named or
        owned in turn ("des exportations de pétrole de la Russie"), ``depth`` complements down.
        Places are owners only with ``places`` ("l'île de Palawan" is where, not whose)."""
        assert self.finder is not None
        for child in noun.children:
            if child.i in inside:
                continue
            if child.dep_ == "det" and "Yes" in child.morph.get("Poss", []):
                found = self._mentioned(child)
                if found:
                    return found
            elif child.dep_ == "amod" or (child.dep_ == "nmod" and not case_of(child)):
                actor = self.finder.adjective_actor(child)
                if actor is not None and self._known(actor.entity):
                    return actor.entity
            case = case_of(child)
            if (child.dep_ in ("nmod", "appos", "flat:name") or _apposed(child)) and (
                case is None or (case == "de" and _adjacent(noun, child, inside))
            ):
                found = self._mentioned(child)
                if found and (places or self.types.get(found) != "location"):
                    return found
                if found is None and depth > 1:
                    found = self._owner(child, inside, places, depth - 1)
                    if found:
                        return found
        return None

    def _actor(self, phrase: Token) -> str | None:
        """The actor (or place) a subject or argument names, through ActorFinder, or its owner."""
        assert self.finder is not None
        actor = self.finder.actor(phrase, depth=0)
        found = self._known(actor.entity) if actor is not None else None
        return found or self._owner(phrase, set(), places=True)

    # -- clauses ---------------------------------------------------------------------------

    def _clause(self, head: Token, inside: set[int]) -> str | None:
        """The actor of the clauses around the figure, from its own clause upwards."""
        path, predicate = head, head
        for _ in range(4):  # clauses climbed
            while not _predicate(predicate):
                if predicate.pos_ in ("ADJ", "NOUN") and predicate.dep_ in ("amod", "acl"):
                    # Said of a noun: "Maduro vainqueur avec 51 %", "X, créditée de 26 %".
                    found = self._actor(predicate.head)
                    if found:
                        return found
                path, predicate = predicate, predicate.head
            subject = _subject(predicate)
            unresolved = False
            if subject is not None and subject.i != path.i and subject.i not in inside:
                found = self._actor(subject)
                if found:
                    return found
                unresolved = subject.pos_ == "PRON" and subject.lower_ not in RELATIVES
            elif subject is not None:  # the figure is the subject: "300 personnes ont été tuées à Gaza"
                # The source ("selon l'ONU") last: it says who counted, not what was counted.
                for child in sorted(predicate.children, key=lambda c: case_of(c) == "selon"):
                    if child.i != path.i and child.dep_.startswith(("obj", "obl", "iobj")):
                        found = self._actor(child)
                        if found:
                            return found
            described = predicate.dep_ == "acl:relcl" or (
                predicate.dep_ == "acl" and not _infinitive(predicate)
            )
            if described and not unresolved:
                found = self._actor(predicate.head)
                if found:
                    return found
            if predicate.head.i == predicate.i:
                return None
            path, predicate = predicate, predicate.head
        return None

    def _nearest(self, head: Token, start: int, end: int) -> str | None:
        """The country or organization named nearest the figure in its sentence."""
        sentence = head.sent
        nearest: tuple[int, str] | None = None
        i = bisect_left(self.starts, sentence.start_char)
        while i < len(self.rows) and self.rows[i][0] < sentence.end_char:
            m_start, m_end, entity, kind = self.rows[i]
            if kind in COUNTRY_LIKE:
                distance = start - m_end if m_end <= start else m_start - end
                if nearest is None or abs(distance) < nearest[0]:
                    nearest = (abs(distance), entity)
            i += 1
        return nearest[1] if nearest else None


def _subject(predicate: Token) -> Token | None:
    """The subject of a clause: of two (a parse error), the one right before the verb."""
    subjects = [c for c in predicate.children if c.dep_.startswith("nsubj")]
    before = [c for c in subjects if c.i < predicate.i]
    return before[-1] if before else (subjects[0] if subjects else None)


def _apposed(token: Token) -> bool:
    """A name after a comma the parser took for a conjunct: "le candidat, Jorge Máynez,"."""
    return (
        token.dep_ == "conj"
        and token.i > 0
        and token.doc[token.i - 1].text == ","
        and not any(c.dep_ == "cc" for c in token.children)
    )


def _infinitive(clause: Token) -> bool:
    """An infinitive clause brought by "de" or "à", which the parser may hang on a noun
    ("accusé par des experts d'avoir déployé"): its subject is the governing clause's."""
    return any(c.dep_ == "mark" and c.lower_ in ("de", "d'", "d’", "à") for c in clause.children)  # noqa: RUF001


def _adjacent(noun: Token, child: Token, inside: set[int]) -> bool:
    """Whether ``child`` follows ``noun`` with only the figure, adjectives or adverbs between:
    "des exportations de la Russie", not "deux missiles en mer du Japon"."""
    start, end = (noun.i + 1, child.left_edge.i) if child.i > noun.i else (child.right_edge.i + 1, noun.i)
    return all(t.i in inside or t.pos_ in ("ADJ", "ADV") for t in noun.doc[start:end])


def _predicate(token: Token) -> bool:
    """Whether ``token`` heads a clause: a verb, the root, or a noun or adjective with a copula
    or a subject ("la Chine est le 2e marché")."""
    return (
        token.pos_ in ("VERB", "AUX")
        or token.head.i == token.i
        or any(c.dep_ == "cop" or c.dep_.startswith("nsubj") for c in token.children)
    )


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


def _phrase(phrase: str) -> str:
    return "".join(
        r"[\s\u00a0]+" if c == " " else "['’]" if c == "'" else re.escape(c)  # noqa: RUF001
        for c in phrase
    )


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of lexicon phrases, longest first."""
    return "(?:" + "|".join(_phrase(w) for w in sorted(words, key=len, reverse=True)) + ")"


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
        return "Part" in token.morph.get("VerbForm", []) and token.text.lower().endswith(("s", "x"))
    return token.pos_ in NOUNISH or not token.pos_


def _lemma(token: Token) -> str:
    """The counted unit: the noun's lemma, lowercase and singular ("Syriens" -> "syrien")."""
    lemma = (token.lemma_ or token.text).lower()
    plural = lemma == token.lower_ and lemma.endswith("s") and not lemma.endswith(INVARIABLE_ENDINGS)
    if plural and (token.text[:1].isupper() or not token.has_morph()):
        return lemma[:-1]  # names of peoples, which the model leaves as they are
    return lemma


def _de_phrase(tokens: _Tokens, end: int) -> str | None:
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
    return first.doc.text[first.idx : last.idx + len(last.text)]


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
