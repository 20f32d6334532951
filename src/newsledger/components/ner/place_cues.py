"""Places the tagger took for bodies or people, told by the words around or inside them.

* *based*: "the Tarnby-based athlete", "Tarnby-born": a town or place the gazetteers
  list, fused to "-based" or "-born", is the place (not the club or firm of its name);
* *compass*: "Sub-Saharan Africa", "North Varlowshire": a compass word before a place the
  tables know is a region of it (unless the whole name is itself a listed place or
  country, which other rules typed on purpose: "South Africa" the side; nor a club of a
  report about sport: "East Varlow 2 Tarnby 0");
* *town compass*: "Leeds South", "Leeds North East": a place the place table lists
  and a compass word after it is a constituency or district (not a club in sport);
* *feature*: "Loch Tarn", "Mount Varl", "River Tarn": a lake, mountain or river;
* *field*: "the Tarnby and Varl fields" in a report about oil or gas: oil fields (not
  "an Indian oilfield": a people's adjective stays);
* *county*: "from Tarnby, Varlowshire,": a name between "from"/"in"/"near" and a county
  or state the tables list is a town;
* *townsman*: a town the tables list, typed ORG or PERSON, before a word for a person
  ("the Tarnby man", "a Devon man", "the Tarnby MSP", "a Tarnby farmer") or after a person's "from"/", of"
  ("Emma from Tarnby", "Ann, of Tarnby") is the town (firms take no such words; not in a
  report about sport, where "the Tarnby man" may be a club's).

* *dwellers*: "the 8,000 residents of Tarnby", "the mayor of Tarnby": a town, in all
  the report's mentions of the name typed a body or a person ("the Tarnby scheme");
* *venue*: "the Millennium Stadium" typed EVENT (the tagger reads the match into it): a
  name headed by a venue's word is the venue (FAC).

Each rule changes only the mention it reads; names found by the gazetteers stay.
"""

from __future__ import annotations

from newsledger.components.ner.rules import Doc, Span, place_label, retype_named
from newsledger.components.ner.tables import Tables, towns

FROM = frozenset({"ORG", "PERSON", "PRODUCT", "FAC", "NORP", "WORK_OF_ART"})
FUSED = ("-based", "-born", "–based")
COMPASS = frozenset(
    {"North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western"}
    | {"Central", "Sub-Saharan", "Upper", "Lower", "Mid", "North-East", "North-West"}
    | {"South-East", "South-West", "Greater"}
)
COMPASS_AFTER = frozenset({"North", "South", "East", "West", "Central"})
FEATURE_FIRST = frozenset({"Lake", "Loch", "Lough", "Mount", "Mt", "River"})
FIELD_AFTER = frozenset({"field", "fields", "oilfield", "oilfields", "gasfield", "gasfields"})
FUEL = frozenset({"oil", "gas", "crude", "barrels", "petroleum"})
PLACE_PREP = frozenset({"from", "in", "near", "outside"})
# "the residents of X": only a place has these (not "people of": "people of Asian origin")
DWELLERS = frozenset({"residents", "inhabitants", "villagers", "townspeople", "mayor", "outskirts"})
VENUE_HEADS = frozenset(
    {"Stadium", "Arena", "Centre", "Center", "Hall", "Theatre", "Dome", "Velodrome", "Oval"}
)
# a person described by the town they come from or stand for ("the Tarnby man")
TOWNSPEOPLE = frozenset(
    {"man", "woman", "men", "women", "boy", "girl", "farmer", "native", "resident"}
    | {"residents", "MP", "MSP", "MEP", "AM", "teenager", "pensioner", "mother", "father"}
)


def _known(t: Tables, txt: str) -> bool:
    return txt in t.places or txt in towns() or txt in t.countries


def _based(d: Doc, t: Tables, s: Span, txt: str) -> bool:
    return d.text[s.end : s.end + 6].startswith(FUSED) and _known(t, txt)


def _compass(t: Tables, txt: str) -> str | None:
    words = txt.split()
    if len(words) < 2 or words[0] not in COMPASS or _known(t, txt) or txt in t.polities:
        return None
    rest = " ".join(words[1:])
    if rest in t.countries or rest in t.places:  # not a town of the gazetteer alone:
        return t.places.get(rest, "GPE")  # "Northern Alliance" (Alliance, Ohio)
    return None


