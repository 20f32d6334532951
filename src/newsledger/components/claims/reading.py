"""Reading a matched claim phrase: role titles and their organisation, status and
tense, and whose age an "N-year-old" or "he was N" gives (for :mod:`newsledger.components.claims.stage`).

* A title's organisation is a name, or what "its"/"their" refers to, but never a
  country through a possessive pronoun ("Their president, X" in a story about a
  Brazilian footballer is a club's president), and a capitalised word that names
  nothing is no organisation ("Lord Chancellor").
* A role is ``present`` when the text says it is held now ("current", "is",
  "has been", or a present, present perfect or future clause): only such claims
  can show one office held by two people at once.
* "N-year-old" gives the age of the noun it modifies, not of a person who owns
  it ("his 40-year-old creations"); "by the time he was 40" is an age in the past.
"""

from __future__ import annotations

import re

from newsledger.components.claims.patterns import country_names, demonyms
from newsledger.components.claims.subjects import DocContext
from newsledger.components.claims.values import lexicon
from newsledger.core.model import Token

_WORD_BEFORE = re.compile(r"([\w-]+)[ \t]*\Z")
_WHEN_AFTER = re.compile(r"\s+(?:when|at\s+the\s+time)\b", re.I)
_TIME_NOUNS = frozenset({"time", "age", "day", "year", "point", "moment"})
_ORG_TYPES = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC"})
_FORMER_BEFORE = re.compile(r"\b(?:former|ex|onetime|one-time|erstwhile)[\s-]*\Z", re.I)
_FORMER_IN = re.compile(r"\b(?:former|ex|onetime|one-time|erstwhile)(?:\s+|-)", re.I)


def past_age(ctx: DocContext, m: re.Match[str]) -> bool:
    """An age at some past time, not at the report: "by the time he was 40", "when she
    was 12", "he was 40 when he …"."""
    ann = ctx.a.annotated
    for t in range(ann.token_at(m.start()), min(ann.token_at(m.end() - 1) + 1, len(ctx.tokens))):
        tok = ctx.tokens[t]
        if tok.tag != "VBD":
            continue
        if _WHEN_AFTER.match(ctx.text, m.end()):
            return True
        head = ctx.tokens[tok.head]
        if tok.dep == "advcl" or (tok.dep == "relcl" and head.lemma.lower() in _TIME_NOUNS):
            return True
        return any(ctx.tokens[c].dep == "mark" for c in ctx.children_of(t))
    return False


def head_noun_at(ctx: DocContext, e: int) -> bool:
    """The match ends on a noun that heads its phrase ("a Tajik national", not
    "the English national stadium")."""
    ann = ctx.a.annotated
    t = ann.token_at(e - 1)
    if t >= len(ctx.tokens):
        return False
    tok = ctx.tokens[t]
    return tok.pos != "ADJ" and tok.dep not in ("amod", "compound")


def own_head(ctx: DocContext, e: int, subject: str) -> bool:
    """A modifier ending at ``e`` ("40-year-old") describes the noun it modifies: not a
    noun a person possesses ("his 40-year-old creations", "Voss's 12-year-old son")
    and not a name of another entity than the subject."""
    t = ctx.a.annotated.token_at(e - 1)
    if t >= len(ctx.tokens):
        return False
    tok = ctx.tokens[t]
    if tok.dep not in ("amod", "compound", "nmod") or tok.head <= t:
        return True  # used as a noun ("the 40-year-old said"): its own head
    head = tok.head
    if _in_apposition(ctx, head, subject):
        return True  # "Frances Bean, her 12-year-old daughter"
    for c in ctx.children_of(head):
        if ctx.tokens[c].dep == "poss" and (
            ctx.tokens[c].pos == "PRON"
            or (ctx.tok_m[c] >= 0 and ctx.etype(ctx.entity_of(ctx.tok_m[c])) == "PERSON")
        ):
            return False  # a person's: "Newcastle's 18-year-old centre X" is X
    k = ctx.tok_m[head]
    return k < 0 or ctx.entity_of(k) == subject


def _in_apposition(ctx: DocContext, t: int, subject: str) -> bool:
    tok = ctx.tokens[t]
    near = [tok.head] if tok.dep == "appos" else []
    near += [c for c in ctx.children_of(t) if ctx.tokens[c].dep == "appos"]
    return any(ctx.tok_m[n] >= 0 and ctx.entity_of(ctx.tok_m[n]) == subject for n in near)


def _title(text: str) -> str:
    words = " ".join(text.replace("\n", " ").split())
    small = {"of", "the", "and", "for"}
    return " ".join(
        "-".join(p.capitalize() for p in w.split("-")) if w.lower() not in small else w.lower()
        for w in words.split(" ")
    )


def group(m: re.Match[str], name: str) -> tuple[int, int] | None:
    if name not in m.re.groupindex or m.group(name) is None:
        return None
    return m.span(name)


