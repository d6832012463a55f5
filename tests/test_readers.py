"""Tests of veille.readers: dated texts, JSON Lines, rejections, directories, globs, stdin, encodings.

These tests need no spaCy model. Every input is written under ``tmp_path`` from short invented
French texts.
"""

from __future__ import annotations

import io
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from veille.errors import InputError
from veille.readers import (
    Rejection,
    decode,
    document_id,
    expand,
    normalize,
    parse_date,
    read,
    read_bytes,
    read_file,
)
from veille.records import Article, Notice
from veille.settings import Settings

HEX16 = re.compile(r"\A[0-9a-f]{16}\Z")


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def write(directory: Path, name: str, content: str | bytes) -> Path:
    """Write ``content`` (UTF-8 text, newlines kept as given, or raw bytes) to ``directory/name``."""
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_bytes(content.encode("utf-8"))
    else:
        path.write_bytes(content)
    return path


def jsonl(*objects: Any) -> str:
    """JSON Lines text: each object dumped on its own line; a plain string is written as is."""
    lines = [o if isinstance(o, str) else json.dumps(o, ensure_ascii=False) for o in objects]
    return "\n".join(lines) + "\n"


def read_all(paths: list[str | Path], settings: Settings | None = None, **kwargs: Any) -> list[Any]:
    return list(read([str(p) for p in paths], settings, **kwargs))


def only(items: list[Any]) -> Any:
    assert len(items) == 1, items
    return items[0]


def read_one_article(path: Path, settings: Settings | None = None) -> Article:
    item = only(read_all([path], settings))
    assert isinstance(item, Article), item
    return item


def read_one_rejection(path: Path | str, settings: Settings | None = None) -> Rejection:
    item = only(read_all([path], settings))
    assert isinstance(item, Rejection), item
    return item


def codes(notices: tuple[Notice, ...]) -> list[str]:
    return [n.code for n in notices]


def kinds(items: list[Any]) -> list[str]:
    """A compact picture of a read: "A" for an article, the code for a rejection."""
    return ["A" if isinstance(i, Article) else i.code for i in items]


# --------------------------------------------------------------------------------------------
# Dated text files
# --------------------------------------------------------------------------------------------


def test_date_and_body_on_the_same_line(tmp_path: Path) -> None:
    path = write(tmp_path, "depeche.txt", "date 2024-11 Le conseil municipal a voté le budget.\n")
    article = read_one_article(path)
    assert article.date == "2024-11"
    assert article.date_precision == "month"
    assert article.text == "Le conseil municipal a voté le budget."
    assert article.path == str(path)
    assert article.line is None
    assert article.title is None
    assert article.notices == ()
    assert article.external_id is None
    assert article.url is None
    assert article.source is None
    assert article.language is None


def test_date_then_body_on_the_next_line(tmp_path: Path) -> None:
    path = write(tmp_path, "depeche.txt", "date 2024-11-27\nLa préfecture a levé l'alerte orange.\n")
    article = read_one_article(path)
    assert article.date == "2024-11-27"
    assert article.date_precision == "day"
    assert article.text == "La préfecture a levé l'alerte orange."
    assert article.notices == ()


def test_year_only_date_keeps_year_precision(tmp_path: Path) -> None:
    path = write(tmp_path, "bilan.txt", "date 2024\nLe bilan annuel de la coopérative est positif.")
    article = read_one_article(path)
    assert article.date == "2024"
    assert article.date_precision == "year"
    assert article.text == "Le bilan annuel de la coopérative est positif."


@pytest.mark.parametrize(
    ("header", "date", "precision"),
    [
        ("date 2024", "2024", "year"),
        ("date 2024-03", "2024-03", "month"),
        ("date 2024-3", "2024-03", "month"),
        ("date 2024-03-05", "2024-03-05", "day"),
        ("date 2024-3-5", "2024-03-05", "day"),
        ("date: 2024-03-05", "2024-03-05", "day"),
        ("date:2024-03-05", "2024-03-05", "day"),
        ("date\t2024-03-05", "2024-03-05", "day"),
        ("date 2024-03-05T08:30:00Z", "2024-03-05", "day"),
    ],
)
def test_header_variants_and_precision(tmp_path: Path, header: str, date: str, precision: str) -> None:
    path = write(tmp_path, "note.txt", f"{header}\nLes horaires du marché changent.")
    article = read_one_article(path)
    assert (article.date, article.date_precision) == (date, precision)
    assert article.text == "Les horaires du marché changent."


def test_leading_whitespace_and_newlines_before_the_header(tmp_path: Path) -> None:
    path = write(tmp_path, "note.txt", "\n\n  \t\n   date 2024-11-27\n\n   Le musée rouvre ses portes.  \n\n")
    article = read_one_article(path)
    assert article.date == "2024-11-27"
    assert article.date_precision == "day"
    assert article.text == "Le musée rouvre ses portes."


@pytest.mark.parametrize(
    "content",
    [
        "date 2024-11-27 Le port a repris son activité.",
        "date 2024-11-27     Le port a repris son activité.",
        "date 2024-11-27\nLe port a repris son activité.",
        "date 2024-11-27\n\n\n   Le port a repris son activité.\n",
        "  date 2024-11-27\t \n \tLe port a repris son activité.\n\n",
    ],
)
def test_body_starts_exactly_at_the_first_body_character(tmp_path: Path, content: str) -> None:
    article = read_one_article(write(tmp_path, "port.txt", content))
    assert article.text == "Le port a repris son activité."
    assert article.text[0] == "L"
    assert article.text.index("port") == 3
    assert article.text[-1] == "."


def test_crlf_newlines_become_lf(tmp_path: Path) -> None:
    content = (
        "date 2024-11-27\r\nGrève des transports\r\n\r\nLes bus restent au dépôt.\r\nLe métro roule.\r\n"
    )
    article = read_one_article(write(tmp_path, "greve.txt", content))
    assert article.text == "Grève des transports\n\nLes bus restent au dépôt.\nLe métro roule."
    assert "\r" not in article.text
    assert article.title == "Grève des transports"
    assert article.date == "2024-11-27"


