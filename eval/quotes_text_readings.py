"""Issue 16 experiment (not shipped): export the readings the quote model's keep/drop trees
judge, with their text, so a transformer can read them (``eval/quotes_text_encoder.py``).

Writes, under ``$QUOTES_TEXT_DIR`` (default ``/work/cache/quotes-text``):

* ``readings_dev.jsonl``: every reading of PolNeAR dev that the shipped model passes to its
  trees, with the trees' columns ``x``, the shipped probability ``q`` and the scorer's label
  (half overlap with a gold content, as ``train/quote_attribution.py`` labels);
* ``readings_train.jsonl``: the same for the training split, with the linear scores
  cross-fitted over 5 folds of articles exactly as the trees' training rows are;
* ``readings_bbc.jsonl``: the readings of 100 BBC articles (every 22nd of
  ``../shared/corpus/news.jsonl``), for timing, with bare spaCy's and the quote stage's CPU
  time per article printed.

Each reading carries its sentence window (the sentences of the cue and the content), the
window with the cue in ``[ ]`` and the content in ``<< >>`` (``marked``), and the sentence
before.  The files hold PolNeAR text: keep them out of the repository.

Run (main venv)::

    PYTHONPATH=src:. NEWSLEDGER_ANNOTATED_CACHE=/work/cache/annotated \\
        .venv/bin/python eval/quotes_text_readings.py
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "train"))

import quote_attribution as qa  # noqa: E402
import quote_rerank as qr  # noqa: E402
from common import annotated, upstream  # noqa: E402
from newsledger.components.quotes import learned as qm  # noqa: E402
from newsledger.components.quotes import stage as quotes  # noqa: E402
from newsledger.components.quotes.rerank import features, partials  # noqa: E402
from newsledger.core.model import Annotated, Document  # noqa: E402
from newsledger.nlp import spacy_adapter as nlp  # noqa: E402
from trainkit import read_jsonl  # noqa: E402

OUT = Path(os.environ.get("QUOTES_TEXT_DIR", "/work/cache/quotes-text"))
CORPUS = HERE.parent.parent / "shared" / "corpus" / "news.jsonl"


def window(ann: Annotated, head: int, s: int, e: int) -> dict[str, Any]:
    """The sentences of cue ``head`` and content [s, e), plain and marked, and the one before."""
    toks, sents, text = ann.tokens, ann.sents, ann.doc.text
    lo = ann.token_at(s)
    hi = min(max(lo, ann.token_at(e) - 1), len(toks) - 1)
    s0 = min(toks[head].sent, toks[lo].sent)
    s1 = max(toks[head].sent, toks[hi].sent)
    ws, we = toks[sents[s0].token_start].start, toks[sents[s1].token_end - 1].end
    prev = ""
    if s0 > 0:
        ps = sents[s0 - 1]
        prev = text[toks[ps.token_start].start : toks[ps.token_end - 1].end]
    cs, ce = toks[head].start, toks[head].end
    marks = sorted(
        [(s, " << "), (e, " >> "), (cs, " [ "), (ce, " ] ")],
        key=lambda m: (m[0], 0 if m[1].strip() in (">>", "]") else 1),  # close before open
    )
    parts, pos = [], ws
    for at, mark in marks:
        at = min(max(at, ws), we)
        parts += [text[pos:at], mark]
        pos = at
    parts.append(text[pos:we])
    return {
        "win": [ws, we],
        "cue": [cs, ce],
        "marked": " ".join("".join(parts).split()),
        "plain": text[ws:we],
        "prev": prev,
    }


def export_dev() -> int:
    records = read_jsonl(qa.DEV_FILE)
    half = qa.eval_module("quotes").half_match
    model = qm.load()
    assert model is not None and model.rerank is not None
    n = 0
    with (OUT / "readings_dev.jsonl").open("w", encoding="utf-8") as fh:
        for i, (a, r) in enumerate(
            zip(qa.base_analyses("quotes_dev", records), records, strict=True)
        ):
            d, _, attrs = quotes.rule_attributions(a)
            scored = qm.first_stage(qm.raw_readings(d, attrs), model.weights, model.score)
            for q, raw, x in qm.reranked(d, scored, model, model.rerank):
                rec = {
                    "art": i,
                    "doc": a.doc.id,
                    "head": raw.head,
                    "s": raw.ext[0],
                    "e": raw.ext[1],
                    "rule": raw.rule,
                    "label": qa._label(half, r["quotes"], raw, a),
                    "x": x,
                    "q": q,
                    **window(a.annotated, raw.head, *raw.ext),
                }
                fh.write(json.dumps(rec) + "\n")
                n += 1
    return n


def export_train() -> int:
    records = read_jsonl(qa.TRAIN_FILE)
    arts = qa.training_articles(records)
    ups = qa.base_analyses("quotes_train", records)
    n = 0
    with (OUT / "readings_train.jsonl").open("w", encoding="utf-8") as fh:
        for k in range(qr.FOLDS):
            rest = [ex for i, a in enumerate(arts) if i % qr.FOLDS != k for ex in a.examples]
            w, b = qa.fit([(ex.feats, ex.label) for ex in rest], qa.C)
            score = qr._score(w, b)
            for i, art in enumerate(arts):
                if i % qr.FOLDS != k:
                    continue
                scored = [
                    (p, ex)
                    for ex in art.examples
                    if (ex.rule or qm._known_word(ex.feats, w))
                    and (p := score(ex.feats)) >= qr.FLOOR
                    and ex.reading.head >= 0
                ]
                parts = [partials(ex.feats, w, ex.rule) for _, ex in scored]
                xs = features([(p, ex.reading) for p, ex in scored], art.toks_start, parts)
                for (_, ex), x in zip(scored, xs, strict=True):
                    rd = ex.reading
                    rec = {
                        "art": i,
                        "doc": ups[i].doc.id,
                        "head": rd.head,
                        "s": rd.start,
                        "e": rd.end,
                        "rule": ex.rule,
                        "label": ex.label,
                        "x": x,
                        "q": None,
                        **window(ups[i].annotated, rd.head, rd.start, rd.end),
                    }
                    fh.write(json.dumps(rec) + "\n")
                    n += 1
            print(f"  fold {k} exported", flush=True)
    return n


def export_bbc() -> None:
    with CORPUS.open(encoding="utf-8") as fh:
        recs = [json.loads(line) for line in fh][::22][:100]
    words = sum(len(r["text"].split()) for r in recs)
    nlp.load()
    list(nlp.bare_pipe(r["text"] for r in recs[:10]))  # warm up
    c0 = time.process_time()
    for _ in nlp.bare_pipe(r["text"] for r in recs):
        pass
    bare = time.process_time() - c0
    docs = [Document(r["id"], r["text"], published="2005-01-01") for r in recs]
    ups = upstream(quotes.STAGE.name, annotated("bbc_stride22_100", docs))
    model = qm.load()
    assert model is not None and model.rerank is not None
    n, qt = 0, 0.0
    with (OUT / "readings_bbc.jsonl").open("w", encoding="utf-8") as fh:
        for a in ups:
            c1 = time.process_time()
            quotes.run(a, model=True)
            qt += time.process_time() - c1
            d, _, attrs = quotes.rule_attributions(a)
            scored = qm.first_stage(qm.raw_readings(d, attrs), model.weights, model.score)
            for q, raw, _ in qm.reranked(d, scored, model, model.rerank):
                rec = {"doc": a.doc.id, "q": q, **window(a.annotated, raw.head, *raw.ext)}
                fh.write(json.dumps(rec) + "\n")
                n += 1
    k = len(recs)
    print(f"BBC: {k} articles, {words / k:.0f} words/article, {n / k:.1f} readings/article")
    print(f"bare spaCy {1000 * bare / k:.1f} ms CPU/article; quote stage {1000 * qt / k:.2f}")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    which = sys.argv[1:] or ["dev", "train", "bbc"]
    if "dev" in which:
        print(f"dev: {export_dev()} readings", flush=True)
    if "train" in which:
        print(f"train: {export_train()} readings", flush=True)
    if "bbc" in which:
        export_bbc()


if __name__ == "__main__":
    main()
