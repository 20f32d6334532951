"""The shipped stages declare exactly the Analysis fields they read and write.

Each registered stage runs, in the derived order, on a guarded analysis that
raises when the stage reads a field it does not require (or reads one it
assigns before writing it) or sets a field it does not assign; fields it does
not assign are compared before and after, so an in-place change of a list or
dict counts as a write.  Over the documents, every declared requirement must
be read and every declared field assigned: a declaration names no more than
the code uses either.  The documents are the fictional examples in
``examples/`` and, when ``../shared`` is there, the two sample articles.
"""

from __future__ import annotations

import json
from dataclasses import fields
from typing import Any

import pytest

from newsledger import pipeline
from newsledger.core.model import Analysis, Annotated, DateRef, Document
from newsledger.core.stage import FIELDS, Stage
from tests.conftest import EXAMPLES, SAMPLE_DATES, SAMPLES

_NAMES = tuple(f.name for f in fields(Analysis))


class UndeclaredAccess(AssertionError):
    pass


class Guarded(Analysis):
    """An Analysis that lets one stage touch only the fields it declares."""

    def __init__(self, base: Analysis, stage: Stage) -> None:
        object.__setattr__(self, "_stage", None)
        super().__init__(**{n: getattr(base, n) for n in _NAMES})
        object.__setattr__(self, "_stage", stage)
        object.__setattr__(self, "_read", set())
        object.__setattr__(self, "_written", set())

    def __getattribute__(self, name: str) -> Any:
        if name in FIELDS:
            st: Stage | None = object.__getattribute__(self, "_stage")
            if st is not None:
                written: set[str] = object.__getattribute__(self, "_written")
                if name not in st.requires and name not in written:
                    raise UndeclaredAccess(f"stage {st.name!r} reads {name!r} undeclared")
                object.__getattribute__(self, "_read").add(name)
        return object.__getattribute__(self, name)

    def __setattr__(self, name: str, value: Any) -> None:
        st: Stage | None = object.__getattribute__(self, "_stage")
        if st is not None and name in FIELDS:
            if name not in st.assigns:
                raise UndeclaredAccess(f"stage {st.name!r} sets {name!r} undeclared")
            object.__getattribute__(self, "_written").add(name)
        object.__setattr__(self, name, value)

    def raw(self, name: str) -> Any:
        return object.__getattribute__(self, name)


def _snapshot(value: Any) -> Any:
    if isinstance(value, list):
        return list(value)
    if isinstance(value, dict):
        return dict(value)
    return value


def run_guarded(
    ann: Annotated,
    stages: list[Stage],
    read: dict[str, set[str]] | None = None,
    written: dict[str, set[str]] | None = None,
) -> Analysis:
    """Run the stages guarded, in order; return the analysis they made."""
    read = {} if read is None else read
    written = {} if written is None else written
    base = Analysis(ann)
    for st in stages:
        g = Guarded(base, st)
        before = {n: _snapshot(g.raw(n)) for n in _NAMES if n not in st.assigns}
        st.run(g)
        for n, v in before.items():
            assert g.raw(n) == v, f"stage {st.name!r} changed {n!r} in place, undeclared"
        read.setdefault(st.name, set()).update(g.raw("_read"))
        written.setdefault(st.name, set()).update(g.raw("_written"))
        for n in st.assigns:
            setattr(base, n, g.raw(n))
    return base


def _documents() -> list[Document]:
    docs = []
    with (EXAMPLES / "articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            docs.append(
                Document(r["id"], r["text"], title=r.get("title"), published=r["published"])
            )
    if SAMPLES.exists():
        from newsledger.ingest import clean

        for stem, published in SAMPLE_DATES.items():
            text = (SAMPLES / f"{stem}.txt").read_text(encoding="utf-8")
            docs.append(clean.clean(Document(id=stem, text=text, published=published)))
    return docs


@pytest.fixture(scope="module")
def annotated() -> list[Annotated]:
    from newsledger.nlp import spacy_adapter as nlp

    return list(nlp.annotate(_documents()))


def test_every_stage_touches_only_what_it_declares(annotated: list[Annotated]) -> None:
    read: dict[str, set[str]] = {}
    written: dict[str, set[str]] = {}
    for ann in annotated:
        guarded = run_guarded(ann, pipeline.default_stages(), read, written)
        assert guarded == pipeline.analyse(ann), "the guard changed what the stages made"
    for st in pipeline.default_stages():
        unread = set(st.requires) - read[st.name]
        assert not unread, f"stage {st.name!r} requires {unread} but never read them"
        unset = set(st.assigns) - written[st.name]
        assert not unset, f"stage {st.name!r} assigns {unset} but never set them"


def test_the_guard_catches_undeclared_reads_writes_and_in_place_changes() -> None:
    ann = Annotated(Document("g", "Nothing here."), (), (), ())

    def reads_quotes(a: Analysis) -> None:
        a.claims = list(a.quotes)

    def sets_roles(a: Analysis) -> None:
        a.roles = []

    def appends_to_dates(a: Analysis) -> None:
        a.claims = []
        a.dates.append(DateRef(0, 7, "Nothing", None, "unknown", "DATE"))

    def reads_claims_first(a: Analysis) -> None:
        a.claims.clear()

    cases = [
        (Stage("s", ("annotated",), ("claims",), reads_quotes), "reads 'quotes'"),
        (Stage("s", ("annotated",), ("claims",), sets_roles), "sets 'roles'"),
        (Stage("s", ("dates",), ("claims",), appends_to_dates), "changed 'dates' in place"),
        (Stage("s", (), ("claims",), reads_claims_first), "reads 'claims'"),
    ]
    for st, message in cases:
        with pytest.raises(AssertionError, match=message):
            run_guarded(ann, [st])
    ok = Stage("s", ("quotes",), ("claims",), reads_quotes)
    assert run_guarded(ann, [ok]).claims == []
