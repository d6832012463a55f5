"""Exporting stored events in the layout of GDELT 2.0's Events table (``veille export --format gdelt``).

One tab-separated line per event, the 61 columns of :data:`COLUMNS` in GDELT's order, no header
line, as in GDELT's own ``*.export.CSV`` files. How each column is filled, and what veille
cannot fill, is written down in ``docs/export.md``; the lookups it needs (CAMEO actor code
parts, country codes) are data files in ``veille/ontology/``.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .data import packaged_rows
from .errors import where
from .store import Store

__all__ = ["COLUMNS", "ActorCode", "export_gdelt", "gdelt_rows", "global_event_id", "lead_end", "parse_actor"]

_ACTOR = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

# The columns of the GDELT 2.0 Events table (GDELT Event Codebook V2.0), in file order.
COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{name}" for name in _ACTOR),
    *(f"Actor2{name}" for name in _ACTOR),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{name}" for name in _GEO),
    *(f"Actor2Geo_{name}" for name in _GEO),
    *(f"ActionGeo_{name}" for name in _GEO),
    "DATEADDED",
    "SOURCEURL",
)

# GDELT's geographic resolution codes.
GEO_COUNTRY, GEO_US_CITY, GEO_WORLD_CITY = "1", "3", "4"
NO_GEO = ("0", "", "", "", "", "", "", "")  # GDELT's Geo_Type 0: no location
CITY_FEATURES = frozenset({"city", "capital", "seat_of_power"})
BLANK_LINE = re.compile(r"\n[ \t]*\n")
CONTROL = re.compile(r"[\t\r\n]")
BATCH = 2000


@dataclass(frozen=True, slots=True)
class ActorCode:
    """A CAMEO actor code broken into GDELT's actor columns."""

    code: str
    country: str = ""
    group: str = ""
    religions: tuple[str, ...] = ()
    types: tuple[str, ...] = ()


@functools.cache
def _tsv(name: str) -> list[list[str]]:
    return packaged_rows("ontology", name)[1:]  # the first line names the columns


def _actor_parts() -> dict[str, str]:
    """CAMEO actor code parts by code: their kind, ``type``, ``religion`` or ``region``."""
    return {code: kind for code, kind, _ in _tsv("cameo-actors.tsv")}


def _countries() -> dict[str, tuple[str, str]]:
    """(CAMEO code, FIPS 10-4 code) by ISO alpha-3 code and by CAMEO code."""
    found: dict[str, tuple[str, str]] = {}
    for iso3, cameo, fips in _tsv("gdelt-countries.tsv"):
        found[iso3] = found[cameo] = (cameo, fips)
    return found


def parse_actor(code: str) -> ActorCode:
    """Break a CAMEO actor code into its three-letter parts, as GDELT's actor columns do.

    A part listed in ``cameo-actors.tsv`` is a type, religion or region code; any other part is
    the country when it comes first (``RUSGOV``: RUS, type GOV), else a known group
    (``IGOUNO``: type IGO, group UNO); a region is written as the country (``IGOEUREEC``: EUR).
    When several group codes follow each other, the last, most specific one is kept.
    """
    kinds = _actor_parts()
    country, group = "", ""
    religions: list[str] = []
    types: list[str] = []
    for n in range(0, len(code), 3):
        part = code[n : n + 3]
        kind = kinds.get(part)
        if kind == "type":
            types.append(part)
        elif kind == "religion":
            religions.append(part)
        elif not country and not group and (n == 0 or kind == "region"):
            country = part
        else:
            group = part
    return ActorCode(code, country, group, tuple(religions), tuple(types))


def global_event_id(doc_id: str, event_id: str) -> int:
    """A stable GLOBALEVENTID: the first 53 bits of the SHA-256 of ``doc_id:event_id``.

    53 bits keep the number exact wherever it is read as a double (spreadsheets, JavaScript).
    """
    digest = hashlib.sha256(f"{doc_id}:{event_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") >> 11


def lead_end(text: str, title: str | None = None) -> int:
    """Where the lead paragraph of ``text`` ends: at its first blank line, or the end of the text.

    When the first paragraph is the document's title (a headline), the lead is the headline and
    the paragraph after it.
    """
    first = BLANK_LINE.search(text)
    if first is None:
        return len(text)
    if title and text[: first.start()].strip() == title.strip():
        second = BLANK_LINE.search(text, first.end())
        return len(text) if second is None else second.start()
    return first.start()


def export_gdelt(store: Store, out: str | Path, all_modalities: bool = False) -> list[tuple[str, int]]:
    """Write the store's events to file ``out`` as GDELT 2.0 event lines; return [(file, rows)].

    Only asserted events are written unless ``all_modalities`` (GDELT has no modality column).
    """
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    rows = 0
    with out.open("w", encoding="utf-8", newline="\n") as handle:
        for row in gdelt_rows(store, all_modalities):
            handle.write("\t".join(row) + "\n")
            rows += 1
    return [(str(out), rows)]


