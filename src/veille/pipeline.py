"""The language pipeline: the French spaCy model plus veille's own components.

:class:`Pipeline` takes articles, identifies each one's language, runs the documents it has a
pipeline for through ``nlp.pipe`` in batches, and returns :class:`DocumentResult` records. With
``jobs > 1`` batches go to worker processes that each load the pipeline once; only articles and
results (plain records) cross process boundaries, never ``Doc`` objects.
"""

from __future__ import annotations

import functools
import itertools
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

from .contract import result_from_doc, unprocessed_result
from .errors import PipelineError, message
from .language import identify
from .records import Article, DocumentResult, Notice
from .settings import Settings

T = TypeVar("T")

# veille's components, in pipeline order; each module registers its factory on import.
COMPONENTS: tuple[tuple[str, str], ...] = (
    ("veille.sentences", "veille_capitals"),
    ("veille.locutions", "veille_locutions"),
    ("veille.locutions", "veille_locution_tags"),
    ("veille.sentences", "veille_sentences"),
    ("veille.entities", "veille_entities"),
    ("veille.roles", "veille_roles"),
    ("veille.coreference", "veille_coreference"),
    ("veille.quotes", "veille_quotes"),
    ("veille.times", "veille_times"),
    ("veille.claims", "veille_claims"),
    ("veille.events", "veille_events"),
    ("veille.places", "veille_places"),
    ("veille.tone", "veille_tone"),
    ("veille.themes", "veille_themes"),
)


@functools.cache
def load_nlp(model: str, kb_paths: tuple[str, ...] = (), event_lexicons: tuple[str, ...] = ()) -> Any:
    """Load ``model`` and add veille's components (cached per process and configuration)."""
    import importlib

    import spacy

    for module, _ in COMPONENTS:
        importlib.import_module(module)
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise PipelineError("E201", model=model) from exc
    from .sentences import split_doubled_quotes

    split_doubled_quotes(nlp)
    configs: dict[str, dict[str, Any]] = {
        name: {"kb_paths": list(kb_paths)}
        for name in (
            "veille_entities",
            "veille_roles",
            "veille_quotes",
            "veille_claims",
            "veille_events",
            "veille_places",
        )
    }
    configs["veille_events"]["lexicons"] = list(event_lexicons)
    for _, factory in COMPONENTS:
        if factory == "veille_capitals":
            nlp.add_pipe(factory, first=True)  # before the tagger and parser read the words
        elif factory == "veille_locutions":
            nlp.add_pipe(factory, after="veille_capitals")
        elif factory == "veille_locution_tags":
            nlp.add_pipe(factory, after="parser" if "parser" in nlp.pipe_names else None)
        elif factory == "veille_sentences":
            # The parser keeps boundaries set before it.
            nlp.add_pipe(factory, before="parser" if "parser" in nlp.pipe_names else None)
        else:
            nlp.add_pipe(factory, config=configs.get(factory, {}))
    return nlp


class Pipeline:
    """Articles in, document results out, in input order."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()

    @property
    def nlp(self) -> Any:
        return load_nlp(self.settings.model, self.settings.kb_paths, self.settings.event_lexicons)

    def process(self, articles: Iterable[Article], jobs: int = 1) -> Iterator[DocumentResult]:
        """Process ``articles`` in batches of ``settings.batch_size``, keeping their order."""
        for _, results in self.process_batches(batched(articles, self.settings.batch_size), jobs):
            yield from results

    def process_batches(
        self, batches: Iterable[list[Article]], jobs: int = 1
    ) -> Iterator[tuple[list[Article], list[DocumentResult]]]:
        """Process each batch, in ``jobs`` worker processes if more than one, in input order."""
        if jobs <= 1:
            for batch in batches:
                yield batch, self.process_batch(batch)
            return
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            window: deque[tuple[list[Article], Future[list[DocumentResult]]]] = deque()
            for batch in batches:
                window.append((batch, pool.submit(_process_in_worker, batch, self.settings)))
                if len(window) > 2 * jobs:  # bounded: never read far ahead of the workers
                    done, future = window.popleft()
                    yield done, future.result()
            while window:
                done, future = window.popleft()
                yield done, future.result()

    def process_batch(self, batch: Sequence[Article]) -> list[DocumentResult]:
        """Process one batch; documents in languages without a pipeline are kept unprocessed."""
        languages = [
            (article.language, None) if article.language else identify(article.text) for article in batch
        ]
        supported = [i for i, (lang, _) in enumerate(languages) if lang in self.settings.languages]
        docs = []
        if supported:
            nlp = self.nlp
            for i in supported:
                doc = nlp.make_doc(batch[i].text)
                doc._.veille_article = batch[i]
                docs.append(doc)
        processed = dict(zip(supported, self.nlp.pipe(docs) if docs else [], strict=True))
        results = []
        for i, article in enumerate(batch):
            language, score = languages[i]
            if i in processed:
                results.append(result_from_doc(processed[i], article, language, score))
            else:
                notice = Notice("W103", message("W103", where=article.where, language=language))
                results.append(unprocessed_result(article, language, score, notice))
        return results


def _process_in_worker(batch: list[Article], settings: Settings) -> list[DocumentResult]:
    return Pipeline(settings).process_batch(batch)


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of up to ``size`` consecutive items."""
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch
