"""The pipeline and the output contract: every result validates against the JSON Schema."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import veille
from veille.pipeline import Pipeline
from veille.readers import read
from veille.records import Article, DocumentResult, from_dict, to_dict

from .conftest import EXAMPLES, SUMMIT, VISIT

pytestmark = pytest.mark.model


def _articles(paths: list[str]) -> list[Article]:
    items = list(read(paths))
    assert all(isinstance(item, Article) for item in items)
    return items  # type: ignore[return-value]


def _check_offsets(result: DocumentResult, body: str) -> None:
    for entity in result.entities:
        for mention in entity.mentions:
            assert body[mention.start : mention.end] == mention.text


def test_every_example_gives_a_valid_french_result(pipeline: Pipeline, validator: Any) -> None:
    articles = _articles([str(EXAMPLES)])
    assert len(articles) >= 12
    results = list(pipeline.process(articles))
    assert [r.document.id for r in results] == [a.id for a in articles]  # input order kept
    for article, result in zip(articles, results, strict=True):
        validator.validate(to_dict(result))
        assert result.document.language == "fr"
        assert result.document.status == "processed"
        assert result.document.date == article.date
        assert result.document.chars == len(article.text)
        assert result.entities, f"no entity in {article.path}"
        _check_offsets(result, article.text)
        assert from_dict(DocumentResult, to_dict(result)) == result


def test_same_line_header_gives_the_body_and_month_precision(
    tmp_path: Path, pipeline: Pipeline, validator: Any
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f" date 2025-05 {VISIT}", encoding="utf-8")
    (result,) = pipeline.process(_articles([str(path)]))
    validator.validate(to_dict(result))
    assert (result.document.date, result.document.date_precision) == ("2025-05", "month")
    assert result.document.chars == len(VISIT)
    names = {entity.name: entity for entity in result.entities}
    macron = names["Emmanuel Macron"]
    assert macron.type == "person"
    assert (macron.id, macron.country, macron.cameo) == ("emmanuel-macron", "FRA", "FRAGOV")
    assert [m.text for m in macron.mentions] == ["Emmanuel Macron", "Emmanuel Macron"]
    _check_offsets(result, VISIT)
    # The quotation is not an entity.
    assert not any("«" in m.text or "ambition" in m.text for e in result.entities for m in e.mentions)


def test_documents_in_other_languages_are_kept_unprocessed(pipeline: Pipeline, validator: Any) -> None:
    english = Article(
        id="0" * 16,
        text="The Kenyan president called for a ceasefire in Sudan during a summit in Addis Ababa on Monday.",
        path="en.txt",
    )
    french = Article(id="1" * 16, text=SUMMIT, path="fr.txt")
    declared = Article(id="2" * 16, text=SUMMIT, path="declared.txt", language="de")
    results = pipeline.process_batch([english, french, declared])
    for result in results:
        validator.validate(to_dict(result))
    assert [(r.document.language, r.document.status) for r in results] == [
        ("en", "unsupported_language"),
        ("fr", "processed"),
        ("de", "unsupported_language"),  # a declared language wins over identification
    ]
    assert results[0].entities == ()
    assert [w.code for w in results[0].warnings] == ["W103"]
    assert results[0].document.language_score is not None and results[0].document.language_score > 0.5
    assert results[2].document.language_score is None


def test_the_python_api_extracts_from_text(validator: Any) -> None:
    result = veille.extract(SUMMIT, date="2025-02-17")
    validator.validate(to_dict(result))
    assert (result.document.date, result.document.date_precision) == ("2025-02-17", "day")
    assert result.warnings == ()
    assert "William Ruto" in {e.name for e in result.entities}
    undated = veille.extract(SUMMIT)
    assert undated.document.date is None
    assert [w.code for w in undated.warnings] == ["W101"]
    with pytest.raises(veille.InputError):
        veille.extract("   ")
    with pytest.raises(veille.InputError):
        veille.extract(SUMMIT, date="17/02/2025")


@pytest.mark.slow
def test_worker_processes_give_the_same_results(pipeline: Pipeline) -> None:
    articles = _articles([str(EXAMPLES)])[:6]
    serial = list(Pipeline(pipeline.settings.replace(batch_size=2)).process(articles))
    parallel = list(Pipeline(pipeline.settings.replace(batch_size=2)).process(articles, jobs=2))
    assert parallel == serial
