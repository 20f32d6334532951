"""Capitalised words that are not names: common nouns and adjectives, units, the words of
a title, and awards.

spaCy tags a capitalised common noun opening a sentence ("Viruses, trojans and ...",
"Parliamentarians need to ..."), a name-derived adjective ("its best Shakespearean
performer"), a unit ("two megabits per second (Mbps)", "Radio 4 LW") or the end of a
title ("Secretary of State") as a name.  :func:`not_names` drops such spans, each on
evidence of the word's own use, never a list of names:

* *common nouns*: a one-word span that opens its sentence and that the parser read as a
  common noun (tag NN or NNS, lower-case lemma) is no name unless spaCy takes it for a name
  twice, it is a word of another name, its stem is capitalised inside a sentence
  ("Conservatives" and "Conservative Party"), the gazetteers know it as a place, or it
  takes a possessive, an apposition, a relative clause, a post or a score ("Lisk's",
  "Vanhal, 61,", "Rangers manager", "Sussex 363");
* *adjectives*: a one-word "person" the parser read as an adjective (tag JJ, lower-case
  lemma) ending like one ("-ean", "-ian", "-esque") right before a lower-case noun
  ("Shakespearean performer"); a people's name is NORP when the article names a place of
  that stem ("Kestrian engineer" and "Kestria");
* *units*: data rates and frequencies by their shape ("Mbps", "GHz"), a sum or measure
  written with its unit ("548p", "44.6secs"), and power, storage
  or radio-band abbreviations ("MW", "GB", "LW") right after a number;
* *modifiers*: a one-word span opening its sentence before a lower-case noun ("Digital
  technology has ...", "Party strategists believe", "Reggae star X") when the article
  also writes the word lower-case and no longer name holds it, nor is it a place, a
  people or a given name;
* *not a title*: a "title" opening its sentence with "The" whose other words, less any
  trailing lower-case ones, are a people's name or a name the article types otherwise
  ("The Welsh scrum is ...", "The Labour party and the country ..." with "Labour" a body
  elsewhere): that name, typed so;
* *numerals*: a Roman numeral alone after a lower-case word ("the starting XV", "a
  strong XI"): a team of that many, not a name ("Henry VIII" is one span);
* *followers*: one word ending in "-ites" ("Thatcherites") is a group of people, NORP;
* *titles*: a portfolio after "<title> of" ("Secretary of State") is part of the title; a
  body followed by a post ("Conservative Party Co-Chairman") is cut to the body.

:func:`awards` types awards as WORK_OF_ART (the sample's rule: an award is no person):
a one-word "person" written "X-winning", "X-nominated", "an X" with no noun after it
("won an Oscar in 1973") or before a nomination or its people ("Oscar nominee", "X
hopefuls", "Oscar presenters", "Oscar winner Ann Vane"), and every lone mention of that word in
the article, unless a person named in full there owns the word ("Kerry voters" beside
"John Kerry"); a name that
opens with "Best" and an award category ("Best First Feature", "Best Actor").  A fair
named "<topic> Show" is an EVENT ("Consumer Electronics Show"; not "The Fast Show"), and
so are its initials in the article ("CES"); a law's head word alone is a LAW ("a hybrid
Bill for ..."); an "event" named after a text is a LAW
("Millennium Declaration": the head words of ``data/ner_keywords.tsv``).
"""

from __future__ import annotations

import re
from collections import Counter

from newsledger.components.ner.rules import OPENING_MARKS, Doc, Span, opens_sentence, retype_named
from newsledger.components.ner.tables import Tables, cues, towns