def test_lone_cr_newlines_become_lf(tmp_path: Path) -> None:
    article = read_one_article(write(tmp_path, "mac.txt", "date 2024-11\rPremière ligne.\rSeconde ligne.\r"))
    assert article.text == "Première ligne.\nSeconde ligne."


def test_nfd_input_is_normalized_to_nfc(tmp_path: Path) -> None:
    nfc = "Élection à Genève : l'équipe sortante est réélue."
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfd != nfc  # the input really is decomposed
    article = read_one_article(write(tmp_path, "geneve.txt", f"date 2024-11-27\n{nfd}"))
    assert article.text == nfc
    assert len(article.text) == len(nfc)
    assert unicodedata.is_normalized("NFC", article.text)
    assert article.id == document_id(nfc)


def test_no_date_header_is_accepted_with_w101(tmp_path: Path) -> None:
    path = write(tmp_path, "sans-date.txt", "Le festival de jazz attire des milliers de visiteurs.\n")
    article = read_one_article(path)
    assert article.date is None
    assert article.date_precision is None
    assert article.text == "Le festival de jazz attire des milliers de visiteurs."
    assert article.notices == (Notice("W101", f"[W101] {path}: no date; the document date is unknown"),)


def test_no_date_header_with_require_date_is_e110(tmp_path: Path) -> None:
    path = write(tmp_path, "sans-date.txt", "Le festival de jazz attire des milliers de visiteurs.\n")
    rejection = read_one_rejection(path, Settings(require_date=True))
    assert rejection.code == "E110"
    assert rejection.path == str(path)
    assert rejection.line is None
    assert rejection.message == (
        f"[E110] {path}: no date: add a first line 'date YYYY-MM[-DD]' (or a 'date' field in JSON Lines), "
        "or drop --require-date"
    )


def test_require_date_accepts_a_dated_text(tmp_path: Path) -> None:
    path = write(tmp_path, "date.txt", "date 2024-11-27\nLa médiathèque ouvre le dimanche.")
    article = read_one_article(path, Settings(require_date=True))
    assert article.date == "2024-11-27"
    assert article.notices == ()


@pytest.mark.parametrize(
    "body",
    [
        "date limite : les dossiers sont attendus avant vendredi.",
        "date-butoir fixée par la mairie pour les inscriptions.",
        "dates et lieux du festival ont été annoncés hier.",
        "date de rentrée inchangée pour les élèves.",
    ],
)
def test_body_starting_with_the_word_date_is_not_a_header(tmp_path: Path, body: str) -> None:
    path = write(tmp_path, "mot.txt", body + "\n")
    article = read_one_article(path)
    assert article.text == body
    assert article.date is None
    assert codes(article.notices) == ["W101"]


@pytest.mark.parametrize("header", ["Date 2024-11-27", "DATE: 2024-11-27"])
def test_the_header_word_may_be_capitalized(tmp_path: Path, header: str) -> None:
    path = write(tmp_path, "maj.txt", f"{header} Le texte commence ici.")
    article = read_one_article(path)
    assert (article.date, article.date_precision) == ("2024-11-27", "day")
    assert article.text == "Le texte commence ici."
    assert codes(article.notices) == []


def test_a_declared_language_must_be_a_language_code(tmp_path: Path) -> None:
    path = tmp_path / "l.jsonl"
    path.write_text('{"text": "Le texte.", "date": "2024-11", "language": "french"}\n', encoding="utf-8")
    (item,) = read([str(path)])
    assert isinstance(item, Rejection)
    assert (item.code, item.line) == ("E109", 1)
    assert "field 'language' must be an ISO 639 code" in item.message


def test_short_first_line_followed_by_blank_line_is_the_title(tmp_path: Path) -> None:
    content = "date 2024-11-27\nRéforme des retraites\n\nLe gouvernement a présenté mardi son projet."
    article = read_one_article(write(tmp_path, "titre.txt", content))
    assert article.title == "Réforme des retraites"
    # The title stays in the body: offsets are into the whole text.
    assert article.text == "Réforme des retraites\n\nLe gouvernement a présenté mardi son projet."
    assert article.text.startswith(article.title)


def test_title_on_the_header_line(tmp_path: Path) -> None:
    content = "date 2024-11 Inondations dans le Gard\n\nLes pompiers sont intervenus toute la nuit."
    article = read_one_article(write(tmp_path, "gard.txt", content))
    assert article.title == "Inondations dans le Gard"
    assert article.text == "Inondations dans le Gard\n\nLes pompiers sont intervenus toute la nuit."


@pytest.mark.parametrize(
    "body",
    [
        # A first sentence ending in a period is not a headline.
        "Le gouvernement a présenté son projet.\n\nLes syndicats protestent.",
        # Other closing punctuation.
        "Qui paiera la facture ?\n\nLe débat reste ouvert.",
        "Le ministre a prévenu :\n\nles aides seront réduites.",
        "« Nous tiendrons bon »\n\na lancé la maire.",
        # No blank line after the first line.
        "Réforme des retraites\nLe gouvernement a présenté son projet.",
        # A single line.
        "Réforme des retraites",
        # Too long for a headline (over 150 characters).
        ("mot " * 40).strip() + "\n\nLa suite du texte.",
    ],
)
def test_no_title(tmp_path: Path, body: str) -> None:
    article = read_one_article(write(tmp_path, "pas-de-titre.txt", f"date 2024-11-27\n{body}"))
    assert article.title is None
    assert article.text == body


def test_article_id_is_the_hash_of_the_body(tmp_path: Path) -> None:
    path = write(tmp_path, "conseil.txt", "date 2024-11-27\nLe conseil municipal s'est réuni lundi soir.")
    article = read_one_article(path)
    assert article.id == "1d4dc40cddd4f393"
    assert article.id == document_id(article.text)


