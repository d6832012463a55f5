"""A readable summary of a store: what it holds, who appears most, what went wrong."""

from __future__ import annotations

from collections.abc import Iterator

from .store import Store

TOP = 8

PLURALS = {"country": "countries"}


def summarize(store: Store) -> Iterator[str]:
    """Lines of a plain-text summary of ``store``."""
    con = store.connection
    total, first, last = con.execute(
        "SELECT count(*), min(date_start), max(date_end) FROM documents"
    ).fetchone()
    yield f"veille database {store.path}"
    yield f"  {total} document(s), dated {first or '?'} to {last or '?'}"
    for language, status, count in con.execute(
        "SELECT coalesce(language, '?'), status, count(*) FROM documents GROUP BY ALL ORDER BY 3 DESC"
    ).fetchall():
        note = "" if status == "processed" else f" ({status.replace('_', ' ')}, stored without extraction)"
        yield f"    {language}: {count}{note}"
    counts = store.counts()
    yield "  records: " + ", ".join(
        f"{counts[name]} {name}"
        for name in ("entities", "mentions", "events", "quotes", "claims", "times", "places")
    )
    for type_, rows in _top_entities(store):
        names = ", ".join(f"{name} ({docs})" for name, docs in rows)
        yield f"  top {PLURALS.get(type_, type_ + 's')} (documents): {names}"
    last_run = con.execute(
        "SELECT id, added, skipped, rejected, finished_at IS NOT NULL FROM runs ORDER BY id DESC LIMIT 1"
    ).fetchone()
    if last_run:
        run_id, added, skipped, rejected, finished = last_run
        state = "finished" if finished else "interrupted"
        yield f"  last ingest run #{run_id} ({state}): {added} added, {skipped} skipped, {rejected} rejected"
        for path, line, message in con.execute(
            "SELECT path, line, message FROM rejections WHERE run_id = ? ORDER BY path, line", [run_id]
        ).fetchall():
            yield f"    rejected {path}{'' if line is None else f':{line}'}: {message}"


def _top_entities(store: Store) -> Iterator[tuple[str, list[tuple[str, int]]]]:
    con = store.connection
    for (type_,) in con.execute("SELECT DISTINCT type FROM entities ORDER BY type").fetchall():
        rows = con.execute(
            "SELECT any_value(name), count(DISTINCT doc_id) AS docs FROM entities WHERE type = ? "
            "GROUP BY entity_id ORDER BY docs DESC, sum(mentions) DESC, any_value(name) LIMIT ?",
            [type_, TOP],
        ).fetchall()
        yield type_, [(str(name), int(docs)) for name, docs in rows]
