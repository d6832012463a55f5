"""The output contract: turning a processed ``Doc`` (or an unprocessed article) into a result.

This is the one place where spaCy objects become records; nothing downstream sees a ``Doc``.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc

from .records import SCHEMA, Article, DocumentInfo, DocumentResult, DocumentStatus, Notice, to_dict

SCHEMA_FILE = "document-1.schema.json"


def document_info(
    article: Article, language: str | None, score: float | None, status: DocumentStatus
) -> DocumentInfo:
    return DocumentInfo(
        id=article.id,
        path=article.path,
        date=article.date,
        date_precision=article.date_precision,
        language=language,
        title=article.title,
        chars=len(article.text),
        status=status,
        line=article.line,
        url=article.url,
        source=article.source,
        external_id=article.external_id,
        language_score=score,
    )


def result_from_doc(doc: Doc, article: Article, language: str, score: float | None) -> DocumentResult:
    """Collect what the veille components wrote on ``doc`` into a :class:`DocumentResult`."""
    ext = doc._
    return DocumentResult(
        schema=SCHEMA,
        document=document_info(article, language, score, "processed"),
        entities=ext.veille_entities or (),
        events=ext.veille_events or (),
        quotes=ext.veille_quotes or (),
        claims=ext.veille_claims or (),
        times=ext.veille_times or (),
        places=ext.veille_places or (),
        tone=ext.veille_tone,
        themes=ext.veille_themes or (),
        warnings=article.notices,
    )


def unprocessed_result(
    article: Article, language: str, score: float | None, notice: Notice
) -> DocumentResult:
    """The result for a document kept without extraction (no pipeline for its language)."""
    return DocumentResult(
        schema=SCHEMA,
        document=document_info(article, language, score, "unsupported_language"),
        warnings=(*article.notices, notice),
    )


@cache
def json_schema() -> dict[str, Any]:
    """The JSON Schema of the contract, as shipped with the package."""
    text = resources.files("veille").joinpath("schema", SCHEMA_FILE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def dumps(result: DocumentResult, indent: int | None = None) -> str:
    """The JSON text of a result (UTF-8 characters kept as they are)."""
    return json.dumps(to_dict(result), ensure_ascii=False, indent=indent)
