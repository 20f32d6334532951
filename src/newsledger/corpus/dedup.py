"""Near-duplicate detection with MinHash LSH (datasketch) over word shingles.

Syndicated and re-published copies are found at ingest: a duplicate is linked
to its original and not analysed again.  Signatures are kept in the store so
later runs find copies of earlier documents.
"""

from __future__ import annotations

import re

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

NUM_PERM = 64
SHINGLE = 5
THRESHOLD = 0.9
_WORD = re.compile(r"\w+")
SCHEME = "affine32"  # datasketch's hashing scheme; stored signatures depend on it


def signature(text: str) -> LeanMinHash:
    words = _WORD.findall(text.casefold())
    n = max(1, len(words) - SHINGLE + 1)
    shingles = {" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(n)}
    m = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    m.update_batch(list(shingles))
    return LeanMinHash(m)


def to_bytes(sig: LeanMinHash) -> bytes:
    return bytes(np.asarray(sig.hashvalues, dtype=np.uint64).tobytes())


def from_bytes(data: bytes) -> LeanMinHash:
    hv = np.frombuffer(data, dtype=np.uint64)
    return LeanMinHash(seed=1, hashvalues=hv, scheme=SCHEME)


class DuplicateIndex:
    """An in-memory LSH index of document signatures."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.sigs: dict[str, LeanMinHash] = {}

    def __len__(self) -> int:
        return len(self.sigs)

    def add(self, doc_id: str, sig: LeanMinHash) -> None:
        if doc_id not in self.sigs:
            self.lsh.insert(doc_id, sig)
            self.sigs[doc_id] = sig

    def find(self, sig: LeanMinHash) -> tuple[str, float] | None:
        """The most similar indexed document at or above the threshold, if any."""
        best: tuple[str, float] | None = None
        for cand in self.lsh.query(sig):
            sim = float(sig.jaccard(self.sigs[cand]))
            if sim >= self.threshold and (
                best is None or sim > best[1] or (sim == best[1] and cand < best[0])
            ):
                best = (cand, sim)
        return best
