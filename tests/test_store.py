"""The DuckDB store: migrations, atomic batches, idempotence, round trips and queries (real files)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from veille import queries
from veille.errors import StoreError
from veille.ingest import ingest
from veille.queries import Filters
from veille.readers import Rejection, document_id
from veille.records import (
    Article,
    Claim,
    DocumentInfo,
    DocumentResult,
    Entity,
    Event,
    Mention,
    Notice,
    Place,
    Quote,
    Span,
    TextSpan,
    Theme,
    TimeExpression,
    Tone,
)
from veille.settings import Settings
from veille.store import Store, date_bounds, migrations

from .conftest import EXAMPLES

BODY = "Le président Jean Dupont a rencontré mercredi à Genève la ministre Anne Leroy."


def full_result(body: str = BODY, date: str = "2024-11") -> tuple[Article, DocumentResult]:
    """An article and a hand-built result with one record of every kind."""
    doc_id = document_id(body)

    def mention(text: str) -> Mention:
        start = body.index(text)
        return Mention(start, start + len(text), text, "name")

    article = Article(id=doc_id, text=body, path="test.txt", date=date, date_precision="month")
    dupont = Entity(
        id="per:jean-dupont",
        name="Jean Dupont",
        type="person",
        mentions=(mention("Jean Dupont"),),
        country="FRA",
    )
    leroy = Entity(id="per:anne-leroy", name="Anne Leroy", type="person", mentions=(mention("Anne Leroy"),))
    geneva = Entity(id="loc:geneve", name="Genève", type="location", mentions=(mention("Genève"),))
    event = Event(
        id="ev1",
        code="040",
        label="Consult, not specified below",
        root="04",
        quad_class=1,
        goldstein=1.0,
        plover="CONSULT",
        source="per:jean-dupont",
        target="per:anne-leroy",
        date=date,
        date_precision="month",
        modality="asserted",
        location="loc:geneve",
        trigger=TextSpan(25, 34, "a rencont"),
        sentence=Span(0, len(body)),
        confidence=0.9,
        rule="test",
    )
    result = DocumentResult(
        document=DocumentInfo(
            id=doc_id,
            path="test.txt",
            date=date,
            date_precision="month",
            language="fr",
            title=None,
            chars=len(body),
            status="processed",
        ),
        entities=(dupont, leroy, geneva),
        events=(event,),
        quotes=(Quote("rencontré", 27, 36, "per:jean-dupont", "Jean Dupont", "a", False),),
        claims=(Claim("deux", 0, 4, 2.0, None, None, None, None),),
        times=(TimeExpression("mercredi", 37, 45, "DATE", "2024-11"),),
        places=(Place("loc:geneve", 2660646, 46.20, 6.14, "CHE", "city"),),
        tone=Tone(score=1.5, positive=2.0, negative=0.5, polarity=2.5, words=12),
        themes=(Theme("diplomacy", 1, (TextSpan(27, 36, "rencontré"),)),),
        warnings=(Notice("W101", "[W101] test"),),
    )
    return article, result


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store.open(tmp_path / "t.duckdb") as opened:
        yield opened


def test_fresh_database_is_migrated_to_the_latest_version(store: Store) -> None:
    latest = max(version for version, _, _ in migrations())
    assert store.version() == latest
    assert store.migrate() == []  # nothing left to apply
    assert set(store.counts()) >= {"documents", "entities", "mentions", "events", "rejections"}


def test_database_newer_than_the_package_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "t.duckdb"
    with Store.open(path) as store:
        store.connection.execute("INSERT INTO schema_migrations VALUES (999, 'future', now())")
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    assert caught.value.code == "E302"
    assert "999" in str(caught.value)


def test_reading_a_missing_database_says_how_to_create_one(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as caught:
        Store.open(tmp_path / "none.duckdb", read_only=True)
    assert caught.value.code == "E305"
    assert "veille ingest" in str(caught.value)


def test_every_record_round_trips_through_the_store(store: Store) -> None:
    article, result = full_result()
    run = store.start_run(["test"])
    assert store.write_batch(run, [(article, result)]) == 1
    assert store.result(article.id) == result
    assert store.result(article.id[:6]) == result  # a prefix is enough
    counts = store.counts()
    assert (counts["documents"], counts["entities"], counts["mentions"], counts["events"]) == (1, 3, 3, 1)
    assert (counts["quotes"], counts["claims"], counts["times"], counts["places"], counts["themes"]) == (
        1,
        1,
        1,
        1,
        1,
    )
    row = store.connection.execute(
        "SELECT trigger_start, trigger_end, trigger_text, date_start, date_end FROM events"
    ).fetchone()
    assert row[:3] == (25, 34, "a rencont")
    assert (str(row[3]), str(row[4])) == ("2024-11-01", "2024-11-30")
    text, start, end = store.connection.execute(
        "SELECT d.text, m.start, m.end FROM mentions m JOIN documents d ON d.id = m.doc_id "
        "WHERE m.entity_id = 'loc:geneve'"
    ).fetchone()
    assert text[start:end] == "Genève"


def test_writing_the_same_document_twice_stores_it_once(store: Store) -> None:
    article, result = full_result()
    run = store.start_run(["test"])
    assert store.write_batch(run, [(article, result), (article, result)]) == 1
    assert store.write_batch(run, [(article, result)]) == 0
    assert store.counts()["documents"] == 1
    assert store.counts()["entities"] == 3
    assert store.connection.execute("SELECT added, skipped FROM runs WHERE id = ?", [run]).fetchone() == (
        1,
        2,
    )


def test_a_failing_batch_leaves_nothing_behind(store: Store) -> None:
    good_article, good_result = full_result()
    bad_article, bad_result = full_result(
        "Jean Dupont et Anne Leroy se sont revus à Genève, a rencontré la presse."
    )
    # Two entities with one id in one document break the (doc_id, entity_id) key mid-batch.
    twin = bad_result.entities[0]
    bad_result = dataclasses.replace(bad_result, entities=(twin, twin))
    run = store.start_run(["test"])
    rejection = Rejection(path="x.txt", code="E106", message="[E106] x.txt: empty text")
    with pytest.raises(Exception, match=r"(?i)constraint"):
        store.write_batch(run, [(good_article, good_result), (bad_article, bad_result)], [rejection])
    assert store.counts()["documents"] == 0
    assert store.counts()["entities"] == 0
    assert store.counts()["rejections"] == 0
    assert store.write_batch(run, [(good_article, good_result)], [rejection]) == 1
    assert store.counts()["rejections"] == 1


def test_ambiguous_and_unknown_ids_are_explained(store: Store) -> None:
    run = store.start_run(["test"])
    for n in range(40):  # enough documents for two to share a first hex digit
        article, result = full_result(f"{BODY} Numéro {n}.")
        store.write_batch(run, [(article, result)])
    with pytest.raises(StoreError) as ambiguous:
        store.result("")
    assert ambiguous.value.code == "E304"
    with pytest.raises(StoreError) as unknown:
        store.result("zzzz")
    assert unknown.value.code == "E303"


@pytest.mark.parametrize(
    ("date", "start", "end"),
    [
        ("2024", "2024-01-01", "2024-12-31"),
        ("2024-02", "2024-02-01", "2024-02-29"),
        ("2024-11-27", "2024-11-27", "2024-11-27"),
    ],
)
def test_date_bounds_cover_the_precision_given(date: str, start: str, end: str) -> None:
    first, last = date_bounds(date)
    assert (str(first), str(last)) == (start, end)
    assert date_bounds(None) == (None, None)


def test_queries_filter_by_actor_code_and_date_interval(store: Store) -> None:
    run = store.start_run(["test"])
    november, _ = full_result()
    store.write_batch(run, [full_result()])
    store.write_batch(
        run,
        [
            full_result(
                "Le président Jean Dupont a rencontré mercredi à Genève la ministre Anne Leroy. Bis.",
                "2023-05",
            )
        ],
    )
    con = store.connection

    def ids(query: queries.Query) -> list[str]:
        columns, rows = query.rows(con)
        return [row[columns.index("doc_id" if "doc_id" in columns else "id")] for row in rows]

    assert ids(queries.documents(Filters(since="2024-11-30"))) == [november.id]  # the month covers the 30th
    assert ids(queries.documents(Filters(until="2024-11-01"))) != [november.id]
    assert len(ids(queries.documents(Filters(until="2024-11-01")))) == 2
    assert len(ids(queries.documents(Filters(until="2023-04")))) == 0
    assert len(ids(queries.events(Filters(code="04")))) == 2
    assert len(ids(queries.events(Filters(code="19")))) == 0
    assert len(ids(queries.events(Filters(actor="Leroy")))) == 2
    assert len(ids(queries.events(Filters(actor="per:jean-dupont", since="2024")))) == 1
    assert len(ids(queries.quotes(Filters(actor="Dupont")))) == 2
    assert len(ids(queries.quotes(Filters(actor="Leroy")))) == 0
    columns, rows = queries.entities(Filters(type="person")).rows(con)
    assert [(row[0], row[columns.index("documents")]) for row in rows] == [
        ("per:anne-leroy", 2),
        ("per:jean-dupont", 2),
    ]
    assert len(queries.entities(Filters(limit=1)).rows(con)[1]) == 1


@pytest.mark.model
def test_ingest_twice_adds_nothing_the_second_time(tmp_path: Path) -> None:
    settings = Settings(batch_size=5)
    with Store.open(tmp_path / "t.duckdb") as store:
        first = ingest([str(EXAMPLES)], store, settings)
        counts = store.counts()
        second = ingest([str(EXAMPLES)], store, settings)
        assert store.counts() == {**counts, "runs": 2}
        runs = store.connection.execute(
            "SELECT id, added, skipped, finished_at IS NOT NULL FROM runs"
        ).fetchall()
    assert first.read == first.added == len(list(EXAMPLES.glob("*.txt")))
    assert (second.added, second.already_stored) == (0, first.read)
    assert first.batches == -(-first.read // 5)
    assert second.batches == 1  # documents already stored do not fill batches
    assert runs == [(1, first.read, 0, True), (2, 0, first.read, True)]


@pytest.mark.model
def test_ingest_keeps_rejections_duplicates_and_other_languages(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    body = "Le ministre grec des Affaires étrangères a reçu jeudi son homologue chypriote à Athènes."
    (tmp_path / "in" / "a.txt").write_text(f"date 2024-05-02 {body}", encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text(f"date 2024-05-02\n{body}\n", encoding="utf-8")  # same text
    (tmp_path / "in" / "c.txt").write_text("date 2024-05-02\n", encoding="utf-8")  # empty
    english = "The Greek foreign minister received his Cypriot counterpart in Athens on Thursday."
    (tmp_path / "in" / "d.txt").write_text(f"date 2024-05-02 {english}", encoding="utf-8")
    with Store.open(tmp_path / "t.duckdb") as store:
        report = ingest([str(tmp_path / "in")], store)
        statuses = store.connection.execute("SELECT language, status FROM documents ORDER BY path").fetchall()
        rejected = store.connection.execute("SELECT path, code FROM rejections").fetchall()
        warnings = store.connection.execute("SELECT code FROM warnings").fetchall()
    assert (report.read, report.added, report.duplicates, report.unsupported) == (3, 2, 1, 1)
    assert statuses == [("fr", "processed"), ("en", "unsupported_language")]
    assert rejected == [(str(tmp_path / "in" / "c.txt"), "E106")]
    assert warnings == [("W103",)]