def test_unusual_suffix_given_explicitly_is_read_as_text(tmp_path: Path) -> None:
    path = write(tmp_path, "depeche.md", "date 2024-11-27\nLa bibliothèque prolonge ses horaires.")
    article = read_one_article(path)
    assert article.path == str(path)
    assert article.date == "2024-11-27"
    assert article.text == "La bibliothèque prolonge ses horaires."


def test_uppercase_suffix_and_text_suffix(tmp_path: Path) -> None:
    upper = write(tmp_path, "A.TXT", "date 2024-01\nPremier texte.")
    other = write(tmp_path, "b.text", "date 2024-02\nSecond texte.")
    items = read_all([tmp_path])
    assert [(i.path, i.text) for i in items] == [
        (str(upper), "Premier texte."),
        (str(other), "Second texte."),
    ]


# --------------------------------------------------------------------------------------------
# JSON Lines
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".jsonl", ".ndjson", ".JSONL"])
def test_jsonl_articles_with_all_fields(tmp_path: Path, suffix: str) -> None:
    path = write(
        tmp_path,
        f"flux{suffix}",
        jsonl(
            {
                "text": "La ville inaugure un nouveau tramway.",
                "date": "2024-11-27",
                "id": "afp-2024-0001",
                "url": "https://exemple.org/tram",
                "title": "Un tramway neuf",
                "source": "Exemple Info",
                "language": " FR ",
            },
            "",
            {"text": "Les agriculteurs manifestent devant la préfecture.", "date": "2024-11"},
            "   \t",
            {"text": "Le club local remporte la coupe.", "date": "2024", "id": "ext-3"},
        ),
    )
    items = read_all([path])
    assert kinds(items) == ["A", "A", "A"]
    first, second, third = items

    assert first.text == "La ville inaugure un nouveau tramway."
    assert first.path == str(path)
    assert first.line == 1
    assert first.date == "2024-11-27"
    assert first.date_precision == "day"
    assert first.external_id == "afp-2024-0001"
    assert first.id == document_id("La ville inaugure un nouveau tramway.")
    assert HEX16.match(first.id)
    assert first.url == "https://exemple.org/tram"
    assert first.title == "Un tramway neuf"
    assert first.source == "Exemple Info"
    assert first.language == "fr"
    assert first.notices == ()
    assert first.where == f"{path}:1"

    # Blank and whitespace-only lines are skipped, but line numbers stay physical.
    assert second.line == 3
    assert (second.date, second.date_precision) == ("2024-11", "month")
    assert second.external_id is None
    assert second.title is None
    assert second.url is None
    assert second.source is None
    assert second.language is None
    assert second.notices == ()

    assert third.line == 5
    assert (third.date, third.date_precision) == ("2024", "year")
    assert third.external_id == "ext-3"
    assert third.id == document_id("Le club local remporte la coupe.")
    assert third.id != third.external_id


def test_jsonl_unknown_fields_give_w104(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "flux.jsonl",
        jsonl(
            {
                "text": "Le marché de Noël ouvre vendredi.",
                "date": "2024-11-27",
                "rubrique": "vie locale",
                "auteur": "M. D.",
            }
        ),
    )
    article = read_one_article(path)
    assert article.text == "Le marché de Noël ouvre vendredi."
    assert article.notices == (Notice("W104", f"[W104] {path}:1: unknown field(s) auteur, rubrique ignored"),)


@pytest.mark.parametrize(
    "stamp",
    ["2024-11-27T10:15:00Z", "2024-11-27T10:15:00+01:00", "2024-11-27 10:15", "2024-11-27T10:15:00.250-0500"],
)
def test_jsonl_datetime_is_cut_to_the_day(tmp_path: Path, stamp: str) -> None:
    path = write(
        tmp_path, "flux.jsonl", jsonl({"text": "Une séance extraordinaire est convoquée.", "date": stamp})
    )
    article = read_one_article(path)
    assert article.date == "2024-11-27"
    assert article.date_precision == "day"
    assert article.notices == ()


@pytest.mark.parametrize("extra", [{}, {"date": None}, {"date": ""}])
def test_jsonl_missing_date_gives_w101(tmp_path: Path, extra: dict[str, Any]) -> None:
    path = write(
        tmp_path,
        "flux.jsonl",
        jsonl({"text": "Premier article daté.", "date": "2024-11-27"}, {"text": "Second article.", **extra}),
    )
    items = read_all([path])
    assert kinds(items) == ["A", "A"]
    undated = items[1]
    assert undated.date is None
    assert undated.date_precision is None
    assert undated.line == 2
    assert undated.notices == (Notice("W101", f"[W101] {path}:2: no date; the document date is unknown"),)


def test_jsonl_missing_date_with_require_date_is_e110(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "flux.jsonl",
        jsonl({"text": "Premier article daté.", "date": "2024-11-27"}, {"text": "Second article."}),
    )
    items = read_all([path], Settings(require_date=True))
    assert kinds(items) == ["A", "E110"]
    rejection = items[1]
    assert rejection.line == 2
    assert rejection.message == (
        f"[E110] {path}:2: no date: add a first line 'date YYYY-MM[-DD]' (or a 'date' field in JSON Lines), "
        "or drop --require-date"
    )


def test_jsonl_crlf_and_nfd_text_is_normalized(tmp_path: Path) -> None:
    text = unicodedata.normalize("NFD", "Réunion à l'Élysée\r\nLes élus sont reçus.")
    path = write(tmp_path, "flux.jsonl", jsonl({"text": f"  {text}  ", "date": "2024-11"}))
    article = read_one_article(path)
    assert article.text == "Réunion à l'Élysée\nLes élus sont reçus."


