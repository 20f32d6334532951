"""Speaker resolution for the quote stage.

A speaker phrase found by the parse ("Emomali Rakhmon", "he", "the researcher",
"an analysis by Lily Batchelder", "the U.S. Embassy") becomes a
:class:`SpeakerRef`: the document entity it refers to (when there is one),
that entity's canonical name, and the span of the words the text uses.

* a name: the entity of the mention it belongs to;
* a pronoun (he, she; it and they for organisations): the nearest suitable
  antecedent before it, outside quotation marks;
* a description ("the researcher", "the Tajik president", "the head of
  state"): a person whose role matches, else the last person quoted, else
  the nearest person named;
* a document or finding ("reports from the New York Times"): the name
  inside it.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from newsledger.components.quotes.lexicon import Lexicon, lexicon
from newsledger.core.model import Analysis, Mention, Role, SpeakerRef
from newsledger.nlp.deptree import Tree

PERSON_PRONOUNS = frozenset({"he", "she"})
GROUP_PRONOUNS = frozenset({"it", "they"})
FIRST_PERSON = frozenset({"i", "we", "you"})
NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
SPEAKER_TYPES = ("PERSON", "ORG", "GPE", "NORP")
_LOOKBACK = 3000  # characters searched back for an antecedent
_DESCRIPTION_DETS = frozenset({"the", "this", "that"})
_RELATIVE = frozenset({"who", "which", "that"})


class MentionIndex:
    """Mentions of a document addressed by token and by character offset."""

    def __init__(self, a: Analysis) -> None:
        toks = a.annotated.tokens
        self.mentions = sorted(a.mentions, key=lambda m: (m.start, m.end))
        self.starts = [m.start for m in self.mentions]
        self.names = {e.id: e.name for e in a.entities}
        self.types = {e.id: e.type for e in a.entities}
        self.tok: list[int] = [-1] * len(toks)
        for k, m in enumerate(self.mentions):
            i = a.annotated.token_at(m.start)
            while i < len(toks) and toks[i].start < m.end:
                self.tok[i] = k
                i += 1

    def at(self, i: int) -> Mention | None:
        k = self.tok[i] if 0 <= i < len(self.tok) else -1
        return self.mentions[k] if k >= 0 else None

    def within(self, lo: int, hi: int, types: frozenset[str] = NAME_TYPES) -> list[Mention]:
        """Mentions whose tokens lie in the token range [lo, hi]."""
        seen: list[Mention] = []
        for i in range(lo, hi + 1):
            m = self.at(i)
            if m is not None and m.type in types and (not seen or seen[-1] is not m):
                seen.append(m)
        return seen

    def before(self, char: int) -> int:
        """Index of the first mention starting at or after ``char``."""
        return bisect.bisect_left(self.starts, char)


@dataclass(slots=True)
class Said:
    """A speaker already resolved, for later pronouns and descriptions."""

    pos: int
    ref: SpeakerRef
    type: str


class Resolver:
    """Resolves speaker phrases in text order; remembers who spoke."""

    def __init__(
        self,
        a: Analysis,
        tree: Tree,
        index: MentionIndex,
        roles: list[Role],
        quoted: list[tuple[int, int]],
    ) -> None:
        self.a = a
        self.text = a.text
        self.tree = tree
        self.index = index
        self.roles = roles
        self.quoted = quoted  # outer spans of quotations: names inside are not antecedents
        self.quoted_starts = [s for s, _ in quoted]
        self.history: list[Said] = []
        self.lex: Lexicon = lexicon()

    # ------------------------------------------------------------ helpers
    def _in_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self.quoted_starts, pos) - 1
        return k >= 0 and self.quoted[k][0] <= pos < self.quoted[k][1]

    def _ref(self, m: Mention, start: int, end: int) -> SpeakerRef:
        return SpeakerRef(m.entity, self.index.names.get(m.entity, m.text), start, end)

    def _antecedent(self, pos: int, types: tuple[str, ...]) -> Mention | None:
        ms = self.index.mentions
        k = self.index.before(pos) - 1
        while k >= 0 and pos - ms[k].start < _LOOKBACK:
            m = ms[k]
            if m.type in types and m.end <= pos and not self._in_quote(m.start):
                return m
            k -= 1
        return None

    def _last_speaker(self, pos: int, types: tuple[str, ...]) -> Said | None:
        for said in reversed(self.history):
            near = said.pos < pos and pos - said.pos < _LOOKBACK
            if near and said.type in types and said.ref.entity is not None:
                return said
        return None

    def remember(self, pos: int, ref: SpeakerRef | None) -> None:
        if ref is None or ref.entity is None:
            return
        self.history.append(Said(pos, ref, self.index.types.get(ref.entity, "")))

    def previous(self, pos: int) -> SpeakerRef | None:
        """The last speaker resolved before ``pos`` (for quotes with no cue of their own)."""
        said = self._last_speaker(pos, SPEAKER_TYPES)
        return said.ref if said is not None else None

    # ------------------------------------------------------------ resolve
    def resolve(self, head: int | None, prep: bool = False) -> SpeakerRef | None:
        """The speaker named by the phrase headed by token ``head``."""
        if head is None:
            return None
        toks = self.a.annotated.tokens
        t = toks[head]
        m = self.index.at(head)
        if m is not None and m.type in NAME_TYPES:
            return self._ref(m, m.start, m.end)
        low = t.text.lower()
        if low in _RELATIVE and toks[t.head].dep == "relcl":
            # "Republicans, who have questioned …": the noun the clause hangs on
            owner = self.index.at(toks[t.head].head)
            if owner is not None and owner.type in NAME_TYPES:
                return SpeakerRef(
                    owner.entity, self.index.names.get(owner.entity, owner.text), t.start, t.end
                )
        if t.pos == "PRON":
            return self._pronoun(t.start, t.end, low)
        lo, _ = self.tree.edges(head)
        lo = max(lo, head - 12)
        np_start, np_end = toks[lo].start, t.end
        # a document or finding: its author is the name inside ("reports from the NYT")
        if prep or t.lemma.lower() in self.lex.source_nouns:
            _, hi = self.tree.edges(head)
            inner = self.index.within(lo, min(hi, head + 15))
            if inner:
                mm = inner[0]
                return self._ref(mm, mm.start, mm.end)
        inner = self.index.within(lo, head, frozenset({"PERSON"}))
        if inner:
            mm = inner[-1]
            return self._ref(mm, mm.start, mm.end)
        if t.pos == "NOUN" and self._is_description(head):
            ref = self._description(head, np_start, np_end)
            if ref is not None:
                return ref
        return SpeakerRef(None, self.text[np_start:np_end], np_start, np_end)

    def _is_description(self, head: int) -> bool:
        toks = self.a.annotated.tokens
        t = toks[head]
        if t.tag in ("NNS", "NNPS"):
            return False
        lemma = t.lemma.lower()
        if lemma not in self.lex.person_nouns:
            # "head of state" and other multi-word nouns
            nxt = " ".join(x.text.lower() for x in toks[head : head + 3])
            if nxt not in self.lex.person_nouns:
                return False
        det = self.tree.child(head, {"det"})
        if det is None and head > 0 and toks[head - 1].pos == "DET":
            det = head - 1  # "the researcher points": the parser hung "the" elsewhere
        return det is not None and toks[det].text.lower() in _DESCRIPTION_DETS

    def _pronoun(self, start: int, end: int, low: str) -> SpeakerRef | None:
        surface = self.text[start:end]
        if low in PERSON_PRONOUNS:
            said = self._last_speaker(start, ("PERSON",))
            m = self._antecedent(start, ("PERSON",))
            if m is not None and (said is None or m.start > said.pos):
                return SpeakerRef(m.entity, self.index.names.get(m.entity, m.text), start, end)
            if said is not None:
                return SpeakerRef(said.ref.entity, said.ref.name, start, end)
        elif low in GROUP_PRONOUNS:
            said = self._last_speaker(start, ("ORG", "GPE", "NORP"))
            if said is not None and start - said.pos < 600:
                return SpeakerRef(said.ref.entity, said.ref.name, start, end)
        return SpeakerRef(None, surface, start, end)

    def _description(self, head: int, start: int, end: int) -> SpeakerRef | None:
        toks = self.a.annotated.tokens
        lemma = toks[head].lemma.lower()
        mods = {
            toks[c].text.lower()
            for c in self.tree.children[head]
            if toks[c].dep in ("amod", "compound", "nmod")
        }
        best: Role | None = None
        for r in self.roles:
            if r.start >= start:
                break
            words = r.role.lower()
            if lemma in words.split() and (
                not mods or r.org is None or any(w in r.org.lower() for w in mods)
            ):
                best = r
        if best is not None:
            return SpeakerRef(best.entity, self.index.names.get(best.entity, ""), start, end)
        said = self._last_speaker(start, ("PERSON",))
        if said is not None:
            return SpeakerRef(said.ref.entity, said.ref.name, start, end)
        m = self._antecedent(start, ("PERSON",))
        if m is not None:
            return SpeakerRef(m.entity, self.index.names.get(m.entity, m.text), start, end)
        return None
