"""News-specific NER fixes applied to spaCy's entities.

spaCy's small English model splits "France 24" into a country and a number,
calls demonyms ("Tajik") and capitals ("Dushanbe", "Kiev") people or
organisations, misses names in all-caps headlines, and lets spans swallow a
leading "the", a possessive or a line break.  :func:`fix` corrects that with
general rules and the gazetteers of :mod:`newsledger.components.ner.tables`
(data files ``data/ner_*.tsv``):

1. *clean* every spaCy span: split at line breaks, brackets, "v"/"at" and
   spaced dashes; drop a leading "the" (kept in titles of works), titles
   ("President ...", the nationality going to a NORP span), a leading month
   and a trailing possessive, score or lower-case word; then a sentence-opening adverb
   ("Nevertheless X"), a party or faith word before a full name ("Tory X Y": a NORP of
   its own) or any non-name word before "Mr X"
   (:mod:`newsledger.components.ner.person_spans`);
2. *gazetteer* (:mod:`newsledger.components.ner.gazetteer`): news outlets, militant
   groups (English and French aliases; an ambiguous short form such as "IS" only
   where it clearly is the group) and international bodies override what spaCy
   found;
3. *retype*: countries, capitals and states are GPE (a company or person named
   after a town is not), demonyms NORP, alert levels and photo credits never
   PERSON, an adjective opening a sentence ("Quirky comedy X") no name, initials joined by
   "&" ("S&P") a firm, a place between "the" and a noun ("the Leicester singer") a place; a head word types a multi-word name ("... City Hall" FAC,
   "... Institution" ORG, "... Valley" LOC); a given name or an initial makes
   a person;
4. *add* places and demonyms spaCy missed (notably in all-caps headlines and
   datelines);
5. *sports* reports (:mod:`newsledger.components.ner.sports`): clubs named after
   places are ORG, results tables are typed;
6. *propagate* within the document (:mod:`newsledger.components.ner.propagate`): a word of a full name alone is that person,
   an acronym given in brackets is its organisation, "<X> Valley" makes X a
   place and "<X>i" its people;
7. *evidence* (:mod:`newsledger.components.ner.evidence`): the cues of the
   whole article type a name in all its mentions ("oil firm X", "X Inc",
   "the town of X", "Mr X"), split person names are joined and the odd
   members of a list of people become people;
8. *names* (:mod:`newsledger.components.ner.names`): names spaCy left out or
   mistyped, from the article's own evidence: untagged "Given Surname" runs, a
   surname alone after its full name (also in headline capitals), the other
   names of a line-up, "the Brewers" (a team), "Barcelona star X" parted, and
   "the Tote" (a body, not a person); untagged names an apposition describes
   (:mod:`newsledger.components.ner.appositions`: "Ekdahl, 39,", "Castel, home
   to 31,000 people"), the members of a list a plural noun introduces
   (:mod:`newsledger.components.ner.introduced`: "retailers including X, Y and Z",
   "construction companies X and Y"), the titles a kind of work introduces
   (:mod:`newsledger.components.ner.titles`: "the hit singles X, Y and Z");
   bands (:mod:`newsledger.components.ner.bands`: "boy band the X", "X are
   working on their album") and titles told by their own words
   (:mod:`newsledger.components.ner.title_cues`: "The X Show", "Call of Duty:
   Finest Hour", "bookmakers tip The X" in a report on films);
   a name cut at a hyphen takes the rest of its word ("Owusu" of "Owusu-Abeyie",
   :mod:`newsledger.components.ner.person_spans`);
   finally spans are made disjoint and
   adjacent demonyms joined ("Iraqi Kurdish"), and in a report about sport a "... League"
   played in is a competition and "the starting XV" no name
   (:mod:`newsledger.components.ner.bodies`, :mod:`~newsledger.components.ner.competitions`);
   clubs told by their form or members (:mod:`~newsledger.components.ner.club_names`),
   unplaced names with a firm's cue (:mod:`~newsledger.components.ner.firms`), head words
   left outside a name (:mod:`~newsledger.components.ner.extents`), spans glued to a
   sentence-opening word (:mod:`~newsledger.components.ner.openers`), places typed as
   bodies (:mod:`~newsledger.components.ner.place_cues`) and venues split from a town
   or a firm or joined across a saint's "'s" (:mod:`~newsledger.components.ner.venues`).

Tokens are left as they are; only ``ents`` change.  A call costs well under a
millisecond for a typical article once the tables are loaded (about 0.4 s,
once per process).  Measured on the CoNLL-2003 dev split by ``eval/ner.py``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from newsledger.components.ner.appositions import described_names
from newsledger.components.ner.bands import bands
from newsledger.components.ner.bodies import sports_bodies
from newsledger.components.ner.club_names import club_names
from newsledger.components.ner.evidence import INITIALS_FIRM, harmonise, join_names
from newsledger.components.ner.extents import extents
from newsledger.components.ner.firms import firm_places
from newsledger.components.ner.full_names import full_names
from newsledger.components.ner.gazetteer import CALENDAR, NAME_LABELS, apply_gazetteer
from newsledger.components.ner.introduced import introduced_lists
from newsledger.components.ner.laws import bills
from newsledger.components.ner.lists import list_people
from newsledger.components.ner.names import (
    conjoined_places,
    covered,
    given_runs,
    lineups,
    lone_surnames,
    pairs,
    repeats,
    split_roles,
    teams,
    works,
)
from newsledger.components.ner.nonnames import awards, not_names
from newsledger.components.ner.openers import openers
from newsledger.components.ner.person_spans import hyphen_names, lead_words
from newsledger.components.ner.place_cues import place_cues
from newsledger.components.ner.products import maker_models
from newsledger.components.ner.propagate import propagate
from newsledger.components.ner.rules import (
    HONORIFICS,
    RETYPABLE,
    Doc,
    Span,
    adjective_opener,
    common_opener,
    is_dateline,
    person_like,
    place_label,
)
from newsledger.components.ner.sports import clubs, is_sporty, lineup_lines, sport_names
from newsledger.components.ner.tables import Tables, cues, tables, towns
from newsledger.components.ner.technical import technical
from newsledger.components.ner.title_cues import title_cues
from newsledger.components.ner.title_mentions import title_mentions
from newsledger.components.ner.titles import titled_lists
from newsledger.components.ner.venues import venues
from newsledger.core.model import Analysis, Annotated, NamedSpan, Token
from newsledger.core.stage import Stage

SPLIT_TOKENS = frozenset(
    {"(", ")", "[", "]", ",", ";", ":", "|", '"', "“", "”", "/", "at", "v", "vs", "vs.", "versus"}
)  # never inside a name: "Perpignan at Lansdowne Road", "Luton v Hinckley"
DASHES = frozenset({"-", "–", "—", "--"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’", "'S"})
EDGE_PUNCT = frozenset({"'", "’", "‘", '"', "“", "”", "-", "–", "—", ".", "«", "»", "*"})
PERSON_LIKE_FROM = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "FAC", "GPE", "LOC"})  # not NORP
TITLED = frozenset({"EVENT", "WORK_OF_ART", "LAW", "PRODUCT"})  # split at line breaks only
ATTITUDE = ("anti-", "pro-")  # "anti-Taliban": an attitude, not the group itself
IN_PLACE = frozenset({"in", "near", "outside", "around", "across"})
GROUP_NOUNS = frozenset(
    {"family", "families", "brothers", "sisters", "administration", "government", "era", "years"}
    | {"clan", "household", "camp", "dynasty", "children", "twins", "couple", "estate"}
)  # "the Kennedy family": a person's kin or term, not a place
ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)$")  # "Gordon Durie 75th": the minute, not the name


def fix(a: Annotated) -> Annotated:
    """Return ``a`` with its entities corrected (tokens untouched)."""
    if not a.tokens:
        return a
    t = tables()
    d = Doc(a)
    spans: list[Span] = []
    for e in a.ents:
        spans.extend(clean(d, t, Span(e.start, e.end, e.label)))
    spans = lead_words(d, t, spans)  # "Tory Liam Fox", "Analysing Mr Brown"
    spans = apply_gazetteer(d, t, split_roles(d, t, spans))
    credits = credit_ranges(d, t)
    spans = [s for s in (retype(d, t, s, credits) for s in spans) if s is not None]
    spans = add_missing(d, t, spans)
    spans = given_runs(d, t, clubs(d, t, spans), credits)
    spans = join_names(d, t, harmonise(d, t, propagate(d, t, spans)))
    spans = spans + described_names(d, t, covered(d, spans))
    spans = repeats(d, t, lone_surnames(d, t, pairs(d, t, spans)))
    spans = lineup_lines(d, t, lineups(d, t, spans))
    spans = works(d, t, list_people(d, t, teams(d, t, full_names(d, t, spans))))
    spans = titled_lists(d, t, maker_models(d, t, introduced_lists(d, t, spans)))
    spans = title_cues(d, t, bands(d, t, awards(d, t, not_names(d, t, spans))))
    spans = technical(d, t, title_mentions(d, t, spans))  # "Halo 2"; "DDoS attacks", "Casio QV-10"
    spans = bills(d, spans)  # "the Finance Bill": a law, not a man
    spans = finish(d, hyphen_names(d, t, conjoined_places(d, t, spans)))
    spans = sports_bodies(d, t, spans, is_sporty(d))
    spans = firm_places(d, t, club_names(d, t, spans, is_sporty(d)), is_sporty(d))
    spans = place_cues(d, t, openers(d, t, extents(d, spans)), is_sporty(d))
    spans = venues(d, t, spans)
    return replace(a, ents=tuple(to_named(d, s) for s in spans))


def run(a: Analysis) -> None:
    a.annotated = fix(a.annotated)


# reads spaCy's analysis and replaces it with the corrected one: every other
# reader of ``annotated`` runs after this stage
STAGE = Stage("nerfix", requires=("annotated",), assigns=("annotated",), run=run)


def finish(d: Doc, spans: list[Span]) -> list[Span]:
    """Sort, keep spans disjoint (the longer wins), join adjacent demonyms ("Iraqi Kurdish")."""
    out: list[Span] = []
    for s in sorted(spans, key=lambda s: (s.start, s.start - s.end)):
        prev = out[-1] if out else None
        if prev is not None and s.start < prev.end:
            continue
        if (
            prev is not None
            and prev.label == s.label == "NORP"
            and d.text[prev.end : s.start] == " "
        ):
            out[-1] = Span(prev.start, s.end, "NORP", "rule")
            continue
        out.append(s)
    return out


def to_named(d: Doc, s: Span) -> NamedSpan:
    ts, te = d.tok_range(s.start, s.end)
    return NamedSpan(s.start, s.end, s.label, d.text[s.start : s.end], ts, te)


# ---------------------------------------------------------------- 1. clean


def is_number(tok: Token) -> bool:
    return tok.text[:1].isdigit() and all(ch.isdigit() or ch in "-./:," for ch in tok.text)


def clean(d: Doc, t: Tables, s: Span) -> list[Span]:
    """Split a spaCy span at line breaks and separators, then trim its edges."""
    if s.label not in NAME_LABELS:
        txt = d.text[s.start : s.end]
        lead = len(txt) - len(txt.lstrip())
        end = s.start + len(txt.rstrip())
        return [Span(s.start + lead, end, s.label)] if end > s.start + lead else []
    ts, te = d.tok_range(s.start, s.end)
    pieces: list[list[int]] = [[]]
    titled = s.label in TITLED
    for i in range(ts, te):
        tok = d.toks[i]
        spaced = d.text[tok.start - 1 : tok.start] == " " and d.text[tok.end : tok.end + 1] == " "
        score = (
            not titled
            and is_number(tok)
            and (i == ts or (i + 1 < te and d.toks[i + 1].text[:1].isupper()))
        )  # "288 Jose Coceres", "Newport 29 Caerphilly 10": figures part names
        if (
            "\n" in tok.text
            or score
            or (not titled and (tok.text in SPLIT_TOKENS or (tok.text in DASHES and spaced)))
        ):
            pieces.append([])
            continue
        pieces[-1].append(i)
        if i + 1 < te and "\n" in d.text[tok.end : d.toks[i + 1].start]:
            pieces.append([])
    out: list[Span] = []
    for p in pieces:
        if p:
            out.extend(trim(d, t, p, s.label))
    return out


def trim(d: Doc, t: Tables, idx: list[int], label: str) -> list[Span]:
    toks = [d.toks[i] for i in idx]
    extra: list[Span] = []
    while toks and (
        toks[0].text == "the"
        or (toks[0].text.lower() == "the" and label != "WORK_OF_ART")
        or toks[0].text in EDGE_PUNCT
        or (len(toks) > 1 and label not in CALENDAR and toks[0].text.lower() in t.leading_stop)
    ):
        toks.pop(0)
    while toks:
        last = toks[-1]
        if (
            last.text in POSSESSIVE
            or last.text in EDGE_PUNCT
            or last.text in {",", ";", ":"}
            or (
                len(toks) > 1
                and label not in TITLED
                and (is_number(last) or ORDINAL.match(last.text) is not None)
                and not (
                    label in {"ORG", "FAC"}
                    and last.text.isdigit()
                    and len(last.text) <= 2
                    and not d.table(d.line(last.start))
                )
            )
            or (
                len(toks) > 1
                and label not in TITLED
                and last.text.isalpha()
                and last.text.islower()
                and d.text[last.start - 1 : last.start].isspace()
            )
        ):
            toks.pop()
        else:
            break
    if label in RETYPABLE and len(toks) > 1 and toks[0].text.rstrip(".") in HONORIFICS:
        label = "PERSON"  # "Mr Hague", "Ms Hessel": a person whatever the tagger said
    first_name = toks[0].i if toks else -1
    if label == "PERSON":
        while len(toks) > 1 and (
            toks[0].text.lower().rstrip(".") in t.titles or toks[0].text in t.nationalities
        ):
            first = toks.pop(0)
            if first.text in t.nationalities:
                extra.append(Span(first.start, first.end, "NORP", "rule"))
    if not toks or (label == "PERSON" and toks[0].text.lower().rstrip(".") in t.titles):
        return extra
    src = "title" if toks[0].i != first_name and label == "PERSON" else "spacy"
    txt = d.text[toks[0].start : toks[-1].end]
    if not any(ch.isupper() for ch in txt) and not (
        label in TITLED and any(ch.isalpha() for ch in txt) and any(ch.isdigit() for ch in txt)
    ):  # a name has a capital ("3 1 1 1 3 3 4" is a table row; "Windows 95" keeps its figure)
        return extra
    if txt[:5].lower().startswith(ATTITUDE) and label in RETYPABLE:
        label = "NORP"
    if txt[:4].lower() == "non-" and label in RETYPABLE:
        return extra  # "non-EU exports", "non-Champions League football": no name
    return [*extra, Span(toks[0].start, toks[-1].end, label, src)]


# ---------------------------------------------------------------- 3. retype


def credit_ranges(d: Doc, t: Tables) -> list[tuple[int, int]]:
    """Character ranges of photo credits and caption furniture."""
    out: list[tuple[int, int]] = []
    for hints, rx in t.credits:
        if any(h in d.text for h in hints):
            out.extend((m.start(), m.end()) for m in rx.finditer(d.text) if m.end() > m.start())
    return out


def head_word(words: list[str]) -> str:
    """The word that types a name: the last one, or the one before its first "of"/"for"."""
    for k, w in enumerate(words[1:], start=1):
        if w in {"of", "for", "on", "in", "de", "du", "des"}:
            return words[k - 1]
    return words[-1]


def prev_word(d: Doc, start: int) -> str:
    i = d.tok_range(start, start + 1)[0]
    return d.toks[i - 1].text if i > 0 else ""


def retype(d: Doc, t: Tables, s: Span, credits: list[tuple[int, int]]) -> Span | None:
    """Correct the type of one span (``None``: not a name after all)."""
    if s.src == "gaz" or s.label not in RETYPABLE:
        return s
    txt = d.text[s.start : s.end]
    if txt.lower() in sport_names() and not (txt.isupper() and len(txt) <= 4):
        return None  # "SOCCER - ..." headline slugs, "Baseball": not names
    if txt in cues().not_name:
        return None  # "1400 GMT": a time zone, not an organisation
    if s.label in {"PERSON", "GPE", "LOC"} and common_opener(d, s):
        return None  # "Attendance was low": a capitalised common noun opening a sentence
    if s.label == "PERSON":
        if txt in t.not_person:
            lab = t.not_person[txt]
            return Span(s.start, s.end, lab, "rule") if lab else None
        if any(cs <= s.start and s.end <= ce for cs, ce in credits):
            return None
        if INITIALS_FIRM.match(txt):
            return Span(s.start, s.end, "ORG", "rule")  # "S&P", "AT&T": no person's name
    place = place_label(d, t, txt, s.start)
    if (
        place is None
        and s.label == "PERSON"
        and txt in towns()
        and place_modifier(d, s)
        and prev_word(d, s.start) == "the"
    ):
        return Span(s.start, s.end, "GPE", "rule")  # "the Worcester game"
    if place is not None and s.src != "title":
        if s.label == "PERSON" and place_modifier(d, s):
            return Span(s.start, s.end, place, "rule")  # "the Leicester singer"
        if s.label in {"ORG", "PERSON"} and (
            d.table(d.line(s.start))
            or (txt not in t.polities and prev_word(d, s.start) not in IN_PLACE)
        ):
            return s  # a company, club or person named after a town ("Toyota", "Kennedy")
        return Span(s.start, s.end, place, "rule")
    if txt in t.demonyms:
        return Span(s.start, s.end, "NORP", "rule")
    if portfolio(d, s, txt):
        return None  # "Education Secretary X", "Home affairs spokesman": a portfolio
    if s.label in {"PERSON", "ORG", "GPE", "LOC", "FAC"} and adjective_opener(d, s):
        return None  # "Quirky comedy X", "Tacit approval": an adjective opening a sentence
    words = txt.split()
    if len(words) >= 2:
        kw = t.keywords.get(head_word(words))
        if kw is not None and not (s.label == "PERSON" and words[0] in t.given):
            return Span(s.start, s.end, kw, "rule")
        if s.label in PERSON_LIKE_FROM and person_like(t, words):
            return Span(s.start, s.end, "PERSON", "rule")
    return s


def place_modifier(d: Doc, s: Span) -> bool:
    """Does a one-word place name stand as a modifier between "the" and a common noun ("the
    Leicester singer")?  Not before a word for a person's kin or term ("the Kennedy family",
    "the Clinton administration")."""
    ts, te = d.tok_range(s.start, s.end)
    if te - ts != 1 or ts == 0 or te >= len(d.toks) or d.toks[ts - 1].text.lower() != "the":
        return False
    nxt = d.toks[te]
    return nxt.pos == "NOUN" and nxt.text.islower() and nxt.text not in GROUP_NOUNS


def portfolio(d: Doc, s: Span, txt: str) -> bool:
    """Is ``txt`` a minister's portfolio before its title ("Education Secretary Ann Vane",
    "Trade and Industry Secretary", "Home affairs spokesman")?"""
    c = cues()
    if not all(w in c.portfolio or w == "and" for w in txt.split()):
        return False
    te = d.tok_range(s.start, s.end)[1]
    return te < len(d.toks) and d.toks[te].text in c.portfolio_title


# ------------------------------------------------------------ 4. add missing


def find_place(d: Doc, t: Tables, i: int, mask: list[bool]) -> Span | None:
    """The longest place or demonym starting at uncovered token ``i``."""
    tok = d.toks[i]
    if not tok.text[:1].isupper():
        return None
    caps = d.caps_at(tok.start)
    if not caps and tok.pos not in {"PROPN", "ADJ", "NOUN"}:
        return None
    n = len(d.toks)
    longest = t.place_starts.get(tok.text, 0)
    for k in range(min(longest, n - i), 0, -1):
        j = i + k - 1
        if any(mask[i : j + 1]) or d.line(d.toks[j].start) != d.line(tok.start):
            continue
        txt = d.text[tok.start : d.toks[j].end]
        label = place_label(d, t, txt, tok.start)
        if label is None and txt in t.demonyms:
            label = "NORP"
        if label is None:
            continue
        if caps:
            if label == "GPE" and txt not in t.countries and not is_dateline(d, i, j):
                return None
        else:
            prev = d.toks[i - 1] if i > 0 else None
            nxt = d.toks[j + 1] if j + 1 < n else None
            if any(x is not None and x.pos == "PROPN" and x.text.istitle() for x in (prev, nxt)):
                return None
        return Span(tok.start, d.toks[j].end, label, "rule")
    return None


def add_missing(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """Places and demonyms spaCy left out."""
    mask = covered(d, spans)
    added: list[Span] = []
    after = -1  # token index before which a new span may not start
    for i in d.capitalised:
        if i < after or mask[i]:
            continue
        s = find_place(d, t, i, mask)
        if s is not None:
            added.append(s)
            after = d.tok_range(s.start, s.end)[1]
    return spans + added
