"""What the benchmark scripts share: their command line, their corpus and their clock.

Not a benchmark itself: the scripts in bench/ import it (``python bench/x.py`` puts bench/ on
the path). Each script times whole articles, read as ``veille`` reads them, with their dates
on the documents, since ``veille_times`` and the event coder read them there.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from veille.readers import read
from veille.records import Article
from veille.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = (str(ROOT / "examples"),)
ALL_ARTICLES = (str(ROOT / "examples"), str(ROOT / "eval" / "articles"))
T = TypeVar("T")


def arguments(doc: str, paths: Sequence[str], repeat: int = 5) -> argparse.Namespace:
    """The shared command line: ``[--repeat N] [PATH ...]``, described by the script's docstring."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=list(paths))
    parser.add_argument("--repeat", type=int, default=repeat)
    return parser.parse_args()


def articles(paths: Sequence[str], settings: Settings) -> list[Article]:
    """The articles under ``paths`` (skipping whatever the readers report instead)."""
    return [a for a in read(list(paths), settings) if isinstance(a, Article)]


def describe(texts: Sequence[Article], repeat: int) -> str:
    """The corpus line every script prints first."""
    return f"corpus: {len(texts)} documents, {sum(len(a.text) for a in texts)} characters, {repeat} rounds"


def make_docs(nlp: Language, texts: Sequence[Article]) -> list[Doc]:
    """Unprocessed documents, each with its article, where components read the date."""
    docs = []
    for article in texts:
        doc = nlp.make_doc(article.text)
        doc._.veille_article = article
        docs.append(doc)
    return docs


def run(nlp: Language, texts: Sequence[Article], batch_size: int, disable: Sequence[str]) -> list[Doc]:
    """Make the documents and pipe them with the components ``disable`` names turned off."""
    docs = make_docs(nlp, texts)
    with nlp.select_pipes(disable=list(disable)):
        return list(nlp.pipe(docs, batch_size=batch_size))


def timed(func: Callable[..., T], *args: Any) -> tuple[T, float]:
    """``func(*args)`` and the seconds it took."""
    start = time.perf_counter()
    value = func(*args)
    return value, time.perf_counter() - start


def rotations(names: Sequence[str], repeat: int) -> Iterator[list[str]]:
    """``names`` in ``repeat`` orders, each round starting one further, so that no configuration
    always runs first (on a cold cache) or last (on a hot one)."""
    for round_ in range(repeat):
        shift = round_ % len(names)
        yield [*names[shift:], *names[:shift]]


def pipe_by_pipe(nlp: Language, articles: list[Article], batch_size: int) -> dict[str, float]:
    """Seconds each component of ``nlp`` takes over all of ``articles``, run in pipeline order."""
    docs = make_docs(nlp, articles)
    seconds = {}
    for name, component in nlp.pipeline:
        start = time.perf_counter()
        if hasattr(component, "pipe"):  # spaCy's trained components work by batches
            docs = list(component.pipe(docs, batch_size=batch_size))
        else:
            docs = [component(doc) for doc in docs]
        seconds[name] = time.perf_counter() - start
    return seconds


def paired(numerators: list[float], denominators: list[float]) -> float:
    """The median of the rounds' ratios (slow drifts in machine load cancel out)."""
    return statistics.median(a / b for a, b in zip(numerators, denominators, strict=True))
