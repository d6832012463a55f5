"""An ingest killed with SIGKILL loses nothing committed and re-running completes the job."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from veille.store import Store

from .conftest import paragraphs_corpus

pytestmark = [pytest.mark.model, pytest.mark.slow]


def _ingest(corpus: Path, db: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "veille", "ingest", str(corpus), "--db", str(db), "--batch-size", "3"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def _counts(db: Path) -> dict[str, int]:
    with Store.open(db, read_only=True) as store:
        counts = store.counts()
        counts["distinct_documents"] = store.connection.execute(
            "SELECT count(DISTINCT id) FROM documents"
        ).fetchone()[0]
        counts["orphans"] = store.connection.execute(
            "SELECT count(*) FROM mentions WHERE doc_id NOT IN (SELECT id FROM documents)"
        ).fetchone()[0]
        return counts


def test_killed_ingest_resumes_to_exact_counts(tmp_path: Path) -> None:
    corpus, distinct = paragraphs_corpus(tmp_path / "corpus.jsonl", limit=45)
    killed_db, clean_db = tmp_path / "killed.duckdb", tmp_path / "clean.duckdb"

    process = _ingest(corpus, killed_db)
    assert process.stderr is not None
    deadline = time.monotonic() + 300
    commits = 0
    while commits < 2 and time.monotonic() < deadline:
        line = process.stderr.readline()
        if not line:
            break
        commits += line.startswith("committed batch")
    assert commits == 2, "the ingest ended before two batches were committed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL

    partial = _counts(killed_db)
    assert 6 <= partial["documents"] < distinct  # what was committed is there, the rest is not
    assert partial["orphans"] == 0
    with Store.open(killed_db, read_only=True) as store:
        finished = store.connection.execute("SELECT finished_at IS NOT NULL FROM runs").fetchall()
    assert finished == [(False,)]  # the run is on record as interrupted

    resumed = _ingest(corpus, killed_db)
    out, _ = resumed.communicate(timeout=600)
    assert resumed.returncode == 0
    assert f"{partial['documents']} already stored" in out

    clean = _ingest(corpus, clean_db)
    clean.communicate(timeout=600)
    expected, got = _counts(clean_db), _counts(killed_db)
    assert got["documents"] == got["distinct_documents"] == distinct
    for table in ("documents", "entities", "mentions", "events", "quotes", "warnings", "rejections"):
        assert got[table] == expected[table], table
