"""Claims and conflicts: precision and recall on a gold set of fictional articles.

``eval/claims_gold.jsonl`` holds short invented news articles about invented
people, places and groups (records ``{"kind": "doc", "split", "id",
"published", "text", "claims": [{"subject", "attribute", "value",
"evidence"}]}``) that agree, disagree, update and approximate, followed by the
conflicts and updates a reader finds across them (records ``{"kind":
"conflict"|"update", "split", "subject", "attribute", "values"}``).  The
``dev`` split (25 articles) was used while writing the patterns.  The
``heldout`` split (5 articles, other names and phrasings) was written after
them and first scored blind: claims P 0.867 R 0.464, conflicts P 1.0 R 0.33,
updates 0/0.  Generic fixes for the phrasings it exposed ("has held power
since", "a city of about 900,000", "the number of people killed … climbed
to", "his 70th birthday", "the Sarnian capital Tolle", short names such as
"the Bloc") were made afterwards, so it is no longer blind.

The real pipeline runs on the texts (spaCy annotation cached, then every
shipped stage the claims stage needs, and claims).  A claim is right when its subject's name, its
attribute and its normalised value equal a gold claim's.  Subjects are
matched across documents by a transliteration-insensitive name key (until
cross-document resolution lands); a predicted conflict is right when its
kind, subject and attribute match a gold one and it lists every gold value.

``eval/claims_general_gold.jsonl`` (issue 19) is a second set of the same
format, written before the patterns it tests: 43 ``dev`` and 11 ``heldout``
articles about other invented people, towns and bodies, in groups that hold
true conflicts (birthplace, birth and death dates, place of death, age,
nationality, party, office held with dates, in office since, population,
founding year, death tolls) and look-alikes (updated tolls, approximations,
ranges, ageing across reports, growth over years, two people sharing a
surname, two bodies sharing a word), often with the full name in one
article and the surname only, or a description, in another.  Its first
record (``{"kind": "scope", "attributes": [...]}``) lists the attributes it
annotates: claims and conflicts of other attributes are not scored on it.
Its keys end in ``_general`` (and ``_general_heldout``);
``conflicts_*_resolved`` score conflicts with subjects resolved by the
store's cross-document resolution instead of the name key;
``false_conflicts_general`` counts predicted conflicts no gold conflict
matches.  Before the issue-19 patterns it scored dev claims P 1.0 R 0.462,
conflicts P 1.0 R 0.375 (held-out R 0.684, conflicts R 0.167).  The held-out
part was first looked at after the dev work (claims P 1.0 R 0.789, conflicts
P 1.0 R 0.5, updates 1/1); generic fixes for the phrasings it exposed ("a
native of", "the number of dead … climbed to", "a Morvanian physicist") came
afterwards, so it is no longer blind.

Its ``heldout2`` split (17 articles, session 3, keys ``*_general_heldout2``) was
written before any pattern change of that session, for the look-alike classes
(one surname for two people, ageing across reports, approximations, ranges, a
toll revised down, a change of party) and true conflicts.  Blind it scored
claims P 0.909 R 0.667, conflicts 3/6 found, 0 false, updates 0/1; fixes for
the classes it exposed (a toll's event date is not the date of its report, "the
bank" for the one "… Bank", "has joined" a party as a change, "a member of
parliament for X since", "Farmers' Party") came afterwards, so it is no longer
blind either.

Its ``heldout3`` split (28 articles, session 4, keys ``*_general_heldout3``) was
written before any pattern change of that session and covers every attribute of
issue 19 (birthplace, birth date, death date and place, age, population, founding
year, office held with dates, in office since, nationality, party, killed and
injured per event) with true conflicts and look-alikes (updates, approximations,
ranges, ageing, two people sharing a surname, a full name in one article and the
surname only, or a description, in another).  Blind it scored claims P 1.000 R
0.745, conflicts 4/11 found, 0 false, updates 2/2 (P 0.667).  The session's fixes
were made on the ``dev`` split only (which grew from 43 to 83 articles, each batch
written before the patterns it tests); heldout3 was scored again at the end:
claims P 1.000 R 0.809, conflicts 7/11 found, 0 false, updates 2/2 (P 0.667: a
toll given as a range, then a figure inside it, is read as an update).

Run: ``.venv/bin/python eval/claims.py``
"""

from __future__ import annotations

import json
import re
import unicodedata
from timeit import default_timer as clock
from typing import Any