def gdelt_rows(store: Store, all_modalities: bool = False) -> Iterator[tuple[str, ...]]:
    """The GDELT event lines of the store, as tuples of 61 strings, in date then text order."""
    con = store.connection
    leads = _lead_ends(con)
    places = _places(con)
    cursor = con.execute(
        """
        SELECT e.doc_id, e.event_id, e.code, e.quad_class, e.goldstein, e.source, e.target,
               e.location, e.sentence_start, coalesce(e.date_start, d.date_start) AS day,
               s.name, s.cameo, s.country, t.name, t.cameo, t.country,
               d.tone_score, d.ingested_at, d.url, d.path, d.line
        FROM events e
        JOIN documents d ON d.id = e.doc_id
        LEFT JOIN entities s ON s.doc_id = e.doc_id AND s.entity_id = e.source
        LEFT JOIN entities t ON t.doc_id = e.doc_id AND t.entity_id = e.target
        WHERE ? OR e.modality = 'asserted'
        ORDER BY day NULLS LAST, e.doc_id, e.sentence_start, e.trigger_start, e.event_id
        """,
        [all_modalities],
    )
    while batch := cursor.fetchmany(BATCH):
        for record in batch:
            yield _row(record, leads, places)


def _row(
    record: tuple[Any, ...], leads: dict[str, int], places: dict[tuple[str, str], tuple[str, ...]]
) -> tuple[str, ...]:
    (doc_id, event_id, code, quad, goldstein, source, target, location, sentence_start, day) = record[:10]
    (s_name, s_cameo, s_country, t_name, t_cameo, t_country) = record[10:16]
    tone, added, url, path, line = record[16:]
    row = (
        str(global_event_id(doc_id, event_id)),
        *_dates(day),
        *_actor(s_name, s_cameo, s_country),
        *_actor(t_name, t_cameo, t_country),
        "1" if sentence_start < leads.get(doc_id, 0) else "0",
        code,
        code[:3],
        code[:2],
        str(quad),
        _number(goldstein),
        "1",  # NumMentions, NumSources, NumArticles: one document, one mention
        "1",
        "1",
        "" if tone is None else _number(tone),
        *places.get((doc_id, source), NO_GEO),
        *places.get((doc_id, target), NO_GEO),
        *places.get((doc_id, location), NO_GEO),
        added.strftime("%Y%m%d%H%M%S") if added else "",
        url or where(path, line),
    )
    return tuple(_cell(value) for value in row)


def _dates(day: dt.date | None) -> tuple[str, str, str, str]:
    """SQLDATE, MonthYear, Year and FractionDate of ``day``; empty when the event is undated."""
    if day is None:
        return "", "", "", ""
    # GDELT's approximation: 30-day months in a 365-day year (1 January is YYYY.0027).
    fraction = day.year + ((day.month - 1) * 30 + day.day) / 365
    return f"{day:%Y%m%d}", f"{day:%Y%m}", str(day.year), f"{fraction:.4f}"


def _actor(name: str | None, cameo: str | None, country: str | None) -> tuple[str, ...]:
    """The ten actor columns of an entity (all empty when the event has no such actor)."""
    countries = _countries()
    country_code = countries.get(country, (country, ""))[0] if country else ""
    code = cameo or country_code
    parsed = parse_actor(code)
    religions = (*parsed.religions, "", "")[:2]
    types = (*parsed.types, "", "", "")[:3]
    return (
        code,
        (name or "").upper(),
        parsed.country or country_code,
        parsed.group,
        "",  # EthnicCode: veille's actor codes carry no ethnic codes
        *religions,
        *types,
    )


def _lead_ends(con: Any) -> dict[str, int]:
    cursor = con.execute(
        "SELECT id, title, text FROM documents WHERE id IN (SELECT DISTINCT doc_id FROM events)"
    )
    ends: dict[str, int] = {}
    while batch := cursor.fetchmany(BATCH):
        for doc_id, title, text in batch:
            ends[doc_id] = lead_end(text, title)
    return ends


def _places(con: Any) -> dict[tuple[str, str], tuple[str, ...]]:
    """The GDELT geography block of every resolved place, by (document, entity)."""
    rows = con.execute(
        """
        SELECT p.doc_id, p.entity_id, p.lat, p.lon, p.country, p.feature, e.name, e.type
        FROM places p LEFT JOIN entities e ON e.doc_id = p.doc_id AND e.entity_id = p.entity_id
        """
    ).fetchall()
    countries = _countries()
    blocks: dict[tuple[str, str], tuple[str, ...]] = {}
    for doc_id, entity_id, lat, lon, country, feature, name, type_ in rows:
        fips = countries.get(country or "", ("", ""))[1]
        latitude, longitude = ("" if v is None else _number(v) for v in (lat, lon))
        if type_ == "country" or feature == "country":
            # GDELT codes a country-level location with its FIPS code as ADM1 code and feature id.
            block = (GEO_COUNTRY, name or "", fips, fips, "", latitude, longitude, fips)
        elif feature in CITY_FEATURES:
            geo_type = GEO_US_CITY if country == "USA" else GEO_WORLD_CITY
            block = (geo_type, name or "", fips, "", "", latitude, longitude, "")
        else:
            continue  # seas, straits, regions: no GDELT geographic type fits
        blocks[(doc_id, entity_id)] = block
    return blocks


def _number(value: float) -> str:
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def _cell(value: str) -> str:
    """A field of a tab-separated line: no tab or line break inside."""
    return CONTROL.sub(" ", value)