def test_jsonl_with_crlf_line_endings(tmp_path: Path) -> None:
    content = jsonl({"text": "Un.", "date": "2024-01"}, {"text": "Deux.", "date": "2024-02"}).replace(
        "\n", "\r\n"
    )
    items = read_all([write(tmp_path, "flux.jsonl", content)])
    assert [(i.line, i.text, i.date) for i in items] == [(1, "Un.", "2024-01"), (2, "Deux.", "2024-02")]


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_jsonl_line_with_unicode_line_separator_inside_a_string(tmp_path: Path, separator: str) -> None:
    text = f"Premier paragraphe.{separator}Second paragraphe."
    path = write(
        tmp_path,
        "flux.jsonl",
        jsonl({"text": text, "date": "2024-11-27"}, {"text": "Article suivant.", "date": "2024-11-28"}),
    )
    items = read_all([path])
    assert kinds(items) == ["A", "A"]
    assert [i.line for i in items] == [1, 2]


# --------------------------------------------------------------------------------------------
# Bad inputs: each becomes a Rejection naming the file (and line) and the reason
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"date 2024-11-27\nLe texte\x00\x00\x01 continue.", "NUL bytes"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "a PDF document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", "a PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "a JPEG image"),
        (b"PK\x03\x04\x14\x00\x06\x00", "a ZIP archive or office document"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip-compressed data"),
        (b"GIF89a\x01\x00\x01\x00", "a GIF image"),
        (b"\x7fELF\x02\x01\x01\x00", "an executable"),
        (b"SQLite format 3\x00\x10\x00", "an SQLite database"),
    ],
)
def test_binary_content_is_e104(tmp_path: Path, content: bytes, reason: str) -> None:
    path = write(tmp_path, "scan.txt", content)
    rejection = read_one_rejection(path)
    assert rejection.code == "E104"
    assert rejection.path == str(path)
    assert rejection.line is None
    assert rejection.message == (
        f"[E104] {path}: binary content ({reason}), not text; veille reads UTF-8 text files "
        "starting with 'date YYYY-MM' and JSON Lines files"
    )


def test_many_control_characters_are_e104(tmp_path: Path) -> None:
    content = b"date 2024-11-27\nTexte abim\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0e e."
    rejection = read_one_rejection(write(tmp_path, "abime.txt", content))
    assert rejection.code == "E104"
    assert "(10 control characters)" in rejection.message
    assert str(tmp_path / "abime.txt") in rejection.message


def test_a_few_control_characters_are_tolerated(tmp_path: Path) -> None:
    content = b"date 2024-11-27\nUn saut\x0bde ligne vertical et un\x1f s\xc3\xa9parateur."
    article = read_one_article(write(tmp_path, "tolere.txt", content))
    assert article.text == "Un saut\x0bde ligne vertical et un\x1f séparateur."


def test_binary_in_jsonl_file_is_one_rejection(tmp_path: Path) -> None:
    path = write(tmp_path, "flux.jsonl", b'\x89PNG\r\n\x1a\n{"text": "x"}\n')
    rejection = read_one_rejection(path)
    assert rejection.code == "E104"
    assert rejection.line is None
    assert f"{path}: binary content (a PNG image)" in rejection.message


@pytest.mark.parametrize(
    ("content", "where"),
    [
        ("date 2024-11-27\n", " after the date header"),
        ("date 2024-11-27", " after the date header"),
        ("\n  date 2024-11  \n\n \t \n", " after the date header"),
        ("   \n\t\n  \n", ""),
        ("", ""),
        ("\r\n\r\n", ""),
    ],
)
def test_empty_text_is_e106(tmp_path: Path, content: str, where: str) -> None:
    path = write(tmp_path, "vide.txt", content)
    rejection = read_one_rejection(path)
    assert rejection.code == "E106"
    assert rejection.path == str(path)
    assert rejection.line is None
    assert rejection.message == f"[E106] {path}: empty text: there is no article body{where}"


@pytest.mark.parametrize("text", ["", "   ", "\n\r\n\t", None])
def test_empty_jsonl_text_is_e106(tmp_path: Path, text: str | None) -> None:
    path = write(
        tmp_path,
        "flux.jsonl",
        jsonl({"text": "Un article correct.", "date": "2024-11"}, {"text": text, "date": "2024-11"}),
    )
    items = read_all([path])
    assert kinds(items) == ["A", "E106"]
    rejection = items[1]
    assert rejection.path == str(path)
    assert rejection.line == 2
    assert rejection.message == f"[E106] {path}:2: empty text: there is no article body"


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (b"\xef\xbb\xbfdate 2024-11-27\nLe caf\xe9 est ferm\xe9.", "utf-8 BOM then latin-1 bytes"),
        (b"\xff\xfeL\x00e\x00 \x00m", "utf-16 BOM with an odd number of bytes"),
        (bytes(range(0x80, 0x100)) * 2, "high bytes no encoding decodes cleanly"),
    ],
)
def test_undecodable_bytes_are_e105(tmp_path: Path, content: bytes, name: str) -> None:
    path = write(tmp_path, "illisible.txt", content)
    rejection = read_one_rejection(path)
    assert rejection.code == "E105", name
    assert rejection.path == str(path)
    assert rejection.message == (
        f"[E105] {path}: bytes cannot be decoded as text in any known encoding; save the file as UTF-8"
    )


@pytest.mark.parametrize(
    "value", ["2024-13", "2024-00", "2024-02-30", "2023-02-29", "27/11/2024", "2024-11-27,"]
)
def test_malformed_date_header_is_e107(tmp_path: Path, value: str) -> None:
    path = write(tmp_path, "mal-date.txt", f"date {value}\nLa réunion est reportée.")
    rejection = read_one_rejection(path)
    assert rejection.code == "E107"
    assert rejection.path == str(path)
    assert rejection.line is None
    assert rejection.message == (
        f"[E107] {path}: malformed date {value!r}: write YYYY-MM or YYYY-MM-DD, as in 'date 2024-11-27'"
    )


