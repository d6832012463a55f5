"""The one catalogue of veille's errors and warnings, and the exception hierarchy.

Every message has a stable code (``E1xx`` input, ``E2xx`` pipeline and settings, ``E3xx`` store,
``W1xx`` warnings) and says what to do next. Library code raises :class:`VeilleError`
subclasses or attaches :class:`~veille.records.Notice` warnings; only the CLI turns them into
output and exit codes. The catalogue is documented in ``docs/errors.md``; a test checks that
every code is.
"""

from __future__ import annotations

from typing import Any

CATALOGUE: dict[str, str] = {
    # Reading input
    "E101": "{path}: no such file or directory",
    "E102": "{path}: no file matches this pattern",
    "E103": (
        "{path}: file is {size} bytes, over the limit of {limit} bytes; "
        "raise the limit with --max-bytes or VEILLE_MAX_BYTES"
    ),
    "E104": (
        "{path}: binary content ({reason}), not text; veille reads UTF-8 text files "
        "starting with 'date YYYY-MM' and JSON Lines files"
    ),
    "E105": "{path}: bytes cannot be decoded as text in any known encoding; save the file as UTF-8",
    "E106": "{path}: empty text: there is no article body{where}",
    "E107": "{path}: malformed date {value!r}: write 'date YYYY-MM' or 'date YYYY-MM-DD' (e.g. date 2024-11-27)",
    "E108": "{path}: line {line}: malformed JSON line ({reason}); each line must hold one JSON object",
    "E109": "{path}: line {line}: {reason}",
    "E110": "{path}: no date: add a first line 'date YYYY-MM' or 'date YYYY-MM-DD', or drop --require-date",
    "E111": "{path}: cannot be read ({reason})",
    # Pipeline and settings
    "E201": (
        "the spaCy model {model!r} is not installed; run 'make install' (it is a dependency of veille) "
        "or set VEILLE_MODEL to an installed French pipeline"
    ),
    "E202": "invalid value {value!r} for setting {name}: {reason}",
    # Store
    "E301": "{path}: cannot open the database ({reason})",
    "E302": (
        "{path}: database schema version {found} is newer than this veille ({known}); "
        "upgrade veille or use another --db"
    ),
    "E303": "no document with id {doc_id!r} in {path}",
    "E304": "document id prefix {doc_id!r} is ambiguous in {path}: {count} documents match; give more characters",
    "E305": "{path}: no database here; create one with 'veille ingest PATH --db {path}'",
    # Warnings
    "W101": "{path}: no date header; the document date is unknown",
    "W102": "{path}: not UTF-8; decoded as {encoding}",
    "W103": "{path}: language {language!r} has no pipeline; the document is stored without extraction",
    "W104": "{path}: line {line}: unknown field(s) {fields} ignored",
    "W105": "{path}: same text as {other}; kept once",
}


def message(code: str, **values: Any) -> str:
    """Format catalogue entry ``code`` with ``values``, prefixed by the code."""
    return f"[{code}] " + CATALOGUE[code].format(**values)


class VeilleError(Exception):
    """Base of every error veille raises; ``code`` is its catalogue code."""

    def __init__(self, code: str, **values: Any) -> None:
        self.code = code
        self.values = values
        super().__init__(message(code, **values))


class InputError(VeilleError):
    """An input (file, line, stream) cannot be turned into a document."""

    def __init__(self, code: str, *, path: str, line: int | None = None, **values: Any) -> None:
        self.path = path
        self.line = line
        super().__init__(code, path=path, line=line, **values)


class PipelineError(VeilleError):
    """The language pipeline cannot be built or run."""


class SettingsError(VeilleError):
    """A setting has an invalid value."""


class StoreError(VeilleError):
    """The database cannot be opened, migrated, read or written."""
