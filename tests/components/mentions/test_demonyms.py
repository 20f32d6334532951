"""A demonym standing for a person ("the Brazilian scored") is its own entity."""

from __future__ import annotations

from newsledger.components.mentions import stage as mentions
from newsledger.components.mentions.demonyms import described_name, is_described
from newsledger.core.model import Entity, NamedSpan, Token


def parse(words: list[tuple[str, str, str, int]]) -> tuple[str, list[Token]]:
    """Text and tokens from (word, tag, dep, head index) tuples, one space apart."""
    toks: list[Token] = []
    pos = 0
    for i, (w, tag, dep, head) in enumerate(words):
        toks.append(Token(i, pos, pos + len(w), w, w.lower(), "", tag, dep, head, "", 0))
        pos += len(w) + 1
    return " ".join(w for w, *_ in words), toks


def norp(text: str, toks: list[Token], *words: str) -> list[NamedSpan]:
    return [
        NamedSpan(t.start, t.end, "NORP", t.text, t.i, t.i + 1) for t in toks if t.text in words
    ]


def names(ents: list[Entity]) -> dict[str, list[int]]:
    return {e.name: [m.start for m in e.mentions] for e in ents}


def test_the_brazilian_who_scored_is_not_the_nation() -> None:
    # "The Brazilian scored twice and Brazilian fans sang ."
    text, toks = parse(
        [
            ("The", "DT", "det", 1),
            ("Brazilian", "NNP", "nsubj", 2),
            ("scored", "VBD", "ROOT", 2),
            ("twice", "RB", "advmod", 2),
            ("and", "CC", "cc", 2),
            ("Brazilian", "JJ", "amod", 6),
            ("fans", "NNS", "nsubj", 7),
            ("sang", "VBD", "conj", 2),
            (".", ".", "punct", 2),
        ]
    )
    _, ents = mentions.group(text, norp(text, toks, "Brazilian"), tokens=toks)
    got = names(ents)
    assert got == {"the Brazilian": [4], "Brazilian": [text.index("Brazilian fans")]}
    person = next(e for e in ents if e.name == "the Brazilian")
    assert person.type == "NORP" and is_described(person.type, person.name)
    # without the parse nothing changes: one nationality entity
    _, plain = mentions.group(text, norp(text, toks, "Brazilian"))
    assert names(plain) == {"Brazilian": [4, text.index("Brazilian fans")]}


def test_a_possessor_is_a_person_a_people_and_a_title_are_not() -> None:
    # "the Spaniard 's methods" / "the British voted" / "Kenyan Bernard Lagat won"
    text, toks = parse(
        [
            ("the", "DT", "det", 1),
            ("Spaniard", "NNP", "poss", 3),
            ("'s", "POS", "case", 1),
            ("methods", "NNS", "nsubj", 4),
            ("worked", "VBD", "ROOT", 4),
            ("as", "IN", "mark", 7),
            ("the", "DT", "det", 7),
            ("British", "NNPS", "nsubj", 8),
            ("voted", "VBD", "advcl", 4),
            ("and", "CC", "cc", 4),
            ("Kenyan", "JJ", "compound", 12),
            ("Bernard", "NNP", "compound", 12),
            ("Lagat", "NNP", "nsubj", 13),
            ("won", "VBD", "conj", 4),
        ]
    )
    spans = norp(text, toks, "Spaniard", "British", "Kenyan")
    at = text.index("Bernard Lagat")
    spans.append(NamedSpan(at, at + 13, "PERSON", "Bernard Lagat", 11, 13))
    _, ents = mentions.group(text, spans, tokens=toks)
    assert set(names(ents)) == {described_name("Spaniard"), "British", "Kenyan", "Bernard Lagat"}


def test_a_singular_demonym_tagged_plural_still_describes_a_person() -> None:
    # "the South African has been appointed": spaCy tags "African" NNPS
    text, toks = parse(
        [
            ("the", "DT", "det", 2),
            ("South", "JJ", "amod", 2),
            ("African", "NNPS", "nsubjpass", 5),
            ("has", "VBZ", "aux", 5),
            ("been", "VBN", "auxpass", 5),
            ("appointed", "VBN", "ROOT", 5),
        ]
    )
    spans = [NamedSpan(4, 17, "NORP", "South African", 1, 3)]
    _, ents = mentions.group(text, spans, tokens=toks)
    assert [e.name for e in ents] == [described_name("South African")]
