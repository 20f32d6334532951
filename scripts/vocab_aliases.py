"""Build ``data/aliases_phoenix.tsv`` from PETRARCH2's Phoenix actor dictionaries.

Reads ``petrarch2-Phoenix.Countries.actors.txt``, ``...International.actors.txt``
and ``...MilNonState.actors.txt`` (``../shared/vocab``, MIT, © 2014 Open Event
Data Alliance) and writes one row per (canonical, alias) that names the same
country, body or armed group, for cross-document resolution
(:mod:`newsledger.corpus.aliases`).

The dictionaries were written for event coding, where a city stands for its
country and a committee for its parliament; an alias table needs the names of
the entity itself, so a row is kept only when the alias

* is an initialism of the entity's name or of one of its kept names
  (``US``, ``U.S.A.``, ``NATO``), or an acronym given in brackets
  (``ANIMAL_LIBERATION_FRONT_(ALF)_``);
* for a country: shares a content word with the country's head name
  (``AMERICA`` for ``UNITED_STATES_OF_AMERICA``; never ``CALIFORNIA``); never a
  demonym or a city of the gazetteer;
* for a body of a country or an international organisation: has its content
  words within the head's or the other way round (``FEDERAL_RESERVE`` for
  ``U.S._FEDERAL_RESERVE``; never ``US_SENATE`` for the Congress);
* for an armed group: any listed name of two words or more besides articles
  (the dictionary lists the group's other names and translations; "LA_LIGA",
  "the league", is no name of one group).

People (blocks with dated codes) are left out.  An alias that two entities
claim is dropped from both; an entity one of whose names is in the hand-made
``data/aliases.tsv`` or the NER gazetteer takes that file's canonical name,
and names ``aliases.tsv`` already gives are not repeated.

Run: ``.venv/bin/python scripts/vocab_aliases.py [--vocab ../shared/vocab]``.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from newsledger.components.ner.tables import rows as ner_rows
from newsledger.components.ner.tables import tables
from newsledger.core.lexicon import read_table
from newsledger.corpus.aliases import COLUMNS, AliasEntry, AliasTable, alias_key
from newsledger.corpus.keys import content_tokens

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "newsledger" / "data" / "aliases_phoenix.tsv"
FILES = {
    "Countries": "petrarch2-Phoenix.Countries.actors.txt",
    "International": "petrarch2-Phoenix.International.actors.txt",
    "MilNonState": "petrarch2-Phoenix.MilNonState.actors.txt",
}
CODE = re.compile(r"\[([^\]]*)\]")
DATED = re.compile(r"\d{6}")
BRACKETED = re.compile(r"\(([A-Z][A-Z.\-]{1,7})\)")
ARTICLES = frozenset({"the", "la", "el", "al", "le", "les", "los", "las", "il", "de", "del", "di"})
SMALL = frozenset({"of", "the", "and", "for", "in", "on", "de", "la", "du", "des", "al", "el"})
SOURCE = "petrarch2-phoenix:{}"
# words of a state's formal name ("Republic of Korea" is South Korea, "Korea" alone is not)
STATE_FORM = frozenset(
    [
        "republic",
        "kingdom",
        "state",
        "states",
        "federation",
        "federal",
        "federated",
        "democratic",
        "people's",
        "peoples",
        "people",
        "islamic",
        "commonwealth",
        "union",
        "socialist",
        "hashemite",
        "principality",
        "grand",
        "duchy",
        "sultanate",
        "emirate",
        "emirates",
        "plurinational",
        "bolivarian",
    ]
)
NOT_THE_STATE = frozenset(
    ["city", "ville", "river", "islander", "occupied", "west", "east", "middle", "little"]
)
# words that make a dictionary entry a body (others are people, bands, landmarks)
BODY_WORDS = frozenset(
    [
        "department",
        "ministry",
        "agency",
        "council",
        "committee",
        "commission",
        "congress",
        "parliament",
        "assembly",
        "court",
        "bank",
        "reserve",
        "party",
        "army",
        "forces",
        "force",
        "guard",
        "guards",
        "police",
        "service",
        "services",
        "office",
        "bureau",
        "administration",
        "authority",
        "government",
        "senate",
        "house",
        "corps",
        "intelligence",
        "navy",
        "front",
        "movement",
        "union",
        "organization",
        "organisation",
        "federation",
        "league",
        "fund",
        "institute",
        "foundation",
        "politburo",
        "cabinet",
        "security",
        "programme",
        "program",
        "nations",
        "community",
        "tribunal",
        "association",
        "alliance",
        "coalition",
        "secretariat",
        "directorate",
        "board",
    ]
)
SHORT = frozenset({"US", "UK", "UN", "EU", "USA", "UAE", "AU", "OAS", "OPEC", "NATO"})
HEADER = """\
# Aliases of countries, international bodies, government bodies and armed groups, derived
# by scripts/vocab_aliases.py from PETRARCH2's Phoenix actor dictionaries
# (openeventdata/petrarch2 @ 676801cd, petrarch2/data/dictionaries/Phoenix.*.actors.txt).
# Generated: do not edit by hand (add rows to aliases.tsv, which wins over this file).
# Same columns as aliases.tsv: canonical, alias, type, source (dictionary file).
#
# The MIT License (MIT)
# Copyright (c) 2014 Open Event Data Alliance
# Permission is hereby granted, free of charge, to any person obtaining a copy of this
# software and associated documentation files (the "Software"), to deal in the Software
# without restriction, including without limitation the rights to use, copy, modify,
# merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit
# persons to whom the Software is furnished to do so, subject to the following conditions:
# The above copyright notice and this permission notice shall be included in all copies or
# substantial portions of the Software.
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED,
# INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR
# PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE
# FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
# OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER
# DEALINGS IN THE SOFTWARE.
"""


@dataclass(slots=True)
class Block:
    kind: str  # Countries | International | MilNonState
    head: str
    head_code: str
    aliases: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)


def raw_name(s: str) -> str:
    """``UNITED_STATES_OF_AMERICA_`` -> ``UNITED STATES OF AMERICA``."""
    return " ".join(s.replace("_", " ").split())


def blocks(path: Path, kind: str) -> Iterator[Block]:
    cur: Block | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        body = line.split("#", 1)[0]
        if not body.strip():
            continue
        if body[:1] in {"\t", " ", "["}:
            if cur is not None:
                cur.codes.extend(CODE.findall(body))
            continue
        if body.startswith("+"):
            if cur is not None:
                cur.aliases.extend(raw_name(a) for a in body[1:].split("+") if a.strip())
            continue
        if cur is not None:
            yield cur
        codes = CODE.findall(body)
        cur = Block(kind, raw_name(CODE.sub("", body)), codes[0] if codes else "", codes=codes)
    if cur is not None:
        yield cur


def is_initialism(alias: str, names: list[str]) -> bool:
    letters = "".join(ch for ch in alias if ch.isalpha())
    if not 2 <= len(letters) <= 8 or not alias.replace(".", "").replace(" ", "").isalpha():
        return False
    for n in names:
        ws = n.split()
        if len(ws) < 2:
            continue
        full = "".join(w[0] for w in ws)
        content = "".join(w[0] for w in ws if w.lower() not in SMALL)
        if letters in {full, content}:
            return True
    return False


def title(raw: str) -> str:
    """Readable case; initialisms stay upper case."""
    out = []
    for i, w in enumerate(raw.split()):
        lw = w.lower()
        if "." in w or (len(w) <= 4 and not any(ch in "AEIOU" for ch in w)) or w in SHORT:
            out.append(w)
        elif i > 0 and lw in SMALL:
            out.append(lw)
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in lw.split("-")))
    return " ".join(out)


def entity_names(b: Block) -> tuple[str, list[str], list[str]] | None:
    """The head name, kept aliases and kept acronyms of a block (raw upper case), or ``None``."""
    if any(DATED.search(c) for c in b.codes):
        return None  # a person with dated roles
    t = tables()
    country = b.kind == "Countries" and len(b.head_code) == 3
    head = b.head.removeprefix("THE ").strip()
    if not head or "+" in head:
        return None
    aliases: list[str] = []
    acronyms: list[str] = []
    m = BRACKETED.search(head)
    if m:
        head = BRACKETED.sub("", head).strip()
        if title(m.group(1)) not in t.countries:
            acronyms.append(m.group(1))  # given by the dictionary itself: trusted
    head_ct = set(content_tokens(title(head)))
    if person_block(head, b.aliases):
        return None
    if not country and b.kind != "MilNonState" and not (set(head.lower().split()) & BODY_WORDS):
        return None  # a person, a band, a landmark: not a body
    initialisms: list[str] = []
    for a in b.aliases:
        a = a.removeprefix("THE ").strip()
        m = BRACKETED.search(a)
        if m and not country and title(m.group(1)) not in t.countries:
            initialisms.append(m.group(1))
            a = BRACKETED.sub("", a).strip()
        if not a or "(" in a or "+" in a or "," in a:
            continue
        readable = title(a)
        one_word = len(a.split()) == 1 and a.replace(".", "").isupper() and len(a) <= 8
        if one_word and readable not in t.countries:
            initialisms.append(a)
            continue
        if readable in t.demonyms or readable.upper() in t.demonyms:
            continue
        ct = set(content_tokens(readable))
        if country:
            if readable in t.places and readable not in t.countries:
                continue
            core = ct - STATE_FORM
            if core and core <= head_ct and not (ct & NOT_THE_STATE):
                aliases.append(a)
        elif b.kind == "MilNonState":
            words = [w for w in a.lower().split() if w not in ARTICLES]
            if len(words) >= 2 and readable.split()[0] not in t.given:
                aliases.append(a)  # other names of the group, never its leaders ("La Liga": no)
        elif (
            ct
            and head_ct
            and (ct <= head_ct or (head_ct <= ct and ct - head_ct <= country_words()))
        ):
            aliases.append(a)
    kept = [head, *aliases]
    acronyms.extend(a for a in initialisms if a in acronyms[:1] or is_initialism(a, kept))
    if not aliases and not acronyms:
        return None
    return head, aliases, sorted(set(acronyms), key=acronyms.index)


@cache
def country_words() -> frozenset[str]:
    """Words of country names and nationalities, lower case ("us", "american", ...)."""
    t = tables()
    out = {"us", "u.s", "u.s.", "usa", "uk"}
    for n in (*t.countries, *t.nationalities):
        out.update(w.lower() for w in n.split())
    return frozenset(out)


def person_block(head: str, aliases: list[str]) -> bool:
    """A person listed without dated codes ("MIKHAIL_GORBACHEV", "PRESIDENT ...")."""
    t = tables()
    first = title(head).split()[0]
    words = {w.lower() for a in (head, *aliases) for w in a.split()}
    return first in t.given or bool(
        words & {"president", "leader", "minister", "king", "secretary"}
    )


def hand_rows() -> dict[str, tuple[str, str]]:
    """alias key -> (canonical, type) of every name in the hand-made aliases.tsv."""
    out: dict[str, tuple[str, str]] = {}
    for r in read_table("aliases.tsv", COLUMNS):
        canonical, alias, etype = r.cells()[:3]
        for s in (canonical, alias):
            out[alias_key(s)] = (canonical, etype)
    return out


def known_names() -> AliasTable:
    """Names whose canonical form is already chosen: the NER gazetteer, then aliases.tsv."""
    gaz = [
        AliasEntry(r["canonical"], r["name"], r["label"], "ner_gazetteer.tsv")
        for r in ner_rows("ner_gazetteer.tsv")
    ]
    hand = [
        AliasEntry(r["canonical"], r["alias"], r["type"], "aliases.tsv")
        for r in read_table("aliases.tsv", COLUMNS)
    ]
    return AliasTable([*gaz, *hand])


def build(vocab: Path) -> list[tuple[str, str, str, str]]:
    hand = hand_rows()
    known = known_names()
    entities: list[tuple[str, str, str, list[str]]] = []  # canonical, type, source, aliases
    for kind, fname in FILES.items():
        for b in blocks(vocab / fname, kind):
            got = entity_names(b)
            if got is None:
                continue
            head, aliases, acronyms = got
            etype = "GPE" if kind == "Countries" and len(b.head_code) == 3 else "ORG"
            allnames = [head, *aliases]
            canonical = title(head)
            if etype == "GPE":
                short = [title(n) for n in allnames if title(n) in tables().countries]
                if short:
                    canonical = min(short, key=lambda n: ("." in n, len(n.split()), len(n)))
            forms = [title(a) for a in allnames] + acronyms
            for f in forms:
                h = known.lookup(f)
                if h is not None and h.type == etype:
                    canonical = h.canonical
                    break
            entities.append((canonical, etype, SOURCE.format(kind), forms))
    owners: dict[str, set[str]] = {}
    for canonical, etype, _, forms in entities:
        for f in forms:
            owners.setdefault(alias_key(f), set()).add(f"{etype}:{canonical}")
    rows: list[tuple[str, str, str, str]] = []
    seen: set[tuple[str, str]] = set()
    for canonical, etype, src, forms in entities:
        for f in forms:
            k = alias_key(f)
            if len(owners[k]) > 1 or k in hand or k == alias_key(canonical):
                continue
            h = known.lookup(f)
            if h is not None and h.canonical != canonical:
                continue  # the curated tables give this name to another entity
            if (canonical, k) in seen:
                continue
            seen.add((canonical, k))
            rows.append((canonical, f, etype, src))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--vocab", type=Path, default=ROOT.parent / "shared" / "vocab")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    if not (args.vocab / FILES["Countries"]).exists():
        raise SystemExit(f"{args.vocab} lacks the Phoenix dictionaries: pass --vocab DIR.")
    rows = build(args.vocab)
    lines = [HEADER + "canonical\talias\ttype\tsource"]
    lines.extend("\t".join(r) for r in rows)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} aliases of {len({r[0] for r in rows})} entities -> {args.out}")


if __name__ == "__main__":
    main()
