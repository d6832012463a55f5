"""The ``veille`` command line. The only module that prints.

Exit status: 0 when every input was read, 1 when some input was rejected (the rest is still
processed), 2 for a usage error, 3 when the run cannot go on at all (no model, unusable database).
Results go to standard output; progress, warnings and rejections go to standard error.
Heavy libraries (spaCy, DuckDB, pandas) are imported inside the commands that need them, so
that ``veille --help`` answers at once.
"""

from __future__ import annotations

import csv
import functools
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from .errors import VeilleError
from .settings import Settings

EXIT_REJECTED = 1
EXIT_FATAL = 3
TABLE_CELL = 60

F = TypeVar("F", bound=Callable[..., Any])


def _fatal(func: F) -> F:
    """Turn a VeilleError into a one-line message and exit status 3."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except VeilleError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(EXIT_FATAL)

    return wrapper  # type: ignore[return-value]


def _db_option(func: F) -> F:
    return click.option(
        "--db", "db", default=None, metavar="FILE", help="DuckDB file (default: $VEILLE_DB or veille.duckdb)."
    )(func)


def _format_option(func: F) -> F:
    return click.option(
        "--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True
    )(func)


def _filter_options(*names: str) -> Callable[[F], F]:
    options = {
        "actor": click.option("--actor", help="Entity id, or text matched in its name or mentions."),
        "since": click.option(
            "--since", metavar="DATE", help="Only dates on or after DATE (YYYY[-MM[-DD]])."
        ),
        "until": click.option(
            "--until", metavar="DATE", help="Only dates on or before DATE (YYYY[-MM[-DD]])."
        ),
        "code": click.option("--code", help="CAMEO code or code prefix (04 matches 040-046)."),
        "type": click.option(
            "--type",
            "type_",
            type=click.Choice(["person", "organization", "country", "location", "group"]),
            help="Entity type.",
        ),
        "limit": click.option("--limit", type=click.IntRange(min=1), help="At most this many rows."),
    }

    def decorate(func: F) -> F:
        for name in reversed(names):
            func = options[name](func)
        return func

    return decorate


def _read_options(func: F) -> F:
    func = click.option(
        "--require-date/--no-require-date",
        default=None,
        help="Reject documents without a date instead of warning (default: $VEILLE_REQUIRE_DATE, else no).",
    )(func)
    func = click.option(
        "--max-bytes", type=click.IntRange(min=1), help="Largest input file accepted, in bytes."
    )(func)
    func = click.option(
        "--batch-size",
        type=click.IntRange(min=1),
        help="New documents per batch, each one commit (default 32).",
    )(func)
    func = click.option(
        "--jobs", type=click.IntRange(min=1), default=1, show_default=True, help="Worker processes."
    )(func)
    return func


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="veille")
def main() -> None:
    """veille: dated news articles in, structured and queryable knowledge out.

    Inputs (PATH) are dated text files ('date YYYY-MM[-DD]' then the body), JSON Lines files
    (.jsonl), directories (read recursively), glob patterns, or - for standard input.
    """


# -- extract and ingest -------------------------------------------------------------------


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl", "brief"]),
    default=None,
    help=(
        "json: one indented object (default for one document); jsonl: one per line (default for "
        "several); brief: a readable English brief of each document, separated by blank lines."
    ),
)
@_read_options
@_fatal
def extract(
    paths: Sequence[str],
    fmt: str | None,
    require_date: bool | None,
    max_bytes: int | None,
    batch_size: int | None,
    jobs: int,
) -> None:
    """Extract records from documents and print them, without a database."""
    from .contract import dumps
    from .pipeline import Pipeline
    from .readers import Rejection, read

    settings = Settings.from_env(require_date=require_date, max_bytes=max_bytes, batch_size=batch_size)
    rejected = 0
    articles = []
    for item in read(paths, settings):
        if isinstance(item, Rejection):
            rejected += 1
            click.echo(f"rejected: {item.message}", err=True)
        else:
            articles.append(item)
    results = Pipeline(settings).process(_progress(articles, "extract"), jobs)
    fmt = fmt or ("json" if len(articles) == 1 else "jsonl")
    for n, result in enumerate(results):
        _echo_notices(result.warnings)
        if fmt == "brief":
            from .brief import render_brief

            click.echo(("\n" if n else "") + render_brief(result))
        else:
            click.echo(dumps(result, indent=2 if fmt == "json" else None))
    if rejected:
        sys.exit(EXIT_REJECTED)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_db_option
@_read_options
@_fatal
def ingest(
    paths: Sequence[str],
    db: str | None,
    require_date: bool | None,
    max_bytes: int | None,
    batch_size: int | None,
    jobs: int,
) -> None:
    """Extract records from documents and store them in the database.

    Documents already stored (same text) are skipped; each batch is committed atomically.
    """
    from .ingest import IngestReport
    from .ingest import ingest as run_ingest
    from .records import DocumentResult
    from .store import Store

    settings = Settings.from_env(db=db, require_date=require_date, max_bytes=max_bytes, batch_size=batch_size)
    bar = _bar("ingest", unit="doc")

    def on_batch(report: IngestReport, results: list[DocumentResult]) -> None:
        for result in results:
            _echo_notices(result.warnings)
        bar.update(len(results))
        bar.set_postfix(added=report.added, refresh=False)
        if bar.disable:  # no terminal: a log line per commit instead of a bar
            click.echo(f"committed batch {report.batches}: {report.added} added so far", err=True)

    with Store.open(settings.db) as store:
        report = run_ingest(paths, store, settings, jobs=jobs, on_batch=on_batch)
    bar.close()
    for rejection in report.rejections:
        click.echo(f"rejected: {rejection.message}", err=True)
    click.echo(
        f"{settings.db}: {report.read} document(s) read, {report.added} added, "
        f"{report.already_stored} already stored, {report.duplicates} duplicate(s) in input, "
        f"{report.unsupported} stored without extraction (language), {len(report.rejections)} rejected"
    )
    if report.rejections:
        sys.exit(EXIT_REJECTED)


# -- queries ------------------------------------------------------------------------------


def _query(db: str | None, build: Callable[[Any], Any], filters: dict[str, Any], fmt: str) -> None:
    from .queries import Filters
    from .store import Store

    settings = Settings.from_env(db=db)
    with Store.open(settings.db, read_only=True) as store:
        columns, rows = build(Filters(**filters)).rows(store.connection)
    _write_rows(columns, rows, fmt)


@main.command()
@_db_option
@_filter_options("actor", "since", "until", "limit")
@_format_option
@_fatal
def documents(db: str | None, fmt: str, **filters: Any) -> None:
    """List stored documents."""
    from . import queries

    _query(db, queries.documents, filters, fmt)


@main.command()
@_db_option
@_filter_options("actor", "type", "since", "until", "limit")
@_format_option
@_fatal
def entities(db: str | None, fmt: str, type_: str | None, **filters: Any) -> None:
    """List entities across documents, most frequent first."""
    from . import queries

    _query(db, queries.entities, {**filters, "type": type_}, fmt)


@main.command()
@_db_option
@_filter_options("actor", "code", "since", "until", "limit")
@_format_option
@_fatal
def events(db: str | None, fmt: str, **filters: Any) -> None:
    """List events (who did what to whom), in date order."""
    from . import queries

    _query(db, queries.events, filters, fmt)


@main.command()
@_db_option
@_filter_options("actor", "since", "until", "limit")
@_format_option
@_fatal
def quotes(db: str | None, fmt: str, **filters: Any) -> None:
    """List quotations; --actor filters on the speaker."""
    from . import queries

    _query(db, queries.quotes, filters, fmt)


@main.command()
@click.argument("doc_id")
@_db_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@_fatal
def show(doc_id: str, db: str | None, fmt: str) -> None:
    """Show one stored document (DOC_ID may be an unambiguous prefix)."""
    from .contract import dumps
    from .store import Store

    settings = Settings.from_env(db=db)
    with Store.open(settings.db, read_only=True) as store:
        result = store.result(doc_id)
        text = store.connection.execute(
            "SELECT text FROM documents WHERE id = ?", [result.document.id]
        ).fetchone()[0]
    if fmt == "json":
        click.echo(dumps(result, indent=2))
        return
    doc = result.document
    click.echo(f"document  {doc.id}")
    for label, value in (
        ("path", doc.path if doc.line is None else f"{doc.path}:{doc.line}"),
        ("date", f"{doc.date} ({doc.date_precision})" if doc.date else "unknown"),
        ("language", f"{doc.language} ({doc.status})"),
        ("title", doc.title),
        ("chars", doc.chars),
    ):
        if value is not None:
            click.echo(f"{label:<9} {value}")
    click.echo(f"\n{text[:400]}{'…' if len(text) > 400 else ''}\n")
    click.echo(f"entities ({len(result.entities)})")
    for entity in result.entities:
        forms = sorted({m.text for m in entity.mentions})
        click.echo(
            f"  {entity.type:<12} {entity.name}  [{entity.id}]  x{len(entity.mentions)}: {', '.join(forms)}"
        )
    for name in ("events", "quotes", "claims", "times", "places", "themes", "warnings"):
        click.echo(f"{name} ({len(getattr(result, name))})")


@main.command()
@_db_option
@_fatal
def summary(db: str | None) -> None:
    """Print a readable summary of what the database holds."""
    from .store import Store
    from .summary import summarize

    settings = Settings.from_env(db=db)
    with Store.open(settings.db, read_only=True) as store:
        for line in summarize(store):
            click.echo(line)


@main.command()
@click.argument("out")
@_db_option
@click.option("--format", "fmt", type=click.Choice(["parquet", "csv", "jsonl", "gdelt"]), required=True)
@click.option(
    "--all-modalities",
    is_flag=True,
    help="With --format gdelt: also export planned, hypothetical, negated and reported events.",
)
@_fatal
def export(out: str, db: str | None, fmt: str, all_modalities: bool) -> None:
    """Export the database: parquet or csv into directory OUT (one file per table), jsonl or gdelt
    into file OUT.

    The JSON Lines export holds one document result per line, exactly as 'veille extract' prints it.
    The gdelt export holds one tab-separated line per asserted event, in the 61 columns of GDELT
    2.0's Events table, without a header line (see docs/export.md).
    """
    from .export import export_store
    from .store import Store

    if all_modalities and fmt != "gdelt":
        raise click.UsageError("--all-modalities applies to --format gdelt only")
    settings = Settings.from_env(db=db)
    with Store.open(settings.db, read_only=True) as store:
        written = export_store(store, out, fmt, all_modalities=all_modalities)
    for path, rows in written:
        click.echo(f"{path}: {rows} row(s)")


@main.command(name="eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--verbose", is_flag=True, help="List every miss and spurious record with its document.")
@click.option(
    "--check",
    "check_path",
    type=click.Path(dir_okay=False),
    help="Fail (exit 1) below the floors of this baseline.",
)
@click.option(
    "--update-baseline",
    "update_path",
    type=click.Path(dir_okay=False),
    help="Raise the floors of this baseline file to the scores reached.",
)
@click.option(
    "--allow-lower", metavar="REASON", help="With --update-baseline: also lower floors, recording REASON."
)
@click.option(
    "--against",
    type=click.Path(exists=True, file_okay=False),
    help="Score the annotations in this directory instead of the pipeline (inter-annotator agreement).",
)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_fatal
def evaluate(
    gold_dir: str,
    against: str | None,
    verbose: bool,
    check_path: str | None,
    update_path: str | None,
    allow_lower: str | None,
    fmt: str,
) -> None:
    """Score extraction against the annotated gold corpus in GOLD_DIR (see docs/evaluation.md)."""
    from . import evaluation

    report = evaluation.run(gold_dir, Settings.from_env(), against=against)
    if fmt == "json":
        click.echo(json.dumps(report.as_dict(), indent=2))
    else:
        click.echo(f"{report.documents} document(s) in {gold_dir}")
        click.echo(f"{'area':<10} {'precision':>9} {'recall':>7} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
        for area, score in report.scores.items():
            click.echo(
                f"{area:<10} {score.precision:9.3f} {score.recall:7.3f} {score.f1:6.3f} "
                f"{score.tp:5d} {score.fp:5d} {score.fn:5d}"
            )
        click.echo(
            f"event dates: {report.date_accuracy:.3f} accuracy over {report.dated_events} matched event(s)"
        )
        click.echo(
            f"speakers: {report.speaker_accuracy:.3f} accuracy over {report.matched_quotes} matched quote(s)"
        )
        click.echo(
            f"claim subjects: {report.subject_accuracy:.3f} accuracy"
            f" over {report.subject_claims} matched claim(s)"
        )
        click.echo(
            f"places: {report.place_accuracy:.3f} accuracy over {report.geocoded_places} matched place(s)"
        )
        click.echo(
            f"tone sign: {report.tone_sign:.3f} agreement over {report.toned_documents} labelled document(s)"
        )
    if verbose:
        for doc, area, kind, what in report.errors:
            label = "spurious" if kind == "fp" else "missed"
            click.echo(f"{doc}\t{area}\t{label}\t{what}")
    if update_path:
        path = Path(update_path)
        baseline = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"floors": {}}
        updated = evaluation.raise_floors(report, baseline, allow_lower)
        path.write_text(json.dumps(updated, indent=2) + "\n", encoding="utf-8")
        click.echo(f"floors written to {path}", err=True)
    if check_path:
        failures = evaluation.check(report, json.loads(Path(check_path).read_text(encoding="utf-8")))
        for failure in failures:
            click.echo(f"below floor: {failure}", err=True)
        if failures:
            sys.exit(EXIT_REJECTED)


# -- output helpers -----------------------------------------------------------------------


def _echo_notices(notices: Iterable[Any]) -> None:
    for notice in notices:
        click.echo(f"warning: {notice.message}", err=True)


def _bar(desc: str, unit: str, total: int | None = None) -> Any:
    from tqdm import tqdm

    # disable=None: tqdm turns itself off when standard error is not a terminal.
    return tqdm(desc=desc, unit=unit, total=total, file=sys.stderr, disable=None, leave=False)


def _progress(items: list[Any], desc: str) -> Iterable[Any]:
    bar = _bar(desc, unit="doc", total=len(items))
    for item in items:
        yield item
        bar.update(1)
    bar.close()


def _write_rows(columns: list[str], rows: list[tuple[Any, ...]], fmt: str) -> None:
    if fmt == "json":
        click.echo(
            json.dumps(
                [dict(zip(columns, row, strict=True)) for row in rows],
                ensure_ascii=False,
                indent=2,
                default=str,
            )
        )
    elif fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
    else:
        for line in _table(columns, rows):
            click.echo(line)


def _table(columns: list[str], rows: list[tuple[Any, ...]]) -> list[str]:
    def cell(value: Any) -> str:
        text = "" if value is None else " ".join(str(value).split())
        return text if len(text) <= TABLE_CELL else text[: TABLE_CELL - 1] + "…"

    cells = [[cell(v) for v in row] for row in rows]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines.extend("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells)
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return lines
