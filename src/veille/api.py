"""The Python API: extract from text, and query a store as DataFrames."""

from __future__ import annotations

from pathlib import Path
from types import TracebackType
from typing import Any

from . import queries
from .errors import InputError
from .queries import Filters
from .readers import document_id, normalize, parse_date
from .records import Article, DocumentResult, Notice
from .settings import Settings
from .store import TABLES, Store


def extract(
    text: str,
    date: str | None = None,
    *,
    title: str | None = None,
    language: str | None = None,
    settings: Settings | None = None,
) -> DocumentResult:
    """Extract records from one article body (no date header) dated ``date`` (YYYY, YYYY-MM or YYYY-MM-DD)."""
    from .errors import message
    from .pipeline import Pipeline

    body = normalize(text)
    if not body:
        raise InputError("E106", path="<text>", detail="")
    when, precision = parse_date(date, "<text>") if date else (None, None)
    notices = () if date else (Notice("W101", message("W101", where="<text>")),)
    article = Article(
        id=document_id(body),
        text=body,
        path="<text>",
        date=when,
        date_precision=precision,
        title=title,
        language=language,
        notices=notices,
    )
    return Pipeline(settings or Settings.from_env()).process_batch([article])[0]


class Database:
    """A veille store opened for reading; every query returns a pandas DataFrame."""

    def __init__(self, path: str | Path) -> None:
        self.store = Store.open(path, read_only=True)

    def __enter__(self) -> Database:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    def _df(self, query: queries.Query) -> Any:
        return query.df(self.store.connection)

    def documents(
        self,
        *,
        actor: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
    ) -> Any:
        """Documents with their date, language, status and record counts."""
        return self._df(queries.documents(Filters(actor=actor, since=since, until=until, limit=limit)))

    def entities(
        self,
        *,
        actor: str | None = None,
        type: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
    ) -> Any:
        """Entities across documents, with document and mention counts."""
        filters = Filters(actor=actor, type=type, since=since, until=until, limit=limit)
        return self._df(queries.entities(filters))

    def events(
        self,
        *,
        actor: str | None = None,
        code: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
    ) -> Any:
        """Events, filtered by actor (source or target), CAMEO code prefix and date."""
        filters = Filters(actor=actor, code=code, since=since, until=until, limit=limit)
        return self._df(queries.events(filters))

    def quotes(
        self,
        *,
        actor: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
    ) -> Any:
        """Quotations, filtered by speaker and date."""
        return self._df(queries.quotes(Filters(actor=actor, since=since, until=until, limit=limit)))

    def table(self, name: str) -> Any:
        """A whole store table (one of ``veille.store.TABLES``)."""
        if name not in TABLES:
            raise ValueError(f"unknown table {name!r}; tables: {', '.join(TABLES)}")
        return self._df(queries.table(name))

    def result(self, doc_id: str) -> DocumentResult:
        """The document result stored for ``doc_id`` (or an unambiguous prefix of it)."""
        return self.store.result(doc_id)


def open(path: str | Path | None = None) -> Database:
    """Open a veille database for querying (default: VEILLE_DB or veille.duckdb)."""
    return Database(path if path is not None else Settings.from_env().db)
