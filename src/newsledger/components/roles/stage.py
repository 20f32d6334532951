"""Roles and affiliations of people, from titles and appositives.

* a title in front of a name: "Velorian President Marek Dovrin" (role
  "President", organisation "Velorian"), "GRP chief Sabine Ortelle";
* an appositive after it: "Marta Quintal, senior fellow at the Harbour
  Institute and president of the Atlantic Policy Institute (API)" (two roles),
  "Ana Peral, a member of the Lisbon-based think tank Coastal Forum";
* an affiliation with "of"/"at": "Ivo Sander of Porto Vell University",
  "Mira Dalton, of the Delta Center" (role "", organisation given).

A role never crosses a line break: a headline, byline or caption next to a
name is not its role ("President" + a headline typed ORG is no role).

Title words come from ``data/titles.tsv`` (kind title); organisations are the ORG
(or, after a title, NORP/GPE) mentions of the mentions stage.
"""

from __future__ import annotations

from newsledger.components.quotes.lexicon import Lexicon, lexicon
from newsledger.components.quotes.speakers import MentionIndex
from newsledger.core.model import Analysis, Mention, Role
from newsledger.core.stage import Stage
from newsledger.nlp.deptree import Tree

_DETS = frozenset({"a", "an", "the"})
_PREFIX_DEPS = frozenset({"compound", "amod", "nmod", "nummod"})
_AFFIL_PREPS = frozenset({"of", "at", "from"})
_ROLE_PREPS = frozenset({"at", "of", "from", "in", "with", "for", "on"})
_ORG_TYPES = frozenset({"ORG"})
_TITLE_ORG_TYPES = frozenset({"ORG", "NORP", "GPE"})
_MAX_ROLE_TOKENS = 25


def _key(word: str) -> str:
    return word.lower().rstrip(".")


def _mention_tokens(a: Analysis, m: Mention) -> tuple[int, int]:
    toks = a.annotated.tokens
    lo = a.annotated.token_at(m.start)
    hi = lo
    while hi + 1 < len(toks) and toks[hi + 1].start < m.end:
        hi += 1
    return lo, hi


def _head_of(a: Analysis, lo: int, hi: int) -> int:
    toks = a.annotated.tokens
    for i in range(lo, hi + 1):
        if not lo <= toks[i].head <= hi or toks[i].head == i:
            return i
    return hi