def test_malformed_date_in_jsonl_is_e107_naming_the_line(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "flux.jsonl",
        jsonl(
            {"text": "Article correct.", "date": "2024-11-27"},
            {"text": "Date impossible.", "date": "2024-02-30"},
            {"text": "Encore correct.", "date": "2024-11-28"},
        ),
    )
    items = read_all([path])
    assert kinds(items) == ["A", "E107", "A"]
    assert items[1].message == (
        f"[E107] {path}:2: malformed date '2024-02-30': write YYYY-MM or YYYY-MM-DD, as in 'date 2024-11-27'"
    )
    assert [items[0].line, items[2].line] == [1, 3]


@pytest.mark.parametrize(
    ("obj", "settings", "code"),
    [
        ({"text": "Date impossible.", "date": "2024-13"}, Settings(), "E107"),
        ({"text": "Sans date."}, Settings(require_date=True), "E110"),
    ],
)
def test_jsonl_date_rejections_carry_file_path_and_line(
    tmp_path: Path, obj: dict[str, Any], settings: Settings, code: str
) -> None:
    path = write(tmp_path, "flux.jsonl", jsonl({"text": "Article correct.", "date": "2024-11"}, obj))
    rejection = read_all([path], settings)[1]
    assert rejection.code == code
    assert (rejection.path, rejection.line) == (str(path), 2)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"text": "Le maire', "column 10: Unterminated string starting at"),
        ('{"text": "Le maire"', "column 20: Expecting ',' delimiter"),
        ('["Le maire", "2024-11-27"]', "a JSON list, not an object"),
        ('"Le maire a démissionné."', "a JSON str, not an object"),
        ("42", "a JSON int, not an object"),
    ],
)
def test_malformed_json_line_is_e108(tmp_path: Path, line: str, reason: str) -> None:
    path = write(
        tmp_path,
        "flux.jsonl",
        jsonl({"text": "Premier.", "date": "2024-11"}, line, {"text": "Troisième.", "date": "2024-11"}),
    )
    items = read_all([path])
    assert kinds(items) == ["A", "E108", "A"]
    rejection = items[1]
    assert rejection.path == str(path)
    assert rejection.line == 2
    assert rejection.message == (
        f"[E108] {path}:2: malformed JSON line ({reason}); each line must hold one JSON object"
    )


@pytest.mark.parametrize(
    ("obj", "reason"),
    [
        ({"date": "2024-11-27", "title": "Sans corps"}, "no 'text' field"),
        ({"text": 12}, "field 'text' must be a string, not int"),
        ({"text": ["Un", "deux"]}, "field 'text' must be a string, not list"),
        ({"text": "Corps.", "date": 20241127}, "field 'date' must be a string, not int"),
        ({"text": "Corps.", "id": 42}, "field 'id' must be a string, not int"),
        ({"text": "Corps.", "title": {"fr": "Titre"}}, "field 'title' must be a string, not dict"),
        ({"text": "Corps.", "language": True}, "field 'language' must be a string, not bool"),
    ],
)
def test_missing_text_or_non_string_field_is_e109(tmp_path: Path, obj: dict[str, Any], reason: str) -> None:
    path = write(tmp_path, "flux.ndjson", jsonl(obj))
    rejection = read_one_rejection(path)
    assert rejection.code == "E109"
    assert rejection.path == str(path)
    assert rejection.line == 1
    assert rejection.message == f"[E109] {path}:1: {reason}"


def test_file_over_the_size_limit_is_e103(tmp_path: Path) -> None:
    path = write(tmp_path, "long.txt", "date 2024-11-27\n" + "a" * 85)  # 16 + 85 = 101 bytes
    assert path.stat().st_size == 101
    rejection = read_one_rejection(path, Settings(max_bytes=100))
    assert rejection.code == "E103"
    assert rejection.path == str(path)
    assert rejection.message == (
        f"[E103] {path}: file is 101 bytes, over the limit of 100 bytes; "
        "raise the limit with --max-bytes or VEILLE_MAX_BYTES"
    )


def test_file_at_the_size_limit_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, "juste.txt", "date 2024-11-27\n" + "a" * 84)
    assert path.stat().st_size == 100
    article = read_one_article(path, Settings(max_bytes=100))
    assert article.text == "a" * 84


def test_jsonl_over_the_size_limit_is_one_e103(tmp_path: Path) -> None:
    path = write(tmp_path, "flux.jsonl", jsonl(*({"text": f"Article {n}."} for n in range(10))))
    rejection = read_one_rejection(path, Settings(max_bytes=100))
    assert rejection.code == "E103"
    assert rejection.line is None


def test_nonexistent_path_is_e101(tmp_path: Path) -> None:
    missing = tmp_path / "absent.txt"
    rejection = read_one_rejection(missing)
    assert rejection == Rejection(
        path=str(missing), code="E101", message=f"[E101] {missing}: no such file or directory"
    )


def test_glob_without_match_is_e102(tmp_path: Path) -> None:
    write(tmp_path, "present.txt", "date 2024\nTexte.")
    pattern = str(tmp_path / "*.jsonl")
    rejection = read_one_rejection(pattern)
    assert rejection == Rejection(
        path=pattern, code="E102", message=f"[E102] {pattern}: no file matches this pattern"
    )


def test_unreadable_file_is_e111(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "verrou.txt", "date 2024\nTexte protégé.")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    rejection = only(list(read_file(str(path), Settings())))
    assert rejection == Rejection(
        path=str(path), code="E111", message=f"[E111] {path}: cannot be read (Permission denied)"
    )


# --------------------------------------------------------------------------------------------
# A batch goes on past bad input
# --------------------------------------------------------------------------------------------


