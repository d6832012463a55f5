"""What the knowledge base and the entity component cost, against bare spaCy, in one run.

Run: .venv/bin/python bench/entities_overhead.py [--repeat N] [PATH ...]
Prints (1) the time to load the knowledge base and build its gazetteer, beside the time to load
the spaCy model, and (2) the time per document of the spaCy model alone and with veille's entity
component, on the same documents (default: examples/ and eval/articles/), alternately, N rounds,
as medians and their ratio.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import spacy

from veille import kb
from veille.gazetteer import Gazetteer
from veille.pipeline import load_nlp
from veille.readers import read
from veille.records import Article
from veille.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def timed(func, *args):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    value = func(*args)
    return value, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(ROOT / "examples"), str(ROOT / "eval" / "articles")])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    settings = Settings()

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

    articles = [a for a in read(args.paths, settings) if isinstance(a, Article)]
    nlp = load_nlp(settings.model)
    docs = []
    for article in articles:
        doc = nlp.make_doc(article.text)
        doc._.veille_article = article
        docs.append(doc)
    list(nlp.pipe(docs[:2]))  # warm up
    bare, full = [], []
    for _ in range(args.repeat):
        with nlp.select_pipes(disable=["veille_entities", "veille_roles"]):
            _, seconds = timed(lambda: list(nlp.pipe(nlp.make_doc(a.text) for a in articles)))
        bare.append(seconds)
        _, seconds = timed(lambda: list(nlp.pipe(docs)))
        full.append(seconds)
    n = len(articles)
    bare_s, full_s = statistics.median(bare), statistics.median(full)
    print(f"corpus: {n} documents, {sum(len(a.text) for a in articles)} characters, {args.repeat} rounds")
    print(f"spaCy model alone           {1000 * bare_s / n:7.1f} ms/doc")
    print(f"with entities and roles     {1000 * full_s / n:7.1f} ms/doc")
    extra = 100 * (full_s / bare_s - 1)
    print(f"ratio                       {full_s / bare_s:7.3f}  (+{extra:.1f}%; target <= +10%)")


if __name__ == "__main__":
    main()
