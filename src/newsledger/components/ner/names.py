"""Names spaCy left untagged or mistyped, found from the document's own evidence.

* *given-name runs*: an untagged given name followed by capitalised proper
  nouns on the same line ("Pavel Pardo", "Filip De Wilde") is a person;
* *person words*: a word of a full person name written alone elsewhere in the
  article is that person, even where spaCy took it for a common noun
  ("Woods, who turned pro ..." after "Tiger Woods"), and so is its capitalised
  form in a headline ("MITCHELL DEFEATS ..." about "Dennis Mitchell"); a
  full name whose surname is a person elsewhere is a person ("Finlay Calder"
  typed ORG beside "Mr Calder");
* *repeats*: a name the article tags once is the same name where spaCy left
  it untagged; two people joined by "and" into one span are parted;
* *line-ups*: in a sports report the other names of a line of people are
  people;
* *teams and groups*: "the" before a capitalised plural ("the Brewers", "the
  Lib Dems") or a one-word name ("the Tote") makes an organisation, never a
  person, and so does a figure in the name ("BBC1");
* *roles*: "Barcelona star Ronaldinho" is a club and a player;
* *works*: a capitalised function word inside a name ("Gangs Of New York")
  makes the title of a work;
* *places*: a known place named with places ("in Somerset and Hampshire") is
  a place.

Every rule reads the article alone; the tables are those of
:mod:`newsledger.components.ner.tables`.
"""

from __future__ import annotations

from collections import Counter

from newsledger.components.ner.evidence import cue_votes
from newsledger.components.ner.rules import (
    PARTICLES,
    Doc,
    Span,
    is_name_word,
    opens_sentence,
)
from newsledger.components.ner.sports import is_sports
from newsledger.components.ner.tables import Tables, cues

SPLITTABLE = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
MAX_RUN = 4  # words of a name found by its given name
FREE_POS = frozenset({"PROPN", "NOUN", "ADJ", "VERB", "ADV", "X"})


def covered(d: Doc, spans: list[Span]) -> list[bool]:
    mask = [False] * len(d.toks)
    for s in spans:
        ts, te = d.tok_range(s.start, s.end)
        for i in range(ts, te):
            mask[i] = True
    return mask


def split_roles(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """ "Barcelona star Ronaldinho": a role word inside a span parts its owner from its holder.

    The words before the role keep the span's type (a person's type goes: retyping
    decides it), the name after it is a person.
    """
    roles = cues().person_before | t.titles | {"star"}
    out: list[Span] = []
    for s in spans:
        ts, te = d.tok_range(s.start, s.end)
        cut = next(
            (
                k
                for k in range(ts + 1, te - 1)
                if d.toks[k].text in roles and d.toks[k].text.islower()
            ),
            None,
        )
        if s.label not in SPLITTABLE or cut is None or not is_name_word(d.toks[cut + 1].text):
            out.append(s)
            continue
        left = "ORG" if s.label == "PERSON" else s.label
        out.append(Span(s.start, d.toks[cut - 1].end, left, "spacy"))
        out.append(Span(d.toks[cut + 1].start, s.end, "PERSON", "title"))
    return out


TITLE_WORDS = frozenset({"Of", "The", "In", "And", "On", "To", "For", "With", "Is", "A", "An"})
WORKS_FROM = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})


def works(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """A name with a capitalised function word inside ("Gangs Of New York", "In The Name Of
    The Father") is the title of a work: organisations write "of" in lower case."""
    out: list[Span] = []
    for s in spans:
        ts, te = d.tok_range(s.start, s.end)
        inner = [x.text for x in d.toks[ts + 1 : te - 1]]
        if (
            s.label in WORKS_FROM
            and s.src != "gaz"
            and any(w in TITLE_WORDS for w in inner)
            and not d.caps_at(s.start)
            and not title_case_line(d, s.start)
        ):
            s = Span(s.start, s.end, "WORK_OF_ART", "rule")
        out.append(s)
    return out


def title_case_line(d: Doc, char: int) -> bool:
    """Is the line around ``char`` written in title case (a headline: "Man Of The Match")?"""
    words = [w for w in d.line_text(d.line(char)).split() if w[:1].isalpha()]
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) * 4 >= len(words) * 3


def sentence_initial(d: Doc, i: int) -> bool:
    tok = d.toks[i]
    return i == 0 or d.toks[i - 1].sent != tok.sent or d.line_starts[d.line(tok.start)] == tok.start


MIN_LINEUP = 3  # people on a line before its other names are taken for people too


