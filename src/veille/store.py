"""The embedded DuckDB store: one writer, atomic batches, idempotent by document id.

Documents and every extracted record go into relational tables (see
``veille/migrations/``), each row keeping its document id and character offsets. The whole
document result is kept too, so that ``veille show`` and the JSON Lines export give back exactly
what ``veille extract`` printed. The schema is versioned: migrations run in order, each in its
own transaction, when a database is opened for writing.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import Any

from .errors import StoreError
from .readers import Rejection
from .records import Article, DocumentResult, from_dict, to_dict

# Tables of documents and their records, filled from document results.
RECORD_TABLES = (
    "documents",
    "entities",
    "mentions",
    "events",
    "quotes",
    "claims",
    "times",
    "places",
    "themes",
    "warnings",
)
# Every table a user may query or export.
TABLES = (*RECORD_TABLES, "runs", "rejections")


def migrations() -> list[tuple[int, str, str]]:
    """The packaged migrations as (version, name, SQL), in order."""
    found = []
    for entry in resources.files("veille").joinpath("migrations").iterdir():
        match = re.fullmatch(r"(\d+)_(\w+)\.sql", entry.name)
        if match:
            found.append((int(match.group(1)), match.group(2), entry.read_text(encoding="utf-8")))
    return sorted(found)


def date_bounds(date: str | None) -> tuple[dt.date | None, dt.date | None]:
    """First and last day covered by a YYYY, YYYY-MM or YYYY-MM-DD date (or a day with a time)."""
    if date and re.fullmatch(r"\d{4}-\d{2}-\d{2}T[A-Z0-9:]+", date):
        date = date[:10]  # a part of the day or a clock time: the day
    if not date or not re.fullmatch(r"\d{4}(-\d{2}){0,2}", date):
        return None, None  # unknown, or a TimeML value that is no calendar date (PAST_REF, 2024-W48)
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 3:
        day = dt.date(*parts)
        return day, day
    if len(parts) == 2:
        year, month = parts
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)


class Store:
    """A DuckDB database file holding veille documents and records.

    Open it with :meth:`open`; use it as a context manager so that it is closed. Only one process
    may hold a database open for writing (DuckDB's own lock); readers open it ``read_only``.
    """

    def __init__(self, connection: Any, path: str, read_only: bool) -> None:
        self.connection = connection
        self.path = path
        self.read_only = read_only

    @classmethod
    def open(cls, path: str | Path, read_only: bool = False) -> Store:
        import duckdb

        path = str(path)
        if read_only and not Path(path).exists():
            raise StoreError("E305", path=path)
        try:
            connection = duckdb.connect(path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError("E301", path=path, reason=str(exc).splitlines()[0]) from exc
        connection.execute("SET TimeZone = 'UTC'")  # every stored timestamp is UTC
        store = cls(connection, path, read_only)
        try:
            if read_only:
                store.check_version()
            else:
                store.migrate()
        except BaseException:
            store.close()
            raise
        return store

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self.connection.close()

    # -- schema ---------------------------------------------------------------------------

    def version(self) -> int:
        exists = self.connection.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
        ).fetchone()[0]
        if not exists:
            return 0
        return int(
            self.connection.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0]
        )

    def check_version(self) -> int:
        known = max(version for version, _, _ in migrations())
        found = self.version()
        if found > known:
            raise StoreError("E302", path=self.path, found=found, known=known)
        return found

    def migrate(self) -> list[int]:
        """Apply pending migrations, each atomically; return the versions applied."""
        current = self.check_version()
        con = self.connection
        con.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
        )
        applied = []
        for version, name, sql in migrations():
            if version <= current:
                continue
            con.begin()
            try:
                con.execute(sql)
                con.execute("INSERT INTO schema_migrations VALUES (?, ?, now())", [version, name])
                con.commit()
            except Exception:
                con.rollback()
                raise
            applied.append(version)
        return applied

    # -- writing --------------------------------------------------------------------------

    def start_run(self, inputs: Sequence[str]) -> int:
        con = self.connection
        run_id = int(con.execute("SELECT coalesce(max(id), 0) + 1 FROM runs").fetchone()[0])
        con.execute(
            "INSERT INTO runs (id, started_at, inputs) VALUES (?, now(), ?)",
            [run_id, json.dumps(list(inputs))],
        )
        return run_id

    def finish_run(self, run_id: int) -> None:
        self.connection.execute("UPDATE runs SET finished_at = now() WHERE id = ?", [run_id])

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """The subset of ``ids`` already stored."""
        wanted = sorted(set(ids))
        if not wanted:
            return set()
        rows = self.connection.execute(
            "SELECT id FROM documents WHERE list_contains(?, id)", [wanted]
        ).fetchall()
        return {row[0] for row in rows}

    def write_batch(
        self,
        run_id: int,
        items: Sequence[tuple[Article, DocumentResult]],
        rejections: Sequence[Rejection] = (),
        skipped: int = 0,
    ) -> int:
        """Store a batch of documents and rejections in one transaction; return documents added.

        Documents already stored are left as they are, so that a batch can be replayed safely.
        """
        import pyarrow as pa

        con = self.connection
        con.begin()
        try:
            known = self.known_ids(article.id for article, _ in items)
            fresh: dict[str, tuple[Article, DocumentResult]] = {}
            for article, result in items:
                if article.id not in known:
                    fresh.setdefault(article.id, (article, result))
            rows = _rows(fresh.values(), run_id)
            rows["rejections"] = [
                {"run_id": run_id, "path": r.path, "line": r.line, "code": r.code, "message": r.message}
                for r in rejections
            ]
            for table, table_rows in rows.items():
                if table_rows:
                    con.register("batch_rows", pa.Table.from_pylist(table_rows))
                    con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM batch_rows")
                    con.unregister("batch_rows")
            con.execute(
                "UPDATE runs SET added = added + ?, skipped = skipped + ?, rejected = rejected + ? "
                "WHERE id = ?",
                [len(fresh), skipped + len(items) - len(fresh), len(rejections), run_id],
            )
            con.commit()
        except Exception:
            con.rollback()
            raise
        return len(fresh)

    # -- reading --------------------------------------------------------------------------

    def resolve_id(self, prefix: str) -> str:
        """The full id of the one document whose id starts with ``prefix``."""
        rows = self.connection.execute(
            "SELECT id FROM documents WHERE starts_with(id, ?) ORDER BY id LIMIT 2", [prefix.lower()]
        ).fetchall()
        if not rows:
            raise StoreError("E303", doc_id=prefix, path=self.path)
        if len(rows) > 1:
            count = self.connection.execute(
                "SELECT count(*) FROM documents WHERE starts_with(id, ?)", [prefix.lower()]
            ).fetchone()[0]
            raise StoreError("E304", doc_id=prefix, path=self.path, count=count)
        return str(rows[0][0])

    def result(self, doc_id: str) -> DocumentResult:
        """The stored document result of ``doc_id`` (a full id or an unambiguous prefix)."""
        full = self.resolve_id(doc_id)
        raw = self.connection.execute("SELECT result FROM documents WHERE id = ?", [full]).fetchone()[0]
        return from_dict(DocumentResult, json.loads(raw))

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return {
            table: int(self.connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            for table in TABLES
        }


def _rows(items: Iterable[tuple[Article, DocumentResult]], run_id: int) -> dict[str, list[dict[str, Any]]]:
    """The table rows of a batch of results."""
    rows: dict[str, list[dict[str, Any]]] = {table: [] for table in RECORD_TABLES}
    for article, result in items:
        doc = result.document
        doc_id = doc.id
        start, end = date_bounds(doc.date)
        tone = result.tone
        rows["documents"].append(
            {
                **to_dict(doc),
                "date_start": start,
                "date_end": end,
                "text": article.text,
                "tone_score": tone.score if tone else None,
                "tone_positive": tone.positive if tone else None,
                "tone_negative": tone.negative if tone else None,
                "tone_polarity": tone.polarity if tone else None,
                "tone_words": tone.words if tone else None,
                "schema": result.schema,
                "result": json.dumps(to_dict(result), ensure_ascii=False),
                "run_id": run_id,
                "ingested_at": dt.datetime.now(dt.UTC).replace(tzinfo=None),  # UTC, as now() in SQL
            }
        )
        for entity in result.entities:
            rows["entities"].append(
                {
                    "doc_id": doc_id,
                    "entity_id": entity.id,
                    "name": entity.name,
                    "type": entity.type,
                    "wikidata": entity.wikidata,
                    "country": entity.country,
                    "cameo": entity.cameo,
                    "mentions": len(entity.mentions),
                }
            )
            rows["mentions"].extend(
                {"doc_id": doc_id, "entity_id": entity.id, **to_dict(mention)} for mention in entity.mentions
            )
        for event in result.events:
            record = to_dict(event)
            trigger, sentence = record.pop("trigger"), record.pop("sentence")
            actors = {
                f"{role}_{key}": (span or {}).get(key)
                for role, span in (
                    ("source", record.pop("source_text")),
                    ("target", record.pop("target_text")),
                )
                for key in ("start", "end", "text")
            }
            event_start, event_end = date_bounds(event.date)
            rows["events"].append(
                {
                    "doc_id": doc_id,
                    "event_id": record.pop("id"),
                    **record,
                    "date_start": event_start,
                    "date_end": event_end,
                    "trigger_start": trigger["start"],
                    "trigger_end": trigger["end"],
                    "trigger_text": trigger["text"],
                    "sentence_start": sentence["start"],
                    "sentence_end": sentence["end"],
                    **actors,
                }
            )
        for table, records in (("quotes", result.quotes), ("claims", result.claims), ("times", result.times)):
            rows[table].extend({"doc_id": doc_id, "seq": seq, **to_dict(r)} for seq, r in enumerate(records))
        for place in result.places:
            record = to_dict(place)
            rows["places"].append({"doc_id": doc_id, "entity_id": record.pop("entity"), **record})
        rows["themes"].extend({"doc_id": doc_id, "theme": t.theme, "count": t.count} for t in result.themes)
        rows["warnings"].extend({"doc_id": doc_id, **to_dict(w)} for w in result.warnings)
    return rows
