"""The readable brief of a document result: hand-built records, and once through the real CLI."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from veille.brief import QUOTE_CHARS, render_brief
from veille.cli import main
from veille.records import (
    Claim,
    DocumentInfo,
    DocumentResult,
    Entity,
    Event,
    Mention,
    Quote,
    Span,
    TextSpan,
)

from .conftest import event_record, write_article

BODY = (
    "Le président russe Vladimir Poutine s'est rendu en novembre au Kazakhstan. "
    "Des manifestants ont ensuite bloqué le centre d'Almaty. "
    "« Nous bâtissons ensemble un partenariat durable », a déclaré Vladimir Poutine. "
    "Le Kazakhstan compte 20 millions d'habitants."
)
EVENT_LINE = re.compile(
    r"  .+ — .+ → .+, (undated|\d{4}(-\d\d){0,2}), (asserted|planned|hypothetical|negated|reported)"
    r'( \(".+"\))?'
)
LONG_QUOTE = " ".join(["Le partenariat entre nos deux pays avance à grands pas"] * 4)


def _span(text: str) -> TextSpan:
    start = BODY.index(text)
    return TextSpan(start, start + len(text), text)


def _entity(entity_id: str, name: str, words: str, cameo: str | None, country: str | None) -> Entity:
    span = _span(words)
    type_ = "country" if entity_id.isupper() else "person"
    return Entity(
        entity_id, name, type_, (Mention(span.start, span.end, words, "name"),), None, country, cameo
    )


def _event(event_id: str, code: str, trigger: str, **fields: object) -> Event:
    return event_record(event_id, code, _span(trigger), Span(0, len(BODY)), **fields)


def document(**fields: object) -> DocumentInfo:
    info = DocumentInfo(
        id="0123456789abcdef",
        path="kz/visite.txt",
        date="2024-11-28",
        date_precision="day",
        language="fr",
        title=None,
        chars=len(BODY),
        status="processed",
    )
    return dataclasses.replace(info, **fields)  # type: ignore[arg-type]


def full_result() -> DocumentResult:
    putin = _entity("vladimir-putin", "Vladimir Putin", "Vladimir Poutine", "RUSGOV", "RUS")
    kazakhstan = _entity("KAZ", "Kazakhstan", "Kazakhstan", "KAZ", "KAZ")
    protest = _event(
        "ev2",
        "1412",
        "ont ensuite bloqué",
        source_text=_span("Des manifestants"),
        modality="reported",
    )
    visit = _event(
        "ev1",
        "042",
        "s'est rendu",
        source="vladimir-putin",
        target="KAZ",
        date="2024-11",
        date_precision="month",
    )
    quote = _span("Nous bâtissons ensemble un partenariat durable")
    figure = _span("20 millions d'habitants")
    return DocumentResult(
        document=document(),
        entities=(putin, kazakhstan),
        events=(protest, visit),  # out of text order on purpose
        quotes=(
            Quote(LONG_QUOTE, len(BODY), len(BODY) + len(LONG_QUOTE), None, None, None, False),
            Quote(
                quote.text, quote.start, quote.end, "vladimir-putin", "Vladimir Poutine", "a déclaré", True
            ),
        ),
        claims=(
            Claim(figure.text, figure.start, figure.end, 20_000_000.0, "inhabitant", None, "KAZ", "count"),
        ),
    )


def test_brief_lists_events_quotes_and_figures_in_text_order() -> None:
    lines = render_brief(full_result()).split("\n")
    assert lines[0] == "kz/visite.txt [0123456789abcdef], 2024-11-28, fr"
    assert lines[1] == "Events"
    assert lines[2] == (
        '  Vladimir Putin (RUSGOV) — Make a visit → Kazakhstan (KAZ), 2024-11, asserted ("s\'est rendu")'
    )
    assert lines[3] == (
        '  "Des manifestants" — Demonstrate for policy change → —, undated, reported ("ont ensuite bloqué")'
    )
    assert all(EVENT_LINE.fullmatch(line) for line in lines[2:4])  # the pattern the CLI test relies on
    assert lines[4] == "Quotes"
    assert lines[5] == "  Vladimir Putin: «Nous bâtissons ensemble un partenariat durable», direct"
    assert lines[6].startswith("  unattributed: «Le partenariat entre nos deux pays")
    assert lines[6].endswith("…», indirect")
    shown = lines[6][len("  unattributed: «") : -len("», indirect")]
    assert len(shown) <= QUOTE_CHARS and LONG_QUOTE.startswith(shown[:-1])
    assert lines[7:] == ["Figures", '  "20 millions d\'habitants", 20000000 inhabitant, subject Kazakhstan']


def test_empty_sections_say_none_and_missing_facts_are_named() -> None:
    result = DocumentResult(
        document=document(
            date=None, date_precision=None, language="en", status="unsupported_language", line=4
        )
    )
    assert render_brief(result).split("\n") == [
        "kz/visite.txt:4 [0123456789abcdef], undated, en (not processed: unsupported language)",
        "Events",
        "  none",
        "Quotes",
        "  none",
        "Figures",
        "  none",
    ]


def test_a_title_is_shown_under_the_header_and_an_actor_without_code_by_name() -> None:
    result = full_result()
    anonymous = dataclasses.replace(result.entities[0], cameo=None, country=None)
    result = dataclasses.replace(
        result,
        document=document(title="Poutine au  Kazakhstan"),
        entities=(anonymous, result.entities[1]),
        events=result.events[1:],
    )
    lines = render_brief(result).split("\n")
    assert lines[1] == "  Poutine au Kazakhstan"
    assert lines[3].startswith("  Vladimir Putin — Make a visit → Kazakhstan (KAZ)")


@pytest.mark.model
def test_cli_extract_prints_one_brief_per_document(tmp_path: Path) -> None:
    first = write_article(
        tmp_path,
        "a.txt",
        "La ministre française des Affaires étrangères a reçu lundi à Paris son homologue marocain.\n\n"
        "« Nos deux pays doivent travailler ensemble », a-t-elle déclaré devant la presse.",
        date="2025-03-10",
    )
    second = write_article(
        tmp_path, "b.txt", "Le gouvernement belge a annoncé mardi un plan de 2 milliards d'euros."
    )
    result = CliRunner().invoke(main, ["extract", str(first), str(second), "--format", "brief"])
    assert result.exit_code == 0, result.stderr
    briefs = result.stdout.rstrip("\n").split("\n\n")
    assert len(briefs) == 2
    item = {
        "Events": EVENT_LINE,
        "Quotes": re.compile(r"  .+: «.+», (direct|indirect)"),
        "Figures": re.compile(r'  ".+"(, .+)?'),
    }
    for brief, path, date in zip(briefs, (first, second), ("2025-03-10", "2025-05-13"), strict=True):
        lines = brief.split("\n")
        assert lines[0].startswith(f"{path} [") and lines[0].endswith(f"], {date}, fr")
        assert [line for line in lines[1:] if not line.startswith("  ")] == ["Events", "Quotes", "Figures"]
        section = ""
        for line in lines[1:]:
            if not line.startswith("  "):
                section = line
                continue
            assert line == "  none" or item[section].fullmatch(line), (section, line)
        for name in item:  # each section has "none" or at least one record line
            following = lines[lines.index(name) + 1]
            assert following.startswith("  ")
