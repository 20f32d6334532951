"""Technical terms and models: kinds of technology and attack named by initials ("RFID tags",
"DDoS attacks"), their expansions ("Asymmetric Digital Subscriber Line (ADSL)
technology"), and products named by a model's code ("Casio QV-10", "Airbus A300s", "Blue
Gene/L").

spaCy types initials by their shape, as a body (ORG) or a person, and a maker with a model
code as the maker, an event or a place.  The report's own words tell them apart:

* *kinds*: initials (two to six letters and digits, at least two capitals: "RFID", "DDoS")
  that the article writes twice or more and only right before a technical noun ("RFID
  tags", "DDoS attacks", "DRM systems") are a kind of thing, no name: every mention of them is
  dropped, and so is a name written right before them in brackets, their expansion
  ("Asymmetric Digital Subscriber Line (ADSL) technology": an expansion, its initials in
  brackets and a technical noun after them make a kind on their own).  A body's initials are also
  written alone ("IBM technology" and "IBM said"), or before a post ("RNID technology
  director"), and stay;
* *model codes*: a name of two words or more whose last word is a model's code (capitals
  then digits: "QV-10", "A300s", "X5") is a product, outside sports reports ("Zone B12"
  in a table); a quarter or half year ("Q2", "H1") is no code, and a name with a company's
  suffix ("Vane Systems Inc Q2") stays a body;
* *slashed codes*: a name written with a slash and a code of one or two capitals or
  digits ("Blue Gene/L"), outside sports reports ("Sale/ENG" is a club and a country),
  is a product, and so are the article's mentions of the name alone ("the final Blue
  Gene");
* *capitals*: a word of capitals alone (two letters or more, a plural "s" allowed:
  "PCSU", "GPRS") typed a person is no person's name: a body's or a place's initials, or a
  thing's.  It is a place where the place tables know it, a body otherwise; lines written
  all in capitals (headlines, where a surname is written so) and datelines ("VANBURY ,
  Tessel 1996-08-30": a town) are left alone.
"""

from __future__ import annotations

import re
from collections import Counter

from newsledger.components.ner.called import called
from newsledger.components.ner.rules import Doc, Span, is_dateline, retype_named
from newsledger.components.ner.sports import is_sports
from newsledger.components.ner.tables import Tables, cues

