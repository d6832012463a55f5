"""Queries over the store, shared by the CLI and the Python API.

Each function returns a :class:`Query` (SQL and parameters); the CLI fetches rows, the API
fetches DataFrames. Date filters compare intervals: a document dated ``2024-11`` covers the
whole month, so it matches ``--since 2024-11-15`` and ``--until 2024-11-01`` alike.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .errors import InputError, SettingsError
from .readers import parse_date
from .store import date_bounds


@dataclass(frozen=True)
class Filters:
    actor: str | None = None
    since: str | None = None
    until: str | None = None
    code: str | None = None
    type: str | None = None
    limit: int | None = None


@dataclass(frozen=True)
class Query:
    sql: str
    params: list[Any] = field(default_factory=list)

    def rows(self, connection: Any) -> tuple[list[str], list[tuple[Any, ...]]]:
        cursor = connection.execute(self.sql, self.params)
        return [d[0] for d in cursor.description], cursor.fetchall()

    def df(self, connection: Any) -> Any:
        return connection.execute(self.sql, self.params).df()


def _bound(value: str, name: str, last: bool) -> dt.date:
    try:
        date, _ = parse_date(value, name)
    except InputError as exc:
        raise SettingsError(
            "E202", name=name, value=value, reason="expected YYYY, YYYY-MM or YYYY-MM-DD"
        ) from exc
    start, end = date_bounds(date)
    return end if last else start  # type: ignore[return-value]


class _Where:
    def __init__(self) -> None:
        self.clauses: list[str] = []
        self.params: list[Any] = []

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def dates(self, filters: Filters, start_col: str, end_col: str) -> None:
        if filters.since:
            self.add(f"{end_col} >= ?", _bound(filters.since, "--since", last=False))
        if filters.until:
            self.add(f"{start_col} <= ?", _bound(filters.until, "--until", last=True))

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


def _limit(filters: Filters) -> str:
    return f" LIMIT {int(filters.limit)}" if filters.limit else ""


def _actor_match(column: str) -> str:
    """SQL that is true when entity id ``column`` is the actor asked for (by id, name or mention)."""
    return (
        f"({column} = ? OR {column} IN (SELECT entity_id FROM entities WHERE name ILIKE ?) "
        f"OR {column} IN (SELECT entity_id FROM mentions WHERE text ILIKE ?))"
    )


def _actor_params(actor: str) -> list[str]:
    pattern = f"%{actor}%"
    return [actor, pattern, pattern]


def _name_of(entity_col: str, doc_col: str) -> str:
    """SQL for the name of entity ``entity_col`` in document ``doc_col``."""
    return (
        "(SELECT any_value(n.name) FROM entities n "
        f"WHERE n.doc_id = {doc_col} AND n.entity_id = {entity_col})"
    )


def documents(filters: Filters) -> Query:
    where = _Where()
    where.dates(filters, "d.date_start", "d.date_end")
    if filters.actor:
        where.add(
            "d.id IN (SELECT doc_id FROM entities e WHERE " + _actor_match("e.entity_id") + ")",
            *_actor_params(filters.actor),
        )
    sql = (
        "SELECT d.id, d.date, d.language, d.status, d.title, d.path, d.chars, "
        "(SELECT count(*) FROM entities e WHERE e.doc_id = d.id) AS entities, "
        "(SELECT count(*) FROM events v WHERE v.doc_id = d.id) AS events, "
        "(SELECT count(*) FROM quotes q WHERE q.doc_id = d.id) AS quotes "
        f"FROM documents d{where.sql()} ORDER BY d.date_start NULLS LAST, d.path{_limit(filters)}"
    )
    return Query(sql, where.params)


def entities(filters: Filters) -> Query:
    where = _Where()
    where.dates(filters, "d.date_start", "d.date_end")
    if filters.actor:
        where.add(_actor_match("e.entity_id"), *_actor_params(filters.actor))
    if filters.type:
        where.add("e.type = ?", filters.type)
    sql = (
        "SELECT e.entity_id AS id, any_value(e.name) AS name, e.type, any_value(e.country) AS country, "
        "count(DISTINCT e.doc_id) AS documents, sum(e.mentions) AS mentions, "
        "min(d.date) AS first_date, max(d.date) AS last_date "
        f"FROM entities e JOIN documents d ON d.id = e.doc_id{where.sql()} "
        f"GROUP BY e.entity_id, e.type ORDER BY documents DESC, mentions DESC, id{_limit(filters)}"
    )
    return Query(sql, where.params)


def events(filters: Filters) -> Query:
    where = _Where()
    where.dates(filters, "coalesce(v.date_start, d.date_start)", "coalesce(v.date_end, d.date_end)")
    if filters.actor:
        where.add(
            "(" + _actor_match("v.source") + " OR " + _actor_match("v.target") + ")",
            *_actor_params(filters.actor),
            *_actor_params(filters.actor),
        )
    if filters.code:
        where.add("starts_with(v.code, ?)", filters.code)
    sql = (
        "SELECT v.doc_id, v.event_id AS id, coalesce(v.date, d.date) AS date, v.code, v.label, v.source, "
        f"{_name_of('v.source', 'v.doc_id')} AS source_name, v.target, "
        f"{_name_of('v.target', 'v.doc_id')} AS target_name, "
        "v.modality, v.goldstein, v.quad_class, v.trigger_text "
        f"FROM events v JOIN documents d ON d.id = v.doc_id{where.sql()} "
        "ORDER BY coalesce(v.date_start, d.date_start) NULLS LAST, v.doc_id, v.trigger_start"
        f"{_limit(filters)}"
    )
    return Query(sql, where.params)


def quotes(filters: Filters) -> Query:
    where = _Where()
    where.dates(filters, "d.date_start", "d.date_end")
    if filters.actor:
        where.add(_actor_match("q.speaker"), *_actor_params(filters.actor))
    sql = (
        f"SELECT q.doc_id, d.date, q.speaker, {_name_of('q.speaker', 'q.doc_id')} AS speaker_name, "
        "q.direct, q.text "
        f"FROM quotes q JOIN documents d ON d.id = q.doc_id{where.sql()} "
        f"ORDER BY d.date_start NULLS LAST, q.doc_id, q.start{_limit(filters)}"
    )
    return Query(sql, where.params)


def table(name: str) -> Query:
    """Every row of one store table, for exports."""
    return Query(f"SELECT * FROM {name}")