DROPPABLE = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT"})
RATE_UNIT = re.compile(r"^[kKMGTP]?(?:bps|Bps|b/s|Hz)$")  # "Mbps", "kbps", "GHz": always units
SUM = re.compile(r"^\d[\d.,]*(?:p|bn|m|k|mph|km|kg|cm|mm|ft|lb|secs?|mins?)$")  # "548p", "44.6secs"
SHORT_UNIT = re.compile(r"^(?:[kKMGT][WB]|[kKMGT]?Wh|LW|MW|FM|AM)$")  # units after a number
STATE_WORDS = frozenset({"State", "States"})  # "Secretary of State": the post, no body
POST_PREFIXES = ("co-", "vice-", "deputy-")
AWARD_AFTER = frozenset({"winning", "nominated", "winner", "winners"})  # "Oscar-winning"
AWARD_NOUNS = frozenset(
    {"nominee", "nominees", "nomination", "nominations", "hopefuls", "statuette", "statuettes"}
)  # after an award's name; not "winner" nor "voters" ("Kerry voters")
AWARD_PEOPLE = frozenset(
    {"presenters", "winners", "winner", "contenders", "contender", "favourite"}
)  # "Oscar winner X": an award unless a person named in full owns the word ("Vane
# voters" may be a candidate's)
AWARD_FROM = frozenset({"PERSON", "GPE", "FAC"})  # "Bafta-winning" typed a place (no
# known place, and only before "-winning" or a nomination: "a Libran" is no award)
AWARD_HEADS = frozenset({"award", "awards", "ceremony"})  # after a name of 2-3 words
INDEFINITE = frozenset({"a", "an"})
DESCRIBING = frozenset({"the", "a", "an", "who", "whose", "which", "its", "his", "her"})
FOLLOWERS = re.compile(r"^[A-Z][a-z]+ites$")  # "Thatcherites", "Blairites": a group of people
NAME_ADJECTIVE = ("ean", "ian", "esque")  # "Shakespearean", "Dickensian", "Kafkaesque"
ROMAN = re.compile(r"(?=[IVX]{2})X{0,3}(?:IX|IV|V?I{0,3})")  # "XV", "XI", "III"; not "I"
AWARD_FIRST = frozenset({"first", "foreign", "supporting", "original", "adapted", "new"})


def _number(w: str) -> bool:
    return w[:1].isdigit()


def is_unit(d: Doc, ts: int, te: int) -> bool:
    """Is the span ``ts:te`` a unit or a sum ("Mbps"; "548p"; "LW" after "Radio 4")?"""
    if SUM.match(d.text[d.toks[ts].start : d.toks[te - 1].end]):
        return True
    if te - ts != 1:
        return False
    w = d.toks[ts].text
    if RATE_UNIT.match(w):
        return True
    return SHORT_UNIT.match(w) is not None and ts > 0 and _number(d.toks[ts - 1].text)


def modifier(d: Doc, t: Tables, ts: int, te: int, lower: set[str], held: set[str]) -> bool:
    """Is the one-token span at ``ts`` a common word opening its sentence before a lower-case
    noun ("Digital technology has ...") that the article also writes lower-case?"""
    if te - ts != 1 or te >= len(d.toks):
        return False
    tok, nxt = d.toks[ts], d.toks[te]
    w = tok.text
    if not w[1:].islower() or w.lower() not in lower or w in held:
        return False
    if w in t.given or w in t.places or w in t.demonyms:
        return False
    if not nxt.text.isalpha() or not nxt.text.islower() or nxt.pos not in {"NOUN", "ADJ"}:
        return False
    return opens_sentence(d, ts) and not d.caps_at(tok.start)


def after_stop(d: Doc, ts: int) -> bool:
    """Does token ``ts`` follow a full stop, a question or exclamation mark or a line break
    (after opening quotes), not just a sentence break the parser put inside a phrase ("hit
    cartoon The Simpsons")?"""
    k = ts - 1
    while k >= 0 and (d.toks[k].pos == "SPACE" or d.toks[k].text in OPENING_MARKS):
        k -= 1
    if k < 0 or "\n" in d.text[d.toks[k].end : d.toks[ts].start]:
        return True
    return d.toks[k].text in {".", "!", "?"}


