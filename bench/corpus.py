"""What the benchmark scripts share: their command line, their corpus and their clock.

Not a benchmark itself: the scripts in bench/ import it (``python bench/x.py`` puts bench/ on
the path). Each script times whole articles, read as ``veille`` reads them, with their dates
on the documents, since ``veille_times`` and the event coder read them there.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
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
CHUNK = 4  # documents the configurations of interleaved() run in turn


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


def interleaved(
    nlp: Language, articles: Sequence[Article], configurations: dict[str, list[str]], repeat: int
) -> dict[str, list[float]]:
    """Seconds each configuration (the components it disables) takes over all of ``articles``, in
    each of ``repeat`` rounds. Within a round the configurations take turns on each ``CHUNK`` of
    documents, in an order rotated from chunk to chunk: a change in the machine's load, which
    lasts seconds, falls on all of them alike instead of on whichever ran then."""
    names = list(configurations)
    times: dict[str, list[float]] = {name: [] for name in names}
    for round_ in range(repeat):
        totals = dict.fromkeys(names, 0.0)
        for n, first in enumerate(range(0, len(articles), CHUNK)):
            chunk = articles[first : first + CHUNK]
            shift = (round_ + n) % len(names)
            for name in [*names[shift:], *names[:shift]]:
                totals[name] += timed(run, nlp, chunk, CHUNK, configurations[name])[1]
        for name in names:
            times[name].append(totals[name])
    return times


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


@dataclass
class Shares:
    """What ``measured`` components take in pipe-by-pipe passes: per pass, each one's seconds,
    all components' seconds, and the measured ones' share of them."""

    seconds: dict[str, list[float]]
    totals: list[float]
    shares: list[float]


def shares(
    nlp: Language, articles: list[Article], batch_size: int, measured: Sequence[str], repeat: int
) -> Shares:
    """``repeat`` pipe-by-pipe passes over ``articles``, as the ``measured`` components' :class:`Shares`."""
    found = Shares({name: [] for name in measured}, [], [])
    for _ in range(repeat):
        seconds = pipe_by_pipe(nlp, articles, batch_size)
        total = sum(seconds.values())
        found.totals.append(total)
        for name in measured:
            found.seconds[name].append(seconds[name])
        found.shares.append(sum(seconds[name] for name in measured) / total)
    return found


def paired(numerators: list[float], denominators: list[float]) -> float:
    """The median of the rounds' ratios (slow drifts in machine load cancel out)."""
    return statistics.median(a / b for a, b in zip(numerators, denominators, strict=True))
