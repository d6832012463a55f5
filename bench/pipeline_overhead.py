"""What veille's own components cost on top of the bare spaCy model, on the same corpus.

Run: .venv/bin/python bench/pipeline_overhead.py [--repeat N] [PATH ...]
Both pipelines process the same documents (default: examples/) in the same run, alternately,
N times; the script prints the median seconds per document of each and their ratio. Reading,
language identification and the conversion to records are included on veille's side, since
they are part of what a document costs.
"""

from __future__ import annotations

import statistics
import time

import spacy

import corpus
from veille.pipeline import Pipeline
from veille.settings import Settings


def main() -> None:
    args = corpus.arguments(__doc__, corpus.EXAMPLES)
    settings = Settings()
    articles = corpus.articles(args.paths, settings)
    texts = [a.text for a in articles]
    bare = spacy.load(settings.model)
    pipeline = Pipeline(settings)
    pipeline.process_batch(articles[:1])  # load the model and the components before timing
    bare_times, veille_times = [], []
    for _ in range(args.repeat):
        start = time.perf_counter()
        for _doc in bare.pipe(texts, batch_size=settings.batch_size):
            pass
        bare_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        for _result in pipeline.process(articles):
            pass
        veille_times.append(time.perf_counter() - start)
    bare_s, veille_s = statistics.median(bare_times), statistics.median(veille_times)
    n = len(texts)
    print(corpus.describe(articles, args.repeat))
    print(f"bare spaCy ({settings.model})  {1000 * bare_s / n:7.1f} ms/doc")
    print(f"veille pipeline              {1000 * veille_s / n:7.1f} ms/doc")
    print(f"ratio veille / bare spaCy    {veille_s / bare_s:7.3f}  (+{100 * (veille_s / bare_s - 1):.1f}%)")


if __name__ == "__main__":
    main()
