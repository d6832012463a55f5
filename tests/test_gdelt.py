"""The GDELT 2.0 event export: hand-built results in a real DuckDB store, read back column by column."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from veille.cli import main
from veille.export import export_store
from veille.gdelt import COLUMNS, export_gdelt, global_event_id, lead_end, parse_actor
from veille.readers import document_id
from veille.records import (
    Article,
    DocumentInfo,
    DocumentResult,
    Entity,
    Event,
    Mention,
    Modality,
    Place,
    Span,
    TextSpan,
    Tone,
)
from veille.store import Store

from .conftest import event_record

BODY = (
    "Le président russe Vladimir Poutine s'est rendu mercredi à Astana, au Kazakhstan.\n\n"
    "Il doit y signer un accord de coopération avec son homologue kazakh.\n\n"
    "Des manifestants ont bloqué le centre d'Almaty pour réclamer une baisse des loyers."
)


def _span(text: str, after: int = 0) -> TextSpan:
    start = BODY.index(text, after)
    return TextSpan(start, start + len(text), text)


def _sentence(text: str) -> Span:
    start = BODY.index(text)
    return Span(start, start + len(text))


def _entity(
    entity_id: str, name: str, type_: str, words: str, cameo: str | None, country: str | None
) -> Entity:
    span = _span(words)
    mention = Mention(span.start, span.end, span.text, "name")
    return Entity(entity_id, name, type_, (mention,), country=country, cameo=cameo)  # type: ignore[arg-type]


def _event(
    event_id: str,
    code: str,
    trigger: str,
    sentence: str,
    modality: Modality = "asserted",
    source: str | None = None,
    target: str | None = None,
    date: str | None = None,
    location: str | None = None,
) -> Event:
    return event_record(
        event_id,
        code,
        _span(trigger),
        _sentence(sentence),
        source=source,
        target=target,
        date=date,
        date_precision="day" if date and len(date) == 10 else None,
        modality=modality,
        location=location,
        confidence=0.8,
    )


def visit_result(url: str | None = None) -> tuple[Article, DocumentResult]:
    """A three-paragraph document: a dated visit, a planned signing, an undated protest."""
    doc_id = document_id(BODY)
    entities = (
        _entity("vladimir-putin", "Vladimir Putin", "person", "Vladimir Poutine", "RUSGOV", "RUS"),
        _entity("astana", "Astana", "location", "Astana", None, "KAZ"),
        _entity("KAZ", "Kazakhstan", "country", "Kazakhstan", "KAZ", "KAZ"),
        _entity("almaty", "Almaty", "location", "Almaty", None, "KAZ"),
    )
    events = (
        _event(
            "ev1",
            "042",
            "s'est rendu",
            BODY.split("\n\n")[0],
            source="vladimir-putin",
            target="KAZ",
            date="2024-11-27",
            location="astana",
        ),
        _event("ev2", "057", "signer", BODY.split("\n\n")[1], modality="planned", source="vladimir-putin"),
        _event("ev3", "1412", "ont bloqué", BODY.split("\n\n")[2], location="almaty"),
    )
    article = Article(
        id=doc_id, text=BODY, path="kz/visite.txt", date="2024-11", date_precision="month", url=url
    )
    result = DocumentResult(
        document=DocumentInfo(
            id=doc_id,
            path="kz/visite.txt",
            date="2024-11",
            date_precision="month",
            language="fr",
            title=None,
            chars=len(BODY),
            status="processed",
            url=url,
        ),
        entities=entities,
        events=events,
        places=(
            Place("astana", 1526273, 51.1801, 71.44598, "KAZ", "capital"),
            Place("KAZ", 1522867, 48.0, 68.0, "KAZ", None),
            Place("almaty", 1526384, 43.25, 76.91667, "KAZ", "city"),
        ),
        tone=Tone(score=-1.25, positive=1.0, negative=2.25, polarity=3.25, words=40),
    )
    return article, result


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "t.duckdb") as opened:
        run = opened.start_run(["test"])
        opened.write_batch(run, [visit_result()])
        yield opened


def read_lines(path: Path) -> list[dict[str, str]]:
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == ""  # every line ends with a newline, including the last
    rows = [line.split("\t") for line in lines[:-1]]
    assert all(len(row) == 61 for row in rows)
    return [dict(zip(COLUMNS, row, strict=True)) for row in rows]


def test_the_columns_are_gdelt_2_events_in_order() -> None:
    assert len(COLUMNS) == 61 == len(set(COLUMNS))
    assert COLUMNS[:6] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Code")
    assert COLUMNS[14:16] == ("Actor1Type3Code", "Actor2Code")
    assert COLUMNS[25:35] == (
        "IsRootEvent",
        "EventCode",
        "EventBaseCode",
        "EventRootCode",
        "QuadClass",
        "GoldsteinScale",
        "NumMentions",
        "NumSources",
        "NumArticles",
        "AvgTone",
    )
    assert COLUMNS[35] == "Actor1Geo_Type" and COLUMNS[42] == "Actor1Geo_FeatureID"
    assert COLUMNS[51:53] == ("ActionGeo_Type", "ActionGeo_FullName")
    assert COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")


def test_asserted_events_are_exported_with_their_codes_dates_and_actors(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "out" / "events.tsv"
    assert export_gdelt(store, out) == [(str(out), 2)]
    text = out.read_text(encoding="utf-8")
    assert not text.startswith("GLOBALEVENTID")  # no header line, as in GDELT's own files
    protest, visit = read_lines(out)  # in date order: the protest is dated by its month's first day
    doc_id = document_id(BODY)

    assert visit["GLOBALEVENTID"] == str(global_event_id(doc_id, "ev1"))
    assert (visit["SQLDATE"], visit["MonthYear"], visit["Year"]) == ("20241127", "202411", "2024")
    assert visit["FractionDate"] == f"{2024 + (10 * 30 + 27) / 365:.4f}"
    assert [visit[f"Actor1{c}"] for c in ("Code", "Name", "CountryCode", "KnownGroupCode", "Type1Code")] == [
        "RUSGOV",
        "VLADIMIR PUTIN",
        "RUS",
        "",
        "GOV",
    ]
    assert [visit[f"Actor2{c}"] for c in ("Code", "Name", "CountryCode", "Type1Code")] == [
        "KAZ",
        "KAZAKHSTAN",
        "KAZ",
        "",
    ]
    assert (visit["EventCode"], visit["EventBaseCode"], visit["EventRootCode"]) == ("042", "042", "04")
    assert (visit["QuadClass"], visit["GoldsteinScale"], visit["IsRootEvent"]) == ("1", "1.9", "1")
    assert (visit["NumMentions"], visit["NumSources"], visit["NumArticles"]) == ("1", "1", "1")
    assert visit["AvgTone"] == "-1.25"
    assert len(visit["DATEADDED"]) == 14 and visit["DATEADDED"].startswith("20")
    assert visit["SOURCEURL"] == "kz/visite.txt"

    # The protest has no date of its own: the document's month gives its first day.
    assert protest["GLOBALEVENTID"] == str(global_event_id(doc_id, "ev3"))
    assert (protest["SQLDATE"], protest["FractionDate"]) == ("20241101", f"{2024 + 301 / 365:.4f}")
    assert (protest["EventCode"], protest["EventBaseCode"], protest["EventRootCode"]) == ("1412", "141", "14")
    assert (protest["QuadClass"], protest["GoldsteinScale"]) == ("3", "-6.5")
    assert protest["IsRootEvent"] == "0"  # third paragraph
    assert protest["Actor1Code"] == protest["Actor1Name"] == protest["Actor2Code"] == ""


def test_places_fill_the_geography_blocks(store: Store, tmp_path: Path) -> None:
    export_gdelt(store, tmp_path / "e.tsv")
    protest, visit = read_lines(tmp_path / "e.tsv")
    action = [
        visit[f"ActionGeo_{c}"] for c in ("Type", "FullName", "CountryCode", "Lat", "Long", "FeatureID")
    ]
    assert action == ["4", "Astana", "KZ", "51.1801", "71.44598", ""]  # a world city, FIPS country code
    country = [visit[f"Actor2Geo_{c}"] for c in ("Type", "FullName", "CountryCode", "ADM1Code", "FeatureID")]
    assert country == ["1", "Kazakhstan", "KZ", "KZ", "KZ"]  # the target actor is itself a country
    assert visit["Actor1Geo_Type"] == "0" and visit["Actor1Geo_FullName"] == ""  # a person: no place
    assert (protest["ActionGeo_FullName"], protest["ActionGeo_Lat"]) == ("Almaty", "43.25")


def test_other_modalities_only_on_request(store: Store, tmp_path: Path) -> None:
    written = export_store(store, tmp_path / "all.tsv", "gdelt", all_modalities=True)
    assert written == [(str(tmp_path / "all.tsv"), 3)]
    rows = read_lines(tmp_path / "all.tsv")
    # The undated signing and protest share the document's first day, then go in text order.
    assert [row["EventCode"] for row in rows] == ["057", "1412", "042"]
    signing = rows[0]
    assert (signing["SQLDATE"], signing["IsRootEvent"]) == ("20241101", "0")
    assert (signing["Actor1Code"], signing["Actor2Code"], signing["ActionGeo_Type"]) == ("RUSGOV", "", "0")


def test_ids_are_stable_and_undated_documents_give_no_date(tmp_path: Path) -> None:
    article, result = visit_result(url="https://example.org/kz/visite")
    with Store.open(tmp_path / "a.duckdb") as first:
        first.write_batch(first.start_run(["a"]), [(article, result)])
        export_gdelt(first, tmp_path / "a.tsv", all_modalities=True)
    undated = dataclasses.replace(result, document=dataclasses.replace(result.document, date=None))
    with Store.open(tmp_path / "b.duckdb") as second:
        second.write_batch(second.start_run(["b"]), [(dataclasses.replace(article, date=None), undated)])
        export_gdelt(second, tmp_path / "b.tsv", all_modalities=True)
    first_rows, second_rows = read_lines(tmp_path / "a.tsv"), read_lines(tmp_path / "b.tsv")
    assert sorted(r["GLOBALEVENTID"] for r in first_rows) == sorted(r["GLOBALEVENTID"] for r in second_rows)
    assert len({r["GLOBALEVENTID"] for r in first_rows}) == 3
    assert all(r["SOURCEURL"] == "https://example.org/kz/visite" for r in first_rows)
    assert global_event_id("a", "ev1") != global_event_id("a", "ev2") < 2**53
    # Without a document date, only the visit keeps a date; nothing is invented for the others.
    assert [(r["EventCode"], r["SQLDATE"]) for r in second_rows] == [
        ("042", "20241127"),
        ("057", ""),
        ("1412", ""),
    ]
    assert all(r["MonthYear"] == r["Year"] == r["FractionDate"] == "" for r in second_rows[1:])


def test_a_headline_belongs_to_the_lead() -> None:
    text = "Poutine au Kazakhstan\n\nLe président russe est arrivé.\n  \nLa suite."
    assert lead_end(text) == text.index("\n\n")
    assert lead_end(text, title="Poutine au Kazakhstan") == text.index("\n  \n")
    assert lead_end("Un seul paragraphe.") == len("Un seul paragraphe.")


@pytest.mark.parametrize(
    ("code", "country", "group", "religions", "types"),
    [
        ("RUSGOV", "RUS", "", (), ("GOV",)),
        ("KAZ", "KAZ", "", (), ()),
        ("IGOUNO", "", "UNO", (), ("IGO",)),
        ("IGOEUREEC", "EUR", "EEC", (), ("IGO",)),
        ("TURREBPKK", "TUR", "PKK", (), ("REB",)),
        ("NGOHRIAMN", "", "AMN", (), ("NGO", "HRI")),
        ("IGOMOSOIC", "", "OIC", ("MOS",), ("IGO",)),
    ],
)
def test_cameo_actor_codes_are_broken_into_gdelt_columns(
    code: str, country: str, group: str, religions: tuple[str, ...], types: tuple[str, ...]
) -> None:
    parsed = parse_actor(code)
    assert (parsed.code, parsed.country, parsed.group, parsed.religions, parsed.types) == (
        code,
        country,
        group,
        religions,
        types,
    )


def test_an_entity_with_a_country_but_no_code_gets_the_cameo_country(tmp_path: Path) -> None:
    article, result = visit_result()
    # Romania's ISO code is ROU, its CAMEO code ROM.
    minister = Entity("ion-popescu", "Ion Popescu", "person", result.entities[0].mentions, country="ROU")
    events = (dataclasses.replace(result.events[0], source="ion-popescu"),)
    result = dataclasses.replace(result, entities=(*result.entities, minister), events=events)
    with Store.open(tmp_path / "r.duckdb") as store:
        store.write_batch(store.start_run(["r"]), [(article, result)])
        export_gdelt(store, tmp_path / "r.tsv")
    (row,) = read_lines(tmp_path / "r.tsv")
    assert (row["Actor1Code"], row["Actor1CountryCode"], row["Actor1Name"]) == ("ROM", "ROM", "ION POPESCU")


def test_cli_export_gdelt(store: Store, tmp_path: Path) -> None:
    path = store.path
    store.close()
    out = tmp_path / "gdelt.tsv"
    runner = CliRunner()
    result = runner.invoke(
        main, ["export", str(out), "--db", path, "--format", "gdelt"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{out}: 2 row(s)\n"
    assert [row["EventCode"] for row in read_lines(out)] == ["1412", "042"]
    every = runner.invoke(main, ["export", str(out), "--db", path, "--format", "gdelt", "--all-modalities"])
    assert every.stdout == f"{out}: 3 row(s)\n"
    wrong = runner.invoke(
        main, ["export", str(tmp_path / "pq"), "--db", path, "--format", "parquet", "--all-modalities"]
    )
    assert wrong.exit_code == 2 and "--format gdelt only" in wrong.output
