"""Sample entities and merges from a store, with their evidence, for a hand check.

Prints (or writes with ``--out``) two numbered lists for a reviewer:

* ``--entities`` entities (default 100) drawn uniformly from the store's named
  entities: type, name, aliases, counts and up to ``--mentions`` mentions,
  each in its sentence with the mention in [brackets] (judge: is the type
  right?);
* ``--merges`` merges (default 50): entities that gather document-level
  entities of two or more documents, each shown with two of those members
  from different documents, drawn at random, preferring two different names
  when the entity has them (judge: are they one real-world entity?).

Draws use ``--seed`` (default 19), so the same store gives the same sample.  The
entities are drawn from the store's own entity list, so a change to the code changes
the draw: two stores are compared on different samples (a paired check needs the same
mentions).

How "type right?" is judged (the rule used for every reported figure):

* people (real or fictional characters) PERSON; companies, bands, clubs, parties,
  broadcasters and other bodies ORG (metonymy such as "the Kremlin" ORG is right);
  countries, cities and regions GPE or LOC; buildings, venues and streets FAC (a venue
  typed as a place passes); nationalities and groups NORP; named events (a tournament,
  a ceremony such as "the Brit Awards") EVENT; products, brands, car models and drugs
  PRODUCT;
* titles of films, shows, songs, albums, books, games, awards ("Golden Bear", "best
  actor") and laws belong to WORK_OF_ART or LAW, which the sample leaves out: such a
  title in the list under any type (PERSON, ORG, GPE, EVENT ...) is wrong;
* a non-name in the list (an adjective opening a sentence, a sum such as "548p", a
  time zone) is wrong; a span cut short or run on is right only when its type still fits
  the name it covers ("Sutherland Highlanders" of "Argyll and Sutherland Highlanders");
* one mention decides nothing: the entity is judged by the mentions shown, and a type
  that is right for most of them passes.

A merge is right when every member shown names one real-world entity.

Run: ``.venv/bin/python scripts/handcheck.py --db news.db [--out review.md]``.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from newsledger import query
from newsledger.core.errors import NewsledgerError
from newsledger.corpus.keys import name_key
from newsledger.store import Store

NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT"})
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n")
WINDOW = 300  # characters searched either side for the sentence's ends


@dataclass(slots=True)
class Member:
    """A document-level entity: one document's mentions of a (global) entity."""

    doc: str
    name: str
    mentions: list[tuple[int, int]]


@dataclass(slots=True)
class Dossier:
    id: str
    type: str
    name: str
    aliases: list[str]
    members: list[Member] = field(default_factory=list)


def sentence(text: str, start: int, end: int) -> str:
    """The sentence around ``text[start:end]``, the mention in brackets, on one line."""
    lo = max(0, start - WINDOW)
    left = text[lo:start]
    cuts = list(SENTENCE_END.finditer(left))
    s = lo + cuts[-1].end() if cuts else lo
    right = text[end : end + WINDOW]
    m = SENTENCE_END.search(right)
    e = end + (m.start() if m else len(right))
    out = f"{text[s:start]}[{text[start:end]}]{text[end:e]}"
    return " ".join(out.split())


def load(store: Store) -> tuple[dict[str, Dossier], dict[str, str]]:
    """Every entity with its members, and every document's text."""
    dossiers: dict[str, Dossier] = {}
    texts: dict[str, str] = {}
    for rec in query.records(store):
        texts[rec["id"]] = rec["text"]
        for e in rec["entities"]:
            d = dossiers.get(e["id"])
            if d is None:
                d = dossiers[e["id"]] = Dossier(e["id"], e["type"], e["name"], list(e["aliases"]))
            spans = [(m["start"], m["end"]) for m in e["mentions"]]
            surface = rec["text"][spans[0][0] : spans[0][1]] if spans else e["name"]
            d.members.append(Member(rec["id"], " ".join(surface.split()), spans))
    return dossiers, texts


def show_entity(k: int, d: Dossier, texts: dict[str, str], rng: random.Random, n: int) -> str:
    docs = {m.doc for m in d.members}
    count = sum(len(m.mentions) for m in d.members)
    lines = [
        f"E{k:03d}  {d.type:7} {d.name}   ({len(docs)} docs, {count} mentions)  id {d.id}",
        f"      aliases: {', '.join(d.aliases[:8]) or '-'}",
    ]
    spans = [(m.doc, s) for m in d.members for s in m.mentions]
    for doc, (s, e) in sorted(rng.sample(spans, min(n, len(spans)))):
        lines.append(f"      {doc}: {sentence(texts[doc], s, e)}")
    lines.append("      type right? [ ]")
    return "\n".join(lines)


def pick_pair(d: Dossier, rng: random.Random) -> tuple[Member, Member]:
    by_doc: dict[str, Member] = {}
    for m in d.members:
        by_doc.setdefault(m.doc, m)
    members = list(by_doc.values())
    pairs = [(a, b) for i, a in enumerate(members) for b in members[i + 1 :]]
    named = [(a, b) for a, b in pairs if name_key(a.name) != name_key(b.name)]
    return rng.choice(named or pairs)


def show_merge(k: int, d: Dossier, texts: dict[str, str], rng: random.Random) -> str:
    a, b = pick_pair(d, rng)
    docs = len({m.doc for m in d.members})
    lines = [f"M{k:02d}  {d.type:7} {d.name}   ({docs} docs)  id {d.id}"]
    for m in (a, b):
        s, e = m.mentions[0]
        lines.append(f"      {m.doc} as {m.name!r}: {sentence(texts[m.doc], s, e)}")
    lines.append("      one entity? [ ]")
    return "\n".join(lines)


def sample(
    dossiers: dict[str, Dossier],
    texts: dict[str, str],
    n_entities: int,
    n_merges: int,
    seed: int,
    mentions: int,
) -> str:
    rng = random.Random(seed)
    named = sorted((d for d in dossiers.values() if d.type in NAME_TYPES), key=lambda d: d.id)
    picked = rng.sample(named, min(n_entities, len(named)))
    merged = [d for d in named if len({m.doc for m in d.members}) >= 2]
    merges = rng.sample(merged, min(n_merges, len(merged)))
    out = [
        f"# Hand check: {len(picked)} of {len(named)} entities, {len(merges)} of "
        f"{len(merged)} cross-document merges (seed {seed})",
        "",
        "## Entities",
        "",
    ]
    out.extend(show_entity(k, d, texts, rng, mentions) for k, d in enumerate(picked, 1))
    out += ["", "## Merges", ""]
    out.extend(show_merge(k, d, texts, rng) for k, d in enumerate(merges, 1))
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--db", required=True, type=Path, help="the store to sample")
    ap.add_argument("--entities", type=int, default=100, help="entities to draw (100)")
    ap.add_argument("--merges", type=int, default=50, help="merges to draw (50)")
    ap.add_argument("--mentions", type=int, default=3, help="mentions shown per entity (3)")
    ap.add_argument("--seed", type=int, default=19, help="random seed (19)")
    ap.add_argument("--out", type=Path, help="write the sample here instead of stdout")
    args = ap.parse_args(argv)
    if not args.db.exists():
        print(f"{args.db}: no such store. Build one with `newsledger ingest ... --db FILE`.")
        return 2
    try:
        with Store(args.db, readonly=True) as store:
            dossiers, texts = load(store)
    except NewsledgerError as exc:
        print(exc, file=sys.stderr)
        return 1
    text = sample(dossiers, texts, args.entities, args.merges, args.seed, args.mentions)
    if args.out is None:
        sys.stdout.write(text)
    else:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
