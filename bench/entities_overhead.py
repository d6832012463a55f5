"""What the knowledge base and the entity component cost, against bare spaCy, in one run.

Run: .venv/bin/python bench/entities_overhead.py [--repeat N] [PATH ...]
Prints (1) the time to load the knowledge base and build its gazetteer, beside the time to load
the spaCy model, and (2) the time per document of the spaCy model alone and with veille's entity
component, on the same documents (default: examples/ and eval/articles/), taking turns on every
few documents (``corpus.interleaved``), N rounds, as medians and the median of the rounds' ratios.
"""

from __future__ import annotations

import statistics

import spacy

import corpus
from veille import kb
from veille.gazetteer import Gazetteer
from veille.pipeline import COMPONENTS, load_nlp
from veille.settings import Settings

VEILLE = [name for _, name in COMPONENTS]
MEASURED = ("veille_entities", "veille_roles")


def main() -> None:
    args = corpus.arguments(__doc__, corpus.ALL_ARTICLES)
    settings = Settings()
    timed = corpus.timed

    _, model_s = timed(spacy.load, settings.model)
    base, kb_s = timed(kb.load)
    _, gazetteer_s = timed(Gazetteer, base)
    print(f"spaCy model load            {model_s:7.3f} s")
    print(f"knowledge base load         {kb_s:7.3f} s  ({len(base)} records)")
    print(f"gazetteer build             {gazetteer_s:7.3f} s")
    total = kb_s + gazetteer_s
    print(
        f"knowledge base, in all      {total:7.3f} s  ({total / model_s:.2f}x the model load; target < 1 s)"
    )

    articles = corpus.articles(args.paths, settings)
    nlp = load_nlp(settings.model)
    # The model alone, and the model with the two measured components only: the components added
    # since (quotes, times, events...) read the entities and are measured by their own scripts.
    configurations = {"bare": VEILLE, "full": [name for name in VEILLE if name not in MEASURED]}
    corpus.run(nlp, articles[:2], settings.batch_size, [])  # warm up
    times = corpus.interleaved(nlp, articles, configurations, args.repeat)
    n = len(articles)
    bare_s, full_s = statistics.median(times["bare"]), statistics.median(times["full"])
    ratio = corpus.paired(times["full"], times["bare"])
    print(corpus.describe(articles, args.repeat))
    print(f"spaCy model alone           {1000 * bare_s / n:7.1f} ms/doc")
    print(f"with entities and roles     {1000 * full_s / n:7.1f} ms/doc")
    print(f"ratio                       {ratio:7.3f}  ({100 * (ratio - 1):+.1f}%; target <= +10%)")


if __name__ == "__main__":
    main()
