"""Titles of works named right after a kind of work: "the hit singles Time Is Running Out,
Hysteria, and Butterflies And Hurricanes", "the album Absolution".

spaCy tags the words of such titles on their own ("Hysteria" a place, "Butterflies" a
person) or not at all.  After a lower-case noun for a kind of work (``work_before`` of
``data/ner_cues.tsv``: "film", "singles", "sitcom") each title is read as the run of
capitalised words that follows (small words such as "of" and "the" inside it:
"Return of the Mack"); a plural noun introduces a list of them, separated by commas and
"and", also after "including", "such as" or "like" ("arcade classics such as X, Y and Z";
after these two a title's leading "The" is left out, as spaCy tags it).  A channel's
possessive introduces a programme in the same way ("BBC One's Breakfast with Frost").
The noun is read as one whatever its tag after a year a determiner opens ("the 1996
single X"), "shows" after a channel ("ITV1 shows X and Y") and "show" after a singular
noun ("TV talent show The X Factor"); "shows" elsewhere only when tagged a noun ("the
poll shows X ahead" is a verb).  Each title becomes one WORK_OF_ART span in place of what
spaCy found there.  Left alone: headlines, people's names followed by more of the
sentence ("the films Ann Vane and Ivo Harl made"), nationalities ("a single European
currency"), places, channels and names before a possessive in a list ("shows such as
Channel 4's gameshow X"), and names found by the gazetteers.
"""

from __future__ import annotations

from newsledger.components.ner.names import title_case_line
from newsledger.components.ner.rules import Doc, Span, overlay, person_like, retype_named
from newsledger.components.ner.tables import Tables, cues

SMALL = frozenset({"of", "the", "a", "an", "in", "on", "to", "for", "with", "at", "from", "by"})
TITLE_MARKS = frozenset(
    {"'", "’", "'s", "’s", "-", "!", "?", "&", "n't", "n’t", "'re", "'ll", "'ve", "'m", "'d"}
)
SAME_TITLE = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT"})  # retyped as a title
MAX_WORDS = 12  # a longer run is a sentence in capitals, not a title
NAMING = frozenset({"called", "entitled", "titled"})  # "a film called X", "the song is called X"
DOCUMENTS = frozenset({"note", "report", "study", "paper", "book", "poem", "play"})  # "called X"
HIT = frozenset({"hit"})  # a kind of work only as a noun after its kind: not in ner_cues.tsv
SHOWS = frozenset({"shows"})  # a kind of work only as a noun ("the survey shows X": a verb)
SINGULAR = frozenset({"NN"})  # a common noun in the singular ("talent show", "chat show")
JOINING = frozenset({"and", "&"})  # inside one title after a singular noun: "Black and White Town"


def _title_word(w: str) -> bool:
    return w[:1].isupper() or w[:1].isdigit()


def _small_inside(d: Doc, j: int, dated: set[int]) -> bool:
    """Do the small words from token ``j`` on lead to a capitalised word ("on the Bounty"),
    not a date ("Top of the Pops in April", "... on Monday")?"""
    k = j
    while k < len(d.toks) and d.toks[k].text in SMALL:
        k += 1
    return k < len(d.toks) and _title_word(d.toks[k].text) and k not in dated


def dated_tokens(d: Doc, spans: list[Span]) -> set[int]:
    """The tokens of the dates and times found ("January", "Monday")."""
    out: set[int] = set()
    for s in spans:
        if s.label in {"DATE", "TIME"}:
            out.update(range(*d.tok_range(s.start, s.end)))
    return out


def title_end(d: Doc, t: Tables, i: int, dated: set[int], joined: bool = False) -> int:
    """The end (exclusive token index) of the title that opens at token ``i`` (``i``: none);
    ``joined``: "and" between capitalised words stays inside (one title, not a list)."""
    n, j = len(d.toks), i
    line = d.line(d.toks[i].start)
    while j < n and j - i < MAX_WORDS and d.line(d.toks[j].start) == line:
        w = d.toks[j].text
        small = w in SMALL and w != "by"  # "X by Moped": the maker, after the title
        inner = j > i and (
            w in TITLE_MARKS
            or (small and _small_inside(d, j, dated))
            or (joined and j == i + 1 and w in JOINING and _small_inside(d, j + 1, dated))
            or (w.isalpha() and d.toks[j].start == d.toks[j - 1].end)  # "Gon" "na"
        )
        if not (_title_word(w) or inner):
            break
        j += 1
    if joined and j > i + 2 and d.toks[i + 1].text in JOINING and not one_title(d, t, i + 2, j):
        j = i + 1  # "Supernanny and ITV1's Hell's Kitchen", "Ray and Mike Leigh's": two names
    if j - i >= 3 and d.toks[j - 2].text in SMALL and d.toks[j - 1].text in t.places:
        j -= 1  # "the film Storm Harbour in Spain": the place is where, not the title
    while j > i and (d.toks[j - 1].text in TITLE_MARKS or d.toks[j - 1].text in SMALL):
        j -= 1
    return j