from common import ROOT, SHARED, annotated, prf, read_jsonl, upstream
from newsledger import pipeline
from newsledger.components.claims.stage import STAGE
from newsledger.components.mentions import stage as mentions
from newsledger.core.model import Analysis, Document
from newsledger.corpus.conflicts import ClaimRecord, Conflict, find_conflicts, records_from_analysis
from newsledger.corpus.resolve import resolve as corpus_resolve

GOLD = ROOT / "eval" / "claims_gold.jsonl"
GENERAL = ROOT / "eval" / "claims_general_gold.jsonl"
SPLITS = ("dev", "heldout", "heldout2", "heldout3")
SETS = (("", GOLD), ("_general", GENERAL))


def name_key(name: str) -> str:
    """Transliteration-insensitive key: "Emomali Rakhmon" and "Emomali Rahmon" agree."""
    s = unicodedata.normalize("NFKD", mentions.normalize(name))
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.replace("kh", "h").replace("ck", "k").replace("ou", "u").replace("y", "i")
    s = re.sub(r"[^a-z0-9 ]", "", s)
    return re.sub(r"(.)\1", r"\1", s).strip()


def _analyse(docs: list[dict[str, Any]]) -> list[Analysis]:
    documents = [Document(d["id"], d["text"], published=d.get("published")) for d in docs]
    stages = pipeline.stages_for(STAGE.name)
    return [pipeline.analyse(a, stages) for a in annotated("claims_gold", documents)]


def _scope(recs: list[dict[str, Any]]) -> frozenset[str] | None:
    """The attributes a gold file annotates (``None``: all of them)."""
    for r in recs:
        if r["kind"] == "scope":
            return frozenset(r["attributes"])
    return None


def _claim_scores(
    docs: list[dict[str, Any]], analyses: list[Analysis], scope: frozenset[str] | None = None
) -> tuple[int, int, int]:
    tp = n_pred = n_gold = 0
    for d, an in zip(docs, analyses, strict=True):
        names = {e.id: e.name for e in an.entities}
        gold = {(name_key(c["subject"]), c["attribute"], c["value"]) for c in d["claims"]}
        pred = {
            (name_key(names[c.subject]), c.attribute, c.value)
            for c in an.claims
            if scope is None or c.attribute in scope
        }
        tp += len(gold & pred)
        n_pred += len(pred)
        n_gold += len(gold)
    return tp, n_pred, n_gold


def predicted_conflicts(analyses: list[Analysis]) -> list[Conflict]:
    records: list[ClaimRecord] = []
    for an in analyses:
        names = {e.id: e.name for e in an.entities}

        def resolve(eid: str, n: dict[str, str] = names) -> tuple[str, str]:
            return "k:" + name_key(n[eid]), n[eid]

        records += records_from_analysis(an, resolve)
    return find_conflicts(records)


def resolved_conflicts(analyses: list[Analysis]) -> list[Conflict]:
    """Conflicts with subjects resolved as the store resolves them (:mod:`newsledger.corpus.resolve`)."""
    res = corpus_resolve([(an.doc.id, an.entities) for an in analyses])
    records: list[ClaimRecord] = []
    for an in analyses:

        def to_global(eid: str, doc: str = an.doc.id) -> tuple[str, str]:
            gid = res.global_id(doc, eid)
            return gid, res.entities[gid].name

        records += records_from_analysis(an, to_global)
    return find_conflicts(records)


def _values(c: Conflict) -> set[str]:
    if c.attribute == "held_by":
        return {name_key(v.value) for v in c.values}
    return {v.value for v in c.values}


def _matches(g: dict[str, Any], c: Conflict) -> bool:
    gold_values = (
        {name_key(v) for v in g["values"]} if g["attribute"] == "held_by" else set(g["values"])
    )
    return (
        g["kind"] == c.kind
        and name_key(g["subject"]) == name_key(c.subject_name)
        and g["attribute"] == c.attribute
        and gold_values <= _values(c)
    )


def _conflict_scores(
    gold: list[dict[str, Any]], pred: list[Conflict], kind: str
) -> tuple[int, int, int, int]:
    g = [x for x in gold if x["kind"] == kind]
    p = [c for c in pred if c.kind == kind]
    hit_pred = sum(1 for c in p if any(_matches(x, c) for x in g))
    hit_gold = sum(1 for x in g if any(_matches(x, c) for c in p))
    return hit_pred, len(p), hit_gold, len(g)


