"""Time expressions: "le 24 février 2022", "mercredi soir", "l'an dernier", "deux jours", "par an".

The component finds French time expressions in ``doc.text`` with the patterns of
:class:`TimeGrammar`, built once from ``lexicons/<lang>/times.tsv``, and normalizes each one in
TimeML (TIMEX3) form against the document date (``doc._.veille_article.date``). A value never
claims more precision than the text and the document date give: with a document dated
``2024-11``, "mercredi" and "hier" are ``2024-11``. Where patterns overlap, the leftmost and then
longest expression wins. ``docs/times.md`` lists what is recognized and the values produced.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from .data import alternation, packaged_rows
from .extensions import text_of
from .openings import MAX_OPENINGS, fold, openings, plain
from .records import DatePrecision, TimeExpression, TimeType

__all__ = [
    "Anchor",
    "TimeGrammar",
    "TimeTagger",
    "date_precision",
    "default_grammar",
    "find_times",
    "load_lexicon",
]

Lexicon = dict[str, dict[str, str]]

B = r"(?<![\w-])"  # an expression starts at a word start
E = r"(?![\w-])"  # and ends at a word end
YEAR = r"(?:19|20)\d\d"
YEAR_END = r"(?!\w|[.,]\d|-\d\d?\b)"  # not "2024,5", "2024-11"
DAY = r"(?:1er|premier|(?:3[01]|[12]\d|0?[1-9])(?!\d))"
DIGITS = r"(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+)"
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
PRECISION = re.compile(r"\d{4}(?:-(\d\d)(?:-(\d\d)(?:T.+)?)?)?")
NEXT_WORD = re.compile(r"[\s]*([^\W\d_]+['’]?|\S)?")  # noqa: RUF001
COUNTED_RANGE = re.compile(r"\s*(?:à|et|ou|-|–)\s*\d[\d\s]*?\s+([^\W\d_]+)")  # noqa: RUF001
AGE = re.compile(r"(?:âgée?s?\s+de|l['’]âge\s+de)\s*$|\(\s*$", re.IGNORECASE)  # noqa: RUF001
DECADE = re.compile(r"\s+(?:\d\d|19\d\d|20\d\d)\b")  # "des années 1990", "des années 90"
AFTER_OFFSET = re.compile(r"\s+(?:plus\s+tard|plus\s+tôt|auparavant|après|avant)\b", re.IGNORECASE)
WORD_START = re.compile(r"(?<!\w)\w")


def load_lexicon(language: str = "fr") -> Lexicon:
    """The words of ``lexicons/<language>/times.tsv``, by kind: phrase -> value."""
    lexicon: Lexicon = {}
    for kind, phrase, *value in packaged_rows("lexicons", language, "times.tsv"):
        lexicon.setdefault(kind, {})[phrase] = value[0] if value else ""
    return lexicon


def date_precision(value: str) -> DatePrecision | None:
    """The precision of a calendar value ("2022", "2022-02", "2022-02-24", "2022-02-24TEV").

    ``None`` for everything else: weeks, seasons, quarters, durations, sets and the vague
    ``PRESENT_REF``, ``PAST_REF`` and ``FUTURE_REF``.
    """
    match = PRECISION.fullmatch(value)
    if match is None:
        return None
    return "day" if match.group(2) else "month" if match.group(1) else "year"


@dataclass(frozen=True, slots=True)
class Anchor:
    """The document date, at its own precision, and the arithmetic that precision allows."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: str | None) -> Anchor | None:
        """``"2024-11-27"``, ``"2024-11"`` or ``"2024"``; ``None`` for anything else."""
        match = PRECISION.fullmatch(value or "")
        if match is None or "T" in (value or ""):
            return None
        year, month, day = int(match.group(0)[:4]), match.group(1), match.group(2)
        try:
            dt.date(year, int(month or 1), int(day or 1))
        except ValueError:
            return None
        return cls(year, int(month) if month else None, int(day) if day else None)

    @property
    def value(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        return f"{self.year:04d}-{self.month:02d}" + (f"-{self.day:02d}" if self.day else "")

    @property
    def date(self) -> dt.date | None:
        return dt.date(self.year, self.month, self.day) if self.month and self.day else None

    def days(self, n: int) -> str:
        """``n`` days away: a day with a day-precise anchor, else the anchor itself."""
        return (self.date + dt.timedelta(days=n)).isoformat() if self.date else self.value

    def weeks(self, n: int, weekend: bool = False) -> str:
        """The ISO week ``n`` weeks away ("2024-W48", "2024-W48-WE"), else the anchor itself."""
        if self.date is None:
            return self.value
        year, week, _ = (self.date + dt.timedelta(weeks=n)).isocalendar()
        return f"{year:04d}-W{week:02d}" + ("-WE" if weekend else "")

    def months(self, n: int) -> str:
        if self.month is None:
            return self.value
        year, month = _add_months(self.year, self.month, n)
        return f"{year:04d}-{month:02d}"

    def years(self, n: int) -> str:
        return f"{self.year + n:04d}"

    def weekday(self, iso: int, shift: int = 0) -> str:
        """The weekday ``iso`` (1 = Monday) nearest the anchor day: within three days either way,
        before it for ``shift < 0`` ("lundi dernier"), after it for ``shift > 0``."""
        if self.date is None:
            return self.value
        back = (self.date.isoweekday() - iso) % 7
        if shift < 0:
            offset = -(back or 7)
        elif shift > 0:
            offset = (iso - self.date.isoweekday()) % 7 or 7
        else:
            offset = -back if back <= 3 else 7 - back
        return (self.date + dt.timedelta(days=offset)).isoformat()

    def weekday_on(self, iso: int, day: int) -> str:
        """The ``day`` of the anchor month, or of a month beside it, that falls on weekday ``iso``
        ("mercredi 27"); the anchor month's ``day`` if none does."""
        if self.month is None:
            return self.value
        found: list[dt.date] = []
        for delta in (0, -1, 1):
            date = _date(*_add_months(self.year, self.month, delta), day)
            if date is not None and (date.isoweekday() == iso or (delta == 0 and not found)):
                found.append(date)
        matching = [d for d in found if d.isoweekday() == iso] or found
        if not matching:
            return self.value
        anchor = self.date
        best = min(matching, key=lambda d: abs((d - anchor).days)) if anchor else matching[0]
        return best.isoformat()

    def season_year(self, code: str, shift: int) -> int:
        """The year of the season ``code`` last past (-1), to come (1) or current (0) at the anchor."""
        if self.month is None:
            return self.year + shift
        start, now = SEASON_START[code], self.year * 12 + self.month - 1
        if shift < 0:  # the last one over: it ends (start + 2) before now
            return (now - start - 2) // 12
        if shift > 0:  # the first one not yet begun
            return (now - start + 1) // 12 + 1
        current = (now - start + 1) // 12
        return current if now <= current * 12 + start + 1 else self.year


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    type: TimeType
    value: str | None  # None: a part of the day or clock time of the day last named (``suffix``)
    suffix: str = ""


Handler = Callable[[re.Match[str], str, Anchor | None], Iterable[_Found]]


class TimeGrammar:
    """The patterns of one language's time expressions, compiled once from its lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        def table(kind: str) -> dict[str, str]:
            return {_key(k): v for k, v in lexicon.get(kind, {}).items()}

        def alt(kind: str) -> str:
            return alternation(lexicon.get(kind, {}))

        self.lexicon = {kind: table(kind) for kind in lexicon}
        self.numbers = {k: int(v) for k, v in table("number").items()}
        self.follow = frozenset(table("follow"))
        self.not_before_year = frozenset(table("not_before_year"))
        self.not_after_year = frozenset(table("not_after_year"))
        month, weekday, daypart, shift = alt("month"), alt("weekday"), alt("daypart"), alt("shift")
        word = alt("number")
        number = rf"(?:{DIGITS}|{word}(?![\w'’])(?:(?:\s+|-)(?:et(?:\s+|-))?{word}(?![\w'’]))*)"  # noqa: RUF001
        quantity = rf"(?:(?P<n>{number})|(?P<v>{alt('vague')}))\s*(?<=[\s'’])"  # noqa: RUF001
        qualifier = rf"(?:(?P<q>{alt('qualifier')})\s*(?<=[\s'’]))?"  # noqa: RUF001
        unit = rf"(?P<u>{alt('unit')}){E}"
        rules: list[tuple[str, Handler]] = [
            (
                rf"(?<![\w/.])(?P<d>[0-3]?\d)[/.](?P<m>[01]?\d)[/.](?P<y>{YEAR})(?![\w/])",
                self._numeric_date,
            ),
            (
                rf"(?:{B}(?P<art>le|les|du|au)\s+)?(?:{B}(?P<wd>{weekday})\s+)?(?<![\w,.])(?P<d1>{DAY})"
                rf"(?:(?:\s*[,-]\s*|\s+(?:et(?:\s+le)?|au|à)\s+)(?P<d2>{DAY}))?\s+(?P<m>{month}){E}"
                rf"(?:\s+(?P<y>{YEAR}){YEAR_END})?",
                self._day_date,
            ),
            (
                rf"(?:{B}(?P<pre>en|début|fin|courant|(?:la\s+)?mi-|(?:au|le)\s+mois\s+d(?:e|['’]))\s*)?"  # noqa: RUF001
                rf"(?<!\w)(?P<m>{month}){E}(?:\s+(?P<y>{YEAR}){YEAR_END}|\s+(?P<shift>{shift}){E})?",
                self._month,
            ),
            (
                rf"(?:{B}(?P<pre>en|fin|début|courant|mi-|l['’]année|l['’]an|"  # noqa: RUF001
                rf"(?:la|le)\s+(?:fin|début|milieu)\s+de(?:\s+l['’]année)?)\s*)?"  # noqa: RUF001
                rf"(?<![\w,.])(?P<y>{YEAR}){YEAR_END}",
                self._year,
            ),
            (
                rf"{B}(?:(?P<pre>au|le)\s+)?(?P<o>{alt('ordinal')})\s+(?P<k>trimestre|semestre){E}"
                rf"(?:\s+(?:de\s+)?(?P<y>{YEAR}){YEAR_END})?",
                self._quarter,
            ),
            (
                rf"{B}(?:(?P<pre>au|en|à\s+l['’]|l['’]|cet|ce|le|chaque|tous\s+les)\s*)?"  # noqa: RUF001
                rf"(?<!\w)(?P<s>{alt('season')})(?P<plural>s?){E}"
                rf"(?:\s+(?P<y>{YEAR}){YEAR_END}|\s+(?P<shift>{shift}){E})?",
                self._season,
            ),
            (
                rf"(?:{B}dans\s+)?{B}la\s+nuit\s+(?:de|du)\s+(?P<wd>{weekday})(?:\s+(?:à|au)\s+{weekday})?{E}",
                self._night_of,
            ),
            (
                rf"{B}(?P<wd>{weekday}){E}(?:\s+(?P<d>{DAY})(?![\s\d]*\d))?"
                rf"(?:\s+(?P<shift>{shift}){E})?(?:\s+(?P<dp>{daypart}){E})?",
                self._weekday,
            ),
            (rf"{B}(?P<rd>{alt('relday')}){E}(?:\s+(?P<dp>{daypart}){E})?", self._relative_day),
            (rf"{B}(?P<p>{alt('deictic')}){E}", self._deictic),
            (rf"{B}(?P<p>{alt('anaphoric')}){E}", self._anaphoric),
            (
                rf"(?:{B}(?P<pre>à|vers|dès|avant|après|jusqu['’]à|depuis|entre|et)\s+)?"  # noqa: RUF001
                r"(?<![\w,.:])(?P<h>[01]?\d|2[0-3])\s*(?P<form>heures?|h)(?:\s*(?P<min>[0-5]\d))?(?!\w)",
                self._clock,
            ),
            (
                rf"{B}(?P<dir>dans|d['’]ici|il\s+y\s+a)\s+{qualifier}(?<![\w,.]){quantity}{unit}",  # noqa: RUF001
                self._offset,
            ),
            (
                rf"{B}{qualifier}(?<![\w,.]){quantity}"
                r"(?:(?P<last>derniers|dernières|prochains|prochaines|premiers|premières)\s+)?"
                rf"{unit}(?:\s+et\s+(?P<half>demie?){E})?",
                self._duration,
            ),
            (
                rf"{B}(?:(?:par|chaque)\s+(?P<u1>{alt('unit')})"
                rf"|(?:tous|toutes)\s+les\s+(?:(?P<n>{number})\s+)?(?P<u2>{alt('unit')})"
                rf"|(?:chaque|tous\s+les)\s+(?P<wd>{weekday})s?"
                rf"|(?:chaque|tous\s+les)\s+(?P<dp>{daypart})s?"
                rf"|(?P<w>{alt('set')})){E}",
                self._set,
            ),
            (rf"{B}(?P<p>{alt('ref')}){E}", self._ref),
            (rf"{B}(?P<p>{alt('relative')}){E}", self._relative),
        ]
        self.rules = tuple((re.compile(pattern, re.IGNORECASE), handle) for pattern, handle in rules)
        # Where each rule can match: at a word whose first characters open one of its matches.
        self.scanned: list[int] = []  # rules that cannot be told so scan the whole text
        self.dispatched: list[int] = []
        self.opening = 1
        self.openings: dict[str, list[int]] = {}
        for r, (pattern, _) in enumerate(rules):
            found = openings(pattern)
            if found is None:
                self.scanned.append(r)
                continue
            self.dispatched.append(r)
            self.opening = max(self.opening, found[0])
            for head in found[1]:
                self.openings.setdefault(head, []).append(r)
        self.trying: dict[str, tuple[int, ...]] = {}  # rules to try by a word's first characters

    def find(self, text: str, anchor: Anchor | None) -> list[TimeExpression]:
        """Every time expression of ``text``, normalized against ``anchor``, in text order."""
        found: list[tuple[int, int, int, _Found]] = []
        for priority, ((_, handle), matches) in enumerate(zip(self.rules, self._matches(text), strict=True)):
            for match in matches:
                found.extend((f.start, f.start - f.end, priority, f) for f in handle(match, text, anchor))
        found.sort(key=lambda row: row[:3])
        chosen: list[_Found] = []
        for *_, candidate in found:
            if not chosen or candidate.start >= chosen[-1].end:
                chosen.append(candidate)
        return _resolve(chosen, text, anchor)

    def _matches(self, text: str) -> list[list[re.Match[str]]]:
        """What ``pattern.finditer(text)`` gives for each rule, in one pass over the words.

        A rule is tried only at the start of a word whose first characters open one of its
        matches (:func:`~veille.openings.openings`), and, as ``finditer`` does, not before its
        last match ended.
        """
        matches: list[list[re.Match[str]]] = [[] for _ in self.rules]
        for r in self.scanned:
            matches[r] = list(self.rules[r][0].finditer(text))
        resume = [0] * len(self.rules)  # where each rule's next match may start
        for word in WORD_START.finditer(text):
            at = word.start()
            opening = text[at : at + self.opening]
            rules = self.trying.get(opening)
            if rules is None:
                rules = self._trying(opening)
            for r in rules:
                if at >= resume[r]:
                    match = self.rules[r][0].match(text, at)
                    if match is not None:
                        matches[r].append(match)
                        resume[r] = match.end()
        return matches

    def _trying(self, opening: str) -> tuple[int, ...]:
        """The rules that may match at a word that opens with ``opening``, in rule order."""
        if all(plain(c) for c in opening):
            folded = "".join(map(fold, opening))
            found = {r for n in range(1, len(folded) + 1) for r in self.openings.get(folded[:n], ())}
            rules = tuple(sorted(found))
        else:
            rules = tuple(self.dispatched)
        if len(self.trying) > MAX_OPENINGS:
            self.trying.clear()
        self.trying[opening] = rules
        return rules

    # Each handler turns one match into zero or more expressions.

    def _numeric_date(self, m: re.Match[str], text: str, anchor: Anchor | None) -> Iterable[_Found]:
        date = _date(int(m["y"]), int(m["m"]), int(m["d"]))
        return [_Found(m.start(), m.end(), "DATE", date.isoformat())] if date else []

    def _day_date(self, m: re.Match[str], text: str, anchor: Anchor | None) -> Iterable[_Found]:
        year = int(m["y"]) if m["y"] else anchor.year if anchor else None
        if year is None:
            return []
        month, last = self._get("month", m["m"]), _day(m["d2"] or m["d1"])
        starts = [m.start(g) for g in ("art", "wd", "d1") if m[g] and (g != "art" or m[g].lower() == "le")]
        found = []
        if m["d2"]:  # "du 3 au 5 mars", "les 24 et 25 février": two dates
            first = _day(m["d1"])
            before = 0 if first <= last else 1  # "du 30 au 2 mai" starts in April
            date = _date(*_add_months(year, month, -before), first)
            if date:
                found.append(_Found(starts[0], m.end("d1"), "DATE", date.isoformat()))
            starts = [m.start("d2")]
        date = _date(year, month, last)
        if date:
            found.append(_Found(starts[0], m.end(), "DATE", date.isoformat()))
        return found

    def _month(self, m: re.Match[str], text: str, anchor: Anchor | None) -> Iterable[_Found]:
        pre, word, month = m["pre"], m["m"], self._get("month", m["m"])
        named = word[0].isupper() or text[m.start("m") - 1 : m.start("m")] == "-"
        if named and not pre and not m["y"]:
            return []  # "Mars" or "Saint-Mars" alone is a name, not a month
        if m["y"]:
            value = f"{m['y']}-{month:02d}"
        elif anchor is None:
            return []
        elif m["shift"] and anchor.month is not None:  # "en mars dernier", "en juin prochain"
            shift = self._get("shift", m["shift"])
            year = anchor.year - (shift < 0 and month >= anchor.month) + (shift > 0 and month <= anchor.month)
            value = f"{year:04d}-{month:02d}"
        else:
            value = f"{anchor.year:04d}-{month:02d}"
        return [_Found(m.start(), m.end(), "DATE", value)]

    def _year(self, m: re.Match[str], text: str, anchor: Anchor | None) -> Iterable[_Found]:
        if not m["pre"]:
            before = _word_before(text, m.start("y"))
            noun = re.split(r"['’]", before)[-1]  # noqa: RUF001  ("l'Euro")
            if _key(noun) in self.not_before_year:
                return []
            if noun[:1].isupper() and not _starts_sentence(text, text.rfind(before, 0, m.start("y"))):
                return []  # "Euro 2024", "Coupe du monde 2022"
        if not self._may_follow_year(text, m.end()):
            return []  # "2000 soldats", "de 2000 à 3000 hommes", "2024 %"
        return [_Found(m.start(), m.end(), "DATE", m["y"])]

    def _quarter(self, m: re.Match[str], text: str, anchor: Anchor | None) -> Iterable[_Found]:
        n, kind = self._get("ordinal", m["o"]), "Q" if m["k"].lower() == "trimestre" else "H"
        year = m["y"] or (anchor.years(0) if anchor else None)
        if year is None or n > (4 if kind == "Q" else 2):
            return []
        start = m.start() if m["pre"] else m.start("o")
        return [_Found(start, m.end(), "DATE", f"{year}-{kind}{n}")]

    def _season(self, m: re.Match[str], text: str, anchor: Anchor | None) -> Iterable[_Found]:
        pre, code = _key(m["pre"] or ""), self.lexicon["season"][_key(m["s"])]
        if m["s"][0].isupper() and not _starts_sentence(text, m.start()):
            return []  # "le Printemps arabe"
        if pre in {"chaque", "tous les"}:
            return [_Found(m.start(), m.end(), "SET", f"XXXX-{code}")]
        if m["plural"] or not (m["y"] or m["shift"] or pre in {"au", "en", "à l'", "cet", "ce"}):
            return []  # "a été", "l'hiver" alone
        if m["y"]:
            year = int(m["y"])
        elif anchor is None:
            return []
        elif m["shift"] or pre in {"cet", "ce"}:
            year = anchor.season_year(code, self._get("shift", m["shift"]) if m["shift"] else 0)
        else:
            year = anchor.year
        return [_Found(m.start(), m.end(), "DATE", f"{year:04d}-{code}")]

    def _night_of(self, m: re.Match[str], text: str, anchor: Anchor | None) -> Iterable[_Found]:
        if anchor is None:
            return []
        night = _part(anchor.weekday(self._get("weekday", m["wd"])), "NI")
        return [_Found(m.start(), m.end(), "TIME", night)]

    def _weekday(self, m: re.Match[str], text: str, anchor: Anchor | None) -> Iterable[_Found]:
        if anchor is None or (m["wd"][0].isupper() and not _starts_sentence(text, m.start())):
            return []  # no date to count from; "Mardi gras"
        iso = self._get("weekday", m["wd"])
        if m["d"] and not (m["shift"] or m["dp"]) and not self._may_follow_year(text, m.end("d")):
            # "lundi 12 manifestants": a count, not the 12th
            return [_Found(m.start(), m.end("wd"), "DATE", anchor.weekday(iso))]
        shift = self._get("shift", m["shift"]) if m["shift"] else 0
        value = anchor.weekday_on(iso, _day(m["d"])) if m["d"] else anchor.weekday(iso, shift)
        if m["dp"]:
            return [_Found(m.start(), m.end(), "TIME", _part(value, self.lexicon["daypart"][_key(m["dp"])]))]
        return [_Found(m.start(), m.end(), "DATE", value)]

    def _relative_day(self, m: re.Match[str], text: str, anchor: Anchor | None) -> Iterable[_Found]:
        if anchor is None:
            return []
        value = anchor.days(self._get("relday", m["rd"]))
        if m["dp"]:
            return [_Found(m.start(), m.end(), "TIME", _part(value, self.lexicon["daypart"][_key(m["dp"])]))]
        return [_Found(m.start(), m.end(), "DATE", value)]

    def _deictic(self, m: re.Match[str], text: str, anchor: Anchor | None) -> Iterable[_Found]:
        if anchor is None:
            return []
        offset, part = self.lexicon["deictic"][_key(m["p"])].split()
        return [_Found(m.start(), m.end(), "TIME", _part(anchor.days(int(offset)), part))]

    def _anaphoric(self, m: re.Match[str], text: str, anchor: Anchor | None) -> Iterable[_Found]:
        return [_Found(m.start(), m.end(), "TIME", None, "T" + self.lexicon["anaphoric"][_key(m["p"])])]

    def _clock(self, m: re.Match[str], text: str, anchor: Anchor | None) -> Iterable[_Found]:
        spelled = m["form"].lower().startswith("heure")
        pre = _key(m["pre"] or "")
        clock_word = pre in {"à", "vers", "dès", "jusqu'à"}
        if not (clock_word or (pre and not spelled) or (m["min"] and not spelled)):
            return []  # "24 heures" is a duration, "15h" alone is unclear
        minute = int(m["min"] or 0)
        return [_Found(m.start("h"), m.end(), "TIME", None, f"T{int(m['h']):02d}:{minute:02d}")]

    def _offset(self, m: re.Match[str], text: str, anchor: Anchor | None) -> Iterable[_Found]:
        """A date counted from the anchor: "dans quatre ans", "il y a deux mois", "d'ici deux ans"."""
        past = _key(m["dir"]).startswith("il")
        if m["v"]:
            return [_Found(m.start(), m.end(), "DATE", "PAST_REF" if past else "FUTURE_REF")]
        n = self._number(m["n"])
        if n is None or anchor is None:
            return []
        n, unit = -n if past else n, self.lexicon["unit"][_key(m["u"])]
        shifts: dict[str, Callable[[int], str]] = {
            "D": anchor.days,
            "W": anchor.weeks,
            "M": anchor.months,
            "Y": anchor.years,
            "DE": lambda k: anchor.years(10 * k),
            "CE": lambda k: anchor.years(100 * k),
        }
        value = shifts[unit](n) if unit in shifts else anchor.value
        return [_Found(m.start(), m.end(), "DATE", value)]

    def _duration(self, m: re.Match[str], text: str, anchor: Anchor | None) -> Iterable[_Found]:
        unit, amount = self.lexicon["unit"][_key(m["u"])], None
        start = m.start("q") if m["q"] else m.start("n") if m["n"] else m.start("v")
        if AFTER_OFFSET.match(text, m.end()) or AGE.search(text, max(0, start - 20), start):
            return []  # "deux jours plus tard" counts from another date; "âgé de 45 ans" is an age
        if m["n"]:
            amount = self._number(m["n"])
            if amount is None or (amount == 1 and unit == "D" and _key(m["n"]) == "un"):
                return []  # "un jour" is mostly "some day"
        elif DECADE.match(text, m.end()):
            return []  # "des années 1990" is a decade
        half = 0.5 if m["half"] else 0.0
        return [_Found(start, m.end(), "DURATION", _period(None if amount is None else amount + half, unit))]

    def _set(self, m: re.Match[str], text: str, anchor: Anchor | None) -> Iterable[_Found]:
        if m["wd"]:
            value = f"XXXX-WXX-{self._get('weekday', m['wd'])}"
        elif m["dp"]:
            value = f"XXXX-XX-XXT{self.lexicon['daypart'][_key(m['dp'])]}"
        elif m["w"]:
            value = self.lexicon["set"][_key(m["w"])]
        else:
            n = self._number(m["n"]) if m["n"] else 1
            if n is None:
                return []
            value = _period(n, self.lexicon["unit"][_key(m["u1"] or m["u2"])])
        return [_Found(m.start(), m.end(), "SET", value)]

    def _ref(self, m: re.Match[str], text: str, anchor: Anchor | None) -> Iterable[_Found]:
        if _key(m["p"]) == "maintenant" and _key(_word_before(text, m.start())) == "en":
            return []  # "en maintenant la pression": the verb
        return [_Found(m.start(), m.end(), "DATE", self.lexicon["ref"][_key(m["p"])])]

    def _relative(self, m: re.Match[str], text: str, anchor: Anchor | None) -> Iterable[_Found]:
        if anchor is None:
            return []
        unit, offset = self.lexicon["relative"][_key(m["p"])].split()
        n = int(offset)
        values = {"W": anchor.weeks(n), "WE": anchor.weeks(n, weekend=True), "M": anchor.months(n)}
        return [_Found(m.start(), m.end(), "DATE", values.get(unit) or anchor.years(n))]

    # Helpers

    def _get(self, kind: str, word: str) -> int:
        return int(self.lexicon[kind][_key(word)])

    def _number(self, text: str) -> int | None:
        """A number in digits or French words ("douze", "vingt-quatre", "quatre-vingt-dix")."""
        digits = re.sub(r"\s", "", text)
        if digits.isdigit():
            return int(digits)
        total = current = 0
        words = re.split(r"[\s-]+", _key(text))
        for i, word in enumerate(words):
            value = self.numbers.get(word)
            if word == "et" and i + 1 < len(words) and words[i + 1] in {"un", "une", "onze"}:
                continue
            if value is None:
                return None
            if value == 100:
                current = max(current, 1) * 100
            elif value == 1000:
                total, current = total + max(current, 1) * 1000, 0
            elif value == 20 and current % 100 == 4:  # quatre-vingt
                current += 76
            else:
                current += value
        return total + current

    def _may_follow_year(self, text: str, end: int) -> bool:
        """Whether what follows a number of 1900-2099 lets it be a year rather than a count."""
        match = NEXT_WORD.match(text, end)
        word = match.group(1) if match else None
        if word is None:
            return True
        if word in {"%", "€", "$", "£"}:
            return False
        if self._counted(word):
            return False
        counted = COUNTED_RANGE.match(text, end)
        return counted is None or not self._counted(counted.group(1))

    def _counted(self, word: str) -> bool:
        """Whether ``word``, right after a number, reads as what it counts ("soldats", "km")."""
        key = _key(word)
        if not word[0].isalpha() or word[0].isupper() or key in self.follow:
            return False
        return key.endswith(("s", "x")) or key in self.not_after_year


def _resolve(chosen: list[_Found], text: str, anchor: Anchor | None) -> list[TimeExpression]:
    """Give parts of the day and clock times the day last named in their paragraph, else the anchor."""
    times: list[TimeExpression] = []
    day: str | None = None
    last_end = 0
    for found in chosen:
        if "\n" in text[last_end : found.start]:
            day = None
        last_end = found.end
        value = found.value
        if value is None:
            base = day or (anchor.value if anchor else None)
            if base is None:
                continue
            value = base + found.suffix if date_precision(base) == "day" else base
        elif date_precision(value) == "day":
            day = value[:10]
        times.append(TimeExpression(text[found.start : found.end], found.start, found.end, found.type, value))
    return times


@cache
def default_grammar(language: str = "fr") -> TimeGrammar:
    """The grammar built from the lexicon shipped with veille (built once per process)."""
    return TimeGrammar(load_lexicon(language))


def find_times(doc: Doc, anchor: str | None, grammar: TimeGrammar | None = None) -> list[TimeExpression]:
    """The time expressions of ``doc``, normalized against the date ``anchor`` ("2024-11-27",
    "2024-11", "2024" or ``None``). Without an anchor, only what needs no date is kept:
    absolute dates with their year, durations, sets and vague references."""
    return (grammar or default_grammar()).find(text_of(doc), Anchor.parse(anchor))


@Language.factory("veille_times", default_config={"language": "fr"})
def make_times(nlp: Language, name: str, language: str) -> TimeTagger:
    return TimeTagger(TimeGrammar(load_lexicon(language)))


class TimeTagger:
    """Sets ``doc._.veille_times`` from the document date in ``doc._.veille_article``."""

    def __init__(self, grammar: TimeGrammar) -> None:
        self.grammar = grammar

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.veille_article
        anchor = article.date if article is not None else None
        doc._.veille_times = tuple(find_times(doc, anchor, self.grammar))
        return doc


def _key(text: str) -> str:
    """A lexicon key: lowercase, straight apostrophes, single spaces."""
    return " ".join(text.lower().replace("’", "'").split())  # noqa: RUF001


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    """(year, month) ``n`` months after ``year``-``month`` (before, for a negative ``n``)."""
    years, month0 = divmod(year * 12 + month - 1 + n, 12)
    return years, month0 + 1


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _day(text: str) -> int:
    return 1 if text.lower() in {"1er", "premier"} else int(text)


def _part(value: str, part: str) -> str:
    """A part of the day ("MO", "EV") appended to a day; a coarser value stays as it is."""
    return f"{value}T{part}" if date_precision(value) == "day" else value


def _period(amount: float | None, unit: str) -> str:
    """A TIMEX3 duration: ``P2D``, ``PT3H``, ``PXY``; decades and centuries counted in years."""
    if amount is not None and unit in {"DE", "CE"}:
        amount, unit = amount * (10 if unit == "DE" else 100), "Y"
    number = "X" if amount is None else f"{amount:g}"
    if unit in {"H", "MIN"}:
        return f"PT{number}{unit[0]}"
    return f"P{number}{unit}"


def _word_before(text: str, position: int) -> str:
    words = text[max(0, position - 30) : position].split()
    return words[-1] if words else ""


def _starts_sentence(text: str, position: int) -> bool:
    before = text[max(0, position - 20) : position].rstrip(" \t\u00a0\u202f")
    return not before or before[-1] in '.!?…:\n«"“—–•*#('  # noqa: RUF001