def test_batch_goes_on_past_bad_input(tmp_path: Path) -> None:
    good = write(tmp_path, "a-bon.txt", "date 2024-11-27\nLa piscine municipale rouvre lundi.")
    binary = write(tmp_path, "b-scan.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    stream = write(
        tmp_path,
        "c-flux.jsonl",
        jsonl(
            {"text": "Le salon du livre ouvre samedi.", "date": "2024-11-28"},
            '{"text": "Ligne tronquée',
            {"text": "Les navettes gratuites reprennent.", "date": "2024-11-29"},
        ),
    )
    items = read_all([tmp_path])
    assert kinds(items) == ["A", "E104", "A", "E108", "A"]
    assert [(i.path, i.line) for i in items] == [
        (str(good), None),
        (str(binary), None),
        (str(stream), 1),
        (str(stream), 2),
        (str(stream), 3),
    ]
    assert [i.text for i in items if isinstance(i, Article)] == [
        "La piscine municipale rouvre lundi.",
        "Le salon du livre ouvre samedi.",
        "Les navettes gratuites reprennent.",
    ]


def test_batch_goes_on_past_missing_paths(tmp_path: Path) -> None:
    good = write(tmp_path, "bon.txt", "date 2024-11\nLe pont est rouvert.")
    missing = tmp_path / "absent.txt"
    pattern = str(tmp_path / "*.ndjson")
    items = read_all([missing, good, pattern, good])
    # The same file given twice is read once.
    assert kinds(items) == ["E101", "A", "E102"]
    assert items[1].path == str(good)
    assert items[1].text == "Le pont est rouvert."


# --------------------------------------------------------------------------------------------
# Directories and globs
# --------------------------------------------------------------------------------------------


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    write(root, "02-second.txt", "date 2024-11-02\nDeuxième.")
    write(root, "01-premier.text", "date 2024-11-01\nPremier.")
    write(root, "UPPER.TXT", "date 2024-11-09\nMajuscules.")
    write(root, "notes.md", "date 2024-11-03\nNotes ignorées.")
    write(root, "data.json", '{"text": "Ignoré."}\n')
    write(root, "sans-suffixe", "date 2024-11-03\nIgnoré aussi.")
    write(root, ".cache.txt", "date 2024-11-04\nFichier caché.")
    write(root, ".git/objet.txt", "date 2024-11-05\nDossier caché.")
    write(root, "lot/sub/04.ndjson", jsonl({"text": "Quatrième.", "date": "2024-11-04"}))
    write(root, "lot/03.jsonl", jsonl({"text": "Troisième.", "date": "2024-11-03"}))
    write(root, "archive/05.txt", "date 2024-11-05\nCinquième.")
    write(root, "archive/.brouillon/06.txt", "date 2024-11-06\nBrouillon caché.")
    return root


def test_directory_is_walked_recursively_sorted_skipping_hidden_and_other_suffixes(corpus: Path) -> None:
    # Within each directory: its files in name order, then its subdirectories in name order.
    assert list(expand([str(corpus)])) == [
        str(corpus / "01-premier.text"),
        str(corpus / "02-second.txt"),
        str(corpus / "UPPER.TXT"),
        str(corpus / "archive" / "05.txt"),
        str(corpus / "lot" / "03.jsonl"),
        str(corpus / "lot" / "sub" / "04.ndjson"),
    ]
    items = read_all([corpus])
    assert [i.text for i in items] == [
        "Premier.",
        "Deuxième.",
        "Majuscules.",
        "Cinquième.",
        "Troisième.",
        "Quatrième.",
    ]
    assert [i.line for i in items] == [None, None, None, None, 1, 1]


def test_glob_pattern_expands_sorted(corpus: Path) -> None:
    assert list(expand([str(corpus / "*.txt")])) == [str(corpus / "02-second.txt")]
    assert list(expand([str(corpus / "0*")])) == [
        str(corpus / "01-premier.text"),
        str(corpus / "02-second.txt"),
    ]


def test_glob_double_star_expands_recursively(corpus: Path) -> None:
    assert list(expand([str(corpus / "**" / "*.txt")])) == [
        str(corpus / "02-second.txt"),
        str(corpus / "archive" / "05.txt"),
    ]
    assert list(expand([str(corpus / "**" / "0*")])) == [
        str(corpus / "01-premier.text"),
        str(corpus / "02-second.txt"),
        str(corpus / "archive" / "05.txt"),
        str(corpus / "lot" / "03.jsonl"),
        str(corpus / "lot" / "sub" / "04.ndjson"),
    ]
    items = read_all([corpus / "**" / "*.txt"])
    assert [i.text for i in items] == ["Deuxième.", "Cinquième."]


def test_glob_matching_a_directory_walks_it(corpus: Path) -> None:
    assert list(expand([str(corpus / "l?t")])) == [
        str(corpus / "lot" / "03.jsonl"),
        str(corpus / "lot" / "sub" / "04.ndjson"),
    ]


def test_glob_match_with_unusual_suffix_is_read_as_text(corpus: Path) -> None:
    items = read_all([corpus / "*.md"])
    assert [(i.path, i.date, i.text) for i in items] == [
        (str(corpus / "notes.md"), "2024-11-03", "Notes ignorées.")
    ]


def test_glob_double_star_alone_yields_each_file_once(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "date 2024\nUn.")
    write(tmp_path, "sub/b.txt", "date 2024\nDeux.")
    assert list(expand([str(tmp_path / "**")])) == [str(tmp_path / "a.txt"), str(tmp_path / "sub" / "b.txt")]


def test_existing_path_with_glob_characters_is_read_directly(tmp_path: Path) -> None:
    path = write(tmp_path, "note[1].txt", "date 2024-11\nCrochets dans le nom.")
    assert list(expand([str(path)])) == [str(path)]
    assert read_one_article(path).text == "Crochets dans le nom."


def test_empty_directory_yields_nothing(tmp_path: Path) -> None:
    (tmp_path / "vide").mkdir()
    assert read_all([tmp_path / "vide"]) == []


# --------------------------------------------------------------------------------------------
# Standard input
# --------------------------------------------------------------------------------------------


def test_stdin_dated_text() -> None:
    data = "date 2024-11-27\nLe tribunal rendra sa décision jeudi.\n".encode()
    article = only(list(read(["-"], Settings(), stdin=io.BytesIO(data))))
    assert isinstance(article, Article)
    assert article.path == "<stdin>"
    assert article.line is None
    assert article.date == "2024-11-27"
    assert article.text == "Le tribunal rendra sa décision jeudi."


