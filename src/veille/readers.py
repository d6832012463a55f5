"""Reading documents: dated text files, JSON Lines, directories, globs and standard input.

Readers turn bytes into :class:`~veille.records.Article` records and never stop a batch: an
input that cannot become a document is yielded as a :class:`Rejection` that names the file (and
line) and the reason. See ``docs/input.md`` for the formats.

The document body is normalized before anything else sees it: newlines become ``\\n``, the text
is put in Unicode NFC, and surrounding whitespace is dropped. Every offset veille reports is a
character offset into that body.
"""

from __future__ import annotations

import datetime as dt
import glob
import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from .errors import InputError, message, where
from .records import Article, DatePrecision, Notice
from .settings import Settings

STDIN = "-"
TEXT_SUFFIXES = frozenset({".txt", ".text"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
JSONL_FIELDS = frozenset({"text", "date", "id", "url", "title", "source", "language"})

# Magic numbers of binary formats people drop into news folders by mistake.
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or office document"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3", "an SQLite database"),
)
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_HEADER = re.compile(r"\A\s*date[ \t]*:?[ \t]*(?P<value>\S*\d\S*)(?P<sep>\s*)", re.IGNORECASE)
_DATE = re.compile(r"\A(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?)?\Z")
_DATETIME = re.compile(r"\A(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?\Z")
_LANGUAGE = re.compile(r"\A[a-z]{2,3}\Z")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_TITLE_MAX = 150


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not become a document, with the catalogue code and message."""

    path: str
    code: str
    message: str
    line: int | None = None


def read(
    paths: Iterable[str], settings: Settings | None = None, stdin: BinaryIO | None = None
) -> Iterator[Article | Rejection]:
    """Read every document from ``paths`` (files, directories, globs, ``-``), in order."""
    settings = settings or Settings()
    for item in expand(paths):
        if isinstance(item, Rejection):
            yield item
        elif item == STDIN:
            if stdin is None:
                import sys

                stdin = sys.stdin.buffer
            yield from read_bytes(stdin.read(), "<stdin>", settings, fmt=None)
        else:
            yield from read_file(item, settings)


def expand(paths: Iterable[str]) -> Iterator[str | Rejection]:
    """Expand directories (recursively, skipping hidden entries) and glob patterns into files.

    Each file is given once, even when several arguments or a ``**`` pattern reach it.
    """
    seen: set[Path] = set()
    for raw in paths:
        if raw == STDIN:
            yield STDIN
            continue
        path = Path(raw)
        if path.is_dir():
            files = _walk(path)
        elif path.exists():
            files = [path]
        elif glob.has_magic(raw):
            matches = [Path(m) for m in sorted(glob.glob(raw, recursive=True))]
            if not matches:
                yield _reject("E102", raw)
            files = [f for m in matches for f in (_walk(m) if m.is_dir() else [m])]
        else:
            yield _reject("E101", raw)
            continue
        for file in files:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                yield str(file)


def _walk(root: Path) -> list[Path]:
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            suffix = Path(name).suffix.lower()
            if not name.startswith(".") and suffix in TEXT_SUFFIXES | JSONL_SUFFIXES:
                found.append(Path(dirpath) / name)
    return found


def read_file(path: str, settings: Settings) -> Iterator[Article | Rejection]:
    """Read one file; its suffix says whether it holds JSON Lines or one dated text."""
    try:
        size = os.path.getsize(path)
        if size > settings.max_bytes:
            yield _reject("E103", path, size=size, limit=settings.max_bytes)
            return
        data = Path(path).read_bytes()
    except OSError as exc:
        yield _reject("E111", path, reason=exc.strerror or str(exc))
        return
    fmt = "jsonl" if Path(path).suffix.lower() in JSONL_SUFFIXES else "text"
    yield from read_bytes(data, path, settings, fmt=fmt)


def read_bytes(data: bytes, path: str, settings: Settings, fmt: str | None) -> Iterator[Article | Rejection]:
    """Decode ``data`` and parse it as ``fmt`` ("text", "jsonl", or None to sniff)."""
    if len(data) > settings.max_bytes:
        yield _reject("E103", path, size=len(data), limit=settings.max_bytes)
        return
    try:
        text, notice = decode(data, path)
    except InputError as exc:
        yield _rejection(exc)
        return
    if fmt is None:
        fmt = "jsonl" if text.lstrip().startswith("{") else "text"
    if fmt == "jsonl":
        yield from parse_jsonl(text, path, settings, notice)
        return
    try:
        yield parse_text(text, path, settings, (notice,) if notice else ())
    except InputError as exc:
        yield _rejection(exc)


def decode(data: bytes, path: str) -> tuple[str, Notice | None]:
    """Decode bytes to text: UTF-8 (BOM or not) silently, anything else with a W102 notice."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError("E104", path=path, reason=what)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError("E105", path=path) from exc
            return _check_text(text, path), _encoding_notice(path, encoding)
    if b"\x00" in data[:65536]:
        raise InputError("E104", path=path, reason="NUL bytes")
    try:
        return _check_text(data.decode("utf-8"), path), None
    except UnicodeDecodeError:
        pass
    encoding, text = _guess_encoding(data, path)
    return _check_text(text, path), _encoding_notice(path, encoding)


def _guess_encoding(data: bytes, path: str) -> tuple[str, str]:
    # Detectors are weak on short Western European text (they often pick cp1250 or
    # mac_* for French). Windows-1252 is taken first when it decodes to clean text,
    # as judged by charset-normalizer's own mess measure; otherwise the detector decides.
    from charset_normalizer import from_bytes
    from charset_normalizer.md import mess_ratio

    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and mess_ratio(western) < 0.1:
        return "cp1252", western
    best = from_bytes(data).best()
    if best is None:
        raise InputError("E105", path=path)
    return best.encoding, str(best)


