"""Ingesting documents into the store: read, skip what is stored, process, commit per batch.

Each batch (documents and the rejections met while reading them) is one transaction: a run
killed at any point keeps every batch committed before it and nothing of the batch under way,
and running it again stores exactly what is missing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from .pipeline import Pipeline, batched
from .readers import Rejection, read
from .records import Article, DocumentResult
from .settings import Settings
from .store import Store


@dataclass
class IngestReport:
    """What one ingest run did."""

    run_id: int
    read: int = 0
    added: int = 0
    already_stored: int = 0
    duplicates: int = 0
    unsupported: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    batches: int = 0


@dataclass(frozen=True)
class _Batch:
    todo: list[Article]
    rejections: list[Rejection]
    skipped: int


def ingest(
    paths: Sequence[str],
    store: Store,
    settings: Settings | None = None,
    jobs: int = 1,
    on_batch: Callable[[IngestReport, list[DocumentResult]], None] | None = None,
) -> IngestReport:
    """Ingest every document under ``paths`` into ``store``; ``on_batch`` is called after each commit."""
    settings = settings or Settings()
    report = IngestReport(run_id=store.start_run(paths))
    batches = _batches(read(paths, settings), store, report, settings.batch_size)
    pending: dict[int, _Batch] = {}

    def todo_lists() -> Iterator[list[Article]]:
        for batch in batches:
            pending[id(batch.todo)] = batch
            yield batch.todo

    for articles, results in Pipeline(settings).process_batches(todo_lists(), jobs):
        batch = pending.pop(id(articles))
        report.added += store.write_batch(
            report.run_id, list(zip(articles, results, strict=True)), batch.rejections, batch.skipped
        )
        report.unsupported += sum(r.document.status != "processed" for r in results)
        report.batches += 1
        if on_batch is not None:
            on_batch(report, results)
    store.finish_run(report.run_id)
    return report


def _batches(
    items: Iterable[Article | Rejection], store: Store, report: IngestReport, size: int
) -> Iterator[_Batch]:
    """Group reader output into batches of ``size`` documents not stored yet (the last may be short).

    Rejections and skipped documents ride along with the batch they were met in, so that they are
    recorded in the same transaction. Stored ids are looked up a chunk of inputs at a time.
    """
    seen: set[str] = set()
    todo: list[Article] = []
    rejections: list[Rejection] = []
    skipped = 0
    for chunk in batched(items, size):
        stored = store.known_ids(item.id for item in chunk if isinstance(item, Article))
        for item in chunk:
            if isinstance(item, Rejection):
                rejections.append(item)
                report.rejections.append(item)
                continue
            report.read += 1
            if item.id in stored:
                report.already_stored += 1
                skipped += 1
            elif item.id in seen:
                report.duplicates += 1
                skipped += 1
            else:
                seen.add(item.id)
                todo.append(item)
            if len(todo) == size:
                yield _Batch(todo, rejections, skipped)
                todo, rejections, skipped = [], [], 0
    if todo or rejections or skipped:
        yield _Batch(todo, rejections, skipped)
