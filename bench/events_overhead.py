"""What the event coder adds to the pipeline's time per document, against the same run's other timings.

Run: .venv/bin/python bench/events_overhead.py [--repeat N] [PATH ...]
On the same documents (default: examples/), N rounds, with the order of the configurations rotated
each round, times (a) the bare spaCy model, (b) veille's full pipeline, (c) the full pipeline with
``veille_events`` disabled, and (d) the ``veille_events`` component alone, called on each of the
documents (c) just produced. Prints the median time per document of each, then the ratios
full / bare, full / without events (the event coder's share; target <= +10%) and events alone / full.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from veille.pipeline import COMPONENTS, load_nlp
from veille.readers import read
from veille.records import Article
from veille.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
VEILLE = [name for _, name in COMPONENTS]
T = TypeVar("T")


def run(nlp: Language, articles: list[Article], batch_size: int, disable: list[str]) -> list[Doc]:
    """Make the documents (each with its article, where components read the date) and pipe them."""
    docs = []
    for article in articles:
        doc = nlp.make_doc(article.text)
        doc._.veille_article = article
        docs.append(doc)
    with nlp.select_pipes(disable=disable):
        return list(nlp.pipe(docs, batch_size=batch_size))


def timed(func: Callable[..., T], *args: Any) -> tuple[T, float]:
    start = time.perf_counter()
    value = func(*args)
    return value, time.perf_counter() - start


def code_events(events: Callable[[Doc], Doc], docs: list[Doc]) -> None:
    for doc in docs:
        events(doc)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(ROOT / "examples")])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    settings = Settings()
    articles = [a for a in read(args.paths, settings) if isinstance(a, Article)]
    nlp = load_nlp(settings.model, settings.kb_paths, settings.event_lexicons)
    events = nlp.get_pipe("veille_events")
    configurations = {"bare": VEILLE, "full": [], "without events": ["veille_events"]}
    run(nlp, articles[:2], settings.batch_size, [])  # warm up: load lazy data before timing
    times: dict[str, list[float]] = {name: [] for name in [*configurations, "events alone"]}
    order = list(configurations)
    for round_ in range(args.repeat):
        for name in order[round_ % len(order) :] + order[: round_ % len(order)]:
            docs, seconds = timed(run, nlp, articles, settings.batch_size, configurations[name])
            times[name].append(seconds)
            if name == "without events":
                _, seconds = timed(code_events, events, docs)
                times["events alone"].append(seconds)
    n = len(articles)
    median = {name: statistics.median(values) for name, values in times.items()}
    print(f"corpus: {n} documents, {sum(len(a.text) for a in articles)} characters, {args.repeat} rounds")
    bare = f"bare spaCy ({settings.model})"
    print(f"{bare:<29} {1000 * median['bare'] / n:7.1f} ms/doc")
    print(f"full veille pipeline          {1000 * median['full'] / n:7.1f} ms/doc")
    print(f"without veille_events         {1000 * median['without events'] / n:7.1f} ms/doc")
    print(f"veille_events alone           {1000 * median['events alone'] / n:7.1f} ms/doc")
    full_bare = median["full"] / median["bare"]
    full_without = median["full"] / median["without events"]
    share = median["events alone"] / median["full"]
    print(f"ratio full / bare             {full_bare:7.3f}  (+{100 * (full_bare - 1):.1f}%)")
    extra = 100 * (full_without - 1)
    print(f"ratio full / without events   {full_without:7.3f}  (+{extra:.1f}%; target <= +10%)")
    print(f"events alone / full           {share:7.3f}  ({100 * share:.1f}% of the time per document)")


if __name__ == "__main__":
    main()
