"""Re-source the hand-added rows of ``data/ner_given_names.tsv`` from a public dictionary.

The census rows (``us-census-1990``) stay.  A row added by the project
(``editors``) stays only when the given name opens the name of a person in
PETRARCH2's Phoenix country-actor dictionary (``../shared/vocab``, MIT,
Open Event Data Alliance): an entry whose codes mark a government member or
an elite (``GOV``/``ELI``) and whose name has two to four words.  The row is
then sourced ``petrarch2-phoenix``; the others go.  Deterministic; prints
what it kept and dropped.

    .venv/bin/python scripts/given_names.py [--write]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VOCAB = ROOT.parent / "shared" / "vocab" / "petrarch2-Phoenix.Countries.actors.txt"
TABLE = ROOT / "src" / "newsledger" / "data" / "ner_given_names.tsv"
ENTRY = re.compile(r"([A-Z][A-Z'\-]*(?:_[A-Z'\-]+)*)_")
SOURCE = "petrarch2-phoenix"


def person_given_names(path: Path) -> set[str]:
    """First words of the person entries of a PETRARCH2 .actors file (upper case)."""
    names: set[str] = set()
    entry: str | None = None
    codes: list[str] = []

    def flush() -> None:
        if entry and any("GOV" in c or "ELI" in c for c in codes):
            words = [w for w in entry.split("_") if w]
            if 2 <= len(words) <= 4:
                names.add(words[0])

    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not line[0].isspace() and not line.startswith("+"):
            flush()
            m = ENTRY.match(line)
            entry, codes = (m.group(1) if m else None), []
        elif line.strip().startswith("["):
            codes.append(line.strip())
    flush()
    return names


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="rewrite the table in place")
    args = ap.parse_args()
    if not VOCAB.exists():
        sys.exit(f"{VOCAB} not found: put ../shared beside the repository.")
    known = person_given_names(VOCAB)
    out: list[str] = []
    kept: list[str] = []
    dropped: list[str] = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("#") or cols[0] == "name" or cols[-1] != "editors":
            out.append(line)
        elif cols[0].upper() in known:
            kept.append(cols[0])
            out.append(f"{cols[0]}\t{SOURCE}")
        else:
            dropped.append(cols[0])
    print(
        f"{len(known)} given names in {VOCAB.name}; project rows kept {len(kept)}, dropped {len(dropped)}"
    )
    print("dropped:", ", ".join(dropped))
    if args.write:
        TABLE.write_text("\n".join(out) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
