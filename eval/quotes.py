"""Score the quotes stage on PolNeAR dev (``../shared/dev/quotes_dev.jsonl``).

Metrics (the issue's definitions):

* ``content_f1``: all kinds; a prediction matches a gold attribution when
  their content spans overlap by at least half of each (one-to-one, greedy
  by overlap);
* ``speaker_acc``: on matched pairs, the predicted speaker span overlaps the
  gold speaker span (both empty counts as right);
* ``direct_exact_f1``: predicted direct quotes against gold direct ones, equal
  when their texts match after quotation marks and edge punctuation are
  stripped;
* ``direct_speaker_acc``: speaker accuracy on matched gold direct quotes.

Run: ``.venv/bin/python eval/quotes.py`` (spaCy output is cached, see ``eval/common.py``).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import DEV, annotated, prf, read_jsonl, upstream
from newsledger.components.quotes import learned as quote_model
from newsledger.components.quotes import stage as quotes
from newsledger.components.quotes.learned import QuoteModel
from newsledger.core.model import Analysis, Document, Quote

DATA = DEV / "quotes_dev.jsonl"
# the targets (issue 16); the enforced floors are in eval/baseline.json
TARGETS = {
    "content_f1": 0.80,
    "speaker_acc": 0.92,
    "direct_exact_f1": 0.88,
    "direct_speaker_acc": 0.95,
}
_STRIP = " \t\r\n\u00a0\u200b\"'“”‘’«»„`.,;:!?-–—…"


def norm(text: str) -> str:
    """Quote text without quotation marks and edge punctuation, spaces collapsed."""
    return " ".join(text.strip(_STRIP).split())


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def half_match(p: tuple[int, int], g: tuple[int, int]) -> bool:
    o = overlap(p, g)
    return o > 0 and 2 * o >= p[1] - p[0] and 2 * o >= g[1] - g[0]


def speaker_right(q: Quote, g: dict[str, Any]) -> bool:
    gs, ge = g.get("speaker_start"), g.get("speaker_end")
    if gs is None or ge is None:
        return q.speaker is None
    if q.speaker is None:
        return False
    return overlap((q.speaker.start, q.speaker.end), (gs, ge)) > 0


def match(preds: list[Quote], golds: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index) with half overlap, largest overlap first."""
    cands = []
    for i, q in enumerate(preds):
        for j, g in enumerate(golds):
            if half_match((q.start, q.end), (g["start"], g["end"])):
                cands.append((-overlap((q.start, q.end), (g["start"], g["end"])), i, j))
    cands.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in cands:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def analyse(
    records: list[dict[str, Any]], model: QuoteModel | bool = True
) -> tuple[list[Analysis], float]:
    """The quote stage on every article (``model`` as for ``quotes.run``), and its time.

    The shipped stages the quotes stage needs run first (mentions, dates, roles).
    """
    docs = [
        Document(
            id=r["id"], text=r["text"], published=(r.get("meta") or {}).get("publication_date")
        )
        for r in records
    ]
    out = []
    elapsed = 0.0
    for a in upstream(quotes.STAGE.name, annotated("quotes_dev", docs)):
        t0 = time.perf_counter()
        quotes.run(a, model=model)
        elapsed += time.perf_counter() - t0
        out.append(a)
    return out, elapsed


def score(analyses: list[Analysis], records: list[dict[str, Any]]) -> dict[str, float]:
    tp = n_pred = n_gold = 0
    spk_ok = spk_n = 0
    d_tp = d_pred = d_gold = 0
    ds_ok = ds_n = 0
    for a, r in zip(analyses, records, strict=True):
        golds = r["quotes"]
        preds = a.quotes
        pairs = match(preds, golds)
        tp += len(pairs)
        n_pred += len(preds)
        n_gold += len(golds)
        for i, j in pairs:
            ok = speaker_right(preds[i], golds[j])
            spk_ok += ok
            spk_n += 1
            if golds[j]["kind"] == "direct":
                ds_ok += ok
                ds_n += 1
        gd = [norm(g["text"]) for g in golds if g["kind"] == "direct"]
        pdir = [norm(q.text) for q in preds if q.kind == "direct"]
        d_gold += len(gd)
        d_pred += len(pdir)
        left = list(gd)
        for t in pdir:
            if t in left:
                left.remove(t)
                d_tp += 1
    _, _, f = prf(tp, n_pred, n_gold)
    p, r_, _ = prf(tp, n_pred, n_gold)
    dp, dr, df = prf(d_tp, d_pred, d_gold)
    return {
        "content_p": p,
        "content_r": r_,
        "content_f1": f,
        "speaker_acc": spk_ok / spk_n if spk_n else 0.0,
        "direct_exact_p": dp,
        "direct_exact_r": dr,
        "direct_exact_f1": df,
        "direct_speaker_acc": ds_ok / ds_n if ds_n else 0.0,
    }


def evaluate() -> dict[str, float]:
    """The metrics on PolNeAR dev (raises FileNotFoundError when the set is absent).

    The shipped attribution model (``data/models/quotes.json``) was trained on
    PolNeAR's training split only and its thresholds selected on dev, so these
    are dev figures of the shipped stage.  ``rules_content_f1`` is the lexicon
    rules alone.
    """
    records = read_jsonl(DATA)
    if quote_model.load() is None:
        raise FileNotFoundError(
            "src/newsledger/data/models/quotes.json is missing: rebuild it with `make train`"
        )
    shipped, _ = analyse(records, model=True)
    res = score(shipped, records)
    rules, _ = analyse(records, model=False)
    res["rules_content_f1"] = score(rules, records)["content_f1"]
    return res


def main() -> None:
    if not DATA.exists():
        print(f"{DATA} not found: the PolNeAR dev set lives in ../shared/dev.")
        raise SystemExit(1)
    res = evaluate()
    print("PolNeAR dev, shipped model (trained on PolNeAR train, selected on dev)")
    print(f"{'metric':24s} {'value':>8s} {'target':>8s}")
    for k, v in res.items():
        target = f"{TARGETS[k]:8.2f}" if k in TARGETS else ""
        print(f"{k:24s} {v:8.3f} {target}")
    records = read_jsonl(DATA)
    _, elapsed = analyse(records)
    words = sum(len(r["text"].split()) for r in records)
    print(f"quotes stage: {1000 * elapsed / max(1, words) * 500:.2f} ms per 500 words")


if __name__ == "__main__":
    main()
