"""A country's name in a sports report: its national team when named as a side in a match."""

from __future__ import annotations

from newsledger.components.mentions.towns import next_word
from newsledger.core.model import Entity
from tests.components.mentions.test_mentions import entities

MATCH = (
    "Italy coach Paolo Versano named an unchanged side for Saturday's friendly with Russia. "
    "The striker scored twice in the cup and the midfielder was booked before half-time, "
    "when the defender and the goalkeeper collided. Versano praised the fans."
)
DEAL = "Russia and Italy signed a gas deal on Monday, and Italy will build a new terminal."


def types(ents: list[Entity], name: str) -> set[str]:
    return {e.type for e in ents if e.name == name}


def test_a_country_named_as_a_side_in_a_sports_report_is_its_team() -> None:
    ents = entities(MATCH, ("Italy", "GPE"), ("Russia", "GPE"), ("Paolo Versano", "PERSON"))
    assert types(ents, "Italy") == {"ORG"}  # "Italy coach"
    assert types(ents, "Russia") == {"ORG"}  # "friendly with Russia"
    assert types(ents, "Paolo Versano") == {"PERSON"}
    assert all(m.type == "ORG" for e in ents if e.name == "Russia" for m in e.mentions)


def test_a_country_in_another_report_stays_the_country() -> None:
    ents = entities(DEAL, ("Russia", "GPE"), ("Italy", "GPE"))
    assert types(ents, "Russia") == {"GPE"} and types(ents, "Italy") == {"GPE"}
    assert types(entities(DEAL, ("Russia", "ORG")), "Russia") == {"GPE"}


def test_a_country_as_a_place_or_a_nationality_in_a_sports_report_stays_the_country() -> None:
    placed = MATCH.replace("friendly with Russia", "friendly in Russia")
    assert types(entities(placed, ("Russia", "GPE")), "Russia") == {"GPE"}
    nation = MATCH.replace("friendly with Russia", "friendly with Russia's Igor Belov")
    assert types(entities(nation, ("Russia", "GPE")), "Russia") == {"GPE"}


def test_next_word_passes_a_possessive() -> None:
    assert next_word("Italy's coach said", 5) == "coach"
    assert next_word("Italy coach", 5) == "coach"
    assert next_word("Italy. The", 5) == ""


def test_a_result_against_a_country_names_its_team() -> None:
    lost = MATCH.replace("friendly with Russia", "friendly, a month after a loss to Russia")
    assert types(entities(lost, ("Russia", "GPE")), "Russia") == {"ORG"}
    moved = MATCH.replace("friendly with Russia", "friendly, a month after a move to Russia")
    assert types(entities(moved, ("Russia", "GPE")), "Russia") == {"GPE"}
