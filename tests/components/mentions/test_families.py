"""A surname said only as a family's name is the family, not a person (fictional reports)."""

from __future__ import annotations

from newsledger.components.mentions.families import family_name, is_family
from tests.components.mentions.test_mentions import entities

FAMILY = (
    'Shares rose. "The Venturi family has not been approached," he said. The Venturi clan owns 30%.'
)


def test_a_surname_said_only_before_family_names_the_family() -> None:
    ents = entities(FAMILY, ("Venturi", "PERSON"))
    (fam,) = [e for e in ents if e.type == "PERSON"]
    assert fam.name == "the Venturi family" == family_name("Venturi")
    assert is_family(fam.type, fam.name) and len(fam.mentions) == 2


def test_a_person_also_named_alone_stays_a_person() -> None:
    text = FAMILY + " Venturi, 81, built the firm."
    ents = entities(text, ("Venturi", "PERSON"))
    assert [e.name for e in ents if e.type == "PERSON"] == ["Venturi"]
    assert not is_family("ORG", "the Venturi family")
