"""Language identification per document, with py3langid (a maintained fork of langid.py)."""

from __future__ import annotations

import functools
from typing import Any

UNDETERMINED = "und"
MIN_CHARS = 20  # below this, identification is a guess: say so rather than guess
SAMPLE_CHARS = 5000  # the opening of a long article is enough to tell its language


@functools.cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> tuple[str, float]:
    """The ISO 639-1 code of the language of ``text`` and its probability (``und``, 0.0 if too short)."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_CHARS:
        return UNDETERMINED, 0.0
    language, probability = _identifier().classify(sample)
    return str(language), round(float(probability), 4)
