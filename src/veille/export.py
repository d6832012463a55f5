"""Exporting a store: Parquet or CSV tables, JSON Lines document results, or GDELT event lines.

The formats are described in ``docs/export.md``.
"""

from __future__ import annotations

from pathlib import Path

from .store import TABLES, Store


def export_store(
    store: Store, out: str | Path, fmt: str, *, all_modalities: bool = False
) -> list[tuple[str, int]]:
    """Write the store to ``out``; return (file, rows) for each file written.

    ``parquet`` and ``csv`` write one file per table into directory ``out``; ``jsonl`` writes
    one document result per line into file ``out``, in date order; ``gdelt`` writes the events
    into file ``out`` as GDELT 2.0 event lines, only asserted ones unless ``all_modalities``.
    """
    con = store.connection
    out = Path(out)
    if fmt == "gdelt":
        from .gdelt import export_gdelt

        return export_gdelt(store, out, all_modalities)
    if fmt == "jsonl":
        out.parent.mkdir(parents=True, exist_ok=True)
        rows = con.execute(
            "SELECT result FROM documents ORDER BY date_start NULLS LAST, path, line, id"
        ).fetchall()
        with out.open("w", encoding="utf-8") as handle:
            for (result,) in rows:
                handle.write(result + "\n")
        return [(str(out), len(rows))]
    if fmt not in {"parquet", "csv"}:
        raise ValueError(f"unknown export format {fmt!r}")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    options = "FORMAT parquet" if fmt == "parquet" else "FORMAT csv, HEADER true"
    for table in TABLES:
        target = out / f"{table}.{fmt}"
        # The path is ours (a directory the user named plus a fixed table name); quote it for SQL.
        quoted = str(target).replace("'", "''")
        con.execute(f"COPY {table} TO '{quoted}' ({options})")
        count = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        written.append((str(target), int(count)))
    return written
