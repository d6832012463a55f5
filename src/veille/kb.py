"""The actor knowledge base: entities with names per language, countries, CAMEO codes and roles.

The records live in JSON Lines files shipped in ``veille/kb/`` (see ``docs/knowledge-base.md``);
users add files of their own with the ``kb_paths`` setting. :func:`load` reads them into a
:class:`KnowledgeBase`, which answers "who held this role in this country on this date" and
gives the names to match in text.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import SettingsError
from .records import EntityType

ENTITY_TYPES = frozenset({"person", "organization", "country", "location", "group"})
ROLE_KINDS = frozenset(
    {"head_of_state", "head_of_government", "foreign_minister", "defence_minister", "head_of_organization"}
)


@dataclass(frozen=True, slots=True)
class Role:
    role: str
    start: str | None
    end: str | None
    country: str | None = None
    organization: str | None = None

    def active(self, date: str) -> bool:
        """Whether the role was held on ``date`` (YYYY, YYYY-MM or YYYY-MM-DD, compared as text).

        Partial dates compare by their common prefix, so a role ending in 2024-05 is active on
        2024-05-20 and a document dated 2024 matches every role held during that year.
        """

        def prefix(a: str, b: str) -> tuple[str, str]:
            n = min(len(a), len(b))
            return a[:n], b[:n]

        if self.start:
            d, s = prefix(date, self.start)
            if d < s:
                return False
        if self.end:
            d, e = prefix(date, self.end)
            if d > e:
                return False
        return True


@dataclass(frozen=True, slots=True)
class KBEntity:
    id: str
    type: EntityType
    name: str
    names: dict[str, tuple[str, ...]]
    wikidata: str | None = None
    country: str | None = None
    cameo: str | None = None
    feature: str | None = None
    stands_for: str | None = None
    capital: str | None = None
    adjectives: dict[str, tuple[str, ...]] = field(default_factory=dict)
    demonyms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    roles: tuple[Role, ...] = ()
    geonames: int | None = None
    lat: float | None = None
    lon: float | None = None

    def all_names(self) -> set[str]:
        return {name for names in self.names.values() for name in names} | {self.name}

    @property
    def actor_code(self) -> str | None:
        """The CAMEO actor code: given, or the country (plus GOV for state office-holders)."""
        if self.cameo:
            return self.cameo
        if self.country is None:
            return None
        if self.type == "person" and any(r.country for r in self.roles):
            return f"{self.country}GOV"
        return self.country


class KnowledgeBase:
    """Entities by id, with the lookups the entity components need."""

    def __init__(self, entities: Iterable[KBEntity]) -> None:
        self.entities: dict[str, KBEntity] = {}
        for entity in entities:
            self.entities[entity.id] = entity  # a later file overrides an earlier record
        self.by_adjective: dict[str, str] = {}
        self.capital_of: dict[str, str] = {}
        for entity in self.entities.values():
            if entity.type == "country" and entity.capital:
                self.capital_of.setdefault(entity.capital, entity.id)
            for forms in (*entity.adjectives.values(), *entity.demonyms.values()):
                for form in forms:
                    self.by_adjective.setdefault(form.casefold(), entity.id)

    def __len__(self) -> int:
        return len(self.entities)

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self.entities

    def get(self, entity_id: str) -> KBEntity | None:
        return self.entities.get(entity_id)

    def holders(
        self, role: str, date: str | None, country: str | None = None, organization: str | None = None
    ) -> list[KBEntity]:
        """People holding ``role`` for ``country`` (or ``organization``) on ``date``."""
        found = []
        for entity in self.entities.values():
            for held in entity.roles:
                if held.role != role or (country and held.country != country):
                    continue
                if organization and held.organization != organization:
                    continue
                if date is None or held.active(date):
                    found.append(entity)
                    break
        return found


def shipped_files() -> list[Path]:
    """The knowledge-base files that ship with veille, in name order."""
    folder = resources.files("veille").joinpath("kb")
    return sorted(Path(str(entry)) for entry in folder.iterdir() if entry.name.endswith(".jsonl"))


def read_records(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise SettingsError("E203", path=str(path), line=number, reason=exc.msg) from exc
            if not isinstance(record, dict):
                raise SettingsError("E203", path=str(path), line=number, reason="not a JSON object")
            yield record


def entity_from_record(record: dict[str, Any]) -> KBEntity:
    def forms(value: Any) -> dict[str, tuple[str, ...]]:
        return {lang: tuple(items) for lang, items in (value or {}).items()}

    roles = tuple(
        Role(
            role=r["role"],
            start=r.get("start"),
            end=r.get("end"),
            country=r.get("country"),
            organization=r.get("organization"),
        )
        for r in record.get("roles", ())
    )
    return KBEntity(
        id=record["id"],
        type=record["type"],
        name=record["name"],
        names=forms(record.get("names")),
        wikidata=record.get("wikidata"),
        country=record.get("country"),
        cameo=record.get("cameo"),
        feature=record.get("feature"),
        stands_for=record.get("stands_for"),
        capital=record.get("capital"),
        adjectives=forms(record.get("adjectives")),
        demonyms=forms(record.get("demonyms")),
        roles=roles,
        geonames=record.get("geonames"),
        lat=record.get("lat"),
        lon=record.get("lon"),
    )


def load(extra: Iterable[str | Path] = ()) -> KnowledgeBase:
    """The shipped knowledge base, with the records of ``extra`` files added or overriding."""
    files = [*shipped_files(), *(Path(p) for p in extra)]
    entities = []
    for path in files:
        for record in read_records(path):
            try:
                entities.append(entity_from_record(record))
            except (KeyError, TypeError) as exc:
                raise SettingsError("E203", path=str(path), line=0, reason=f"bad record: {exc}") from exc
    return KnowledgeBase(entities)


@functools.cache
def default(extra: tuple[str, ...] = ()) -> KnowledgeBase:
    """The knowledge base of this process (loaded once per set of extra files)."""
    return load(extra)
