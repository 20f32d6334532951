"""Event evaluation on WikiEvents dev (../shared/dev/events_dev.jsonl), KAIROS mapped to PLOVER.

The mapping is the data table ``src/newsledger/data/event_kairos_plover.tsv``
(longest type prefix wins; "-" = no PLOVER counterpart).  Scoring covers the
label space the two ontologies share: gold events of unmapped types are left
out, and so are predicted mentions whose trigger overlaps one of them, and
predicted mentions of PLOVER types that no KAIROS type maps to (AGREE,
SUPPORT, AID, ...: WikiEvents cannot contain them).  ``main`` says how many
were left out, and ``type_f1_all_preds`` counts every prediction.  Gold typed
in PLOVER already (a held-out set) is scored on every PLOVER type.

* **type F1**: every trigger mention of every predicted event (an event keeps
  all the mentions folded into it by coreference) against every gold event
  mention; a pair matches when the spans overlap and the predicted PLOVER type
  is one the gold type maps to (one-to-one).  ``type_f1_no_life`` leaves
  Life.Die/Life.Injure gold out (PLOVER folds deaths and injuries into ASSAULT).
* **argument F1** (attacker → actors and target/victim → targets of ASSAULT
  events; place → place of any mapped event): a predicted argument is right
  when its event overlaps a gold event of that type which has the argument, and
  one of its spans (every mention of the actor/target entity, the place span)
  overlaps the gold argument span or any mention of the same gold entity.
  Counted once per document, role and gold entity (events are coreferent
  across mentions in our output).  ``*_span_f1`` score the noun-phrase spans
  (named or not) instead of entity ids.  A document none of whose events has
  an annotated argument is left out of argument scoring: its gold says nothing
  about participants or places, not that there are none (WikiEvents dev has
  one: twelve events, several in sentences that name where they happened).
  ``place_every_doc_*`` scores places on every document all the same.
* **place of matched events** (``place_matched_*``, the issue's "place F1"):
  what the place chooser controls.  Predicted places are the same as above
  (places of predicted events matched to a gold event, which are the only
  ones scored in either measure), but gold places count only when their gold
  event is matched by a predicted event of its type: ``place_*`` also counts,
  as misses, the places of gold events the stage does not detect or types
  otherwise, so its recall is bounded by detection.  Both are floored.

* **who did what to whom**: the share of predicted ASSAULT events with an actor
  (an entity id or an unnamed actor with its sector, ``agents``), and with any
  participant at all.

Run: ``.venv/bin/python eval/events.py [--errors N]`` (spaCy output cached).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import DEV, ROOT, annotated, prf, read_jsonl
from newsledger import pipeline
from newsledger.components.events import stage as events
from newsledger.components.events.lexicon import PLOVER, lexicon
from newsledger.core.lexicon import Col, read_table
from newsledger.core.model import Analysis, Document, Event
from newsledger.core.stage import Stage

NAME = "events_dev"
MAP_FILE = ROOT / "src" / "newsledger" / "data" / "event_kairos_plover.tsv"
ROLES = {  # gold role names (lower case): KAIROS, and PLOVER's own for PLOVER-typed gold
    "attacker": frozenset({"attacker", "killer", "injurer", "actor", "source"}),
    "target": frozenset({"target", "victim", "recipient"}),
    "place": frozenset({"place", "location", "event_loc"}),
}
ASSAULT_ROLES = frozenset({"attacker", "target"})
Spans = list[tuple[int, int]]


def load_map(path: Path = MAP_FILE) -> dict[str, frozenset[str]]:
    """KAIROS type prefix -> PLOVER types (empty set = not scored)."""
    out: dict[str, frozenset[str]] = {}
    for r in read_table(path, (Col("kairos", required=True), Col("plover", required=True), "note")):
        kairos, plover = r["kairos"], r["plover"]
        out[kairos.strip()] = frozenset() if plover.strip() == "-" else frozenset(plover.split("|"))
    return out


def plover_types(kairos: str, table: dict[str, frozenset[str]]) -> frozenset[str] | None:
    """PLOVER types for a KAIROS type (None when no table row covers it).

    Gold typed in PLOVER already (``ASSAULT``) maps to itself.
    """
    if kairos.upper() in PLOVER:
        return frozenset({kairos.upper()})
    best = max((k for k in table if kairos == k or kairos.startswith(k + ".")), key=len, default="")
    return table[best] if best else None


def stages() -> list[Stage]:
    """The shipped stages the events stage needs, then events (the registry's order)."""
    return pipeline.stages_for(events.STAGE.name)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass
class Gold:
    types: frozenset[str]
    kairos: str
    trigger: tuple[int, int]
    text: str
    args: dict[str, list[tuple[Any, Spans]]]  # role -> [(entity key, spans)]


def gold_events(rec: dict[str, Any], table: dict[str, frozenset[str]]) -> tuple[list[Gold], Spans]:
    """Scored gold events of one document and the triggers of left-out ones."""
    clusters: dict[Any, Spans] = {}
    ent_key: dict[str, Any] = {}
    for e in rec.get("entities", []):
        cluster = e.get("coref_cluster")
        key = ("c", cluster) if cluster is not None else ("e", e["id"])
        ent_key[e["id"]] = key
        clusters.setdefault(key, []).append((e["start"], e["end"]))
    scored: list[Gold] = []
    left_out: Spans = []
    for ev in rec["events"]:
        trig = (ev["trigger"]["start"], ev["trigger"]["end"])
        types = plover_types(ev["type"], table)
        if not types:
            left_out.append(trig)
            continue
        args: dict[str, list[tuple[Any, Spans]]] = {r: [] for r in ROLES}
        for a in ev.get("arguments", []):
            if a.get("start") is None:
                continue  # an argument the source could not locate in the text
            for role, names in ROLES.items():
                if a["role"].lower() in names:
                    eid = a.get("entity_id") or f"{a['start']}:{a['end']}"
                    key = ent_key.get(eid, ("e", eid))
                    args[role].append((key, [(a["start"], a["end"]), *clusters.get(key, [])]))
        scored.append(Gold(types, ev["type"], trig, ev["trigger"]["text"], args))
    return scored, left_out


def mention_spans(e: Event) -> Spans:
    return [(m.start, m.end) for m in e.mentions] or [(e.trigger.start, e.trigger.end)]


def predicted_args(a: Analysis, e: Event, role: str, spans_only: bool) -> list[tuple[str, Spans]]:
    """(key, spans) of one role of a predicted event."""
    if role == "place":
        return [("place", [(e.place_span.start, e.place_span.end)])] if e.place_span else []
    if spans_only:
        items = e.actor_spans if role == "attacker" else e.target_spans
        return [(f"{s.start}:{s.end}", [(s.start, s.end)]) for s in items]
    ids = e.actors if role == "attacker" else e.targets
    ents = {en.id: en for en in a.entities}
    return [(i, [(m.start, m.end) for m in ents[i].mentions]) for i in ids if i in ents]


class Scorer:
    def __init__(self, scorable: frozenset[str], matched_only: bool = True) -> None:
        self.scorable = scorable  # PLOVER types the gold set can contain
        self.matched_only = matched_only
        self.counts: Counter[str] = Counter()
        self.by_type: Counter[tuple[str, str]] = Counter()
        self.tp_keys: dict[str, set[Any]] = {}
        self.fp_keys: dict[str, set[Any]] = {}
        self.gold_keys: dict[str, set[Any]] = {}
        self.errors: list[str] = []

    def add_keys(self, name: str, gold: set[Any], tp: set[Any], fp: set[Any]) -> None:
        self.gold_keys.setdefault(name, set()).update(gold)
        self.tp_keys.setdefault(name, set()).update(tp)
        self.fp_keys.setdefault(name, set()).update(fp)

    def doc(
        self, di: int, rec: dict[str, Any], a: Analysis, table: dict[str, frozenset[str]]
    ) -> None:
        golds, left_out = gold_events(rec, table)
        self.counts["docs"] += 1
        preds: list[tuple[Event, tuple[int, int]]] = []
        for e in a.events:
            for sp in mention_spans(e):
                if any(overlap(sp, x) for x in left_out):
                    self.counts["pred_left_out"] += 1
                elif e.type not in self.scorable:
                    self.counts["pred_outside"] += 1
                else:
                    preds.append((e, sp))
        self.counts["gold_left_out"] += len(left_out)
        for life in (False, True):
            gs = [g for g in golds if not (life and g.kairos.startswith("Life."))]
            ps = [p for p in preds if not (life and self._life_only(p[1], golds))]
            tag = "nolife_" if life else ""
            used: set[int] = set()
            ident = 0
            for g in gs:
                hit = [
                    k for k, (e, sp) in enumerate(ps) if k not in used and overlap(sp, g.trigger)
                ]
                ident += bool(hit)
                typed = [k for k in hit if ps[k][0].type in g.types]
                if typed:
                    used.add(typed[0])
                elif not life:
                    t = rec["text"]
                    self.errors.append(
                        f"FN {g.kairos:34} {g.text!r} … {t[g.trigger[0] - 40 : g.trigger[1] + 40]!r}"
                    )
            self.counts[f"{tag}tp"] += len(used)
            self.counts[f"{tag}pred"] += len(ps)
            self.counts[f"{tag}gold"] += len(gs)
            self.counts[f"{tag}ident"] += ident
            if not life:
                self.by_type.update(("gold", "|".join(sorted(g.types))) for g in gs)
                self.by_type.update(("pred", e.type) for e, _ in ps)
                self.by_type.update(("tp", ps[k][0].type) for k in used)
            if not life:
                t = rec["text"]
                for k, (e, sp) in enumerate(ps):
                    if k not in used:
                        self.errors.append(
                            f"FP {e.type:34} {t[sp[0] : sp[1]]!r} … {t[sp[0] - 40 : sp[1] + 40]!r}"
                        )
        if not any(ev.get("arguments") for ev in rec["events"]):
            # no argument of any event is annotated: the gold says nothing about places
            # or participants here (not that there are none), so arguments are not scored
            self.counts["docs_without_arguments"] += 1
            self._args(di, a, golds, preds, "place", "place_every_doc", False)
            return
        for spans_only in (False, True):
            for role in ROLES:
                if spans_only and role == "place":
                    continue
                name = f"{role}_span" if spans_only else role
                self._args(di, a, golds, preds, role, name, spans_only)
        self._args(di, a, golds, preds, "place", "place_every_doc", False)

    @staticmethod
    def _life_only(sp: tuple[int, int], golds: list[Gold]) -> bool:
        over = [g for g in golds if overlap(sp, g.trigger)]
        return bool(over) and all(g.kairos.startswith("Life.") for g in over)

    def _args(
        self,
        di: int,
        a: Analysis,
        golds: list[Gold],
        preds: list[tuple[Event, tuple[int, int]]],
        role: str,
        name: str,
        spans_only: bool,
    ) -> None:
        def fits(g: Gold) -> bool:
            return "ASSAULT" in g.types if role in ASSAULT_ROLES else True

        gold = {(di, key) for g in golds if fits(g) for key, _ in g.args[role]}
        gold_matched: set[Any] = set()  # arguments of the gold events some prediction matches
        tp: set[Any] = set()
        fp: set[Any] = set()
        by_event: dict[str, list[tuple[int, int]]] = {}
        for e, sp in preds:
            by_event.setdefault(e.id, []).append(sp)
        for e in a.events:
            if e.id not in by_event or (role in ASSAULT_ROLES and e.type != "ASSAULT"):
                continue
            matched = [
                g
                for g in golds
                if fits(g)
                and e.type in g.types
                and any(overlap(s, g.trigger) for s in by_event[e.id])
            ]
            if not matched and self.matched_only:
                continue
            gold_matched.update((di, key) for g in matched for key, _ in g.args[role])
            for key, spans in predicted_args(a, e, role, spans_only):
                hit = [
                    gk
                    for g in matched
                    for gk, gspans in g.args[role]
                    if any(overlap(s, x) for s in spans for x in gspans)
                ]
                if hit:
                    tp.add((di, hit[0]))
                else:
                    fp.add((di, e.id, key))
        self.add_keys(name, gold, tp, fp)
        if role == "place":
            self.add_keys(f"{name}_matched", gold_matched, tp, fp)

    def scores(self) -> dict[str, float]:
        c = self.counts
        out: dict[str, float] = {}
        out["type_p"], out["type_r"], out["type_f1"] = prf(c["tp"], c["pred"], c["gold"])
        out["type_f1_no_life"] = prf(c["nolife_tp"], c["nolife_pred"], c["nolife_gold"])[2]
        out["type_f1_all_preds"] = prf(c["tp"], c["pred"] + c["pred_outside"], c["gold"])[2]
        out["ident_r"] = c["ident"] / c["gold"] if c["gold"] else 0.0
        for name in self.gold_keys:
            tp = len(self.tp_keys[name])
            p, r, f = prf(tp, tp + len(self.fp_keys[name]), len(self.gold_keys[name]))
            out[f"{name}_p"], out[f"{name}_r"], out[f"{name}_f1"] = p, r, f
        out["gold_mentions"] = float(c["gold"])
        out["gold_left_out"] = float(c["gold_left_out"])
        out["pred_left_out"] = float(c["pred_left_out"])
        out["pred_outside"] = float(c["pred_outside"])
        out["docs"] = float(c["docs"])
        out["docs_without_arguments"] = float(c["docs_without_arguments"])
        return out


def run(path: Path | None = None) -> tuple[dict[str, float], Scorer]:
    """Score a WikiEvents-style file (the dev set by default; held-out sets the same way)."""
    recs = read_jsonl(path or DEV / f"{NAME}.jsonl")
    docs = [
        Document(id=r["id"], text=r["text"], published=r.get("published") or None) for r in recs
    ]
    anns = annotated(NAME if path is None else path.stem, docs)
    table = load_map()
    native = any(ev["type"].upper() in PLOVER for r in recs for ev in r["events"])
    scorable = PLOVER if native else frozenset().union(*table.values())
    lexicon()  # load the data files before timing
    *before, ev_stage = stages()
    scorer = Scorer(scorable)
    spent = 0.0
    words = 0
    assaults = acted = whom = 0
    for di, (rec, ann) in enumerate(zip(recs, anns, strict=True)):
        a = pipeline.analyse(ann, before)
        best = float("inf")
        for _ in range(3):  # the fastest of three runs: the machine is shared
            t0 = time.perf_counter()
            ev_stage.run(a)
            best = min(best, time.perf_counter() - t0)
        spent += best
        words += len(rec["text"].split())
        scorer.doc(di, rec, a, table)
        for e in a.events:
            if e.type == "ASSAULT":
                assaults += 1
                acted += bool(e.actors) or any(g.role == "actor" for g in e.agents)
                whom += bool(e.actors or e.targets or e.agents)
    out = scorer.scores()
    out["assault_actor_share"] = acted / assaults if assaults else 0.0
    out["assault_who_share"] = whom / assaults if assaults else 0.0
    out["ms_per_500_words"] = 1000.0 * spent / max(words, 1) * 500
    return out, scorer


def evaluate(path: Path | None = None) -> dict[str, float]:
    """Event type F1 and argument F1 on WikiEvents dev (KAIROS mapped to PLOVER)."""
    return run(path)[0]


def _table(out: dict[str, float], rows: Iterable[str]) -> None:
    print(f"{'':16}{'P':>7}{'R':>7}{'F1':>7}")
    for r in rows:
        print(f"{r:16}" + "".join(f"{out[f'{r}_{k}']:7.3f}" for k in ("p", "r", "f1")))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--errors", type=int, default=0, help="print up to N trigger errors")
    ap.add_argument("path", nargs="?", type=Path, help="a gold file in the same format")
    args = ap.parse_args()
    out, scorer = run(args.path)
    name = args.path.name if args.path else f"{NAME}.jsonl"
    print(f"Events on {name}: {out['gold_mentions']:.0f} scored gold mentions.")
    print(
        f"Left out: {out['gold_left_out']:.0f} gold mentions of KAIROS types with no PLOVER "
        f"counterpart, {out['pred_left_out']:.0f} predicted mentions overlapping them, and "
        f"{out['pred_outside']:.0f} predicted mentions of PLOVER types no KAIROS type maps to."
    )
    _table(
        out,
        [
            "type",
            "attacker",
            "target",
            "place",
            "place_matched",
            "place_every_doc",
            "place_every_doc_matched",
            "attacker_span",
            "target_span",
        ],
    )
    print(
        f"Arguments are scored on the {out['docs'] - out['docs_without_arguments']:.0f} "
        f"documents whose events carry argument annotation ({out['docs_without_arguments']:.0f} "
        "carry none); place_every_doc scores places on every document; *_matched count "
        "only the gold places of gold events a prediction matches (type and trigger)."
    )
    print(
        f"type F1 counting every prediction {out['type_f1_all_preds']:.3f}   "
        f"without Life.* gold {out['type_f1_no_life']:.3f}"
    )
    print(
        f"trigger identification recall {out['ident_r']:.3f}   "
        f"events stage {out['ms_per_500_words']:.2f} ms / 500 words"
    )
    print(
        f"ASSAULT events with an actor (named or described) {out['assault_actor_share']:.3f}   "
        f"with any participant {out['assault_who_share']:.3f}"
    )
    print(f"{'by type':16}{'gold':>6}{'pred':>6}{'tp':>6}")
    for t in sorted({k for _, k in scorer.by_type}):
        g, p, tp = (scorer.by_type[(x, t)] for x in ("gold", "pred", "tp"))
        print(f"  {t:14}{g:6}{p:6}{tp:6}")
    for line in scorer.errors[: args.errors]:
        print(line)


if __name__ == "__main__":
    main()
