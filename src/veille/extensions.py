"""The ``doc._.veille_*`` extension namespace, registered once at import.

Each veille component writes its own attribute; :func:`veille.contract.result_from_doc`
reads them all. ``veille_article`` carries the reader's record (document date and metadata)
into the pipeline for components that need it, such as time normalization.
"""

from __future__ import annotations

from spacy.tokens import Doc

ATTRIBUTES = (
    "veille_article",
    "veille_entities",
    "veille_events",
    "veille_quotes",
    "veille_claims",
    "veille_times",
    "veille_places",
    "veille_tone",
    "veille_themes",
)

for _name in ATTRIBUTES:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def text_of(doc: Doc) -> str:
    """``doc.text``, joined once per document and kept in ``doc.user_data`` (spaCy joins every
    token's text again at each access, and several components read it)."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return str(text)


_TEXT = "veille.text"
