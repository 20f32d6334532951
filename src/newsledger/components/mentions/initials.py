"""A one-word person's name keeps the capital initial before it ("S Easterby").

Team sheets list players by initial and surname ("S Easterby, J O'Connor, A Foley"),
and the tagger often tags the surname alone: two players of one surname on one sheet
("S Easterby", "G Easterby") would then be one entity, and cross-document resolution
would join it to whichever of them is named in full elsewhere.  The span is taken
back over the initial, so the initials keep them apart.
"""

from __future__ import annotations

import re

# a capital initial before a surname ("S Easterby", "R. Jones"); "A" and "I" only in a
# list ("M Davies, A Jones;"), never opening a sentence ("A Mori poll")
_INITIAL = re.compile(r"(?:^|(?<=[\s,;:(]))([A-Z])\.? $")
_LIST_BEFORE = re.compile(r"[,;:(]\s*$")


def with_initial(text: str, s: int, e: int) -> int:
    """The start of a one-word person's span ``s:e`` taken back over the initial before it
    ("S Easterby, J O'Connor, A Foley"): two players of one surname on a team sheet keep
    their initials apart.  ``s`` when no initial stands before it."""
    if " " in text[s:e] or not text[s:e][:1].isupper():
        return s
    m = _INITIAL.search(text, max(0, s - 3), s)
    if m is None:
        return s
    if m.group(1) in {"A", "I"} and not _LIST_BEFORE.search(text, max(0, m.start() - 3), m.start()):
        return s
    return m.start()
