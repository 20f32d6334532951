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
    tennis = (
        "Top seed Marek Vanta beat Russia's Igor Belov 6-3 6-4 in the second round of the "
        "tournament, serving 14 aces; the tiebreak, the rally and the baseline game decided it."
    )
    assert types(entities(tennis, ("Russia", "GPE")), "Russia") == {"GPE"}  # his nation


def test_next_word_passes_a_possessive() -> None:
    assert next_word("Italy's coach said", 5) == "coach"
    assert next_word("Italy coach", 5) == "coach"
    assert next_word("Italy. The", 5) == ""


def test_a_result_against_a_country_names_its_team() -> None:
    lost = MATCH.replace("friendly with Russia", "friendly, a month after a loss to Russia")
    assert types(entities(lost, ("Russia", "GPE")), "Russia") == {"ORG"}
    moved = MATCH.replace("friendly with Russia", "friendly, a month after a move to Russia")
    assert types(entities(moved, ("Russia", "GPE")), "Russia") == {"GPE"}


CLUB = (
    "Everton manager Tom Reade must decide whether to cash in on the Norway midfield man "
    "before the window shuts. The striker scored twice, the defender was booked and the "
    "goalkeeper saved a penalty before half-time. Reade praised the fans."
)


def test_a_country_before_a_match_word_names_its_team() -> None:
    # "the Norway midfield man", "missed the Norway match": the side, in a club's report too
    assert types(entities(CLUB, ("Norway", "GPE")), "Norway") == {"ORG"}
    missed = CLUB.replace(
        "cash in on the Norway midfield man", "sell the winger who missed the Norway match"
    )
    assert types(entities(missed, ("Norway", "GPE")), "Norway") == {"ORG"}
    moved = CLUB.replace(
        "cash in on the Norway midfield man", "sell the winger to a club in Norway"
    )
    assert types(entities(moved, ("Norway", "GPE")), "Norway") == {"GPE"}


def test_a_place_preposition_before_a_sides_possessive_names_the_side() -> None:
    # "named in Norway's squad" is the side's squad, not the country
    squad = CLUB.replace(
        "cash in on the Norway midfield man", "let the winger named in Norway's squad go"
    )
    assert types(entities(squad, ("Norway", "GPE")), "Norway") == {"ORG"}


RUGBY = (
    "Wales coach Ian Brice named his side to face Italy on Saturday. The prop destroyed "
    "Samoa's Tavita Leota in the scrum last autumn, and the flanker, the hooker and the "
    "fly-half all kept their places for the try-line work at the line-out."
)


def test_a_countrys_player_in_a_team_sports_match_report_names_its_side() -> None:
    ents = entities(RUGBY, ("Wales", "GPE"), ("Italy", "GPE"), ("Samoa", "GPE"))
    assert types(ents, "Samoa") == {"ORG"}  # "Samoa's Tavita Leota in the scrum": the side's
    toured = RUGBY.replace("destroyed Samoa's Tavita Leota in the scrum", "toured in Samoa")
    assert types(entities(toured, ("Wales", "GPE"), ("Samoa", "GPE")), "Samoa") == {"GPE"}
