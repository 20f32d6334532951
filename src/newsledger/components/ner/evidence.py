"""Document-level evidence for the type of a name.

spaCy types each mention from its sentence alone, so one article can call the
same company a person in one sentence and an organisation in the next, and a
small town a person.  This module reads the cues the whole article gives for
every name and makes its mentions agree:

* *person*: a title or honorific just before ("Mr X", "striker X", "analyst X Y"), a
  plural calling ("actresses X and Y"), "X, who",
  '"...," said X.' (a speaker named after a quotation; not an acronym),
  "X, 34," (an age); "X said" counts once however often it recurs (firms say things
  too), and a name whose form rules a person out ("S&P", "Universal Music": a head word
  of :file:`ner_keywords.tsv`) never becomes one;
* *place*: a place noun before ("the town of X", "the border town X"), "MP for X", a
  compass word before and a place noun after ("X province");
* *work*: a kind of work before ("the film X", "hit single X"), "X soundtrack",
  a performer's verb ("starred in X"), "episodes of X", "films such as X",
  "best actress for X", "X star Y" outside sports reports, "X, directed by", a
  capitalised "The" inside a sentence before a name taken for a person, an apposition that ends in a kind of work
  ("X, the school drama serial which ..."), a channel in brackets after ("X (BBC One)"),
  "her role in X" for a name taken for a person, "his next film, X," and "X starring Y";
* *product*: "the arthritis drug X", "X coupes", "X stout";
* *organisation*: a company or body noun before ("oil firm X", "club X"),
  a member's role and that member after ("Blur guitarist X", "the X midfielder"),
  a legal suffix after ("X Inc"), "shares of X" / "X shares" / "X' shares", "X's official
  website" (a name taken for a person), "the X newspaper" (likewise), weakly
  "X, which" (a name not of a place), an apposition that ends in a company noun ("X, the
  world's biggest spirits company,") or starts after one ("Spain's biggest bank, X,"),
  "X said it" (people are "he" or "she"), an employer after a job title ("an analyst at
  X"), a name taken for a person beside a firm ("X and Ferrari", weakly; not one with a
  given name) (:mod:`newsledger.components.ner.not_person`), a firm bought or staked in
  outside sport or a bookmaker, a club by its fans, its ground ("away at X") or its match
  ("between X and Y") (:mod:`newsledger.components.ner.bodies`), and a one-word
  name that opens the document's own organisation name ("Pirelli" after
  "Pirelli Cables").

A mention whose own sentence has a clear cue takes that type ("shares of
Toyota" and "in Toyota" are a company and a town); otherwise a name whose cues
point to one type takes it in every mention, and a name without cues whose
mentions disagree between person and organisation takes the type most of them
have.  Cues are read
from the data files ``data/ner_cues.tsv`` and ``titles.tsv``.  Mentions found
by the gazetteers (``src == "gaz"``) are never changed.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from newsledger.components.ner.bodies import (
    bookmaker_cue,
    club_cue,
    deal_cue,
    firm_noun_cue,
    job_person,
    town_norp,
)
from newsledger.components.ner.context_cues import (
    FIRM_HOLDINGS,
    ORG_GAP,
    OWN_ADJECTIVES,
    PEOPLE_PLURALS,
    QUOTE_CLOSE,
    QUOTE_VERBS,
    SCHOOL_DETERMINERS,
    SCHOOL_MEMBERS,
    bracketed,
    given_before_surname,
    member_cue,
    named_in_full,
    star_title,
    work_apposition,
)
from newsledger.components.ner.not_person import (
    MEMBERS_OF,
    coordinated,
    country_named,
    country_owned,
    employer_at,
    lives_in,
    plural_group,
    said_it,
    seat_named,
    speaks_for,
    stray_group,
)
from newsledger.components.ner.rules import (
    HONORIFICS,
    Doc,
    Span,
    opens_sentence,
    person_like,
)
from newsledger.components.ner.sports import is_sports, is_sporty, side_named
from newsledger.components.ner.tables import Tables, cues, towns

# the types evidence can move a name between (NORP, dates and titles of works stay)
VOTING = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "WORK_OF_ART", "PRODUCT"})
PLACE = frozenset({"GPE", "LOC"})
INITIALS_FIRM = re.compile(r"[A-Z]{1,4}&[A-Z]{1,4}$")  # "S&P", "AT&T", "M&S"
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
ENDS = frozenset({",", ".", ";", ")", ""})  # what may follow a name in apposition
SIDE_FROM = frozenset({"PERSON", "GPE", "LOC", "FAC"})  # what a tagger calls a club


def cue_votes(d: Doc, t: Tables, s: Span) -> Counter[str]:
    """The types the context of one mention points to, with their weights."""
    c = cues()
    ts, te = d.tok_range(s.start, s.end)
    prev, prev2 = d.word(ts - 1), d.word(ts - 2)
    nxt, nxt2 = d.word(te), d.word(te + 1)
    votes: Counter[str] = Counter()
    txt = d.text[s.start : s.end]
    lp = prev.lower().rstrip(".")
    if d.caps_at(s.start) or d.table(d.line(s.start)):
        return votes  # headlines and tables carry no sentence context
    if (lp in t.titles and prev[:1].isupper()) or lp in c.person_before:
        votes["PERSON"] += 2
    elif prev in PEOPLE_PLURALS and s.label != "NORP":
        votes["PERSON"] += 2  # "including actresses X and Y", "backing singers X and Y"
    firm_whose = nxt == "," and nxt2 == "whose" and d.word(te + 2).lower() in FIRM_HOLDINGS
    if firm_whose:
        votes["ORG"] += 2  # "X, whose brands include ...": a firm's brands, not a person's
    elif (
        nxt == ","
        and nxt2 in {"who", "whose"}
        and not (lp in c.org_before and prev.islower())
        and not (is_sports(d) and (txt in towns() or t.places.get(txt) == "GPE"))
    ):  # not "the band X, who", nor a town's club in a sports report: they are "who" too
        votes["PERSON"] += 2
    if said_it(d, te) and not (s.label == "PERSON" and person_like(t, txt.split())):
        votes["ORG"] += 2  # "X said it would ...": a firm or body, never "he" or "she"
        # (not "Ann Vane said it was not possible": a given name and a surname)
    elif nxt.lower() in c.person_after:
        votes["PERSON"] += 1  # "X said": people mostly, companies too
    if (
        lp in QUOTE_VERBS
        and prev2 in QUOTE_CLOSE
        and nxt in {".", ","}
        and not txt.isupper()
        and s.label != "PERSON"
    ):
        votes["PERSON"] += 2  # '"...," said X.': a speaker named after a quotation, no body
    if nxt == "," and nxt2.isdigit() and 15 <= int(nxt2) <= 99 and d.word(te + 2) == ",":
        votes["PERSON"] += 1
    if lp == "for" and prev2 in c.seat_holder:
        votes["GPE"] += 2  # "MP for X": a constituency
    if (lp in c.place_before and prev.islower()) or (
        lp == "of" and prev2.lower() in c.place_before and prev2.islower()
    ):  # "the town of X" (not "Secretary of State X": a capitalised noun is a title's)
        votes["GPE"] += 2
    if nxt.lower() in c.place_after:
        votes["GPE"] += 2 if prev.lower() in c.compass else 1
    if lp in c.place_prep and nxt not in {"'s", "’s"}:
        votes["GPE"] += 1  # "in X": a place mostly ("in Smith's view" is excluded)
        if txt in towns():
            votes["GPE"] += 1  # ... and a populated place of the gazetteer
    if (txt in t.places or txt in towns()) and lives_in(prev, prev2, nxt):
        votes["GPE"] += 2  # "a singer from Devon", "Arnold, from Dartford,", "Powys people"
    if (
        prev == ","
        and nxt in {",", ".", ")", ";", ""}
        and txt in t.places
        and (prev2 in t.places or prev2 in towns())
    ):
        votes["GPE"] += 2  # "Luton, Bedfordshire": a town and its county
    if (
        nxt == ","
        and nxt2.lower() in {"a", "the"}
        and d.word(te + 2).lower() in c.place_before
        and d.word(te + 3).lower() in {"in", "of", "near", "on", ",", "."}
    ):
        votes["GPE"] += 2  # "X, a town in ..." (never "X, a city councillor")
    if lp in c.org_before or (lp == "of" and prev2.lower() in c.org_before):
        votes["ORG"] += 2
    if nxt in c.org_after or (nxt in POSSESSIVE and nxt2.lower() in c.org_after_lower):
        votes["ORG"] += 2  # "X Inc", "X's chairman", "Novartis' shares"
    elif (
        s.label == "PERSON"
        and nxt in POSSESSIVE
        and nxt2 in OWN_ADJECTIVES
        and d.word(te + 2).lower() in c.org_after_lower
    ):
        votes["ORG"] += 2  # "X's official website": a body's own site, no person's
    if (
        s.label == "PERSON"
        and nxt in SCHOOL_MEMBERS
        and prev.lower() in SCHOOL_DETERMINERS
        and " " not in txt
        and not named_in_full(d, t, txt)  # "Nick Vane ... a former Vane pupil": the coach's
    ):
        votes["ORG"] += 2  # "a former Eton pupil": the school, no person
    if nxt == "," and nxt2 == "which" and txt not in t.places and txt not in towns():
        votes["ORG"] += 1  # "Novartis, which ...": no person (nor here a town)
    if nxt.lower() in c.org_after_lower:
        # "the X newspaper" taken for a person: "the" before a person's name is rare
        votes["ORG"] += 2 if lp == "the" and nxt.islower() and s.label == "PERSON" else 1
    if (
        nxt in {"have", "are", "were"}
        and " " not in txt
        and not txt.endswith("s")
        and prev not in {"and", ",", "&", "or"}
    ):
        votes["ORG"] += 2  # "Gloucester have been caught": a club or firm takes a plural verb
    elif (
        s.label == "PERSON"
        and " " not in txt
        and not txt.endswith("s")
        and te < len(d.toks)
        and d.toks[te].tag == "VBP"
        and prev not in {"and", ",", "&", "or"}
        and prev.rstrip(".") not in HONORIFICS
        and is_sporty(d)
    ):
        votes["ORG"] += 2  # "... if Basle fail to beat Feyenoord": a club in a sports report
    if lp in c.work_before and prev.islower():
        votes["WORK_OF_ART"] += 2  # "the film X", "hit single X"
    if nxt == "," and nxt2 in c.work_credit:
        votes["WORK_OF_ART"] += 2  # "X, directed by ...", "X, starring ..."
    if nxt == "starring" and nxt2[:1].isupper():
        votes["WORK_OF_ART"] += 2  # "in No Way Out starring Ann Vane"
    if prev == "," and prev2.lower() in c.work_before and prev2.islower() and nxt in ENDS:
        votes["WORK_OF_ART"] += 2  # "his next film, Donnie Brasco, ...": a title in apposition
    if nxt in c.work_after:
        votes["WORK_OF_ART"] += 2  # "X soundtrack"
    if nxt == "(" and nxt2.isdigit() and len(nxt2) == 4 and d.word(te + 2) == ")":
        votes["WORK_OF_ART"] += 2  # "The Boxer (1998)": a title and its year
    if lp == "of" and prev2.lower() in c.work_of and prev2.islower():
        votes["WORK_OF_ART"] += 3  # "episodes of X" (outweighs a plural verb: "... X have")
    if lp == "as" and prev2 == "such" and d.word(ts - 3) in c.work_before:
        votes["WORK_OF_ART"] += 2  # "films such as X"
    if (
        lp == "for"
        and prev2 in c.award_for
        and "best" in {d.word(ts - k) for k in (3, 4, 5)}
        and s.label != "PERSON"
    ):
        votes["WORK_OF_ART"] += 2  # "best actress for X" (not "best director for Ann Vane")
    if prev == "The" and s.label == "PERSON" and not opens_sentence(d, ts - 1):
        votes["WORK_OF_ART"] += 2  # "... hits such as The Blair Witch Project": no person's name
    if nxt == "star" and s.label != "ORG" and star_title(d, t, ts, te, txt):
        votes["WORK_OF_ART"] += 2  # "Sideways star X": a film or show (a band is left ORG)
    if lp == "in" and prev2.lower() in c.work_verb:
        votes["WORK_OF_ART"] += 2  # "starred in X"
    if nxt == "," and work_apposition(d, te + 1):
        votes["WORK_OF_ART"] += 2  # "X, the school drama serial which ..."
    if (
        prev == ","
        and prev2.lower() in c.org_before
        and prev2.islower()
        and prev2 not in MEMBERS_OF
        and nxt in ENDS
    ):
        votes["ORG"] += 2  # "Spain's biggest bank, X, ...": a firm in apposition
    if s.label == "PERSON" and country_owned(d, t, ts, txt):
        votes["ORG"] += 2  # "Brazil's Petrobras": a country's firm, no person named
    if s.label == "PERSON" and speaks_for(d, t, ts, txt):
        votes["ORG"] += 2  # "a spokesman for X", "no one at X": a body
    if s.label == "PERSON" and seat_named(t, txt):
        votes["GPE"] += 2  # "Leeds North West": a constituency, no person
    if s.label == "PERSON" and country_named(t, txt):
        votes["ORG"] += 2  # "Telekom Austria": a firm named for its country
    if s.label == "PERSON" and plural_group(d, ts, te, txt, t.given):
        votes["ORG"] += 2  # "the Lib Dems say": a party, band or firm
    # (a full name typed PERSON after "against" is the player's)
    if (
        (s.label != "PERSON" or " " not in txt)
        and s.label in SIDE_FROM
        and side_named(d, t, ts, te, txt)
    ):
        votes["ORG"] += 2  # "a win over X", "set to join X": a side or club
    if s.label in SIDE_FROM and is_sporty(d) and club_cue(d, t, ts, te, txt):
        votes["ORG"] += 2  # "X fans", "away at X", "the match between X and Y": a club
    if (
        s.label not in {"WORK_OF_ART", "PRODUCT"}  # a film or a car is bought too
        and firm_name(t, txt)
        and (deal_cue(d, ts, is_sporty(d)) or firm_noun_cue(d, t, ts, te, is_sporty(d)))
    ):
        votes["ORG"] += 2  # "having bought X", "X subsidiary", "a firm called X": a firm
    if s.label in SIDE_FROM and txt not in t.polities and bookmaker_cue(d, ts):
        votes["ORG"] += 2  # "at bookmakers X", "odds of 5/1 at X": a betting firm
    if s.label != "PERSON" and job_person(d, t, ts, txt):
        votes["PERSON"] += 2  # "analyst Vadim Roe": a person, whatever the tagger said
    if lp == "at" and s.label == "PERSON" and employer_at(d, ts - 1):
        votes["ORG"] += 2  # "vice president of search at X": an employer, not a person
    if nxt == "," and work_apposition(d, te + 1, c.org_before, ORG_GAP):
        votes["ORG"] += 2  # "X, the world's biggest spirits company, ..."
    if nxt == "(" and bracketed(d, te + 1) in c.broadcaster:
        votes["WORK_OF_ART"] += 2  # "X (BBC One)": a programme and its channel
    if (
        lp == "in"
        and prev2.lower() in c.work_role
        and s.label == "PERSON"
        and nxt not in {"'s", "’s"}
    ):
        votes["WORK_OF_ART"] += 2  # "her role in X" (not "in X's film"): a work, not a person
    if lp in c.product_before and prev.islower():
        votes["PRODUCT"] += 2  # "the arthritis drug X"
    if nxt in c.product_after:
        votes["PRODUCT"] += 2  # "X coupes", "X stout"
    if member_cue(d, t, ts, te, txt):
        votes["ORG"] += 2  # "Blur guitarist X", "the only X player": a band, club or firm
    return votes


def org_heads(d: Doc, t: Tables, spans: list[Span]) -> set[str]:
    """First words of the document's multi-word organisation names with a company head."""
    out: set[str] = set()
    for s in spans:
        if s.label != "ORG":
            continue
        words = d.text[s.start : s.end].split()
        if (
            len(words) in (2, 3)
            and t.keywords.get(words[-1]) == "ORG"
            and words[0][:1].isupper()
            and words[0] not in t.places
            and words[0] not in t.given
        ):
            out.add(words[0])
    return out


