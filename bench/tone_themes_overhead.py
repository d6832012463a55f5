"""What the tone and theme components add to the pipeline's time per document, in one run.

Run: .venv/bin/python bench/tone_themes_overhead.py [--repeat N] [PATH ...]
On the same documents (default: examples/ and eval/articles/), N rounds, times (a) veille's full
pipeline and (b) the full pipeline without ``veille_tone`` and ``veille_themes``, taking turns on
every few documents (``corpus.interleaved``), then N times (c) the full pipeline pipe by pipe,
each component over all the documents in turn, which gives each component's own time. Prints
medians per document, the ratio full / without the two (target <= +5%) and the two's share of
the pipe-by-pipe time (target <= 5/105, the same bound seen from the full pipeline). The ratio
is the median of the rounds' ratios; the share, taken within one pass, is the steadier figure.
Nothing reads what the two write, so removing them changes no other component's work.
"""

from __future__ import annotations

import statistics

import corpus
from veille.pipeline import load_nlp
from veille.settings import Settings

MEASURED = ("veille_tone", "veille_themes")
TARGET = 0.05


def main() -> None:
    args = corpus.arguments(__doc__, corpus.ALL_ARTICLES)
    settings = Settings()
    articles = corpus.articles(args.paths, settings)
    nlp = load_nlp(settings.model, settings.kb_paths, settings.event_lexicons)
    configurations: dict[str, list[str]] = {"full": [], "without": list(MEASURED)}
    corpus.run(nlp, articles[:2], settings.batch_size, [])  # warm up: load lazy data before timing
    times = corpus.interleaved(nlp, articles, configurations, args.repeat)
    passes = corpus.shares(nlp, articles, settings.batch_size, MEASURED, args.repeat)
    times["pipe by pipe"] = passes.totals
    n = len(articles)
    median = {name: statistics.median(values) for name, values in times.items()}
    print(corpus.describe(articles, args.repeat))
    print(f"full veille pipeline               {1000 * median['full'] / n:7.2f} ms/doc")
    print(f"without tone and themes            {1000 * median['without'] / n:7.2f} ms/doc")
    print(f"pipe by pipe, in all               {1000 * median['pipe by pipe'] / n:7.2f} ms/doc")
    for component in MEASURED:
        print(f"  {component:<32} {1000 * statistics.median(passes.seconds[component]) / n:7.2f} ms/doc")
    ratio = corpus.paired(times["full"], times["without"])
    share = statistics.median(passes.shares)
    print(
        f"ratio full / without the two       {ratio:7.3f}"
        f"  ({100 * (ratio - 1):+.1f}%; target <= +{100 * TARGET:.0f}%)"
    )
    print(
        f"the two's share, pipe by pipe      {share:7.3f}"
        f"  ({100 * share:.2f}% of the time per document, {100 * share / (1 - share):+.2f}% over the rest;"
        f" target <= {100 * TARGET / (1 + TARGET):.1f}%)"
    )


if __name__ == "__main__":
    main()