CAPITALS = re.compile(r"^[A-Z]{2,}s?$")
INITIALS = re.compile(r"^[A-Z][A-Za-z0-9]{1,5}$")
TECH_NOUNS = frozenset(
    {"attack", "attacks", "chip", "chips", "tag", "tags", "technology", "technologies"}
    | {"system", "systems", "standard", "standards", "protocol", "protocols", "signal"}
    | {"signals", "format", "formats", "broadband", "connection", "connections", "software"}
    | {"scheme", "schemes", "solutions", "panel", "panels", "screen", "screens", "displays"}
    | {"TVs", "messages", "messaging", "licences"}
)  # "DDoS attacks", "RFID tags": a kind of thing before them
DROPPED = frozenset({"ORG", "PERSON", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART"})
MODEL_CODE = re.compile(r"^(?:[A-Z]{1,3}-?\d{1,4}[a-z]?s?)$")  # "QV-10", "A300s", "X5"
PERIOD_CODE = re.compile(r"^(?:Q[1-4]|H[12]|FY\d+)$")  # "Q2": a quarter, no model
SLASH_CODE = re.compile(r"^[A-Z0-9]{1,2}$")  # "Blue Gene/L"
MIN_MENTIONS = 2  # a firm's initials may be written once before a noun ("based on IBM technology")
PRODUCT_FROM = frozenset({"ORG", "PERSON", "GPE", "LOC", "FAC", "NORP", "EVENT", "LAW"})


def initials(w: str) -> bool:
    return bool(INITIALS.match(w)) and sum(ch.isupper() for ch in w) >= 2


def kinds(d: Doc, t: Tables, spans: list[Span]) -> set[str]:
    """The initials typed a name that the article writes only before a technical noun."""
    typed = {d.text[s.start : s.end] for s in spans if s.label in DROPPED and s.src != "gaz"}
    typed = {w for w in typed if initials(w)}
    if not typed:
        return set()
    seen: Counter[str] = Counter()
    bad: set[str] = set()
    for k, tok in enumerate(d.toks):
        if tok.text not in typed:
            continue
        seen[tok.text] += 1
        nxt = k + 2 if d.word(k + 1) == ")" else k + 1
        if d.word(nxt) not in TECH_NOUNS or d.word(nxt + 1) == "-" or post_after(d, t, nxt + 1):
            bad.add(tok.text)  # "(NYSE) technology-dominated": a compound, no kind
    return {w for w, n in seen.items() if n >= MIN_MENTIONS} - bad


def post_after(d: Doc, t: Tables, k: int) -> bool:
    """Is token ``k`` a post or job word ("RNID technology director")?"""
    w = d.word(k)
    return w.lower() in t.titles or w in {"director", "chief", "head", "manager", "officer"}


def expanded(d: Doc, s: Span) -> bool:
    """Is ``s`` the expansion of the initials bracketed after it, followed by a technical
    noun ("Asymmetric Digital Subscriber Line (ADSL) technology")?"""
    te = d.tok_range(s.start, s.end)[1]
    if d.word(te) != "(" or d.word(te + 2) != ")" or d.word(te + 3) not in TECH_NOUNS:
        return False
    words = d.text[s.start : s.end].replace("-", " ").split()
    return len(words) >= 2 and "".join(w[0] for w in words).upper() == d.word(te + 1).upper()


def tech_kinds(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """Drop initials of a kind of thing, and their bracketed expansion."""
    found = kinds(d, t, spans)
    found |= {d.word(d.tok_range(s.start, s.end)[1] + 1) for s in spans if expanded(d, s)}
    if not found:
        return spans
    out: list[Span] = []
    for s in spans:
        if s.src != "gaz" and s.label in DROPPED and d.text[s.start : s.end] in found:
            continue
        te = d.tok_range(s.start, s.end)[1]
        if s.src != "gaz" and d.word(te) == "(" and d.word(te + 1) in found:
            continue  # "Asymmetric Digital Subscriber Line (ADSL) technology"
        out.append(s)
    return out


def model_codes(d: Doc, spans: list[Span]) -> list[Span]:
    """ "Casio QV-10", "Airbus A300s": a name ending in a model's code is a product."""
    out: list[Span] = []
    for s in spans:
        words = d.text[s.start : s.end].split()
        if (
            s.label in PRODUCT_FROM
            and s.src != "gaz"
            and len(words) >= 2
            and MODEL_CODE.match(words[-1])
            and not PERIOD_CODE.match(words[-1])
            and not any(w in cues().org_after for w in words)
            and not d.caps_at(s.start)
            and not is_sports(d)
        ):
            s = Span(s.start, s.end, "PRODUCT", "rule")
        out.append(s)
    return out


def slash_codes(d: Doc, spans: list[Span]) -> list[Span]:
    """ "Blue Gene/L": the name, its slash and code one product; its lone mentions too."""
    new: list[Span] = []
    stems: set[str] = set()
    for s in spans:
        if s.label not in PRODUCT_FROM | {"PRODUCT"} or s.src == "gaz":
            continue
        te = d.tok_range(s.start, s.end)[1]
        if d.word(te) != "/" or d.toks[te].start != s.end or te + 1 >= len(d.toks):
            continue
        code = d.toks[te + 1]
        if code.start != d.toks[te].end or not SLASH_CODE.match(code.text):
            continue
        if te + 2 < len(d.toks) and d.toks[te + 2].start == code.end:
            continue  # "X/L2a...": more than a code
        if " " not in d.text[s.start : s.end] or is_sports(d):
            continue
        new.append(Span(s.start, code.end, "PRODUCT", "rule"))
        stems.add(d.text[s.start : s.end])
    if not new:
        return spans
    keep = [s for s in spans if not any(s.start < n.end and n.start < s.end for n in new)]
    return retype_named(d, keep, stems, PRODUCT_FROM, "PRODUCT") + new


def capitals(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """A word of capitals typed a person becomes a place or a body (see *capitals* in the
    module's docstring)."""
    out: list[Span] = []
    for s in spans:
        txt = d.text[s.start : s.end]
        if s.label == "PERSON" and CAPITALS.match(txt) and not d.caps(d.line(s.start)):
            ts, te = d.tok_range(s.start, s.end)
            if not is_dateline(d, ts, te - 1):
                s = Span(s.start, s.end, t.places.get(txt, "ORG"), "rule")
        out.append(s)
    return out


def technical(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """Apply the rules of this module (see its docstring)."""
    spans = called(d, capitals(d, t, spans))  # "software known as X", "a technology called X"
    return slash_codes(d, model_codes(d, tech_kinds(d, t, spans)))
