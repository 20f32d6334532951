"""A surname on a team sheet keeps the initial before it (fictional reports)."""

from __future__ import annotations

from tests.components.mentions.test_mentions import entities

SHEET = "Wexham: R Ode; S Easterby, J Kell, G Easterby; M Davies, A Jones; T Brack."


def test_two_players_of_one_surname_keep_their_initials_apart() -> None:
    ents = entities(SHEET, ("Easterby", "PERSON"), ("Jones", "PERSON"))
    names = sorted(e.name for e in ents if e.type == "PERSON")
    assert names == ["A Jones", "G Easterby", "S Easterby"]
    for e in ents:
        (m,) = e.mentions
        assert m.text == e.name


def test_an_article_or_a_pronoun_is_no_initial() -> None:
    text = "Sales rose. A Mori poll found that I Morrow was wrong, said Ed Lusk."
    ents = entities(text, ("Mori", "PERSON"), ("Morrow", "PERSON"), ("Ed Lusk", "PERSON"))
    assert sorted(e.name for e in ents) == ["Ed Lusk", "Mori", "Morrow"]
