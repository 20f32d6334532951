"""Who a claim is about: subject resolution for the claims stage.

:class:`DocContext` indexes one analysed document (mentions by token, the
dependency tree, quotes) and answers the questions the claim patterns ask:
which entity a span names (an untagged surname or repeat of a name too, see
:mod:`newsledger.components.claims.names`), what "the country", "the
minister" or "its" refers to, and who speaks when a claim sits in a quote.
How a phrase leads to its subject (apposition, fronted phrase, the parse) is
in :mod:`newsledger.components.claims.strategies`.

Resolution is conservative: when the parse leads to a subject that is not a
name (for example "the attackers"), no claim is made rather than guessing.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from datetime import date

from newsledger.components.claims.names import (
    NameIndex,
    common_prefix,
    could_be_full_name,
    could_be_person,
    person_by_phrase,
    place_like,
)
from newsledger.components.claims.values import lexicon, parse_date
from newsledger.components.mentions.stage import normalize
from newsledger.core.model import Analysis, Entity, Token

NAME_TYPES = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
CONTINUE = "\x00continue"  # a relative pronoun: the subject is the noun it attaches to
SUBJ_DEPS = frozenset({"nsubj", "nsubjpass"})
STOP_TAGS = frozenset({"WDT", "WP"})
_NOT_NAME_POS = frozenset({"PRON", "DET", "ADP", "AUX", "VERB", "PUNCT", "NUM", "CCONJ", "SCONJ"})
SKIP_LEFT_POS = frozenset({"DET", "ADJ", "ADV"})
FINITE = frozenset({"VBZ", "VBD", "VBP", "MD"})
VERB_UP = frozenset({"relcl", "acl", "advcl", "xcomp", "ccomp", "conj", "pcomp"})
_COUNTRY_WORDS = frozenset({"country", "nation", "republic", "kingdom", "state"})
_LOOKBACK = 1500  # characters searched back for a pronoun or description


class DocContext:
    """One document's indexes for subject resolution (built once per document)."""

    def __init__(self, a: Analysis, demonyms: dict[str, str]) -> None:
        self.a = a
        self.text = a.text
        self.tokens: tuple[Token, ...] = a.annotated.tokens
        self.pub: date | None = parse_date(a.doc.published)
        self.demonyms = demonyms
        self.entities: dict[str, Entity] = {e.id: e for e in a.entities}
        self.mentions = sorted(a.mentions, key=lambda m: (m.start, m.end))
        self.starts = [m.start for m in self.mentions]
        self.tok_m = [-1] * len(self.tokens)
        ann = a.annotated
        for k, m in enumerate(self.mentions):
            t0, t1 = ann.token_at(m.start), ann.token_at(m.end - 1)
            for t in range(t0, min(t1 + 1, len(self.tokens))):
                self.tok_m[t] = k
        self.names = NameIndex(a.entities)
        self.places = place_like(a.text, a.entities, self.mentions, self.tokens, self.tok_m)
        self._children: list[list[int]] | None = None
        self._match_start = 0
        self._main: dict[str, str | None] = {}
        self._untagged: list[str] | None = None
        self.person_only = False  # the claim read is one only a person has (set per claim)
        self.affiliations: dict[str, frozenset[str]] = {}  # person -> organisations
        lex = lexicon()
        self.pronouns: dict[str, list[str]] = lex["pronouns"]
        self.descriptions: dict[str, str] = lex["descriptions"]
        self.desc_types: dict[str, list[str]] = lex["description_types"]
        self.vocations: frozenset[str] = lex["vocations"]
        self.kin: frozenset[str] = frozenset(lex["kin_nouns"])

    # ------------------------------------------------------------ entities

    def entity_of(self, k: int) -> str:
        """Entity id of mention ``k``; a lone surname mis-typed by NER maps to the person,
        a lone last word of an organisation's name ("the Bloc") to the organisation."""
        m = self.mentions[k]
        if " " not in m.text:
            if m.type != "PERSON" and (p := self.names.person(m.text, full_only=True)):
                return p
            if m.type not in ("PERSON", "GPE", "NORP") and (o := self.names.short_name(m.text)):
                return o
        return m.entity

    def token_person(self, t: int) -> str | None:
        """The entity an untagged capitalised word (with the capitalised words before it)
        names: a repeat of a name of the document ("The Fennick Bay Port Authority,
        founded …"), or the surname of its one person of that surname ("Morrow, born in
        1973" after "Talia Morrow")."""
        tok = self.tokens[t]
        if self.tok_m[t] >= 0 or tok.pos in _NOT_NAME_POS or not tok.text[:1].isupper():
            return None
        s = t
        while (
            s > 0
            and self.tok_m[s - 1] < 0
            and self.tokens[s - 1].pos == "PROPN"
            and self.tokens[s - 1].sent == tok.sent
        ):
            s -= 1
        for i in range(s, t + 1):
            found = self.names.named(self.text[self.tokens[i].start : tok.end])
            if found:
                return found
        return self.names.person(tok.text)

    def subject_ok(self, eid: str, types: frozenset[str]) -> str | None:
        """``eid`` fits ``types``; for a person, a one-word name NER typed as a thing fits
        too (a phrase about a person names it: "the 55-year-old Kask")."""
        if self._ok(eid, types):
            return eid
        name, etype = self.entity_name(eid), self.etype(eid)
        if "PERSON" in types and (could_be_person(name, etype) or could_be_full_name(name, etype)):
            return eid
        if "PERSON" in types and self.person_only and self._only_a_person(eid):
            return eid  # "Rennard, born in Elsby in 1946,": a town is not born
        return None

    def _only_a_person(self, eid: str) -> bool:
        """A name a phrase of birth, death or a term of office shows to be a person's
        (``person_only``; :func:`~newsledger.components.claims.names.person_by_phrase`)."""
        name, etype = self.entity_name(eid), self.etype(eid)
        return person_by_phrase(name, etype, eid in self.places, self.demonyms)

    def etype(self, eid: str) -> str:
        """The entity's type; a one-word "person" or "organisation" used as a place
        ("killed in Drumlow") is a place (GPE) here."""
        e = self.entities.get(eid)
        if e is None:
            return ""
        return "GPE" if eid in self.places else e.type

    def entity_name(self, eid: str) -> str:
        e = self.entities.get(eid)
        return e.name if e else ""

    def _ok(self, eid: str, types: frozenset[str]) -> str | None:
        return eid if not types or self.etype(eid) in types else None

    def mentions_in(self, s: int, e: int) -> list[int]:
        i = bisect.bisect_left(self.starts, s)
        while i > 0 and self.mentions[i - 1].end > s:
            i -= 1
        out = []
        while i < len(self.mentions) and self.mentions[i].start < e:
            if self.mentions[i].end > s:
                out.append(i)
            i += 1
        return out

    def pick(self, ks: list[int], types: frozenset[str]) -> int:
        """Of the names in a slot, the first of a fitting type (else the first)."""
        for k in ks:
            if self.etype(self.entity_of(k)) in types:
                return k
        return ks[0]

    def group_subject(self, s: int, e: int, types: frozenset[str]) -> str | None:
        """The entity a pattern's subject slot names, or what it refers to ("its")."""
        ks = self.mentions_in(s, e)
        if ks:
            return self.entity_of(self.pick(ks, types))
        return self.ref_entity(s, e, types)

    def ref_entity(self, s: int, e: int, types: frozenset[str]) -> str | None:
        """A name, pronoun ("its") or description ("the group's") in ``text[s:e]``."""
        ks = self.mentions_in(s, e)
        if ks:
            return self.entity_of(ks[-1])
        words = re.findall(r"[a-z]+", re.sub(r"['’]s\b", "", self.text[s:e].lower()))
        if not words:
            return None
        last = words[-1]
        surname = self.text[s:e].strip()
        if surname[:1].isupper() and " " not in surname and (p := self.names.person(surname)):
            return p  # an untagged surname
        if last in self.pronouns:
            return self.resolve_pronoun(s, last, types)
        if last in self.descriptions:
            return self.resolve_description(s, last, types)
        return None

    def name_at(self, s: int, e: int, types: frozenset[str]) -> str | None:
        """The canonical name of what ``text[s:e]`` names (or its text when no entity)."""
        eid = self.ref_entity(s, e, types)
        if eid:
            return self.entity_name(eid)
        surface = self.text[s:e].strip()
        if surface.lower() in self.pronouns:
            return None
        return surface[4:] if surface.lower().startswith("the ") else surface

    def value_entity(self, s: int, e: int, types: frozenset[str]) -> tuple[str, str | None] | None:
        """An entity value: the name mentioned at ``[s, e)`` (two adjacent names make one,
        "Liberal Democrat"), or a multi-word capitalised name."""
        ks = self.mentions_in(s, e)
        if len(ks) >= 2:
            first, last = self.mentions[ks[0]], self.mentions[ks[-1]]
            if not self.text[first.end : last.start].strip(" -"):
                return self.text[first.start : last.end], None
        if ks:
            eid = self.entity_of(ks[0])
            if types and self.etype(eid) not in types:
                return None
            return self.entity_name(eid), eid
        surface = self.text[s:e].strip()
        if surface.lower().startswith("the "):
            surface = surface[4:]
        return (surface, None) if len(surface.split()) >= 2 else None

    def country_of(self, demonym: str) -> str | None:
        """Country of a demonym: the table, a name in the document it derives from,
        else the regular English derivation ("-ian" → "-ia", "-an" → "-a")."""
        low = demonym.lower()
        known = self.demonyms.get(low)
        if known:
            return known
        for e in self.entities.values():
            name = e.name
            if " " in name or e.type == "NORP" or name.lower() == low:
                continue
            if common_prefix(low, name.lower()) >= max(4, len(name) - 2):
                return name
        for word in self._capitalised_words():  # a country NER left untagged ("Dorvia, home to")
            if word.lower() != low and common_prefix(low, word.lower()) >= max(4, len(word) - 2):
                return word
        suffixes: list[list[str]] = lexicon()["demonym_suffixes"]
        for suffix, repl in suffixes:
            if low.endswith(suffix) and len(low) > len(suffix) + 3:
                return demonym[: len(demonym) - len(suffix)] + repl
        return None

    def _capitalised_words(self) -> list[str]:
        """Capitalised proper nouns of the document no entity covers, each once, in text
        order (the country of a demonym may be one of them)."""
        if self._untagged is None:
            seen: dict[str, None] = {}
            for t, tok in enumerate(self.tokens):
                w = tok.text
                if self.tok_m[t] < 0 and tok.pos == "PROPN" and w[:1].isupper() and w[1:].islower():
                    seen.setdefault(w, None)
            self._untagged = list(seen)
        return self._untagged

    def quoted_we(self) -> bool:
        """A quote with a speaker holds "we" or "our"."""
        return any(
            q.speaker is not None
            and q.speaker.entity is not None
            and re.search(r"\b(?:we|our)\b", self.text[q.start : q.end], re.I)
            for q in self.a.quotes
        )

    def speaker_org(self, char: int, types: frozenset[str]) -> str | None:
        """Who "we" is in a quote: the one organisation its speaker leads or belongs to."""
        for q in self.a.quotes:
            if q.start <= char < q.end and q.speaker is not None and q.speaker.entity:
                orgs = [
                    o for o in self.affiliations.get(q.speaker.entity, ()) if self._ok(o, types)
                ]
                return orgs[0] if len(orgs) == 1 else None
        return None

    def is_institution(self, eid: str) -> bool:
        words = self.entity_name(eid).lower().split()
        return bool(words) and words[-1] in lexicon()["institution_heads"]

    # ------------------------------------------------------------ references

    def _modifier(self, k: int) -> bool:
        """Mention ``k`` only modifies a common noun ("Western officials", "Velonian army")."""
        m = self.mentions[k]
        last = self.a.annotated.token_at(m.end - 1)
        if last >= len(self.tokens):
            return False
        tok = self.tokens[last]
        head = self.tokens[tok.head]
        return (
            tok.dep in ("amod", "compound", "nmod")
            and head.start >= m.end
            and self.tok_m[head.i] < 0
        )

    def _nearest_before(
        self, char: int, types: frozenset[str] | set[str], word: str | None = None
    ) -> str | None:
        i = bisect.bisect_left(self.starts, char) - 1
        fallback: str | None = None
        while i >= 0 and self.mentions[i].start >= char - _LOOKBACK:
            eid = self.entity_of(i)
            if self.etype(eid) in types or (
                "PERSON" in types and could_be_person(self.entity_name(eid), self.etype(eid))
            ):
                if word is not None and word in self.entity_name(eid).lower():
                    return eid
                if not self._modifier(i):
                    if word is None:
                        return eid
                    fallback = fallback or eid
            i -= 1
        return fallback

    def resolve_pronoun(
        self, char: int, word: str, types: frozenset[str], depth: int = 0
    ) -> str | None:
        """What a pronoun refers to: in its own and the previous sentence, a grammatical
        subject first (a pronoun subject of the same kind is followed back), else the
        nearest compatible name or definite description ("the party"); further back,
        the nearest one."""
        allowed = set(self.pronouns.get(word, ()))
        if types:
            allowed &= types
        if not allowed:
            return None
        ann = self.a.annotated
        first_sent = ann.sentence_of(char) - 1
        t = ann.token_at(char) - 1
        nearest: str | None = None
        while t >= 0 and self.tokens[t].end >= char - _LOOKBACK:
            tok = self.tokens[t]
            w = tok.text.lower()
            if (
                depth < 4
                and tok.pos == "PRON"
                and tok.dep in SUBJ_DEPS
                and self.pronouns.get(w) == self.pronouns.get(word)
                and tok.sent >= first_sent
            ):
                return nearest or self.resolve_pronoun(tok.start, w, types, depth + 1)
            cand, subj, nxt = self._candidate(t, allowed)
            if cand is not None:
                if self.tokens[t].sent < first_sent:
                    return nearest or cand
                if subj:
                    return cand
                nearest = nearest or cand
            t = nxt
        return nearest

    def _candidate(self, t: int, allowed: set[str]) -> tuple[str | None, bool, int]:
        """(entity, is a subject, next token to look at) for an antecedent ending at ``t``."""
        k = self.tok_m[t]
        if k >= 0:
            nxt = self.a.annotated.token_at(self.mentions[k].start) - 1
            eid = self.entity_of(k)
            if self.etype(eid) in allowed and not self._modifier(k):
                return eid, self._is_subject(k), nxt
            return None, False, nxt
        tok = self.tokens[t]
        w = tok.text.lower()
        if tok.pos == "NOUN" and w in self.descriptions and self._definite(t):
            cls = self.descriptions[w]
            if allowed & set(self.desc_types.get(cls, ())):
                found = self.resolve_description(tok.start, w, frozenset(allowed))
                return found, tok.dep in SUBJ_DEPS, t - 1
        return None, False, t - 1

    def _is_subject(self, k: int) -> bool:
        m = self.mentions[k]
        tok = self.tokens[min(self.a.annotated.token_at(m.end - 1), len(self.tokens) - 1)]
        if tok.dep == "appos":
            tok = self.tokens[tok.head]
        return tok.dep in SUBJ_DEPS

    def _definite(self, t: int) -> bool:
        return any(
            self.tokens[c].dep in ("det", "poss")
            and self.tokens[c].text.lower() in ("the", "this", "that", "its", "their")
            for c in self.children_of(t)
        )

    def resolve_description(self, char: int, word: str, types: frozenset[str]) -> str | None:
        """ "the country" → the main country when clear; "the party" → the nearest party."""
        cls = self.descriptions.get(word, "")
        allowed = set(self.desc_types.get(cls, ()))
        if types:
            allowed &= types
        if not allowed:
            return None
        if cls == "place":
            main = self.main_entity("GPE")
            if main and self.etype(main) in allowed:
                return None if self._another_country(char, main) else main
            if word in _COUNTRY_WORDS:
                found = self.demonym_country()
                if found:
                    return None if self._another_country(char, found) else found
        if cls == "person":
            return self._person_before(char, allowed, word in self.vocations)
        return self._nearest_before(char, allowed, word if cls == "org" else None)

    def _another_country(self, char: int, country: str) -> bool:
        """The sentence of "the country" at ``char`` names ``country`` itself ("The
        country … is Velonia's main ally") or a thing of it by its demonym ("… depends
        on Velonian gas"): the country described is another one.  ("home to six million
        Velonians" is no modifier and does not count.)"""
        ann = self.a.annotated
        si = ann.sentence_of(char)
        if si < 0:
            return False
        name = normalize(self.entity_name(country))
        for k in self.mentions_in(ann.sents[si].start, ann.sents[si].end):
            m = self.mentions[k]
            if m.start > char and self.entity_of(k) == country:
                return True
            if (
                m.type == "NORP"
                and self._modifier(k)
                and normalize(self.country_of(m.text) or "") == name
            ):
                return True
        return False

    def _person_before(self, char: int, allowed: set[str], calling: bool = True) -> str | None:
        """Who "the minister" or "the 66-year-old composer" is: in its own sentence or the
        one before, the nearest person who is a grammatical subject, else, for a noun of
        a calling (``calling``: "the composer", not "the mayor"), the only person named
        there ("… took action against A and B. The actress …": neither).  A post may be
        held in a place or body just named ("the ferry to X. The mayor, who …" is the
        mayor of X), so a post needs its holder as a subject.  Of several, a one-word name
        something goes to or comes from ("to Varnholm") is taken for a place."""
        ann = self.a.annotated
        si = ann.sentence_of(char)
        first = ann.sents[max(si - 1, 0)].start if si >= 0 else char - _LOOKBACK
        i = bisect.bisect_left(self.starts, char) - 1
        seen: list[str] = []
        went_to: set[str] = set()
        while i >= 0 and self.mentions[i].start >= first:
            eid = self.entity_of(i)
            if self.etype(eid) in allowed or (
                "PERSON" in allowed
                and (
                    could_be_person(self.entity_name(eid), self.etype(eid))
                    or (self.person_only and self._only_a_person(eid))
                )
            ):
                if self._is_subject(i) and not self._modifier(i):
                    return eid
                if eid not in seen:
                    seen.append(eid)
                if self._destination(i):
                    went_to.add(eid)
            i -= 1
        if len(seen) > 1:  # "… in memory of Oskar Lind, drew 3,000 people to Varnholm"
            seen = [e for e in seen if e not in went_to or " " in self.entity_name(e)]
        return seen[0] if len(seen) == 1 and calling else None

    def _destination(self, k: int) -> bool:
        """Mention ``k`` is where something goes or comes from ("drew crowds to X")."""
        tok = self.tokens[
            min(self.a.annotated.token_at(self.mentions[k].end - 1), len(self.tokens) - 1)
        ]
        head = self.tokens[tok.head]
        return tok.dep == "pobj" and head.text.lower() in ("to", "from", "into")

    def demonym_country(self) -> str | None:
        """The named country the document's demonyms point to most ("Sarnian" → Sarnia)."""
        if "demonym" not in self._main:
            by_name = {normalize(e.name): e.id for e in self.entities.values()}
            counts: Counter[str] = Counter()
            for m in self.mentions:
                if m.type == "NORP":
                    country = self.country_of(m.text)
                    eid = by_name.get(normalize(country)) if country else None
                    if eid:
                        counts[eid] += 1
            self._main["demonym"] = counts.most_common(1)[0][0] if counts else None
        return self._main["demonym"]

    def main_entity(self, etype: str) -> str | None:
        """The entity of ``etype`` mentioned most, when clearly ahead of the next one."""
        if etype not in self._main:
            counts = Counter(self.entity_of(k) for k in range(len(self.mentions)))
            ranked = [(n, eid) for eid, n in counts.most_common() if self.etype(eid) == etype]
            best = None
            if ranked and ranked[0][0] >= 2 and (len(ranked) == 1 or ranked[0][0] > ranked[1][0]):
                best = ranked[0][1]
            self._main[etype] = best
        return self._main[etype]

    # ------------------------------------------------------------ the parse

    def children_of(self, t: int) -> list[int]:
        if self._children is None:
            ch: list[list[int]] = [[] for _ in self.tokens]
            for tok in self.tokens:
                if tok.head != tok.i:
                    ch[tok.head].append(tok.i)
            self._children = ch
        return self._children[t]
