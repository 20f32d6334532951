"""Score entity resolution (mentions stage + cross-document resolve) on a fictional gold.

``eval/resolution_gold.jsonl`` holds short fictional articles written for this
project.  Each lists gold mentions as ``[surface, cluster]``: every whole-word
occurrence of ``surface`` not inside a longer gold surface of the same
document (``surface@k`` picks the k-th such occurrence only); clusters are
global across documents.  The articles cover every rule: transliteration
(Rakhimov/Rahimov, Qasemi/Qasimi, Saleh/Salah), titles, surnames after full
names, hyphenated surnames, acronyms defined in the text, alias data (IS /
ISIS / Daesh; a country and a central bank named differently in separate
articles: United States / U.S. / America / USA, Federal Reserve / Fed / US
Federal Reserve), and the negative cases: a son and his father (Ahmad Rafi /
Ahmad Shah Rafi), a branch and its parent (ISKP / Islamic State), two people
sharing a surname (John / Mary Doyle; Nasser / Petra Saleh), a bare
surname that fits two people, a town and its club of the same name (Kettering
in a match report and in a council story), and a company's short form beside
a newspaper of that name (Corvane Systems ... Corvane / the Corvane newspaper);
demonyms standing for people not named in their report ("the Brazilian scored",
"the Frenchman who held the job"), apart from each other and from the
nationality ("Brazilian fans"); a bare surname in a football and in a rugby
report that share only another bare surname (Thorne, Wilsby); a party's name and
its short form or its members' plural in two reports (Civic Alliance Party /
Civic Alliance; Agrarian Party / the Agrarians); a bare surname that fits two
people and shares one name with the reports of each (Doyle, res-27); one
country's Supreme Court in two reports, another's in a third (res-28 to res-30);
countries named as the sides in two match reports (their national teams, one entity
each) and the same countries in two other reports (res-31 to res-34); a chain's
name the tagger types ORG with cues in four reports ("Brenna Lowe, the clothing
chain, said it") and PERSON with none in two: one entity by the reports' vote
(res-35 to res-40); sides of two sports named after one country or town
(Scotland's football and rugby teams, Italy's, Wales's; Newport's rugby club), a
town in an athletics report and in a council story (Newport), and a charity whose
name opens with an adjective (Christian Aid, "Christian leaders") (res-41 to res-48);
a rugby report naming a country both as a side ("victory over the United States") and as
a place ("return to the United States"), beside a trade story; a World Cup qualifier in a
football report of few cues beside the World Cup of two rugby reports; a town's rugby club
and a training camp in the town, beside a council story (res-49 to res-55); a patriarch
named in full and by his surname, and "the Venturi family" in another report (res-56 to
res-58); a squad list naming two players of one surname by their initials ("S Vance", "G
Vance"), each named in full elsewhere, and a lock listed "P Doherty" and called "Doherty"
in a match report (res-59 to res-61).

Scores are over gold mentions the pipeline found with the exact span:
pairwise precision/recall/F1 of same-entity mention pairs, B³, and the share
of gold mentions found (``mention_recall``).

Run: ``.venv/bin/python eval/resolution.py``
"""

from __future__ import annotations

import re
import sys
import time
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import annotated, prf, read_jsonl, shipped, upstream
from newsledger.components.mentions.sport import UNKNOWN, report_sport, sport_lean
from newsledger.core.model import Document
from newsledger.core.stage import run_stages
from newsledger.corpus.resolve import resolve

GOLD = Path(__file__).resolve().parent / "resolution_gold.jsonl"

Span = tuple[str, int, int]  # doc id, start, end


def gold_mentions(rec: dict[str, object]) -> dict[Span, str]:
    """Gold spans of one record -> cluster id."""
    text = str(rec["text"])
    items = [(str(s), str(c)) for s, c in rec["mentions"]]  # type: ignore[attr-defined]
    surfaces = sorted({s.split("@")[0] for s, _ in items}, key=len, reverse=True)
    taken: list[tuple[int, int]] = []
    occ: dict[str, list[tuple[int, int]]] = {}
    for surf in surfaces:
        found = []
        for m in re.finditer(r"(?<![\w-])" + re.escape(surf) + r"(?![\w-])", text):
            if not any(a <= m.start() and m.end() <= b for a, b in taken):
                found.append((m.start(), m.end()))
        occ[surf] = found
        taken.extend(found)
    out: dict[Span, str] = {}
    for surface, cluster in items:
        surf, _, k = surface.partition("@")
        spans = occ[surf]
        if not spans:
            raise ValueError(f"{rec['id']}: gold surface {surf!r} is not in the text")
        for s, e in [spans[int(k) - 1]] if k else spans:
            out[(str(rec["id"]), s, e)] = cluster
    return out