def test_stdin_jsonl_is_sniffed_from_the_first_character() -> None:
    data = (
        "\n  " + jsonl({"text": "Premier.", "date": "2024-11"}, {"text": "Second.", "date": "2024-12"})
    ).encode()
    items = list(read(["-"], Settings(), stdin=io.BytesIO(data)))
    assert [(i.path, i.line, i.text, i.date) for i in items] == [
        ("<stdin>", 2, "Premier.", "2024-11"),
        ("<stdin>", 3, "Second.", "2024-12"),
    ]


def test_stdin_jsonl_bad_line_names_stdin() -> None:
    data = jsonl({"text": "Bon.", "date": "2024-11"}, "[1, 2]").encode()
    items = list(read(["-"], Settings(), stdin=io.BytesIO(data)))
    assert kinds(items) == ["A", "E108"]
    assert items[1].message.startswith("[E108] <stdin>:2: malformed JSON line (a JSON list")


def test_stdin_undated_text_and_binary() -> None:
    items = list(read(["-"], Settings(), stdin=io.BytesIO(b"Pas de date ici.")))
    assert codes(only(items).notices) == ["W101"]
    assert only(items).notices[0].message == "[W101] <stdin>: no date; the document date is unknown"
    rejection = only(list(read(["-"], Settings(), stdin=io.BytesIO(b"\x89PNG\r\n\x1a\n"))))
    assert rejection.code == "E104"
    assert rejection.path == "<stdin>"


def test_stdin_over_the_size_limit() -> None:
    rejection = only(list(read(["-"], Settings(max_bytes=10), stdin=io.BytesIO(b"date 2024 Onze octets."))))
    assert rejection.code == "E103"
    assert rejection.message.startswith("[E103] <stdin>: file is 22 bytes, over the limit of 10 bytes")


def test_stdin_mixed_with_files(tmp_path: Path) -> None:
    path = write(tmp_path, "fichier.txt", "date 2024-10\nDepuis un fichier.")
    items = list(read([str(path), "-"], None, stdin=io.BytesIO(b"date 2024-11 Depuis stdin.")))
    assert [(i.path, i.text) for i in items] == [
        (str(path), "Depuis un fichier."),
        ("<stdin>", "Depuis stdin."),
    ]


# --------------------------------------------------------------------------------------------
# Encodings
# --------------------------------------------------------------------------------------------

FRENCH = "date 2024-11-27\nL'élève a reçu « ça » à Noël : un cœur en chocolat à 5 € et une crème brûlée."
FRENCH_BODY = FRENCH.split("\n", 1)[1]
LATIN1 = (
    "date 2024-11-27\n"
    "Le garçon a gagné à la fête : « très belle journée », dit-il. Où ça ? Là-bas, père Noël."
)
LATIN1_BODY = LATIN1.split("\n", 1)[1]


def test_utf8_without_bom_has_no_notice(tmp_path: Path) -> None:
    article = read_one_article(write(tmp_path, "utf8.txt", FRENCH))
    assert article.text == FRENCH_BODY
    assert article.notices == ()


def test_utf8_with_bom(tmp_path: Path) -> None:
    path = write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + FRENCH.encode("utf-8"))
    article = read_one_article(path)
    assert article.text == FRENCH_BODY
    assert "\ufeff" not in article.text
    assert article.date == "2024-11-27"
    assert article.notices == ()


def test_utf8_bom_before_undated_text(tmp_path: Path) -> None:
    article = read_one_article(write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + b"Sans date, avec BOM."))
    assert article.text == "Sans date, avec BOM."
    assert codes(article.notices) == ["W101"]


def test_utf8_bom_jsonl(tmp_path: Path) -> None:
    path = write(
        tmp_path, "flux.jsonl", b"\xef\xbb\xbf" + jsonl({"text": "Avec BOM.", "date": "2024-11"}).encode()
    )
    article = read_one_article(path)
    assert (article.line, article.text, article.notices) == (1, "Avec BOM.", ())


def test_cp1252_french_text(tmp_path: Path) -> None:
    data = FRENCH.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    path = write(tmp_path, "windows.txt", data)
    article = read_one_article(path)
    assert article.text == FRENCH_BODY
    for char in "éèàçœ€«»":
        assert char in article.text
    assert article.date == "2024-11-27"
    assert article.notices == (Notice("W102", f"[W102] {path}: not UTF-8; decoded as cp1252"),)


def test_latin1_french_text(tmp_path: Path) -> None:
    data = LATIN1.encode("latin-1")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    path = write(tmp_path, "latin1.txt", data)
    article = read_one_article(path)
    assert article.text == LATIN1_BODY
    # Latin-1 French text is byte-identical to Windows-1252, which the reader names.
    assert article.notices == (Notice("W102", f"[W102] {path}: not UTF-8; decoded as cp1252"),)


def test_cp1252_jsonl_every_article_gets_the_notice(tmp_path: Path) -> None:
    content = jsonl(
        {"text": "Première dépêche : 10 €.", "date": "2024-11"}, {"text": "Œuvre exposée.", "x": "y"}
    )
    path = write(tmp_path, "flux.jsonl", content.encode("cp1252"))
    items = read_all([path])
    assert [i.text for i in items] == ["Première dépêche : 10 €.", "Œuvre exposée."]
    w102 = Notice("W102", f"[W102] {path}: not UTF-8; decoded as cp1252")
    assert items[0].notices == (w102,)
    assert codes(items[1].notices) == ["W102", "W104", "W101"]
    assert items[1].notices[0] == w102


@pytest.mark.parametrize(
    "data",
    [
        FRENCH.encode("utf-16"),
        b"\xff\xfe" + FRENCH.encode("utf-16-le"),
        b"\xfe\xff" + FRENCH.encode("utf-16-be"),
    ],
    ids=["native", "le", "be"],
)
def test_utf16_with_bom(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path, "utf16.txt", data)
    article = read_one_article(path)
    assert article.text == FRENCH_BODY
    assert article.date == "2024-11-27"
    assert article.notices == (Notice("W102", f"[W102] {path}: not UTF-8; decoded as utf-16"),)


