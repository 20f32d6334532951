"""Cues read from a name's neighbours for :mod:`newsledger.components.ner.evidence`.

* a bracket after the name ("X (BBC One)": a programme and its channel);
* an apposition that ends in a kind of work or a company noun ("X, the hit BBC comedy
  series, ...", "X, the world's biggest spirits company, ...");
* "X star Y" outside sports reports (the star of a film or show);
* a member's role and that member after the name ("Blur guitarist Ian Vane", "the
  Varnok midfielder"): a band, club or firm;
* the word lists of the person and firm cues read around a name (plural callings,
  a body's own things, speech verbs after a quotation), and a given name taken for a
  people after a person's role whose surname follows ("guitarist Sergio Pizzorno").
"""

from __future__ import annotations

import re
from functools import cache

from newsledger.components.ner.rules import HONORIFICS, Doc, Span, is_name_word
from newsledger.components.ner.sports import is_sports
from newsledger.components.ner.tables import Tables, cues, rows, towns

BRACKETED_WORDS = 3  # "(BBC One)", "(Channel 4)", "(ITV)"


def bracketed(d: Doc, i: int) -> str:
    """The text between the bracket before token ``i`` and its closing bracket ("": none
    within a few words)."""
    for k in range(i, min(i + BRACKETED_WORDS, len(d.toks))):
        if d.toks[k].text == ")":
            return d.text[d.toks[i].start : d.toks[k - 1].end] if k > i else ""
    return ""


MEMBER_DETERMINERS = frozenset({"the", "a", "an", "only", "former", "ex-", "every", "another"})
APPOSITION_ENDS = frozenset({",", ".", ";", "(", "which", "that", "about", "starring", "by", "-"})
APPOSITION_GAP = 4  # words between "the" and the kind of work ("the school-based drama serial")


ORG_GAP = 6  # "the country's other largest mortgage firm"


def work_apposition(
    d: Doc, i: int, kinds: frozenset[str] | None = None, gap: int = APPOSITION_GAP
) -> bool:
    """Does an apposition opening at token ``i`` call the name a work ("X, the hit BBC
    comedy series, ...")?  The kind of work must end the phrase: "X, the film director" is
    a person.  With ``kinds`` (the company nouns of ``org_before``), a firm or body
    ("X, the world's biggest spirits company, ...")."""
    if d.word(i).lower() not in {"the", "a", "an"}:
        return False
    work = cues().work_before if kinds is None else kinds
    for k in range(i + 1, i + 2 + gap):
        w = d.word(k)
        if w.lower() in work and w.islower() and d.word(k + 1) in APPOSITION_ENDS:
            return True
        if not w or w in APPOSITION_ENDS:
            return False
    return False


def star_title(d: Doc, t: Tables, ts: int, te: int, txt: str) -> bool:
    """Is "X star Y" (or "the X star") the star of a film or show?  Not in sports reports
    ("Chelsea star X"), nor a place ("Hollywood star") or a person ("Tom Vane star")."""
    if not (d.word(te + 1)[:1].isupper() or d.word(ts - 1).lower() in MEMBER_DETERMINERS):
        return False
    return (
        txt not in t.places
        and txt not in t.polities
        and txt not in towns()
        and txt.split()[0] not in t.given
        and not is_sports(d)
    )


def member_cue(d: Doc, t: Tables, ts: int, te: int, txt: str) -> bool:
    """Is the name followed by a member's role and that member ("Blur guitarist Ian Vane",
    "Leeds Tykes flanker X", "the Varnok midfielder")?  Then it names a band, club or firm.
    Countries and people's names ("Tony Hart aide") are left out, and towns outside sports
    reports ("Hollywood actor")."""
    role = d.word(te)
    if role not in cues().member_role:
        return False
    after, before = d.word(te + 1), d.word(ts - 1)
    if not (after[:1].isupper() or before.lower() in MEMBER_DETERMINERS):
        return False
    if txt in t.polities or txt.split()[0] in t.given:
        return False
    # a town's name before a role is its club only in a sports report ("Middlesbrough
    # defender X"; elsewhere "Hollywood actor X")
    return (txt not in t.places and txt not in towns()) or is_sports(d)


FIRM_HOLDINGS = frozenset({"brands", "shares", "shareholders", "subsidiaries", "products"})
# plural callings before a list of people's names (not "stars": also a verb)
PEOPLE_PLURALS = frozenset(
    {"actors", "actresses", "singers", "musicians", "rappers", "comedians", "presenters"}
    | {"novelists", "authors", "painters", "composers", "footballers", "athletes"}
)
OWN_ADJECTIVES = frozenset({"official", "main", "corporate", "parent", "former"})
QUOTE_VERBS = frozenset({"said", "says", "added", "adds", "explained", "insisted"})
QUOTE_CLOSE = frozenset({'"', "”", "'", "’"})


def given_before_surname(d: Doc, t: Tables, s: Span, starts: set[int]) -> int:
    """The end of the untagged capitalised word right after ``s`` when a person's role
    comes before ``s`` (a given name taken for a people, then the surname: "guitarist
    Sergio Pizzorno"), or 0."""
    ts, te = d.tok_range(s.start, s.end)
    if te >= len(d.toks) or ts == 0:
        return 0
    role = d.toks[ts - 1].text.lower().rsplit("/", 1)[-1]
    c = cues()
    if role not in t.titles and role not in c.person_before and role not in c.member_role:
        return 0
    nxt = d.toks[te]
    return (
        nxt.end
        if nxt.start == s.end + 1
        and d.text[s.end] == " "
        and nxt.pos == "PROPN"
        and is_name_word(nxt.text)
        and nxt.start not in starts
        and not d.caps_at(nxt.start)
        else 0
    )


# a school's or college's old pupils after its name ("a former Vane pupil", "two Vane
# students"): the name is the school, no person
SCHOOL_MEMBERS = frozenset(
    {
        "pupil",
        "pupils",
        "schoolboy",
        "schoolboys",
        "schoolgirl",
        "schoolgirls",
        "alumnus",
        "alumni",
        "graduate",
        "graduates",
        "student",
        "students",
    }
)
SCHOOL_DETERMINERS = frozenset({"a", "an", "the", "former", "ex", "two", "three", "many", "other"})


def named_in_full(d: Doc, t: Tables, txt: str) -> bool:
    """Does the article give ``txt`` as a person's surname, after a given name or an
    honorific ("Nick Vane ... a former Vane pupil": the coach's pupil)?"""
    for m in re.finditer(r"([A-Z][a-z]+\.?) " + re.escape(txt) + r"\b", d.text):
        if m.group(1) in t.given or m.group(1).rstrip(".") in HONORIFICS:
            return True
    return False


@cache
def weak_given() -> frozenset[str]:
    """Given names of ``data/ner_given_names_moby.tsv`` (Moby Word II): British and other
    names the census table lacks, many of them words or places too, so weak evidence."""
    return frozenset(r["name"] for r in rows("ner_given_names_moby.tsv"))