def lineups(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """On a line of a sports report that is a list of people (a team line-up, a results
    list), the capitalised names spaCy left untagged between the separators are people too
    (elsewhere such lines mix people with bands and titles: "Kanye West, ... and Outkast")."""
    if not is_sports(d):
        return spans
    by_line: dict[int, list[Span]] = {}
    for s in spans:
        by_line.setdefault(d.line(s.start), []).append(s)
    mask = covered(d, spans)
    added: list[Span] = []
    for ln, members in by_line.items():
        people = sum(s.label == "PERSON" for s in members)
        if people < MIN_LINEUP or people * 3 < len(members) * 2 or d.caps(ln):
            continue
        start = d.line_starts[ln]
        end = d.line_starts[ln + 1] if ln + 1 < len(d.line_starts) else len(d.text)
        i = d.tok_range(start, start + 1)[0]
        while i < len(d.toks) and d.toks[i].start < end:
            j = i
            while (
                j < len(d.toks)
                and d.toks[j].start < end
                and not mask[j]
                and is_name_word(d.toks[j].text)
                and d.toks[j].pos == "PROPN"
            ):
                j += 1
            if j > i:
                txt = d.text[d.toks[i].start : d.toks[j - 1].end]
                lone = txt in t.places or txt in t.demonyms or txt in t.given
                lone = lone or any(x.text.lower() in t.titles for x in d.toks[i:j])
                nxt = d.toks[j].text if j < len(d.toks) else ""
                # "Team : ...", "Dunmore - 1 - ...": the line's label or its team
                lone = lone or nxt == ":" or (d.toks[i].start == start and nxt in {"-", "–"})
                s0, e0 = d.toks[i].start, d.toks[j - 1].end
                whole = not d.text[s0 - 1 : s0].strip() and not d.text[e0 : e0 + 1].strip()
                lone = lone or not whole  # a piece of "Inzamam-ul-Haq"
                # "Injured Rio Ferdinand and ...": a word opening the sentence before a name
                lone = lone or (j == i + 1 and opens_sentence(d, i) and j < len(mask) and mask[j])
                if not lone and t.keywords.get(d.toks[j - 1].text) is None:
                    added.append(Span(d.toks[i].start, d.toks[j - 1].end, "PERSON", "rule"))
                i = j
            else:
                i += 1
    return spans + added


REPEATABLE = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})


