"""veille: dated news articles in, structured and queryable knowledge out.

>>> import veille
>>> result = veille.extract("Le ministre s'est rendu mercredi à Rabat.", date="2024-11")
>>> db = veille.open("veille.duckdb"); db.entities(type="person")
"""

from __future__ import annotations

from .api import Database, extract, open
from .errors import InputError, PipelineError, SettingsError, StoreError, VeilleError
from .records import SCHEMA, DocumentResult
from .settings import Settings

__version__ = "0.1.0"

__all__ = [
    "SCHEMA",
    "Database",
    "DocumentResult",
    "InputError",
    "PipelineError",
    "Settings",
    "SettingsError",
    "StoreError",
    "VeilleError",
    "__version__",
    "extract",
    "open",
]