def status(ctx: DocContext, m: re.Match[str], role: bool) -> str | None:
    words: dict[str, str] = lexicon()["status_words"]
    if (g := group(m, "status")) is not None:
        return words.get(ctx.text[g[0] : g[1]].lower().rstrip("-"))
    if (g := group(m, "verb")) is not None:
        verb = " ".join(ctx.text[g[0] : g[1]].lower().split())
        if verb in lexicon()["former_verbs"]:
            return "former"
    if role and (w := _WORD_BEFORE.search(ctx.text, max(0, m.start() - 20), m.start())):
        return words.get(w.group(1).lower().rstrip("-"))  # "the then Lord Chancellor, …"
    return None


def present(ctx: DocContext, m: re.Match[str], status: str | None) -> bool:
    """The role is stated as held now: "current", "is", "serves as", or the clause the
    title sits in is in the present, present perfect or future tense ("Prime Minister
    X has promised", "X, the president, will attend"); not "said" or "was"."""
    if status:
        return status == "current"
    if (g := group(m, "verb")) is not None:
        return " ".join(ctx.text[g[0] : g[1]].lower().split()) in lexicon()["present_verbs"]
    anchor = group(m, "s") or group(m, "title")
    if anchor is None:
        return False
    t = ctx.a.annotated.token_at(anchor[0])
    for _ in range(10):
        if t >= len(ctx.tokens):
            return False
        tok = ctx.tokens[t]
        if tok.pos in ("VERB", "AUX") and tok.dep not in ("aux", "auxpass"):
            return _present_verb(ctx, tok)
        if tok.head == t:
            return False
        t = tok.head
    return False


def _present_verb(ctx: DocContext, verb: Token) -> bool:
    if verb.tag in ("VBZ", "VBP"):
        return True
    for c in ctx.children_of(verb.i):
        aux = ctx.tokens[c]
        if aux.dep in ("aux", "auxpass") and (
            aux.tag in ("VBZ", "VBP") or aux.text.lower() in ("will", "shall")
        ):
            return True
    return False


def org_name(ctx: DocContext, o: tuple[int, int], named_only: bool) -> str | None:
    """The organisation of a title: a name; a possessive pronoun's antecedent, unless that
    is a country ("Their president, X" after "Brazilian": a club's, not Brazil's); a
    capitalised word that names nothing is not one ("Lord Chancellor")."""
    s, e = o
    if ctx.text[s:e].strip().lower() in ctx.pronouns:
        eid = ctx.ref_entity(s, e, _ORG_TYPES)
        if eid is None or ctx.etype(eid) in ("GPE", "LOC", "NORP"):
            return None
        name = ctx.entity_name(eid)
        low = name.casefold()
        return None if low in country_names() or low in demonyms() else name
    if named_only and not ctx.mentions_in(s, e):
        return None
    return ctx.name_at(s, e, _ORG_TYPES)


def role(ctx: DocContext, m: re.Match[str], quals: list[tuple[str, str]]) -> str | None:
    g = group(m, "title")
    if g is None:
        return None
    title = _title(ctx.text[g[0] : g[1]])
    quals.append(("title", title.lower()))
    org: str | None = None
    if (d := group(m, "dem")) is not None:
        dem = ctx.text[d[0] : d[1]]
        org = ctx.country_of(dem)
        quals.append(("demonym", dem))
        if org is None:
            return f"{dem} {title}"
    for name in ("org", "org2"):
        if org is None and (o := group(m, name)) is not None:
            org = org_name(ctx, o, name == "org")
    if org and org.lower() in demonyms():
        org = demonyms()[org.lower()]  # "Kyrgyz President, Askar Akaev"
    if org:
        quals.append(("org", org))
        return f"{title} of {org}"
    return title


def party_name(name: str) -> bool:
    """A political party's name: it has the word "party" ("Green Harvest Party"), or ends
    with a party head and has a party word ("Kestrian Labour Alliance", "Social
    Democrats"), or is a one-word party name ("Labour"); not a hospital, company or
    armed front ("Crimson Dawn Front")."""
    words = name.casefold().replace("’", "'").split()
    if not words:
        return False
    lex = lexicon()
    if words == ["party"]:
        return False  # "Party leader X": which party the text does not say here
    if "party" in words or " ".join(words) in lex["party_short_names"]:
        return True  # "Labour MP X", "Tory leader Y"
    return words[-1] in lex["party_heads"] and any(w in lex["party_words"] for w in words)


def former(ctx: DocContext, m: re.Match[str]) -> bool:
    """The phrase says the tie is past: "former Labour MP X", "a former member of"."""
    return bool(
        _FORMER_BEFORE.search(ctx.text, max(0, m.start() - 20), m.start())
        or _FORMER_IN.search(m.group(0))
    )


def party_claim(ctx: DocContext, m: re.Match[str], value: str) -> bool:
    """A party pattern's match holds: the value is a party's name, and so is what the
    text says ("Party leader X" names no party, whatever "Party" was resolved to), and
    the tie is not a past one."""
    v = group(m, "v")
    surface = ctx.text[v[0] : v[1]] if v else value
    return party_name(value) and party_name(surface) and not former(ctx, m)