def run() -> tuple[dict[str, float], dict[Span, str], dict[Span, str]]:
    recs = read_jsonl(GOLD)
    docs = [Document(r["id"], r["text"], published=r.get("published")) for r in recs]
    gold: dict[Span, str] = {}
    for r in recs:
        gold.update(gold_mentions(r))
    stage = shipped("mentions")
    before = upstream(stage.name, annotated("resolution", docs))
    t0 = time.perf_counter()
    analyses = [run_stages(a, [stage]) for a in before]
    t1 = time.perf_counter()
    sports = {a.doc.id: report_sport(a.text) for a in analyses}
    leans = {a.doc.id: sport_lean(a.text) for a in analyses if sports[a.doc.id] == UNKNOWN}
    res = resolve([(a.doc.id, a.entities) for a in analyses], sports=sports, leans=leans)
    t2 = time.perf_counter()
    pred: dict[Span, str] = {}
    for a in analyses:
        for m in a.mentions:
            pred[(a.doc.id, m.start, m.end)] = res.global_id(a.doc.id, m.entity)
    found = [s for s in gold if s in pred]
    gold_pairs = {(a, b) for a, b in combinations(sorted(found), 2) if gold[a] == gold[b]}
    pred_pairs = {(a, b) for a, b in combinations(sorted(found), 2) if pred[a] == pred[b]}
    p, r, f = prf(len(gold_pairs & pred_pairs), len(pred_pairs), len(gold_pairs))
    b3p = b3r = 0.0
    for s in found:
        same_pred = {x for x in found if pred[x] == pred[s]}
        same_gold = {x for x in found if gold[x] == gold[s]}
        both = len(same_pred & same_gold)
        b3p += both / len(same_pred)
        b3r += both / len(same_gold)
    n = len(found) or 1
    bp, br = b3p / n, b3r / n
    out = {
        "pairwise_p": p,
        "pairwise_r": r,
        "pairwise_f1": f,
        "b3_p": bp,
        "b3_r": br,
        "b3_f1": 2 * bp * br / (bp + br) if bp + br else 0.0,
        "mention_recall": len(found) / len(gold) if gold else 0.0,
        "mentions_ms_per_doc": (t1 - t0) * 1000 / max(len(docs), 1),
        "resolve_ms": (t2 - t1) * 1000,
    }
    return out, gold, pred


def evaluate() -> dict[str, float]:
    """Pairwise and B³ precision/recall/F1 of resolution on the fictional gold."""
    return run()[0]


def main() -> None:
    out, gold, pred = run()
    print(
        f"Resolution on {GOLD.name}: {len(gold)} gold mentions, {len(set(gold.values()))} entities"
    )
    print(f"{'':10}{'P':>7}{'R':>7}{'F1':>7}")
    for k in ("pairwise", "b3"):
        print(f"{k:10}" + "".join(f"{out[f'{k}_{m}']:7.3f}" for m in ("p", "r", "f1")))
    print(
        f"mention recall {out['mention_recall']:.3f}   "
        f"mentions {out['mentions_ms_per_doc']:.2f} ms/doc   resolve {out['resolve_ms']:.1f} ms"
    )
    by_cluster: dict[str, set[str]] = {}
    for s, c in gold.items():
        if s in pred:
            by_cluster.setdefault(c, set()).add(pred[s])
    for c, ids in sorted(by_cluster.items()):
        if len(ids) > 1:
            print(f"  split: {c} -> {len(ids)} entities")
    owners: dict[str, set[str]] = {}
    for s, g in pred.items():
        if s in gold:
            owners.setdefault(g, set()).add(gold[s])
    for cs in owners.values():
        if len(cs) > 1:
            print(f"  merged: {', '.join(sorted(cs))}")
    missing = sorted(s for s in gold if s not in pred)
    for span in missing:
        print(f"  not found: {span[0]} {span[1]}-{span[2]} ({gold[span]})")


if __name__ == "__main__":
    main()
