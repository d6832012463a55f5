"""The shipped knowledge base: well-formed, consistent, and answering role questions."""

from __future__ import annotations

import json
import re
from collections import Counter

import pycountry
import pytest

from veille import kb
from veille.kb import KnowledgeBase, Role, entity_from_record

COUNTRY_CODES = {c.alpha_3 for c in pycountry.countries} | {"XKX"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@pytest.fixture(scope="module")
def records() -> list[dict]:
    found = []
    for path in kb.shipped_files():
        for record in kb.read_records(path):
            found.append({**record, "_file": path.name})
    return found


def test_ids_are_unique_and_never_contain_a_colon(records: list[dict]) -> None:
    counts = Counter(r["id"] for r in records)
    assert [i for i, n in counts.items() if n > 1] == []
    assert [r["id"] for r in records if ":" in r["id"] or not r["id"]] == []


def test_records_are_well_formed(records: list[dict]) -> None:
    ids = {r["id"] for r in records}
    problems = []
    for r in records:
        where = f"{r['_file']}:{r['id']}"
        if r["type"] not in kb.ENTITY_TYPES:
            problems.append(f"{where}: type {r['type']}")
        if not r.get("name") or not any(r.get("names", {}).values()):
            problems.append(f"{where}: no names")
        if r.get("country") is not None and r["country"] not in COUNTRY_CODES:
            problems.append(f"{where}: country {r['country']}")
        for ref in ("capital", "stands_for"):
            if r.get(ref) and r[ref] not in ids:
                problems.append(f"{where}: {ref} {r[ref]} is no record")
        for role in r.get("roles", []):
            if role["role"] not in kb.ROLE_KINDS:
                problems.append(f"{where}: role {role['role']}")
            if role.get("country") and role["country"] not in COUNTRY_CODES:
                problems.append(f"{where}: role country {role['country']}")
            if role.get("organization") and role["organization"] not in ids:
                problems.append(f"{where}: role organization {role['organization']}")
            for bound in ("start", "end"):
                if role.get(bound) is not None and not DATE.match(role[bound]):
                    problems.append(f"{where}: {bound} {role[bound]}")
            if role.get("start") and role.get("end") and role["start"][: len(role["end"])] > role["end"]:
                problems.append(f"{where}: ends before it starts")
    assert problems == []


def test_every_country_has_french_and_english_names(records: list[dict]) -> None:
    countries = [r for r in records if r["type"] == "country"]
    assert len(countries) >= 250
    assert {r["id"] for r in countries} >= COUNTRY_CODES
    assert [r["id"] for r in countries if not (r["names"].get("fr") and r["names"].get("en"))] == []


def test_roles_answer_who_held_an_office_on_a_date() -> None:
    base = kb.default()
    assert [p.id for p in base.holders("head_of_state", "2024-11", country="RUS")] == ["vladimir-putin"]
    assert [p.id for p in base.holders("head_of_state", "2024-11-27", country="KAZ")] == [
        "kassym-jomart-tokayev"
    ]
    assert "emmanuel-macron" in [p.id for p in base.holders("head_of_state", "2023-06-01", country="FRA")]
    assert base.get("KAZ").capital == "astana"
    assert base.capital_of["moscow"] == "RUS"
    assert base.by_adjective["kazakhe"] == "KAZ"


def test_role_dates_compare_at_the_precision_given() -> None:
    role = Role("head_of_state", start="2008-05-07", end="2012-05", country="RUS")
    assert role.active("2010") and role.active("2012-05-20") and role.active("2008-05")
    assert not role.active("2012-06-01") and not role.active("2007")
    assert Role("head_of_state", start="2012", end=None).active("2025-01-01")


def test_user_files_add_and_override_records(tmp_path) -> None:
    extra = tmp_path / "mine.jsonl"
    rows = [
        {"id": "RUS", "type": "country", "name": "Russian Federation", "names": {"fr": ["Russie"]}},
        {
            "id": "acme-nuclear",
            "type": "organization",
            "name": "Acme Nuclear",
            "country": "FRA",
            "names": {"fr": ["Acme Nucléaire"]},
        },
    ]
    extra.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    loaded = kb.load([extra])
    assert loaded.get("RUS").name == "Russian Federation"
    assert loaded.get("acme-nuclear").country == "FRA"
    assert len(loaded) == len(kb.default()) + 1


def test_a_bad_user_file_is_named_in_the_error(tmp_path) -> None:
    from veille.errors import SettingsError

    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "type": "person"\n', encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        kb.load([bad])
    assert caught.value.code == "E203" and "bad.jsonl" in str(caught.value)


def test_actor_codes_derive_from_country_and_office() -> None:
    person = entity_from_record(
        {
            "id": "p",
            "type": "person",
            "name": "P",
            "country": "KAZ",
            "names": {},
            "roles": [{"role": "foreign_minister", "country": "KAZ", "start": "2020", "end": None}],
        }
    )
    assert person.actor_code == "KAZGOV"
    assert KnowledgeBase([person]).holders("foreign_minister", "2021", country="KAZ") == [person]
