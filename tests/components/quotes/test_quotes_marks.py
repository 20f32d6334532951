"""Quotation marks: pairing, paragraphs, unbalanced marks (no spaCy needed)."""

from __future__ import annotations

from newsledger.components.quotes.marks import find_marked


def contents(text: str) -> list[list[str]]:
    return [[text[s:e] for s, e in m.fragments] for m in find_marked(text)]


def test_curly_straight_and_guillemets() -> None:
    text = 'He said “yes” and then "no", then « peut-être » and „vielleicht“.'
    assert contents(text) == [["yes"], ["no"], ["peut-être"], ["vielleicht"]]


def test_latex_style_marks() -> None:
    assert contents("``It works,'' she said.") == [["It works,"]]


def test_single_quotes_inside_double_are_content() -> None:
    text = "\"They told me 'never again' twice,\" she said."
    assert contents(text) == [["They told me 'never again' twice,"]]


def test_apostrophes_are_not_quotes() -> None:
    assert contents("Don't touch the mayor's car; it's 'borrowed'.") == [["borrowed"]]


def test_interrupted_quote_gives_two_stretches() -> None:
    text = "“The bridge is safe,” the engineer said, “and it will stay open.”"
    assert contents(text) == [["The bridge is safe,"], ["and it will stay open."]]


def test_quote_running_over_paragraphs() -> None:
    text = "“First paragraph of the speech.\n\n“Second paragraph.\n\n“Last one,” she said."
    marked = find_marked(text)
    assert len(marked) == 1
    assert [text[s:e] for s, e in marked[0].fragments] == [
        "First paragraph of the speech.",
        "Second paragraph.",
        "Last one,",
    ]


def test_stray_punctuation_paragraph_inside_a_quote() -> None:
    text = "“It started long ago\n\n,\n\n” he adds. Then it grew."
    marked = find_marked(text)
    assert [text[s:e] for s, e in marked[0].fragments] == ["It started long ago"]
    assert marked[0].closed and marked[0].outer_end == text.index("” he") + 1


def test_unclosed_quote_ends_with_its_paragraph() -> None:
    text = "“Nobody closed this one\n\nA new paragraph with “a quote” in it."
    marked = find_marked(text)
    assert [text[s:e] for s, e in marked[0].fragments] == ["Nobody closed this one"]
    assert not marked[0].closed
    assert [text[s:e] for s, e in marked[1].fragments] == ["a quote"]


def test_closing_mark_without_opening_one() -> None:
    text = "The harbour will flood,” explains Ana Ruiz. Others disagree."
    marked = find_marked(text)
    assert not marked[0].opened
    assert text[marked[0].start : marked[0].end] == "The harbour will flood,"


def test_mark_typed_the_wrong_way_round() -> None:
    text = ': "If we wait, the river rises, "he said.'
    assert contents(text) == [["If we wait, the river rises,"]]


def test_trailing_closing_mark_after_a_space() -> None:
    text = '"One," adds Ana Ruiz. They also have boats ".'
    marked = find_marked(text)
    assert next(text[m.start : m.end] for m in marked) == "One,"
    assert text[marked[-1].start : marked[-1].end].endswith("They also have boats")


def test_spans_are_ordered_and_inside_the_text() -> None:
    text = "« a » “b” \"c\" ‘d’ ``e'' „f“"
    marked = find_marked(text)
    assert [m.outer_start for m in marked] == sorted(m.outer_start for m in marked)
    for m in marked:
        assert 0 <= m.outer_start <= m.start <= m.end <= m.outer_end <= len(text)
