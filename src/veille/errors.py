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
    "E101": "{where}: no such file or directory",
    "E102": "{where}: no file matches this pattern",
    "E103": (
        "{where}: file is {size} bytes, over the limit of {limit} bytes; "
        "raise the limit with --max-bytes or VEILLE_MAX_BYTES"
    ),
    "E104": (
        "{where}: binary content ({reason}), not text; veille reads UTF-8 text files "
        "starting with 'date YYYY-MM' and JSON Lines files"
    ),
    "E105": "{where}: bytes cannot be decoded as text in any known encoding; save the file as UTF-8",
    "E106": "{where}: empty text: there is no article body{detail}",
    "E107": "{where}: malformed date {value!r}: write YYYY-MM or YYYY-MM-DD, as in 'date 2024-11-27'",
    "E108": "{where}: malformed JSON line ({reason}); each line must hold one JSON object",
    "E109": "{where}: {reason}",
    "E110": (
        "{where}: no date: add a first line 'date YYYY-MM[-DD]' (or a 'date' field in JSON Lines), "
        "or drop --require-date"
    ),
    "E111": "{where}: cannot be read ({reason})",
    # Pipeline and settings
    "E201": (
        "the spaCy model {model!r} is not installed; run 'make install' (it is a dependency of veille) "
        "or set VEILLE_MODEL to an installed French pipeline"
    ),
    "E202": "invalid value {value!r} for setting {name}: {reason}",
    "E203": "{path}: line {line}: not a knowledge-base record ({reason}); see docs/knowledge-base.md",
    "E204": "{path}: line {line}: not an event-lexicon entry ({reason}); see docs/events.md",
    "E205": "{path}: cannot read this event lexicon ({reason})",
    # Store
    "E301": "{path}: cannot open the database ({reason})",
    "E302": (
        "{path}: database schema version {found} is newer than this veille ({known}); "
        "upgrade veille or use another --db"
    ),
    "E303": "no document with id {doc_id!r} in {path}",
    "E304": (
        "document id prefix {doc_id!r} is ambiguous in {path}: {count} documents match; give more characters"
    ),
    "E305": "{path}: no database here; create one with 'veille ingest PATH --db {path}'",
    # Warnings
    "W101": "{where}: no date; the document date is unknown",
    "W102": "{where}: not UTF-8; decoded as {encoding}",
    "W103": "{where}: language {language!r} has no pipeline; the document is kept without extraction",
    "W104": "{where}: unknown field(s) {fields} ignored",
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


def where(path: str, line: int | None = None) -> str:
    """How messages name an input: ``path``, or ``path:line`` for a line of JSON Lines."""
    return path if line is None else f"{path}:{line}"


class InputError(VeilleError):
    """An input (file, line, stream) cannot be turned into a document."""

    def __init__(self, code: str, *, path: str, line: int | None = None, **values: Any) -> None:
        self.path = path
        self.line = line
        super().__init__(code, where=where(path, line), **values)


class PipelineError(VeilleError):
    """The language pipeline cannot be built or run."""


class SettingsError(VeilleError):
    """A setting has an invalid value."""


class StoreError(VeilleError):
    """The database cannot be opened, migrated, read or written."""