def not_title(d: Doc, t: Tables, s: Span, typed: dict[str, str]) -> Span | None:
    """The name inside a sentence-opening "The X" taken for a title ("The Welsh scrum"),
    or ``None`` when it is not one."""
    ts, te = d.tok_range(s.start, s.end)
    if s.label != "WORK_OF_ART" or te - ts < 2 or d.toks[ts].text != "The":
        return None
    while te - 1 > ts + 1 and d.toks[te - 1].text.islower():
        te -= 1  # "The Labour party": the name without the lower-case noun
    if not opens_sentence(d, ts) or d.caps_at(d.toks[ts].start) or not after_stop(d, ts):
        return None
    start, end = d.toks[ts + 1].start, d.toks[te - 1].end
    rest = d.text[start:end]
    if any(w.islower() for w in rest.split()):
        return None
    label = "NORP" if rest in t.demonyms else typed.get(rest)
    return None if label is None else Span(start, end, label, "rule")


def numeral(d: Doc, ts: int, te: int) -> bool:
    """Is the span at ``ts`` a Roman numeral alone after a lower-case word ("the starting
    XV")?"""
    if te - ts != 1 or ts == 0 or not ROMAN.fullmatch(d.toks[ts].text):
        return False
    return d.toks[ts - 1].text.isalpha() and d.toks[ts - 1].text.islower()


def common_noun(d: Doc, t: Tables, ts: int, te: int) -> bool:
    """Is the one-token span at ``ts`` a common noun opening its sentence ("Viruses, ...")?"""
    if te - ts != 1:
        return False
    tok = d.toks[ts]
    if tok.pos != "NOUN" or tok.tag not in {"NN", "NNS"} or not tok.lemma.islower():
        return False
    if not tok.text[1:].islower():
        return False  # "PCSU": an acronym
    nxt = d.word(te)
    if nxt.lower() in t.titles or nxt in cues().member_role or nxt[:1].isdigit():
        return False  # "Rangers manager X", "Sussex 363": a body with a manager or a score
    if described(d, te):
        return False  # "Vanhal, 61, told", "Lisk, the capital", "Lisk's population": a name
    if not opens_sentence(d, ts) or d.caps_at(tok.start) or d.table(d.line(tok.start)):
        return False
    if tok.text in t.places or tok.text in t.demonyms or tok.text in t.countries:
        return False
    if sum(x.text == tok.text and x.ent_type != "" for x in d.toks) > 1:
        return False  # taken for a name more than once: the article's subject ("Babyshambles")
    stem = tok.lemma[:1].upper() + tok.lemma[1:]  # "Conservatives" of a "Conservative Party"
    return not any(x.text == stem and not opens_sentence(d, x.i) for x in d.toks)


def described(d: Doc, te: int) -> bool:
    """Does the word before token ``te`` take a possessive, a relative clause or an
    apposition ("X's", "X, who", "X, 61,", "X, the capital")?"""
    n = len(d.toks)
    nxt = d.toks[te].text if te < n else ""
    if nxt in {"'s", "’s", "who", "whose"}:
        return True
    after = d.toks[te + 1] if nxt == "," and te + 1 < n else None
    return after is not None and (
        after.text[:1].isdigit() or after.text in DESCRIBING or after.text[:1].isupper()
    )


def name_adjective(d: Doc, t: Tables, ts: int, te: int) -> bool:
    """Is the one-token span at ``ts`` an adjective before a noun ("Shakespearean actor")?"""
    if te - ts != 1 or te >= len(d.toks):
        return False
    tok, nxt = d.toks[ts], d.toks[te]
    return (
        tok.pos == "ADJ"
        and tok.tag == "JJ"
        and tok.lemma.islower()
        and tok.text.endswith(NAME_ADJECTIVE)
        and nxt.pos == "NOUN"
        and nxt.text.islower()
        and tok.text not in t.demonyms
        and tok.text not in t.given
        and not d.caps_at(tok.start)
    )


