"""What the event coder adds to the pipeline's time per document, against the same run's other timings.

Run: .venv/bin/python bench/events_overhead.py [--repeat N] [PATH ...]
On the same documents (default: examples/), N rounds, times (a) the bare spaCy model, (b) veille's
full pipeline and (c) the full pipeline with ``veille_events`` disabled, taking turns on every few
documents (``corpus.interleaved``), then N times (d) the ``veille_events`` component alone, called
on each of the documents (c) produces. Prints the median time per document of each, then the ratios
full / bare, full / without events (the event coder's share; target <= +10%) and events alone / full.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable

from spacy.tokens import Doc

import corpus
from veille.pipeline import COMPONENTS, load_nlp
from veille.settings import Settings

VEILLE = [name for _, name in COMPONENTS]


def code_events(events: Callable[[Doc], Doc], docs: list[Doc]) -> None:
    for doc in docs:
        events(doc)


def main() -> None:
    args = corpus.arguments(__doc__, corpus.EXAMPLES)
    settings = Settings()
    articles = corpus.articles(args.paths, settings)
    nlp = load_nlp(settings.model, settings.kb_paths, settings.event_lexicons)
    events = nlp.get_pipe("veille_events")
    configurations = {"bare": VEILLE, "full": [], "without events": ["veille_events"]}
    corpus.run(nlp, articles[:2], settings.batch_size, [])  # warm up: load lazy data before timing
    times = corpus.interleaved(nlp, articles, configurations, args.repeat)
    times["events alone"] = []
    for _ in range(args.repeat):
        docs = corpus.run(nlp, articles, settings.batch_size, configurations["without events"])
        times["events alone"].append(corpus.timed(code_events, events, docs)[1])
    n = len(articles)
    median = {name: statistics.median(values) for name, values in times.items()}
    print(corpus.describe(articles, args.repeat))
    bare = f"bare spaCy ({settings.model})"
    print(f"{bare:<29} {1000 * median['bare'] / n:7.1f} ms/doc")
    print(f"full veille pipeline          {1000 * median['full'] / n:7.1f} ms/doc")
    print(f"without veille_events         {1000 * median['without events'] / n:7.1f} ms/doc")
    print(f"veille_events alone           {1000 * median['events alone'] / n:7.1f} ms/doc")
    full_bare = corpus.paired(times["full"], times["bare"])
    full_without = corpus.paired(times["full"], times["without events"])
    share = median["events alone"] / median["full"]
    print(f"ratio full / bare             {full_bare:7.3f}  (+{100 * (full_bare - 1):.1f}%)")
    extra = 100 * (full_without - 1)
    print(f"ratio full / without events   {full_without:7.3f}  (+{extra:.1f}%; target <= +10%)")
    print(f"events alone / full           {share:7.3f}  ({100 * share:.1f}% of the time per document)")


if __name__ == "__main__":
    main()