def one_title(d: Doc, t: Tables, a: int, b: int) -> bool:
    """Can tokens ``a:b``, after "W and", end one title ("Black and White Town"), not start
    another name (a person, a channel's possessive)?"""
    return d.toks[a].text not in t.given and not any(x.text in {"'s", "’s"} for x in d.toks[a:b])


def title_runs(d: Doc, t: Tables, k: int, plural: bool, dated: set[int]) -> list[tuple[int, int]]:
    """The titles (token ranges) after the noun at token ``k``."""
    out: list[tuple[int, int]] = []
    i = k + 1
    while i < len(d.toks):
        j = title_end(d, t, i, dated, joined=not plural)
        if j == i:
            break
        out.append((i, j))
        if not plural:
            break
        nxt = [x.text for x in d.toks[j : j + 2]]
        if nxt[:2] == [",", "and"]:
            i = j + 2
        elif nxt[:1] in (["and"], [","]):
            i = j + 1
        else:
            break
    return out


def runs_on_people(
    d: Doc, t: Tables, spans: list[Span], runs: list[tuple[int, int]], channel: bool = False
) -> bool:
    """Do people's names lead into the rest of the sentence ("the films Ann Vane and Ivo
    Harl made")?  Then the noun's clause goes on, and the names are no titles.  After a
    channel's possessive a one-word "person" with no given name is a programme
    ("Channel 4's Supernanny and ...")."""
    te = runs[-1][1]
    if te >= len(d.toks) or not d.toks[te].text[:1].islower() or d.toks[te].text == "which":
        return False  # "a note called X which showed ...": a thing
    people = {
        (s.start, s.end)
        for s in spans
        if s.label == "PERSON"
        and not (
            channel
            and " " not in d.text[s.start : s.end]
            and d.text[s.start : s.end] not in t.given
        )
    }
    return any(
        (d.toks[a].start, d.toks[b - 1].end) in people
        or person_like(t, d.text[d.toks[a].start : d.toks[b - 1].end].split())
        for a, b in runs
    )


def work_noun(d: Doc, k: int, work: frozenset[str]) -> bool:
    """Is token ``k`` a noun for a kind of work ("the film", "hit single"; "single" read as
    an adjective too, but not after an article: "a single European currency")?"""
    tok = d.toks[k]
    if tok.text not in work:
        return False
    if dated_kind(d, k):
        return True  # "the 1996 single X", "his 2002 hit X": a noun whatever its tag
    if tok.text in HIT:  # "critical hit X", "TV cult hit X"; never the verb ("storm hit X")
        return tok.pos == "NOUN" and k > 0 and d.toks[k - 1].pos in {"ADJ", "NOUN", "PROPN"}
    if tok.text in SHOWS:  # "TV shows such as X"; "ITV1 shows X and Y" whatever its tag
        return tok.pos == "NOUN" or (k > 0 and d.toks[k - 1].text in cues().broadcaster)
    if tok.text == "show" and tok.pos == "VERB" and k > 0 and d.toks[k - 1].tag in SINGULAR:
        return True  # "TV talent show The X": a singular noun takes no plural verb "show"
    if tok.pos == "NOUN":
        return True
    return tok.pos == "ADJ" and k > 0 and d.toks[k - 1].pos not in {"DET", "NUM", "PRON"}


YEAR_DETERMINERS = frozenset({"the", "his", "her", "their", "its", "'s", "’s"})


def dated_kind(d: Doc, k: int) -> bool:
    """Is the word at token ``k`` after a year that a determiner opens ("the 1996 single",
    "his 2002 hit"): a noun with its year, not a verb or "a single ..."?"""
    year = d.word(k - 1)
    dated = len(year) == 4 and year.isdigit() and year[:2] in {"19", "20"}
    return k >= 2 and dated and d.word(k - 2) in YEAR_DETERMINERS


def named_work(d: Doc, k: int, work: frozenset[str]) -> str | None:
    """The kind of work a "called" at token ``k`` names ("a film called X", "the song is
    called X", "a research note called X": a kind of work or a document; ``None``: no
    such phrase)."""
    if d.toks[k].text not in NAMING or k < 1:
        return None
    j = k - 2 if d.toks[k - 1].text in {"is", "was"} and k >= 2 else k - 1
    tok = d.toks[j]
    named = tok.text in work or tok.text in DOCUMENTS
    return tok.text if named and tok.pos == "NOUN" else None


