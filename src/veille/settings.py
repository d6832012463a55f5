"""Settings, declared once with their default, environment variable and help.

Each field of :class:`Settings` carries its environment variable and help text in its metadata.
Precedence: a command-line option, then the environment variable, then the default.
``docs/settings.md`` documents every setting; a test checks that it does.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .errors import SettingsError


def _positive_int(raw: str) -> int:
    value = int(raw)
    if value <= 0:
        raise ValueError("must be a positive integer")
    return value


def _non_empty(raw: str) -> str:
    if not raw.strip():
        raise ValueError("must not be empty")
    return raw


def _flag(raw: str) -> bool:
    lowered = raw.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off", ""}:
        return False
    raise ValueError("must be true or false")


def _paths(raw: str) -> tuple[str, ...]:
    return tuple(part for part in raw.split(os.pathsep) if part.strip())


def _languages(raw: str) -> tuple[str, ...]:
    return tuple(part.strip().lower() for part in raw.split(",") if part.strip())


def _setting(default: Any, env: str, help: str, parse: Callable[[str], Any] = str) -> Any:
    return field(default=default, metadata={"env": env, "help": help, "parse": parse})


@dataclass(frozen=True, slots=True)
class Settings:
    """The effective settings of one run (immutable: make a new one with :meth:`replace`)."""

    db: str = _setting(
        "veille.duckdb", "VEILLE_DB", "DuckDB file that ingest writes and queries read.", _non_empty
    )
    model: str = _setting("fr_core_news_md", "VEILLE_MODEL", "Installed spaCy pipeline for French documents.")
    batch_size: int = _setting(
        32,
        "VEILLE_BATCH_SIZE",
        "New documents per batch: the unit of nlp.pipe and of one atomic database commit.",
        _positive_int,
    )
    max_bytes: int = _setting(
        10_000_000,
        "VEILLE_MAX_BYTES",
        "Largest input file accepted, in bytes; larger files are rejected with E103.",
        _positive_int,
    )
    require_date: bool = _setting(
        False,
        "VEILLE_REQUIRE_DATE",
        "Reject documents without a date (E110) instead of accepting them with an unknown date (W101).",
        _flag,
    )
    languages: tuple[str, ...] = _setting(
        ("fr",),
        "VEILLE_LANGUAGES",
        "Languages with a pipeline, comma-separated; documents in others are stored without extraction.",
        _languages,
    )

    kb_paths: tuple[str, ...] = _setting(
        (),
        "VEILLE_KB",
        "Knowledge-base files (JSON Lines) added to the shipped ones, separated by the OS path separator.",
        _paths,
    )
    event_lexicons: tuple[str, ...] = _setting(
        (),
        "VEILLE_EVENT_LEXICONS",
        "Event-trigger lexicons (TSV, see docs/events.md) added to the shipped one, OS-path-separated.",
        _paths,
    )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Settings from the environment, with ``overrides`` (non-None values) on top."""
        environ = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            raw = environ.get(f.metadata["env"])
            if raw is None:
                continue
            try:
                values[f.name] = f.metadata["parse"](raw)
            except ValueError as exc:
                raise SettingsError("E202", name=f.metadata["env"], value=raw, reason=str(exc)) from exc
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)