def harmonise(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """Give each name the type its document's evidence supports, in all its mentions."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    own_votes: dict[int, Counter[str]] = {}
    said: Counter[str] = Counter()
    for s in spans:
        if s.label not in VOTING:
            continue
        key = d.text[s.start : s.end]
        labels[key][s.label] += 1
        if s.src != "gaz":
            own_votes[s.start] = cue_votes(d, t, s)
            votes[key].update(own_votes[s.start])
            said[key] += weak_person(d, s)
    for key, n in said.items():
        if n > 1:  # "X said" is weak (firms say things too): it counts once, however often
            votes[key]["PERSON"] -= n - 1
    for w in org_heads(d, t, spans):
        votes[w]["ORG"] += 2
    for x, y in coordinated(d, spans):
        if x.label == "PERSON" and y.label == "ORG" and x.src != "gaz":
            name = d.text[x.start : x.end]
            if name.split()[0] not in t.given:
                votes[name]["ORG"] += 1  # "Maserati and Ferrari": a firm beside a firm
    glued = {
        d.text[s.start : s.end]
        for s in spans
        if d.word(d.tok_range(s.start, s.end)[0] - 1)[:1].isupper()
    }
    out: list[Span] = []
    starts = {s.start for s in spans}
    for s in spans:
        key = d.text[s.start : s.end]
        if s.label == "NORP" and s.src != "gaz" and stray_group(t, key):
            end = given_before_surname(d, t, s, starts)
            # "guitarist Sergio Pizzorno" with "Sergio" alone NORP: a given name, the person
            # runs on; else "Euronext" NORP: no people's name
            s = Span(s.start, end, "PERSON", "rule") if end else Span(s.start, s.end, "ORG", "rule")
        s = town_norp(d, t, s) or s  # "the Hillsborough disaster": the town, not its people
        if s.src == "gaz" or s.label not in VOTING:
            out.append(s)
            continue
        own = own_votes.get(s.start)
        if own and clear(own):
            label = verdict(own, Counter(), s.label, key in t.polities)  # its own sentence wins
        else:
            label = verdict(votes.get(key), labels[key], s.label, key in t.polities, key in glued)
        if label == "PERSON" and no_person(t, key):
            label = s.label
        out.append(s if label == s.label else Span(s.start, s.end, label, "rule"))
    return out


def firm_name(t: Tables, txt: str) -> bool:
    """Could ``txt`` name a firm: no country, place or known given name first?"""
    return (
        txt not in t.polities
        and txt not in t.countries
        and txt not in t.places
        and txt.split()[0] not in t.given
    )


def weak_person(d: Doc, s: Span) -> int:
    """1 when a verb that people mostly take follows the mention ("X said"), else 0."""
    te = d.tok_range(s.start, s.end)[1]
    return int(d.word(te).lower() in cues().person_after and not said_it(d, te))


def no_person(t: Tables, txt: str) -> bool:
    """Does the form of ``txt`` rule out a person: initials joined by "&" ("S&P") or a
    multi-word name whose head word names a body ("Universal Music", "Costco Wholesale")?"""
    if INITIALS_FIRM.match(txt):
        return True
    words = txt.split()
    return len(words) >= 2 and words[0] not in t.given and t.keywords.get(words[-1]) == "ORG"


def clear(votes: Counter[str]) -> bool:
    """Do ``votes`` point to one type with a strong cue?"""
    ranked = votes.most_common(2)
    return ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1])


def verdict(
    votes: Counter[str] | None,
    labels: Counter[str],
    current: str,
    polity: bool,
    glued: bool = True,
) -> str:
    """The type a name takes: its clear cue winner, else its mentions' majority; a tie
    between person and organisation goes to the side of a weak cue unless ``glued`` (a
    mention follows a capitalised word: "The Sunday Telegraph" cut short)."""
    if votes:
        ranked = votes.most_common()
        best, score = ranked[0]
        runner = ranked[1][1] if len(ranked) > 1 else 0
        if score >= 2 and score > runner:
            if best == "GPE" and current in PLACE:
                return current
            if polity and best != "GPE":
                return current  # "Jordan": a country's name needs more than a cue
            return best
    if len(labels) > 1 and set(labels) <= {"PERSON", "ORG"}:
        ranked = labels.most_common()
        if ranked[0][1] > ranked[1][1]:
            return ranked[0][0]
        if votes and votes["PERSON"] != votes["ORG"] and not glued:  # a tie: a weak cue
            return "PERSON" if votes["PERSON"] > votes["ORG"] else "ORG"  # ("a tearful X told")
    return current


def join_names(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """One person's name in one span: "Natalia" + "Karimova" and given name + "Testud".

    Two PERSON spans one space apart on one line join; a PERSON span whose
    uncovered left neighbour is a capitalised given name takes it in, and so does
    one whose neighbour is a proper noun that names nothing else (no title, place,
    nationality or head word, never written lower-case in the article) when a cue
    of a person follows ("Petter Skog, who …": a given name the name list lacks).
    """
    out: list[Span] = []
    covered = {i for s in spans for i in range(*d.tok_range(s.start, s.end))}
    lower = {x.text.lower() for x in d.toks if x.text[:1].islower()}
    for s in sorted(spans, key=lambda s: s.start):
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.label == s.label == "PERSON"
            and d.text[prev.end : s.start] == " "
            and not d.caps_at(s.start)
            and len(d.text[prev.start : s.end].split()) <= 4
        ):
            out[-1] = Span(prev.start, s.end, "PERSON", "rule")
            continue
        if s.label == "PERSON" and s.src != "gaz" and len(d.text[s.start : s.end].split()) == 1:
            i = d.tok_range(s.start, s.end)[0] - 1
            if i >= 0:
                tok = d.toks[i]
                if (
                    (
                        tok.text in t.given
                        or (_unknown_given(d, t, i, lower) and PERSON_CUE.match(d.text, s.end))
                    )
                    and tok.end + 1 == s.start
                    and i not in covered
                    and not d.caps_at(s.start)
                ):
                    s = Span(tok.start, s.end, "PERSON", "rule")
        out.append(s)
    return out


# after a name: a relative "who", an age, or a verb of saying ("Petter Skog, who …")
PERSON_CUE = re.compile(r"\s?,\s(?:who|whose)\b|\s?,\s\d{1,3}\s?,|\s(?:said|says|told)\b")


def _unknown_given(d: Doc, t: Tables, i: int, lower: set[str]) -> bool:
    """Token ``i`` may be a given name missing from the list (see :func:`join_names`)."""
    w = d.toks[i].text
    return (
        d.toks[i].pos == "PROPN"
        and not d.toks[i].ent_type  # "Yesterday" (DATE)
        and w[:1].isupper()
        and w[1:].islower()
        and w.lower() not in lower
        and w.lower() not in t.titles
        and w not in t.places
        and w not in t.demonyms
        and w not in t.keywords
        and w.lower() not in t.leading_stop
    )
