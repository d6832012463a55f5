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
    batches = _prepare(batched(read(paths, settings), settings.batch_size), store, report)
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


def _prepare(
    chunks: Iterable[list[Article | Rejection]], store: Store, report: IngestReport
) -> Iterator[_Batch]:
    """Split each chunk of reader output into new articles, rejections and skipped documents."""
    seen: set[str] = set()
    for chunk in chunks:
        articles = [item for item in chunk if isinstance(item, Article)]
        rejections = [item for item in chunk if isinstance(item, Rejection)]
        report.read += len(articles)
        report.rejections.extend(rejections)
        stored = store.known_ids(article.id for article in articles)
        todo = []
        for article in articles:
            if article.id in stored:
                report.already_stored += 1
            elif article.id in seen:
                report.duplicates += 1
            else:
                seen.add(article.id)
                todo.append(article)
        yield _Batch(todo, rejections, len(articles) - len(todo))
