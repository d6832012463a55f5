"""What the event coder adds to the pipeline's time per document, in one run.

Run: .venv/bin/python bench/events_overhead.py [--repeat N] [PATH ...]
On the same documents (default: examples/ and eval/articles/), N rounds, times (a) the bare
spaCy model, (b) veille's full pipeline and (c) the full pipeline without ``veille_events``,
taking turns on every few documents (``corpus.interleaved``), then N times (d) the full pipeline
pipe by pipe, each component over all the documents in turn, which gives each component's own
time. Prints medians per document, then the ratios full / without events (target <= +10%), the
coder's share of the pipe-by-pipe time (target <= 1/11, the same bound seen from the full
pipeline) and full / bare. Each ratio is the median of the rounds' ratios. The share, taken
within one pass, is the steadiest: the ratio (b) / (c) is the difference of two totals ten times
larger than what it measures, and moves by several points from run to run on a busy machine.

Without the coder, the components after it see a few entities fewer (the countries the coder
reaches through an adjective or "nous" and uses): the ratio (c) includes that, the share not.
"""

from __future__ import annotations

import statistics

import corpus
from veille.pipeline import COMPONENTS, load_nlp
from veille.settings import Settings

VEILLE = [name for _, name in COMPONENTS]
MEASURED = ("veille_events",)
TARGET = 0.10


def main() -> None:
    args = corpus.arguments(__doc__, corpus.ALL_ARTICLES)
    settings = Settings()
    articles = corpus.articles(args.paths, settings)
    nlp = load_nlp(settings.model, settings.kb_paths, settings.event_lexicons)
    configurations: dict[str, list[str]] = {"bare": VEILLE, "full": [], "without": list(MEASURED)}
    corpus.run(nlp, articles[:2], settings.batch_size, [])  # warm up: load lazy data before timing
    times = corpus.interleaved(nlp, articles, configurations, args.repeat)
    passes = corpus.shares(nlp, articles, settings.batch_size, MEASURED, args.repeat)
    n = len(articles)
    median = {name: statistics.median(values) for name, values in times.items()}
    print(corpus.describe(articles, args.repeat))
    bare = f"bare spaCy ({settings.model})"
    print(f"{bare:<34} {1000 * median['bare'] / n:7.1f} ms/doc")
    print(f"full veille pipeline               {1000 * median['full'] / n:7.1f} ms/doc")
    print(f"without veille_events              {1000 * median['without'] / n:7.1f} ms/doc")
    in_all = statistics.median(passes.totals)
    print(
        f"pipe by pipe, in all               {1000 * in_all / n:7.1f} ms/doc"
        f"  ({in_all / median['full']:.3f}x the full pipeline)"
    )
    own = statistics.median(passes.seconds["veille_events"])
    print(f"  veille_events                    {1000 * own / n:7.1f} ms/doc")
    full_without = corpus.paired(times["full"], times["without"])
    share = statistics.median(passes.shares)
    full_bare = corpus.paired(times["full"], times["bare"])
    print(
        f"ratio full / without events        {full_without:7.3f}"
        f"  ({100 * (full_without - 1):+.1f}%; target <= +{100 * TARGET:.0f}%)"
    )
    print(
        f"the coder's share, pipe by pipe    {share:7.3f}"
        f"  ({100 * share:.1f}% of the time per document, {100 * share / (1 - share):+.1f}% over the rest;"
        f" target <= {100 * TARGET / (1 + TARGET):.1f}%)"
    )
    print(f"ratio full / bare                  {full_bare:7.3f}  ({100 * (full_bare - 1):+.1f}%)")


if __name__ == "__main__":
    main()
