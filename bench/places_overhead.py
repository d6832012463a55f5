"""What the place component adds to the pipeline's time per document (issue 7).

Run: .venv/bin/python bench/places_overhead.py [--repeat N] [PATH ...]
On the same documents (default: examples/ and eval/articles/), N rounds, times the full pipeline
with and without ``veille_places`` taking turns on every few documents (``corpus.interleaved``),
and the full pipeline pipe by pipe,
which gives ``veille_places``' own share of the time per document (target <= 5%). The GeoNames
index is built once per process, on the first document (a warm-up run here): the figures are
the per-document cost. The event coder's location lookup is part of ``veille_events``' time.
"""

from __future__ import annotations

import statistics

import corpus
from veille.pipeline import load_nlp
from veille.settings import Settings

MEASURED = "veille_places"
TARGET = 0.05


def main() -> None:
    args = corpus.arguments(__doc__, corpus.ALL_ARTICLES)
    settings = Settings()
    articles = corpus.articles(args.paths, settings)
    nlp = load_nlp(settings.model, settings.kb_paths, settings.event_lexicons)
    corpus.run(nlp, articles[:2], settings.batch_size, [])  # warm up: build the GeoNames index
    configurations: dict[str, list[str]] = {"full": [], "without": [MEASURED]}
    times = corpus.interleaved(nlp, articles, configurations, args.repeat)
    passes = corpus.shares(nlp, articles, settings.batch_size, [MEASURED], args.repeat)
    n = len(articles)
    print(corpus.describe(articles, args.repeat))
    print(f"full veille pipeline               {1000 * statistics.median(times['full']) / n:7.1f} ms/doc")
    print(f"without veille_places              {1000 * statistics.median(times['without']) / n:7.1f} ms/doc")
    alone = statistics.median(passes.seconds[MEASURED])
    print(f"  veille_places alone              {1000 * alone / n:7.2f} ms/doc")
    ratio = corpus.paired(times["full"], times["without"])
    share = statistics.median(passes.shares)
    print(f"ratio full / without               {ratio:7.3f}  ({100 * (ratio - 1):+.1f}%)")
    print(
        f"veille_places' share, pipe by pipe {share:7.4f}  ({100 * share:.2f}% of the time per document;"
        f" target <= {100 * TARGET:.0f}%)"
    )


if __name__ == "__main__":
    main()