def _splits(recs: list[dict[str, Any]]) -> list[str]:
    """The splits of :data:`SPLITS` a gold file has articles in."""
    have = {r.get("split", "dev") for r in recs if r["kind"] == "doc"}
    return [s for s in SPLITS if s in have]


def _split_metrics(
    recs: list[dict[str, Any]], split: str
) -> tuple[dict[str, float], list[Conflict]]:
    scope = _scope(recs)
    docs = [r for r in recs if r["kind"] == "doc" and r.get("split", "dev") == split]
    gold_c = [
        r for r in recs if r["kind"] in ("conflict", "update") and r.get("split", "dev") == split
    ]
    analyses = _analyse(docs)
    tp, n_pred, n_gold = _claim_scores(docs, analyses, scope)
    p, r, f = prf(tp, n_pred, n_gold)
    out = {"claims_p": p, "claims_r": r, "claims_f1": f}
    pred = [c for c in predicted_conflicts(analyses) if scope is None or c.attribute in scope]
    for kind, label in (("conflict", "conflicts"), ("update", "updates")):
        hp, np_, hg, ng = _conflict_scores(gold_c, pred, kind)
        out[f"{label}_p"] = hp / np_ if np_ else 0.0
        out[f"{label}_r"] = hg / ng if ng else 0.0
        if kind == "conflict":
            out["false_conflicts"] = float(np_ - hp)
    resolved = [c for c in resolved_conflicts(analyses) if scope is None or c.attribute in scope]
    hp, np_, hg, ng = _conflict_scores(gold_c, resolved, "conflict")
    out["conflicts_p_resolved"] = hp / np_ if np_ else 0.0
    out["conflicts_r_resolved"] = hg / ng if ng else 0.0
    return out, pred


def evaluate() -> dict[str, float]:
    """Claim P/R/F1 and conflict/update P/R on both splits of both gold sets (held-out
    keys end in ``_heldout``, the issue-19 set's in ``_general``)."""
    metrics: dict[str, float] = {}
    for name, path in SETS:
        recs = read_jsonl(path)
        for split in _splits(recs):
            m, _ = _split_metrics(recs, split)
            suffix = name + ("" if split == "dev" else "_" + split)
            metrics.update({k + suffix: round(v, 4) for k, v in m.items()})
    return metrics


def _speed_texts() -> tuple[str, list[Document]]:
    """30 BBC articles when the corpus is there (real density of claims), else the gold."""
    corpus = SHARED / "corpus" / "news.jsonl"
    if corpus.exists():
        docs: list[Document] = []
        with corpus.open(encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if i % 74 == 0:
                    r = json.loads(line)
                    docs.append(Document(r["id"], r["text"], published="2005-01-01"))
        return "claims_speed_bbc", docs[:30]
    recs = [r for r in read_jsonl(GOLD) if r["kind"] == "doc"]
    return "claims_gold", [Document(d["id"], d["text"], published=d.get("published")) for d in recs]


def _speed() -> tuple[str, float]:
    """Milliseconds per 500 words for the claims stage alone."""
    name, docs = _speed_texts()
    base = upstream(STAGE.name, annotated(name, docs))
    words = sum(len(a.text.split()) for a in base)
    rounds = 10
    t0 = clock()
    for _ in range(rounds):
        for a in base:
            STAGE.run(a)
    ms: float = (clock() - t0) * 1000 / rounds
    return name, ms * 500 / max(words, 1)


def main() -> None:
    print(
        f"{'gold':8} {'split':8} {'claims P':>9} {'R':>6} {'F1':>6} {'confl P':>8} {'R':>6}"
        f" {'false':>5} {'upd P':>6} {'R':>6} {'resolved: confl P':>8} {'R':>6}"
    )
    for name, path in SETS:
        recs = read_jsonl(path)
        for split in _splits(recs):
            m, _ = _split_metrics(recs, split)
            print(
                f"{name.strip('_') or 'claims':8} {split:8} {m['claims_p']:9.3f} {m['claims_r']:6.3f}"
                f" {m['claims_f1']:6.3f} {m['conflicts_p']:8.3f} {m['conflicts_r']:6.3f}"
                f" {int(m['false_conflicts']):5d} {m['updates_p']:6.3f} {m['updates_r']:6.3f}"
                f" {m['conflicts_p_resolved']:8.3f} {m['conflicts_r_resolved']:6.3f}"
            )
    name, ms = _speed()
    print(f"claims stage: {ms:.2f} ms per 500 words ({name})")


if __name__ == "__main__":
    main()