def title_portfolio(d: Doc, t: Tables, ts: int, te: int) -> bool:
    """Is the span at ``ts`` the portfolio of a "<title> of" ("Secretary of State")?"""
    if ts < 2 or d.toks[ts - 1].text != "of":
        return False
    if d.toks[ts - 2].text.lower() not in t.titles:
        return False
    words = [x.text for x in d.toks[ts:te]]
    port = cues().portfolio
    return all(w in STATE_WORDS or w in port or w == "and" for w in words)


def post_word(t: Tables, w: str) -> bool:
    """Is ``w`` the name of a post ("Chairman", "Co-Chairman", "Spokesman")?"""
    low = w.lower()
    for p in POST_PREFIXES:
        if low.startswith(p):
            low = low[len(p) :]
    return w[:1].isupper() and (low in t.titles or w in cues().portfolio_title)


def cut_post(t: Tables, s: Span, txt: str) -> Span:
    """A body followed by a post ("Conservative Party Co-Chairman"): the body alone."""
    words = txt.split()
    if s.label != "ORG" or len(words) < 3 or not post_word(t, words[-1]):
        return s
    if t.keywords.get(words[-2]) != "ORG":
        return s  # "Foreign Minister": no body named before the post
    return Span(s.start, s.start + txt.rindex(" "), "ORG", "rule")


