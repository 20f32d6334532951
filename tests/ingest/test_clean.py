from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsledger.core.errors import NewsledgerError
from newsledger.core.model import Document
from newsledger.ingest.clean import clean, clean_text, default_patterns, load_patterns

ARTICLE = (
    "The council of Porto Vell met on Monday.\n\n"
    "Harbour workers photographed at dawn. © Studio Example / Example Agency\n\n"
    "\u201cWe will rebuild,\u201d said the mayor.\n\n"
    "Share on Twitter\n\n"
    "The summary of the week\n\n"
    "I subscribe\n\n"
    "Download the Example News application\n\n"
    "google-play-badge_EN"
)


def test_furniture_lines_are_dropped_and_kept_text_is_unchanged() -> None:
    d = clean(Document("x", ARTICLE))
    assert d.text == (
        "The council of Porto Vell met on Monday.\n\n\u201cWe will rebuild,\u201d said the mayor."
    )
    # every removed span is a whole run of lines of the input
    for s, _e in d.removed:
        assert s == 0 or ARTICLE[s - 1] == "\n"
    kept = "".join(
        ARTICLE[a:b]
        for a, b in zip(
            [0] + [e for _, e in d.removed], [s for s, _ in d.removed] + [len(ARTICLE)], strict=True
        )
    )
    assert kept.rstrip("\n") == d.text


def test_article_sentences_that_mention_subscribing_are_kept() -> None:
    text = "Readers who subscribe to the paper in Lisbon said prices rose.\n\nI subscribe"
    assert clean_text(text, default_patterns())[0] == text.split("\n")[0]


def test_user_patterns(tmp_path: Path) -> None:
    p = tmp_path / "extra.tsv"
    p.write_text("promo\tbuy\\s+now!?\n", encoding="utf-8")
    pats = load_patterns(p)
    assert clean_text("Body.\n\nBuy now!", pats)[0] == "Body."
    p.write_text("bad line without tab\n", encoding="utf-8")
    with pytest.raises(NewsledgerError, match=r"extra\.tsv:1"):
        load_patterns(p)


@given(
    st.lists(
        st.sampled_from(["Body text here.", "", "I subscribe", "Share", "x © y", "Lisbon"]),
        max_size=12,
    )
)
def test_clean_only_removes_whole_lines(lines: list[str]) -> None:
    text = "\n".join(lines)
    out, removed = clean_text(text, default_patterns())
    rebuilt = []
    pos = 0
    for s, e in removed:
        rebuilt.append(text[pos:s])
        pos = e
    rebuilt.append(text[pos:])
    joined = "".join(rebuilt)
    assert out in (joined, joined.rstrip("\n"))
