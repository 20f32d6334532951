"""Property tests: random mixes of quote marks, newlines and cue words never crash
the quote stage, and every span it emits is valid."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsledger.components.mentions import stage as mentions
from newsledger.components.quotes.marks import find_marked
from newsledger.components.quotes.stage import QUOTES_STAGE
from newsledger.core.model import Analysis, Annotated, Document, NamedSpan, Sentence, Token

MARKS = ['"', "“", "”", "‘", "’", "'", "«", "»", "„", "``", "''", "―"]
WORDS = [
    "said", "says", "told", "according", "to", "he", "she", "they", "Ana", "Ruiz",
    "the", "minister", "warned", "that", "adds", "points", "out", "of", "Harbor",
    "Institute", "estimates", "recalls", "II", "a", "quote", "is", "not", "speech",
]  # fmt: skip
PUNCT = [",", ".", ":", ";", "?", "!", "—", "-", "(", ")"]
SPACES = [" ", " ", " ", "\n", "\n\n", "\u00a0"]
DEPS = ["nsubj", "ROOT", "ccomp", "dobj", "prep", "pobj", "punct", "advmod", "appos",
        "conj", "cc", "parataxis", "xcomp", "aux", "mark", "relcl", "acl", "compound",
        "det", "amod", "agent", "nsubjpass", "dative", "npadvmod", "prt", "poss"]  # fmt: skip
POS = ["VERB", "NOUN", "PROPN", "PRON", "PUNCT", "ADP", "DET", "ADJ", "AUX", "SPACE", "NUM"]

piece = st.one_of(st.sampled_from(MARKS), st.sampled_from(WORDS), st.sampled_from(PUNCT))
texts = st.lists(st.tuples(piece, st.sampled_from(SPACES)), max_size=60).map(
    lambda parts: "".join(p + s for p, s in parts)
)


def check(a: Analysis) -> None:
    n = len(a.text)
    for q in a.quotes:
        assert 0 <= q.start <= q.end <= n
        assert a.text[q.start : q.end] == q.text
        assert q.kind in ("direct", "mixed", "indirect")
        assert q.fragments and q.fragments[0][0] == q.start and q.fragments[-1][1] == q.end
        assert all(0 <= s < e <= n for s, e in q.fragments)
        if q.cue is not None:
            assert a.text[q.cue.start : q.cue.end] == q.cue.text
        if q.speaker is not None:
            assert 0 <= q.speaker.start <= q.speaker.end <= n
    for r in a.roles:
        assert 0 <= r.start <= r.end <= n


@given(
    st.lists(st.sampled_from(MARKS + PUNCT + SPACES + ["a", "b", "c"]), max_size=200).map("".join)
)
def test_marks_never_crash_and_spans_are_valid(text: str) -> None:
    last = -1
    for m in find_marked(text):
        assert last <= m.outer_start
        last = m.outer_start
        assert m.fragments
        for s, e in m.fragments:
            assert 0 <= s < e <= len(text)
            assert m.outer_start <= s and e <= m.outer_end <= len(text)


@st.composite
def parsed(draw: st.DrawFn) -> Annotated:
    """A random text with a random (but well-formed) parse: tests robustness to any parse."""
    parts = draw(st.lists(st.tuples(piece, st.sampled_from(SPACES)), min_size=1, max_size=50))
    text = ""
    spans: list[tuple[int, int, str]] = []
    for p, sp in parts:
        spans.append((len(text), len(text) + len(p), p))
        text += p + sp
    n = len(spans)
    sent_bounds = [0] + [i + 1 for i, (_, _, p) in enumerate(spans) if p in (".", "?", "!")]
    sent_bounds = [*sorted(set(b for b in sent_bounds if b < n)), n]
    tokens: list[Token] = []
    sents: list[Sentence] = []
    for k in range(len(sent_bounds) - 1):
        lo, hi = sent_bounds[k], sent_bounds[k + 1]
        sents.append(Sentence(spans[lo][0], spans[hi - 1][1], lo, hi))
        for i in range(lo, hi):
            s, e, p = spans[i]
            head = draw(st.integers(lo, hi - 1))
            tokens.append(
                Token(
                    i,
                    s,
                    e,
                    p,
                    p.lower(),
                    draw(st.sampled_from(POS)),
                    "NN",
                    draw(st.sampled_from(DEPS)),
                    head,
                    "",
                    k,
                )
            )
    ents: list[NamedSpan] = []
    i = 0
    while i < n:
        if draw(st.booleans()) and spans[i][2][:1].isupper():
            label = draw(st.sampled_from(["PERSON", "ORG", "GPE", "NORP"]))
            ents.append(NamedSpan(spans[i][0], spans[i][1], label, spans[i][2], i, i + 1))
        i += 1
    return Annotated(Document(id="p", text=text), tuple(tokens), tuple(sents), tuple(ents))


@given(parsed())
def test_stage_never_crashes_on_any_parse(ann: Annotated) -> None:
    a = Analysis(ann)
    mentions.run(a)
    QUOTES_STAGE.run(a)
    check(a)


@pytest.fixture(scope="module")
def nlp_pipe() -> object:
    from newsledger.nlp import spacy_adapter as nlp

    return nlp


@given(texts)
@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_stage_never_crashes_on_real_parses(nlp_pipe: object, text: str) -> None:
    from newsledger.nlp import spacy_adapter as nlp

    ann = next(nlp.annotate([Document(id="p", text=text)]))
    a = Analysis(ann)
    mentions.run(a)
    QUOTES_STAGE.run(a)
    check(a)