def test_utf32_with_bom(tmp_path: Path) -> None:
    path = write(tmp_path, "utf32.txt", b"\xff\xfe\x00\x00" + FRENCH.encode("utf-32-le"))
    article = read_one_article(path)
    assert article.text == FRENCH_BODY
    assert article.notices == (Notice("W102", f"[W102] {path}: not UTF-8; decoded as utf-32"),)


def test_utf16_without_bom_is_rejected_as_binary(tmp_path: Path) -> None:
    rejection = read_one_rejection(write(tmp_path, "utf16.txt", FRENCH.encode("utf-16-le")))
    assert rejection.code == "E104"
    assert "(NUL bytes)" in rejection.message


def test_decode_directly() -> None:
    assert decode("Déjà vu.".encode(), "x.txt") == ("Déjà vu.", None)
    assert decode(b"\xef\xbb\xbfD\xc3\xa9j\xc3\xa0 vu.", "x.txt") == ("Déjà vu.", None)
    text, notice = decode("Déjà vu.".encode("cp1252"), "x.txt")
    assert (text, notice) == ("Déjà vu.", Notice("W102", "[W102] x.txt: not UTF-8; decoded as cp1252"))
    with pytest.raises(InputError) as caught:
        decode(b"%PDF-1.5", "x.pdf")
    assert (caught.value.code, caught.value.path) == ("E104", "x.pdf")


# --------------------------------------------------------------------------------------------
# read_bytes, normalize, document_id, parse_date
# --------------------------------------------------------------------------------------------


def test_read_bytes_formats() -> None:
    data = jsonl({"text": "Dans un flux.", "date": "2024-11"}).encode()
    as_jsonl = only(list(read_bytes(data, "f", Settings(), fmt="jsonl")))
    assert (as_jsonl.text, as_jsonl.line) == ("Dans un flux.", 1)
    as_text = only(list(read_bytes(data, "f", Settings(), fmt="text")))
    assert as_text.text == '{"text": "Dans un flux.", "date": "2024-11"}'
    assert as_text.line is None
    sniffed = only(list(read_bytes(data, "f", Settings(), fmt=None)))
    assert sniffed.line == 1


def test_normalize() -> None:
    assert normalize("\r\n  Un\r\ndeux\rtrois  \n\n") == "Un\ndeux\ntrois"
    assert normalize(unicodedata.normalize("NFD", " Noël ")) == "Noël"
    assert normalize(" \n\t ") == ""


def test_document_id_is_16_lowercase_hex_and_stable() -> None:
    text = "Le conseil municipal s'est réuni lundi soir."
    assert document_id(text) == "1d4dc40cddd4f393"
    assert document_id(text) == document_id(text)
    assert HEX16.match(document_id(text))
    assert HEX16.match(document_id(""))


def test_document_id_ignores_whitespace_differences() -> None:
    base = document_id("Le conseil municipal s'est réuni lundi soir.")
    assert document_id("  Le conseil\tmunicipal\n\ns'est   réuni lundi soir.\n") == base
    assert document_id("Le conseil municipal\r\ns'est réuni lundi soir.") == base
    assert document_id(unicodedata.normalize("NFD", "Le conseil municipal s'est réuni lundi soir.")) == base


def test_document_id_differs_for_different_texts() -> None:
    ids = {
        document_id("Le conseil municipal s'est réuni lundi soir."),
        document_id("Le conseil municipal s'est réuni mardi soir."),
        document_id("le conseil municipal s'est réuni lundi soir."),
        document_id("Le conseil municipal s'est reuni lundi soir."),
        document_id("Le conseil municipals'est réuni lundi soir."),
    }
    assert len(ids) == 5


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024", ("2024", "year")),
        ("1999", ("1999", "year")),
        ("2024-11", ("2024-11", "month")),
        ("2024-1", ("2024-01", "month")),
        ("2024-11-27", ("2024-11-27", "day")),
        ("2024-2-5", ("2024-02-05", "day")),
        ("2024-02-29", ("2024-02-29", "day")),
        ("  2024-11-27\n", ("2024-11-27", "day")),
        ("2024-11-27T10:15:00Z", ("2024-11-27", "day")),
        ("2024-11-27T10:15", ("2024-11-27", "day")),
        ("2024-11-27 10:15:00", ("2024-11-27", "day")),
        ("2024-11-27T23:59:59.999+01:00", ("2024-11-27", "day")),
        ("2024-11-27T00:00:00-0500", ("2024-11-27", "day")),
    ],
)
def test_parse_date_good_values(value: str, expected: tuple[str, str]) -> None:
    assert parse_date(value, "f.txt") == expected


@pytest.mark.parametrize(
    "value",
    [
        "2024-13",
        "2024-00",
        "2024-11-00",
        "2024-11-31",
        "2024-02-30",
        "2023-02-29",
        "0000",
        "27/11/2024",
        "2024/11/27",
        "24-11-27",
        "20241127",
        "2024-11-27T",
        "2024-11-27T10",
        "novembre 2024",
        "2024-11-27-01",
        "",
    ],
)
def test_parse_date_bad_values(value: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_date(value, "f.txt")
    error = caught.value
    assert error.code == "E107"
    assert error.path == "f.txt"
    assert str(error) == (
        f"[E107] f.txt: malformed date {value.strip()!r}: "
        "write YYYY-MM or YYYY-MM-DD, as in 'date 2024-11-27'"
    )


def test_parse_date_bad_datetime_reports_the_date_part() -> None:
    with pytest.raises(InputError) as caught:
        parse_date("2024-02-30T10:00:00Z", "f.jsonl", 7)
    assert caught.value.code == "E107"
    assert str(caught.value).startswith("[E107] f.jsonl:7: malformed date '2024-02-30'")
