"""A surname said only as a family's name ("the Agnelli family", "the Oatley clan").

spaCy tags "Agnelli" of "the Agnelli family" a person, and cross-document
resolution would then join it, as a bare surname, to the one person of that surname
named in full elsewhere (Gianni Agnelli): the family is not he.  A person-typed entity
every mention of which is followed by "family", "clan" or "dynasty" is named
:func:`family_name` ("the Agnelli family"); across documents it is no person's name
(:mod:`newsledger.corpus.resolve` gives it no name parts), so it joins only the same
family.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

FAMILY_PREFIX = "the "
FAMILY_WORDS = ("family", "clan", "dynasty")
_AFTER = re.compile(r"(?:['’]s?)?\s+(?:" + "|".join(FAMILY_WORDS) + r")\b")


def is_family_mentions(text: str, spans: Sequence[tuple[int, int]]) -> bool:
    """Is every span of ``spans`` a name followed by "family", "clan" or "dynasty"?"""
    return bool(spans) and all(_AFTER.match(text, e) for _, e in spans)


def family_name(name: str) -> str:
    """The name of a family entity: ``"Agnelli"`` -> ``"the Agnelli family"``."""
    return f"{FAMILY_PREFIX}{name} family"


def is_family(etype: str, name: str) -> bool:
    """Whether an entity is a family named by :func:`family_name`."""
    return etype == "PERSON" and name.startswith(FAMILY_PREFIX) and name.endswith(" family")