def _encoding_notice(path: str, encoding: str) -> Notice | None:
    if encoding in {"utf-8-sig", "utf_8"}:
        return None
    return Notice("W102", message("W102", where=path, encoding=encoding))


def _check_text(text: str, path: str) -> str:
    controls = len(_CONTROL.findall(text[:65536]))
    if controls > max(3, len(text[:65536]) // 100):
        raise InputError("E104", path=path, reason=f"{controls} control characters")
    return text


def normalize(text: str) -> str:
    """The document body as veille sees it: ``\\n`` newlines, NFC, no surrounding whitespace."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text).strip()


def document_id(body: str) -> str:
    """The document id: 16 hex digits of the SHA-256 of the body with whitespace collapsed."""
    canonical = " ".join(unicodedata.normalize("NFC", body).split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def parse_date(value: str, path: str, line: int | None = None) -> tuple[str, DatePrecision]:
    """Parse ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` (or an ISO datetime), keeping the precision given."""
    value = value.strip()
    stamp = _DATETIME.match(value)
    if stamp:
        value = stamp.group(1)
    match = _DATE.match(value)
    if match is None:
        raise InputError("E107", path=path, line=line, value=value)
    year, month, day = match.group("y"), match.group("m"), match.group("d")
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError as exc:
        raise InputError("E107", path=path, line=line, value=value) from exc
    if day is not None:
        return f"{year}-{int(month):02d}-{int(day):02d}", "day"
    if month is not None:
        return f"{year}-{int(month):02d}", "month"
    return year, "year"


def parse_text(text: str, path: str, settings: Settings, notices: tuple[Notice, ...] = ()) -> Article:
    """Parse one dated text: an optional ``date ...`` header, then the body (same line or next)."""
    text = text.lstrip("\ufeff")
    header = _HEADER.match(text)
    date: str | None = None
    precision: DatePrecision | None = None
    if header:
        date, precision = parse_date(header.group("value"), path)
        text = text[header.end() :]
    body = normalize(text)
    if not body:
        raise InputError("E106", path=path, detail=" after the date header" if header else "")
    return _article(body, path, date, precision, settings, notices, title=_title(body))


def _title(body: str) -> str | None:
    # A short first line standing alone as a paragraph, without closing punctuation, is a headline.
    first, sep, rest = body.partition("\n")
    if not sep or not rest.startswith("\n") or len(first) > _TITLE_MAX:
        return None
    first = first.strip()
    return first if first and first[-1] not in ".!?…:;,»\"'" else None


def parse_jsonl(
    text: str, path: str, settings: Settings, notice: Notice | None = None
) -> Iterator[Article | Rejection]:
    """Parse JSON Lines: one article object per line; blank lines are skipped."""
    # Split on newlines only: U+2028 and friends may stand unescaped inside JSON strings.
    for number, raw in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        if not raw.strip():
            continue
        try:
            yield _jsonl_article(raw, path, number, settings, notice)
        except InputError as exc:
            yield _rejection(exc)


def _jsonl_article(raw: str, path: str, line: int, settings: Settings, notice: Notice | None) -> Article:
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError("E108", path=path, line=line, reason=f"column {exc.colno}: {exc.msg}") from exc
    if not isinstance(obj, dict):
        raise InputError("E108", path=path, line=line, reason=f"a JSON {type(obj).__name__}, not an object")
    for key in JSONL_FIELDS:
        if obj.get(key) is not None and not isinstance(obj[key], str):
            reason = f"field {key!r} must be a string, not {type(obj[key]).__name__}"
            raise InputError("E109", path=path, line=line, reason=reason)
    if obj.get("language") and not _LANGUAGE.match(obj["language"].strip().lower()):
        reason = f"field 'language' must be an ISO 639 code such as 'fr', not {obj['language']!r}"
        raise InputError("E109", path=path, line=line, reason=reason)
    if "text" not in obj:
        raise InputError("E109", path=path, line=line, reason="no 'text' field")
    body = normalize(obj["text"] or "")
    if not body:
        raise InputError("E106", path=path, line=line, detail="")
    notices = [notice] if notice else []
    unknown = sorted(set(obj) - JSONL_FIELDS)
    if unknown:
        notices.append(Notice("W104", message("W104", where=where(path, line), fields=", ".join(unknown))))
    date, precision = parse_date(obj["date"], path, line) if obj.get("date") else (None, None)
    return _article(
        body,
        path,
        date,
        precision,
        settings,
        tuple(notices),
        line=line,
        title=obj.get("title") or None,
        url=obj.get("url") or None,
        source=obj.get("source") or None,
        language=(obj.get("language") or "").strip().lower() or None,
        given_id=obj.get("id") or None,
    )


def _article(
    body: str,
    path: str,
    date: str | None,
    precision: DatePrecision | None,
    settings: Settings,
    notices: tuple[Notice, ...],
    *,
    line: int | None = None,
    given_id: str | None = None,
    **fields: Any,
) -> Article:
    if date is None:
        if settings.require_date:
            raise InputError("E110", path=path, line=line)
        notices += (Notice("W101", message("W101", where=where(path, line))),)
    # The id is always the hash of the text, so that re-ingesting is idempotent; an id given
    # in JSON Lines is kept beside it as the source's own identifier.
    return Article(
        id=document_id(body),
        text=body,
        path=path,
        date=date,
        date_precision=precision,
        line=line,
        notices=notices,
        external_id=given_id,
        **fields,
    )


def _reject(code: str, path: str, **values: Any) -> Rejection:
    return _rejection(InputError(code, path=path, **values))


def _rejection(exc: InputError) -> Rejection:
    return Rejection(path=exc.path, code=exc.code, message=str(exc), line=exc.line)
