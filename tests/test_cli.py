"""The command line, driven in-process with click's runner (and once as a real subprocess)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from click.testing import CliRunner

import veille
from veille.cli import main

from .conftest import SUMMIT, VISIT, jsonl, write_article

ENGLISH = "The Kenyan president called for a ceasefire in Sudan during a summit in Addis Ababa on Monday."


def run(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Any:
    return CliRunner().invoke(main, list(args), input=input, env=env, catch_exceptions=False)


def test_help_does_not_import_heavy_libraries() -> None:
    heavy = ("spacy", "duckdb", "pandas", "thinc")
    code = f"import sys, veille.cli; print(sorted(m for m in {heavy!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    result = run("--help")
    assert result.exit_code == 0
    for command in ("extract", "ingest", "entities", "events", "quotes", "show", "export", "summary"):
        assert command in result.output


@pytest.mark.model
def test_extract_one_file_prints_one_object_and_nothing_else(tmp_path: Path, validator: Any) -> None:
    path = write_article(tmp_path, "a.txt", VISIT, date="2025-05")
    result = run("extract", str(path))
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)  # the whole standard output is one JSON document
    validator.validate(data)
    assert data["document"]["date"] == "2025-05"
    assert data["document"]["path"] == str(path)


@pytest.mark.model
def test_extract_several_inputs_prints_json_lines_and_reports_rejections(
    tmp_path: Path, validator: Any
) -> None:
    write_article(tmp_path, "a.txt", VISIT)
    write_article(tmp_path, "b.txt", SUMMIT, date=None)
    (tmp_path / "c.txt").write_bytes(b"date 2024-13 " + SUMMIT.encode())
    result = run("extract", str(tmp_path))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    for line in lines:
        validator.validate(json.loads(line))
    assert "rejected: [E107]" in result.stderr and "c.txt" in result.stderr
    assert "warning: [W101]" in result.stderr and "b.txt" in result.stderr
    forced = run("extract", str(tmp_path / "a.txt"), "--format", "jsonl")
    assert len(forced.stdout.splitlines()) == 1


@pytest.mark.model
def test_extract_reads_standard_input_and_require_date(tmp_path: Path) -> None:
    result = run("extract", "-", input=f"date 2025-02-17\n{SUMMIT}")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["document"]["path"] == "<stdin>"
    strict = run("extract", "-", "--require-date", input=SUMMIT)
    assert strict.exit_code == 1
    assert "[E110]" in strict.stderr
    assert strict.stdout == ""


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_article(folder, "visit.txt", VISIT, date="2025-05-13")
    write_article(folder, "summit.txt", SUMMIT, date="2025-02")
    jsonl(
        folder / "more.jsonl",
        [{"text": ENGLISH, "date": "2025-02-17", "id": "wire-1"}, {"date": "2025-02-17"}],
    )
    path = folder / "v.duckdb"
    result = run("ingest", str(folder), "--db", str(path), "--batch-size", "2")
    assert result.exit_code == 1  # the JSON line without text is rejected, the rest is stored
    assert "3 document(s) read, 3 added" in result.stdout
    assert "more.jsonl:2: no 'text' field" in result.stderr
    again = run("ingest", str(folder), "--db", str(path))
    assert "0 added, 3 already stored" in again.stdout
    return path


@pytest.mark.model
def test_query_commands_in_every_format(db: Path) -> None:
    table = run("entities", "--db", str(db), "--type", "person")
    assert table.exit_code == 0
    assert "Emmanuel Macron" in table.stdout and "William Ruto" in table.stdout
    assert table.stdout.rstrip().endswith("rows)")
    as_csv = list(csv.DictReader(io.StringIO(run("entities", "--db", str(db), "--format", "csv").stdout)))
    assert {"id", "name", "type", "documents", "mentions"} <= set(as_csv[0])
    as_json = json.loads(run("entities", "--db", str(db), "--actor", "Ruto", "--format", "json").stdout)
    assert [row["name"] for row in as_json] == ["William Ruto"]
    since = json.loads(run("documents", "--db", str(db), "--since", "2025-03", "--format", "json").stdout)
    assert [row["date"] for row in since] == ["2025-05-13"]
    until = json.loads(run("documents", "--db", str(db), "--until", "2025-02-10", "--format", "json").stdout)
    assert [row["date"] for row in until] == ["2025-02"]  # the month covers the 10th
    for command in ("events", "quotes"):
        result = run(command, "--db", str(db), "--actor", "Macron", "--limit", "5")
        assert result.exit_code == 0 and "row" in result.stdout
    bad = run("documents", "--db", str(db), "--since", "février")
    assert bad.exit_code == 3 and "[E202]" in bad.stderr


@pytest.mark.model
def test_show_summary_and_export(db: Path, tmp_path: Path, validator: Any) -> None:
    listing = json.loads(run("documents", "--db", str(db), "--format", "json").stdout)
    visit = next(row for row in listing if row["date"] == "2025-05-13")
    shown = run("show", visit["id"][:8], "--db", str(db))
    assert shown.exit_code == 0
    assert "Emmanuel Macron" in shown.stdout and "2025-05-13 (day)" in shown.stdout
    as_json = json.loads(run("show", visit["id"], "--db", str(db), "--format", "json").stdout)
    validator.validate(as_json)
    missing = run("show", "ffffffffffffffff", "--db", str(db))
    assert missing.exit_code == 3 and "[E303]" in missing.stderr

    summary = run("summary", "--db", str(db)).stdout
    assert "3 document(s)" in summary
    assert "en: 1 (unsupported language" in summary
    assert "rejected" in summary and "more.jsonl:2" in summary

    exported = run("export", str(tmp_path / "pq"), "--db", str(db), "--format", "parquet")
    assert exported.exit_code == 0
    assert len(pd.read_parquet(tmp_path / "pq" / "documents.parquet")) == 3
    assert set(pd.read_parquet(tmp_path / "pq" / "entities.parquet")["doc_id"]) <= set(
        pd.read_parquet(tmp_path / "pq" / "documents.parquet")["id"]
    )
    run("export", str(tmp_path / "csv"), "--db", str(db), "--format", "csv")
    assert len(pd.read_csv(tmp_path / "csv" / "mentions.csv")) == len(
        pd.read_parquet(tmp_path / "pq" / "mentions.parquet")
    )
    run("export", str(tmp_path / "all.jsonl"), "--db", str(db), "--format", "jsonl")
    lines = (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3
    for line in lines:
        validator.validate(json.loads(line))


@pytest.mark.model
def test_python_api_returns_dataframes(db: Path) -> None:
    with veille.open(db) as opened:
        persons = opened.entities(type="person")
        assert isinstance(persons, pd.DataFrame)
        assert "Emmanuel Macron" in set(persons["name"])
        assert len(opened.documents()) == 3
        assert list(opened.events().columns)[:3] == ["doc_id", "id", "date"]
        rejections = opened.table("rejections")
        assert list(zip(rejections["run_id"], rejections["code"], strict=True)) == [(1, "E109"), (2, "E109")]
        first = opened.documents()["id"].iloc[0]
        assert opened.result(first).document.id == first


def test_errors_are_one_line_with_exit_status_3(tmp_path: Path) -> None:
    result = run("entities", "--db", str(tmp_path / "none.duckdb"))
    assert result.exit_code == 3
    assert result.stderr.startswith("error: [E305]")
    bad_env = run("entities", env={"VEILLE_BATCH_SIZE": "zero"})
    assert bad_env.exit_code == 3 and "[E202]" in bad_env.stderr