def channel_before(d: Doc, k: int) -> bool:
    """Is token ``k`` the "'s" of a television or radio channel ("BBC One's", "ITV1's")?"""
    if d.toks[k].text not in {"'s", "’s"}:
        return False
    channels = cues().broadcaster
    return any(
        k - n >= 0 and d.text[d.toks[k - n].start : d.toks[k - 1].end] in channels
        for n in (1, 2, 3, 4)
    )


def presenter(d: Doc, t: Tables, spans: list[Span], ts: int, te: int) -> bool:
    """Is the run ``ts:te`` after a channel's possessive a person's full name?"""
    a, b = d.toks[ts].start, d.toks[te - 1].end
    words = d.text[a:b].split()
    full = any(s.label == "PERSON" and (s.start, s.end) == (a, b) for s in spans)
    return len(words) >= 2 and (full or person_like(t, words))


def acceptable(d: Doc, t: Tables, ts: int, te: int, dated: set[int]) -> bool:
    """May tokens ``ts:te`` be read as a title?"""
    txt = d.text[d.toks[ts].start : d.toks[te - 1].end]
    if (te - ts == 1 and d.toks[ts].pos == "PRON") or len(txt) < 2:
        return False  # "the sort of novel I kept"
    if ts in dated and d.toks[ts].text != "Today":
        return False  # "Channel 4's January audience" ("Today" is Radio 4's programme)
    if te - ts > 1 and t.keywords.get(d.toks[te - 1].text) == "ORG":
        return False  # "ITV's London Studios": a body ("Coronation Street" is a soap)
    return not (txt in t.demonyms or txt in t.places or txt in t.polities)


INTRODUCERS = (
    ("including",),
    (",", "including"),
    ("such", "as"),
    (",", "such", "as"),
    ("like",),
    (",", "like"),
)  # "12 UK hit singles, including X", "arcade classics such as X, Y and Z"


def run_text(d: Doc, ts: int, te: int) -> str:
    return d.text[d.toks[ts].start : d.toks[te - 1].end]


def introducer(d: Doc, k: int) -> int:
    """The length of "including", "such as" or "like" (after a comma or not) right after the
    plural noun at token ``k`` ("12 UK hit singles, including Hot in Herre, Dilemma and
    ..."; 0: none)."""
    for words in sorted(INTRODUCERS, key=len, reverse=True):
        if tuple(x.text for x in d.toks[k + 1 : k + 1 + len(words)]) == words:
            return len(words)
    return 0


def titled_lists(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """Titles after a kind of work become WORK_OF_ART spans (see the module's docstring)."""
    work = cues().work_before | HIT | SHOWS
    new: list[Span] = []
    dated = dated_tokens(d, spans)
    for k, tok in enumerate(d.toks[:-1]):
        kind = tok.text if work_noun(d, k, work) else named_work(d, k, work)
        channel = kind is None and channel_before(d, k)
        if kind is not None:
            plural = kind.endswith("s")
        elif channel:
            plural = False  # "BBC One's Breakfast with Frost": a programme
        else:
            continue
        if d.caps_at(tok.start) or title_case_line(d, tok.start):
            continue
        intro = introducer(d, k) if plural else 0
        runs = title_runs(d, t, k + intro, plural, dated)
        if not runs or runs_on_people(d, t, spans, runs, channel):
            continue
        for ts, te in runs:
            if intro and d.word(k + intro) != "including" and d.word(ts) == "The" and te > ts + 1:
                ts += 1  # "hits such as The Grudge": the name after its article, as spaCy tags it
            if channel and presenter(d, t, spans, ts, te):
                continue  # "the BBC's Ann Vane, ...": a presenter, not a programme
            if d.word(te) in {"'s", "’s"} or run_text(d, ts, te) in cues().broadcaster:
                continue  # "shows such as Channel 4's X": the channel, which owns the title
            if acceptable(d, t, ts, te, dated):
                new.append(Span(d.toks[ts].start, d.toks[te - 1].end, "WORK_OF_ART", "rule"))
    if not new:
        return spans
    keep, new = overlay(spans, new)
    return same_titles(d, t, keep, new) + new


def same_titles(d: Doc, t: Tables, spans: list[Span], titles: list[Span]) -> list[Span]:
    """Other mentions of a title found in the article are that title too ("US television hit
    Desperate Housewives" when "comedy drama Desperate Housewives" names it), unless the
    title reads like a person's name ("Erin Vane")."""
    texts = {d.text[n.start : n.end] for n in titles}
    texts = {x for x in texts if " " in x and not person_like(t, x.split())}
    return retype_named(d, spans, texts, SAME_TITLE, "WORK_OF_ART")
