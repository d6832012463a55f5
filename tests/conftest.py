"""Shared fixtures. Tests marked ``model`` load the trained French pipeline (once per session)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from veille.contract import json_schema
from veille.ontology import event_type
from veille.pipeline import Pipeline
from veille.records import Event, Span, TextSpan
from veille.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

# Short articles written for these tests.
VISIT = (
    "Le Premier ministre canadien Mark Carney est arrivé mardi à Paris pour une visite de trois jours. "
    "M. Carney doit rencontrer le président Emmanuel Macron à l'Elysée.\n\n"
    "« Nos deux pays partagent une ambition commune », a déclaré Emmanuel Macron."
)
SUMMIT = (
    "Les dirigeants de l'Union africaine se sont réunis lundi à Addis-Abeba. "
    "Le président kényan William Ruto a appelé à un cessez-le-feu au Soudan."
)


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline(Settings())


@pytest.fixture(scope="session")
def validator() -> Any:
    import jsonschema

    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def write_article(directory: Path, name: str, body: str, date: str | None = "2025-05-13") -> Path:
    path = directory / name
    header = f"date {date}\n" if date else ""
    path.write_text(header + body, encoding="utf-8")
    return path


def jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return path


def paragraphs_corpus(path: Path, limit: int | None = None) -> tuple[Path, int]:
    """A JSON Lines corpus of every paragraph of the examples as its own dated article."""
    rows: list[dict[str, Any]] = []
    for example in sorted(EXAMPLES.glob("*.txt")):
        date = example.read_text(encoding="utf-8").split()[1]
        body = example.read_text(encoding="utf-8").split(None, 2)[2]
        rows.extend({"text": p, "date": date} for p in body.split("\n\n") if len(p.split()) > 12)
    rows = rows[:limit] if limit else rows
    return jsonl(path, rows), len({" ".join(r["text"].split()) for r in rows})


def event_record(event_id: str, code: str, trigger: TextSpan, sentence: Span, **fields: Any) -> Event:
    """An event record built by hand, its CAMEO values from the ontology; ``fields`` override."""
    kind = event_type(code)
    values: dict[str, Any] = {
        "plover": kind.plover,
        "source": None,
        "target": None,
        "date": None,
        "date_precision": None,
        "modality": "asserted",
        "location": None,
        "confidence": 0.7,
        "rule": "test",
        **fields,
    }
    return Event(
        id=event_id,
        code=code,
        label=kind.label,
        root=kind.root,
        quad_class=kind.quad_class,
        goldstein=kind.goldstein,
        trigger=trigger,
        sentence=sentence,
        **values,
    )