def not_names(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """Drop the spans that are no names (see the module's docstring)."""
    named = Counter(w for s in spans for w in d.text[s.start : s.end].split())
    held = {w for s in spans for w in d.text[s.start : s.end].split()[1:]} | {
        d.text[s.start : s.end].split()[0] for s in spans if " " in d.text[s.start : s.end]
    }  # the words of longer names
    lower = {x.text for x in d.toks if x.text.islower()}
    typed = {d.text[s.start : s.end]: s.label for s in spans if s.label != "WORK_OF_ART"}
    out: list[Span] = []
    for s in spans:
        inner = not_title(d, t, s, typed) if s.src != "gaz" else None
        if inner is not None:
            out.append(inner)
            continue
        if s.src == "gaz" or s.label not in DROPPABLE:
            out.append(s)
            continue
        ts, te = d.tok_range(s.start, s.end)
        if is_unit(d, ts, te) or title_portfolio(d, t, ts, te):
            continue
        once = named[d.text[s.start : s.end]] == 1  # not a word of another name ("Kim Clijsters")
        if once and common_noun(d, t, ts, te):
            continue
        if numeral(d, ts, te) or modifier(d, t, ts, te, lower, held):
            continue

        if s.label != "NORP" and te - ts == 1 and FOLLOWERS.match(d.toks[ts].text):
            out.append(Span(s.start, s.end, "NORP", "rule"))  # "Thatcherites": followers
            continue
        if s.label == "PERSON" and name_adjective(d, t, ts, te):
            stem = d.text[s.start : s.end - 3]  # "Kestr" of "Kestrian", "Kestria" a place
            if any(
                p.label in {"GPE", "LOC"} and d.text[p.start : p.end].startswith(stem)
                for p in spans
            ):
                out.append(Span(s.start, s.end, "NORP", "rule"))
            continue
        out.append(cut_post(t, s, d.text[s.start : s.end]))
    return out


def award_cue(d: Doc, ts: int, te: int) -> bool:
    """Is the one-token span at ``ts`` used as an award ("Oscar-winning", "won an Oscar in")?
    A span of two or three words is one before "award", "ceremony" or a nomination ("a
    Golden Globe award", "the Golden Globes ceremony")."""
    if te - ts in (2, 3):
        return te < len(d.toks) and d.toks[te].text in AWARD_NOUNS | AWARD_HEADS
    if te - ts != 1:
        return False
    n = len(d.toks)
    if te + 1 < n and d.toks[te].text == "-" and d.toks[te + 1].text in AWARD_AFTER:
        return True
    if te < n and d.toks[te].text in AWARD_NOUNS | AWARD_PEOPLE:
        return True  # "Oscar nominee", "Bafta hopefuls", "Oscar winners"
    if ts == 0 or d.toks[ts - 1].text not in INDEFINITE:
        return False
    return te >= n or (d.toks[te].pos not in {"NOUN", "PROPN"} and d.toks[te].text != "of")


def best_category(d: Doc, ts: int, te: int) -> bool:
    """Does the span open with "Best" and an award category ("Best First Feature")?"""
    if te - ts < 2 or d.toks[ts].text != "Best":
        return False
    w = d.toks[ts + 1].text.lower()
    return w in cues().award_for or w in AWARD_FIRST


def trade_show(t: Tables, s: Span, txt: str) -> bool:
    """Is ``txt`` a fair named "<topic> Show" ("Consumer Electronics Show", "Motor Show"),
    not a programme ("The Fast Show", "Benny Hill Show": a host's name)?"""
    words = txt.split()
    return (
        s.label in {"ORG", "GPE", "LOC", "FAC"}
        and len(words) >= 2
        and words[-1] == "Show"
        and words[0] != "The"
        and not any(w in t.given for w in words[:-1])
    )


def lone_law(d: Doc, t: Tables, ts: int, te: int, names: set[str]) -> bool:
    """Is the one-word "person" at ``ts`` the head word of a law used alone, after a
    lower-case word and before no name ("a hybrid Bill for ...", not "Bill Vane" nor a
    "Bill" whose full name the article gives)?"""
    if te - ts != 1 or ts == 0 or t.keywords.get(d.toks[ts].text) != "LAW":
        return False
    if d.toks[ts].text in names or not d.toks[ts - 1].text.islower():
        return False
    return te >= len(d.toks) or not d.toks[te].text[:1].isupper()


def awards(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """Type awards as WORK_OF_ART and fairs as EVENT (see the module's docstring)."""
    named: set[str] = set()
    for s in spans:
        ts, te = d.tok_range(s.start, s.end)
        txt = d.text[s.start : s.end]
        known = txt in t.places or txt in t.polities or txt in towns()
        if s.src != "gaz" and s.label in AWARD_FROM and award_cue(d, ts, te):
            strong = (
                d.word(te) == "-" or d.word(te) in AWARD_NOUNS | AWARD_HEADS
            )  # "a Libran": none
            named |= {txt} if s.label == "PERSON" or (strong and not known) else set()
    full = {w for s in spans if s.label == "PERSON" for w in d.text[s.start : s.end].split()[1:]}
    full |= {
        d.text[s.start : s.end].split()[0]
        for s in spans
        if s.label == "PERSON" and " " in d.text[s.start : s.end]
    }
    named -= full  # "Oscar Wilde" in the article: "Oscar" may be him
    fairs: set[str] = set()  # the initials of the fairs found
    out: list[Span] = []
    for s in spans:
        ts, te = d.tok_range(s.start, s.end)
        txt = d.text[s.start : s.end]
        if (
            s.src != "gaz"
            and s.label in DROPPABLE
            and ((txt in named and s.label in AWARD_FROM) or best_category(d, ts, te))
        ):
            s = Span(s.start, s.end, "WORK_OF_ART", "rule")
        elif s.src != "gaz" and s.label == "PERSON" and lone_law(d, t, ts, te, full):
            s = Span(s.start, s.end, "LAW", "rule")  # "a hybrid Bill for Crossrail"
        elif s.src != "gaz" and trade_show(t, s, txt):
            s = Span(s.start, s.end, "EVENT", "rule")
        elif s.label == "EVENT" and " " in txt and t.keywords.get(txt.split()[-1]) == "LAW":
            s = Span(s.start, s.end, "LAW", "rule")  # "Millennium Declaration": a text
        if s.label == "EVENT" and txt.endswith(" Show"):
            fairs.add("".join(w[0] for w in txt.split() if w[:1].isupper()))
        out.append(s)
    if not fairs:
        return out
    # "CES" of a "Consumer Electronics Show" in the article: the fair too
    return retype_named(d, out, fairs, frozenset({"ORG"}), "EVENT")