def _town_compass(t: Tables, txt: str) -> bool:
    """ "Leeds South", "Leeds North East": a place the place table lists (not a town of
    the population list alone: "Kanye West" the singer) and a compass word after it (a
    constituency or a district)."""
    words = txt.split()
    for n in (1, 2):
        tail = words[-n:]
        compass = len(words) > n and all(w in COMPASS_AFTER for w in tail)
        if compass and " ".join(words[:-n]) in t.places:
            return True
    return False


def _feature(txt: str) -> bool:
    words = txt.split()
    return len(words) == 2 and words[0] in FEATURE_FIRST and words[1][:1].isupper()


def _field(d: Doc, s: Span, fuel: bool) -> bool:
    """ "the Tarnby fields", "the Varl and Tarnby fields" in a report about oil or gas."""
    if not fuel:
        return False
    te = d.tok_range(s.start, s.end)[1]
    if d.word(te) in FIELD_AFTER:
        return True
    # "Varl and Tarnby fields": the first of two names before "fields"
    return d.word(te) == "and" and d.word(te + 1)[:1].isupper() and d.word(te + 2) in FIELD_AFTER


def _county(d: Doc, t: Tables, s: Span) -> bool:
    """ "from Tarnby, Varlowshire,": a town before its county or state."""
    ts, te = d.tok_range(s.start, s.end)
    if te - ts != 1 or d.word(ts - 1) not in PLACE_PREP or d.word(te) != ",":
        return False
    county = d.word(te + 1)
    return (
        t.places.get(county) == "GPE"
        and county not in t.countries
        and d.word(te + 2) in {",", ".", ";", ""}
    )


def _venue(txt: str) -> bool:
    """ "Millennium Stadium", "Varlow Exhibition Centre": a venue's name (not "11
    September World Trade Centre", an event named by its date)."""
    words = txt.split()
    return len(words) >= 2 and words[-1] in VENUE_HEADS and not txt[:1].isdigit()


def _townsman(d: Doc, t: Tables, s: Span, txt: str) -> bool:
    """ "the Tarnby man", "Emma from Tarnby", "Ann, of Tarnby": a listed town, no firm."""
    if " " in txt or (txt not in towns() and t.places.get(txt) != "GPE"):
        return False
    ts, te = d.tok_range(s.start, s.end)
    prev, prev2 = d.word(ts - 1), d.word(ts - 2)
    if d.word(te) in TOWNSPEOPLE and prev.lower() in {"the", "a", "an"}:
        return True
    return (prev == "from" and prev2 in t.given) or (prev == "of" and prev2 == ",")


def place_cues(d: Doc, t: Tables, spans: list[Span], sporty: bool) -> list[Span]:
    """Mentions typed a body or a person that their own words make a place (in a report
    about sport a region's name typed ORG is its club's: "East Fife")."""
    fuel: bool | None = None
    out: list[Span] = []
    for s in spans:
        txt = d.text[s.start : s.end]
        if s.label == "EVENT" and s.src != "gaz" and _venue(txt):
            out.append(Span(s.start, s.end, "FAC", "rule"))
            continue
        if s.src == "gaz" or s.label not in FROM:
            out.append(s)
            continue
        label: str | None = None
        if _based(d, t, s, txt):
            label = place_label(d, t, txt, s.start) or "GPE"
        elif not (sporty and s.label == "ORG") and (region := _compass(t, txt)) is not None:
            label = region
        elif _feature(txt):
            label = "LOC"
        elif (
            (not (sporty and s.label == "ORG") and _town_compass(t, txt))
            or (s.label in {"ORG", "PERSON"} and _county(d, t, s))
            or (s.label in {"ORG", "PERSON"} and not sporty and _townsman(d, t, s, txt))
        ):
            label = "GPE"
        else:
            if fuel is None:
                fuel = any(tok.text.lower() in FUEL for tok in d.toks)
            if s.label != "NORP" and " " not in txt and _field(d, s, fuel):
                label = "LOC"
        out.append(s if label is None else Span(s.start, s.end, label, "rule"))
    towns_named = {
        d.text[s.start : s.end]
        for s in out
        if s.src != "gaz" and s.label in {"ORG", "PERSON"} and _dwellers(d, s)
    }
    return retype_named(d, out, towns_named, {"ORG", "PERSON"}, "GPE")


def _dwellers(d: Doc, s: Span) -> bool:
    """ "the residents of Tarnby", "the mayor of Tarnby"."""
    ts = d.tok_range(s.start, s.end)[0]
    return d.word(ts - 1) == "of" and d.word(ts - 2) in DWELLERS