class _Finder:
    def __init__(self, a: Analysis, tree: Tree, index: MentionIndex) -> None:
        self.a = a
        self.text = a.text
        self.toks = a.annotated.tokens
        self.tree = tree
        self.index = index
        self.lex: Lexicon = lexicon()
        self.out: list[Role] = []

    def org_name(self, m: Mention) -> str:
        return self.index.names.get(m.entity, m.text)

    def add(self, person: Mention, role: str, org: Mention | None, start: int, end: int) -> None:
        role = role.strip(" ,;:-–—")
        words = role.split()
        while words and words[0].lower() in _DETS:
            words.pop(0)
        while words and words[-1].lower() in ("and", "or", "of", "at", "the"):
            words.pop()
        role = " ".join(words)
        if not role and org is None:
            return
        if "\n" in self.text[min(start, person.start) : max(end, person.end)]:
            return  # a headline, byline or caption is not part of a role
        self.out.append(
            Role(
                person.entity,
                role,
                self.org_name(org) if org is not None else None,
                start,
                end,
                org.entity if org is not None and org.entity else None,
            )
        )

    # "Tajik President Emomali Rakhmon"
    def title(self, m: Mention, lo: int, hi: int) -> None:
        toks = self.toks
        j = lo - 1
        first = lo
        while (
            j >= 0
            and toks[j].sent == toks[lo].sent
            and toks[j].dep in _PREFIX_DEPS
            and "\n" not in self.text[toks[j].end : toks[first].start]
        ):
            h = toks[j].head
            if not (first <= h <= hi) and not (j < h < first):
                break
            first = j
            j -= 1
        if first == lo:
            return
        if not any(_key(toks[k].text) in self.lex.person_nouns for k in range(first, lo)):
            return
        orgs = [x for x in self.index.within(first, lo - 1, _TITLE_ORG_TYPES)]
        org = orgs[-1] if orgs else None
        words = [
            toks[k].text
            for k in range(first, lo)
            if org is None or not (org.start <= toks[k].start < org.end)
        ]
        self.add(m, " ".join(words), org, toks[first].start, toks[lo - 1].end)

    # "X, associate researcher at Y and president of Z"
    def appositive(self, m: Mention, hi: int, head: int) -> None:
        toks, tree = self.toks, self.tree
        done = hi
        for c in tree.children[head]:
            if c <= done:
                continue
            d = toks[c].dep
            if d == "appos" and toks[c].pos in ("NOUN", "PROPN"):
                nxt = c + 1  # "vice-president" parsed as three appositives
                start = tree.edges(c)[0]
                while (
                    nxt < len(toks)
                    and toks[nxt].head == head
                    and toks[nxt].dep == "appos"
                    and toks[nxt].start == toks[nxt - 1].end
                ):
                    c, nxt = nxt, nxt + 1
                done = c
                if toks[c].text == "-":
                    continue
                conj = [x for x in tree.children[c] if toks[x].dep == "conj" and x > c]
                org = self.piece(m, c, None, start)
                for p in conj:
                    self.piece(m, p, org)
            elif d == "prep" and _key(toks[c].text) in _AFFIL_PREPS:
                lo2, hi2 = tree.edges(c)
                org = self._org(self.one_line(list(range(lo2, hi2 + 1))), gpe=False)
                if org is not None and org.start - toks[c].end <= 6:
                    self.add(m, "", org, toks[c].start, org.end)

    def piece(
        self, m: Mention, r: int, shared: Mention | None = None, start: int = -1
    ) -> Mention | None:
        """One role in an appositive; returns its organisation.

        The words of a conjoined role ("… and president of Z") are left out of
        the first one; a role with no organisation of its own shares one
        written after it ("professor and specialist at the University of X").
        """
        toks, tree = self.toks, self.tree
        lo, hi = tree.edges(r)
        if 0 <= start < lo:
            lo = start
        hi = min(hi, lo + _MAX_ROLE_TOKENS)
        cut: list[tuple[int, int]] = []
        for x in tree.children[r]:
            if x > r and toks[x].dep in ("conj", "cc", "relcl", "appos", "punct"):
                cut.append(tree.edges(x))
        keep = [i for i in range(lo, hi + 1) if not any(a <= i <= b for a, b in cut)]
        keep = self.one_line(keep)
        while keep and toks[keep[-1]].pos == "PUNCT":
            keep.pop()
        if not keep:
            return None
        first_run = keep[0]
        while first_run + 1 in keep:
            first_run += 1
        org = self._org(keep)
        role_hi = first_run
        if org is not None:
            ot = self.a.annotated.token_at(org.start)
            k = min(ot - 1, first_run)
            if ot - 1 <= first_run:
                role_hi = ot - 1
            while k > lo and not (toks[k].dep == "prep" and toks[k].text.lower() in _ROLE_PREPS):
                k -= 1
            if k > lo and ot - 1 <= first_run + 1:
                role_hi = k - 1
        else:
            for k in range(r + 1, first_run + 1):
                if toks[k].dep in ("acl", "relcl") or toks[k].text in (",", "("):
                    role_hi = k - 1
                    break
            if shared is not None and shared.start > toks[hi].end:
                org = shared
        role = self.text[toks[lo].start : toks[role_hi].end] if role_hi >= lo else ""
        self.add(m, role, org, toks[lo].start, toks[keep[-1]].end)
        return org

    def one_line(self, keep: list[int]) -> list[int]:
        """``keep`` up to its first line break: a headline or byline never joins a role."""
        toks = self.toks
        for n in range(1, len(keep)):
            a, b = toks[keep[n - 1]], toks[keep[n]]
            if "\n" in self.text[a.end : b.start] or "\n" in b.text:
                return keep[:n]
        return keep

    def _org(self, keep: list[int], gpe: bool = True) -> Mention | None:
        """The organisation of a role: the last ORG mention, not an acronym in brackets;
        else a proper name ending in an organisation word ("Westfield University")."""
        toks = self.toks
        found: list[Mention] = []
        for i in keep:
            mm = self.index.at(i)
            if mm is None or (found and found[-1] is mm):
                continue
            first = self.a.annotated.token_at(mm.start)
            if first > 0 and toks[first - 1].text == "(" and found:
                continue
            after_of = first > 0 and toks[first - 1].text.lower() == "of"
            if mm.type in _ORG_TYPES or (gpe and mm.type == "GPE" and after_of):
                found.append(mm)
        orgs = [x for x in found if x.type in _ORG_TYPES] or found
        if orgs:
            return orgs[-1]
        for i in keep:  # no ORG mention: a proper name headed by an organisation word
            t = toks[i]
            if t.pos == "PROPN" and t.text.lower() in self.lex.org_heads:
                lo, _ = self.tree.edges(i)
                while lo < i and toks[lo].pos not in ("PROPN", "NOUN"):
                    lo += 1
                if lo < i:
                    return Mention(
                        toks[lo].start, t.end, self.text[toks[lo].start : t.end], "ORG", ""
                    )
        return None


def find_roles(a: Analysis, tree: Tree, index: MentionIndex) -> list[Role]:
    """Roles of every person mention of ``a`` (see the module docstring)."""
    f = _Finder(a, tree, index)
    for m in index.mentions:
        if m.type != "PERSON":
            continue
        lo, hi = _mention_tokens(a, m)
        f.title(m, lo, hi)
        f.appositive(m, hi, _head_of(a, lo, hi))
    seen: set[tuple[str, str, str | None]] = set()
    out: list[Role] = []
    for r in sorted(f.out, key=lambda r: (r.start, r.end)):
        k = (r.entity, r.role.lower(), r.org)
        if k not in seen:
            seen.add(k)
            out.append(r)
    return out


def run(a: Analysis) -> None:
    a.roles = find_roles(a, Tree(a.annotated), MentionIndex(a))


STAGE = Stage("roles", requires=("annotated", "mentions", "entities"), assigns=("roles",), run=run)