def repeats(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """A name the article tags once is the same name where spaCy left it untagged."""
    labels: dict[str, Counter[str]] = {}
    for s in spans:
        txt = d.text[s.start : s.end]
        if s.label in REPEATABLE and any(ch.islower() for ch in txt) and txt[:1].isupper():
            labels.setdefault(txt, Counter())[s.label] += 1
    if not labels:
        return spans
    lower = {x.text for x in d.toks if x.text[:1].islower()}
    firsts: dict[str, list[str]] = {}
    for txt in labels:
        firsts.setdefault(txt.split()[0], []).append(txt)
    mask = covered(d, spans)
    added: list[Span] = []
    for i in d.capitalised:
        tok = d.toks[i]
        if mask[i] or tok.text not in firsts or d.caps_at(tok.start):
            continue
        for txt in sorted(firsts[tok.text], key=len, reverse=True):
            end = tok.start + len(txt)
            if not d.text.startswith(txt, tok.start) or d.text[end : end + 1].isalnum():
                continue
            ts, te = d.tok_range(tok.start, end)
            nb = [d.toks[k] for k in (ts - 1, te) if 0 <= k < len(d.toks)]
            if any(m for m in mask[ts:te]) or d.toks[te - 1].end != end:
                continue
            if any(x.text[:1].isupper() and x.pos == "PROPN" for x in nb):
                continue  # part of a longer name
            if te - ts == 1 and (tok.text.lower() in lower or sentence_initial(d, ts)):
                continue  # a capitalised word opening a sentence may be a common noun
            label, n = labels[txt].most_common(1)[0]
            if n * 2 > sum(labels[txt].values()):
                added.append(Span(tok.start, end, label, "rule"))
            break
    return spans + added


def given_runs(d: Doc, t: Tables, spans: list[Span], credits: list[tuple[int, int]]) -> list[Span]:
    """Untagged "Given Surname [Surname]" runs become people (never in photo credits), or
    firms when a company head word ends them ("Harris Interactive")."""
    mask = covered(d, spans)
    added: list[Span] = []
    n = len(d.toks)
    i = 0
    while i < n:
        tok = d.toks[i]
        if mask[i] or tok.text not in t.given or tok.pos != "PROPN" or d.caps_at(tok.start):
            i += 1
            continue
        j = i
        line = d.line(tok.start)
        while j + 1 < n and j + 1 - i < MAX_RUN:
            nxt = d.toks[j + 1]
            if mask[j + 1] or d.line(nxt.start) != line or nxt.start != d.toks[j].end + 1:
                break
            name = (
                is_name_word(nxt.text) and nxt.text not in t.places and nxt.text not in t.demonyms
            )
            if not name and not (
                nxt.text.lower() in PARTICLES and j + 2 < n and is_name_word(d.toks[j + 2].text)
            ):
                break
            j += 1
        head = t.keywords.get(d.toks[j].text)
        if (
            j > i
            and d.toks[j].text.lower() not in PARTICLES
            and head in {None, "ORG"}
            and not any(cs <= tok.start < ce for cs, ce in credits)
        ):  # a company head word makes a firm ("Harris Interactive")
            added.append(Span(tok.start, d.toks[j].end, head or "PERSON", "rule"))
            i = j + 1
        else:
            i += 1
    return spans + added


def person_words(d: Doc, t: Tables, spans: list[Span]) -> dict[str, str]:
    """Words of the article's multi-word person names, as written and in capitals."""
    known: dict[str, str] = {}
    for s in spans:
        if s.label != "PERSON":
            continue
        words = d.text[s.start : s.end].split()
        if len(words) < 2:
            continue
        for w in words:
            if is_name_word(w) and len(w) > 2 and w not in t.places and w not in t.demonyms:
                known[w] = w
                known[w.upper()] = w
    return known


def pairs(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """ "Bryson and Thompson" typed as one organisation: two people when either name is a
    person's elsewhere in the article ("Marks and Spencer" stays one name)."""
    people = {d.text[s.start : s.end] for s in spans if s.label == "PERSON"}
    people |= {w for p in people for w in p.split()[1:]}
    out: list[Span] = []
    for s in spans:
        ts, te = d.tok_range(s.start, s.end)
        words = [x.text for x in d.toks[ts:te]]
        if (
            s.src != "gaz"
            and s.label != "PERSON"
            and len(words) == 3
            and words[1] == "and"
            and (words[0] in people or words[2] in people)
            and all(is_name_word(w) and w not in t.polities for w in (words[0], words[2]))
        ):
            out.append(Span(d.toks[ts].start, d.toks[ts].end, "PERSON", "rule"))
            out.append(Span(d.toks[ts + 2].start, d.toks[ts + 2].end, "PERSON", "rule"))
            continue
        out.append(s)
    return out


def lone_surnames(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """A word of a full name alone is that person wherever spaCy left it untagged."""
    surnames = {
        words[-1]
        for s in spans
        if s.label == "PERSON" and len(words := d.text[s.start : s.end].split()) >= 2
    }
    spans = [
        Span(s.start, s.end, "PERSON", "rule")
        if s.src != "gaz"
        and d.text[s.start : s.end] in surnames
        and (
            s.label in {"ORG", "PRODUCT"}
            or (
                s.label in {"GPE", "LOC"}
                and cue_votes(d, t, s)["PERSON"] > cue_votes(d, t, s)["GPE"]
            )
        )
        else s
        for s in spans
    ]  # "MaliVai Washington ... Washington found the net": not a club; "Neil Jordan ...
    # Jordan said": not the country
    from newsledger.components.ner.bands import music_report  # bands reads this module

    longer = {  # "the Milwaukee Brewers": the plural ends a team's longer name
        d.text[s.start : s.end].split()[-1] for s in spans if " " in d.text[s.start : s.end]
    }
    spans = [
        Span(s.start, s.end, "PERSON", "rule")
        if s.src != "gaz"
        and s.label != "PERSON"
        and family(d, s, surnames)
        and d.text[s.start : s.end] not in longer
        and (s.label != "ORG" or not music_report(d))  # "Joss Stone ... the Stones": a band
        else s
        for s in spans
    ]  # "Mike and Bob Bryan ... the Bryans": the family or the brothers, people
    known = person_words(d, t, spans)
    if not known:
        return spans
    lower = {x.text for x in d.toks if x.text[:1].islower()}
    mask = covered(d, spans)
    out = list(spans)
    for i in d.capitalised:
        tok = d.toks[i]
        word = known.get(tok.text)
        if mask[i] or word is None or tok.pos not in FREE_POS:
            continue
        caps = d.caps_at(tok.start)
        if tok.text.isupper() != caps or word.lower() in lower:
            continue  # capitals only in a headline; never a word the article also writes lower-case
        nb = [d.toks[k] for k in (i - 1, i + 1) if 0 <= k < len(d.toks)]
        if not caps and any(x.pos == "PROPN" and x.text[:1].isupper() for x in nb):
            continue  # part of another name
        if caps and any(x.text in known and x.start == tok.end + 1 for x in nb):
            continue
        out.append(Span(tok.start, tok.end, "PERSON", "rule"))
    return out


def family(d: Doc, s: Span, surnames: set[str]) -> bool:
    """Is ``s`` "the <Surname>s" of a surname the article gives in a full name?"""
    txt = d.text[s.start : s.end]
    ts = d.tok_range(s.start, s.end)[0]
    return (
        txt.endswith("s")
        and " " not in txt
        and txt[:-1] in surnames
        and ts > 0
        and d.toks[ts - 1].text.lower() == "the"
    )


def teams(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """ "the Brewers", "the Lib Dems": a team or group, not a person (tagged where spaCy left
    a one-word one out); a name with a figure ("BBC1") is not a person either."""
    mask = covered(d, spans)
    out: list[Span] = []
    for s in spans:
        if (
            s.label == "PERSON"
            and s.src == "spacy"
            and (
                plural_after_the(d, t, s.start, s.end)
                or body_after_the(d, t, s)
                or any(ch.isdigit() for ch in d.text[s.start : s.end])  # "BBC1"
            )
        ):
            s = Span(s.start, s.end, "ORG", "rule")
        out.append(s)
    for i in d.capitalised:
        tok = d.toks[i]
        if not mask[i] and tok.pos == "PROPN" and plural_after_the(d, t, tok.start, tok.end):
            nxt = d.toks[i + 1] if i + 1 < len(d.toks) else None
            if nxt is None or not nxt.text[:1].isupper():
                out.append(Span(tok.start, tok.end, "ORG", "rule"))
    return out


def body_after_the(d: Doc, t: Tables, s: Span) -> bool:
    """ "a consultant to the Tote": "the" before a one-word name ("the Blair government" aside)."""
    txt = d.text[s.start : s.end]
    if " " in txt or not is_name_word(txt) or txt in t.given or d.caps_at(s.start):
        return False
    ts, te = d.tok_range(s.start, s.end)
    nxt = d.toks[te] if te < len(d.toks) else None
    modifier = nxt is not None and nxt.pos in {"NOUN", "PROPN", "ADJ", "NUM", "PART"}
    return ts > 0 and d.toks[ts - 1].text == "the" and not modifier


def plural_after_the(d: Doc, t: Tables, start: int, end: int) -> bool:
    txt = d.text[start:end]
    if (
        not all(is_name_word(w) for w in txt.split())
        or not txt.endswith("s")
        or txt.endswith("ss")
        or txt in t.demonyms
        or txt in t.places
        or d.caps_at(start)
    ):
        return False
    ts = d.tok_range(start, end)[0]
    return ts > 0 and d.toks[ts - 1].text == "the"


CONJUNCTIONS = frozenset({" and ", ", ", ", and ", " or "})


def conjoined_places(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """ "in Somerset and Hampshire", "Blackpool, Bournemouth and Brighton": a known place
    named with places is a place, whatever spaCy typed it (not in sports reports, whose
    towns are clubs)."""
    if is_sports(d):
        return spans
    out = sorted(spans, key=lambda s: s.start)
    for k, s in enumerate(out):
        txt = d.text[s.start : s.end]
        place = t.places.get(txt)
        if place is None or s.label not in {"PERSON", "ORG"} or s.src in {"gaz", "title"}:
            continue
        te = d.tok_range(s.start, s.end)[1]
        # after a comma only a list member: "In Luton, Kent said no" is a person
        listed = te >= len(d.toks) or d.toks[te].text in {",", ".", ";", ")", "and", "or"}
        prev, nxt = (out[k - 1] if k else None), (out[k + 1] if k + 1 < len(out) else None)
        before = d.text[prev.end : s.start] if prev is not None else ""
        after = d.text[s.end : nxt.start] if nxt is not None else ""
        if (
            prev is not None
            and prev.label in {"GPE", "LOC"}
            and (before in {" and ", ", and ", " or "} or (before == ", " and listed))
        ) or (nxt is not None and nxt.label in {"GPE", "LOC"} and after in CONJUNCTIONS):
            out[k] = Span(s.start, s.end, place, "rule")
    return out
