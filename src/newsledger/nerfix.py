"""News-specific NER fixes applied to spaCy's entities (placeholder: identity until rules land)."""

from __future__ import annotations

from .model import Annotated


def fix(a: Annotated) -> Annotated:
    return a
