"""A town's name typed by its report (town or club) and a body's first word as its short form."""

from __future__ import annotations

from newsledger.components.mentions import stage as mentions
from newsledger.components.mentions.towns import is_sports_report, prev_word
from newsledger.core.model import Entity, NamedSpan
from tests.components.mentions.test_mentions import entities

MATCH = (
    "Barnsley manager Dean Fessler said his side were ready for the league match away to "
    "Wigan. The striker scored twice in the cup and the midfielder was booked before "
    "half-time, when the defender and the goalkeeper collided. Fessler praised the fans."
)
COUNCIL = (
    "The council leader of Kettering, Anna Brook, said on Monday that the town would get "
    "400 new homes. Brook said Kettering needed houses for young families."
)


def types(ents: list[Entity], name: str) -> set[str]:
    return {e.type for e in ents if e.name == name}


def test_a_town_in_a_sports_report_is_its_club() -> None:
    ents = entities(MATCH, ("Barnsley", "GPE"), ("Wigan", "GPE"), ("Dean Fessler", "PERSON"))
    assert types(ents, "Barnsley") == {"ORG"}
    assert types(ents, "Wigan") == {"ORG"}
    assert types(ents, "Dean Fessler") == {"PERSON"}
    assert all(m.type == "ORG" for e in ents if e.name == "Wigan" for m in e.mentions)


def test_a_town_after_a_place_preposition_in_a_sports_report_stays_a_place() -> None:
    text = MATCH.replace("away to Wigan", "in Wigan")
    assert types(entities(text, ("Wigan", "GPE")), "Wigan") == {"GPE"}


def test_a_town_typed_org_after_a_place_preposition_elsewhere_is_the_town() -> None:
    assert types(entities(COUNCIL, ("Kettering", "ORG")), "Kettering") == {"GPE"}
    no_prep = COUNCIL.replace("The council leader of Kettering,", "Kettering council leader")
    assert types(entities(no_prep, ("Kettering", "ORG")), "Kettering") == {"ORG"}


def test_countries_and_capitals_keep_their_type_in_a_sports_report() -> None:
    text = MATCH.replace("Wigan", "France")
    assert types(entities(text, ("France", "GPE")), "France") == {"GPE"}


def test_prev_word() -> None:
    assert prev_word("the leader of  Kettering", 15) == "of"
    assert prev_word("Kettering", 0) == ""
    assert prev_word("in, Kettering", 4) == "in"


def test_a_first_word_is_the_short_form_of_the_one_longer_name_it_opens() -> None:
    text = "Shares in Corvane Systems rose. Corvane said it would hire 300 engineers."
    ents = entities(text, ("Corvane Systems", "ORG"), ("Corvane", "ORG"))
    assert len(ents) == 1
    assert ents[0].name == "Corvane Systems" and ents[0].aliases == ("Corvane",)


def test_a_first_word_of_two_longer_names_stays_alone() -> None:
    text = "Tarnow United beat Tarnow City. Tarnow fans sang."
    ents = entities(text, ("Tarnow United", "ORG"), ("Tarnow City", "ORG"), ("Tarnow", "ORG"))
    assert len(ents) == 3


def test_short_forms_join_only_bodies() -> None:
    text = "Shares in Corvane Systems rose. Corvane said it was pleased."
    ents = entities(text, ("Corvane Systems", "ORG"), ("Corvane", "PERSON"))
    assert len(ents) == 2


def test_at_a_town_in_a_sports_report_is_at_its_club() -> None:
    text = MATCH.replace("away to Wigan", "at Wigan")
    assert types(entities(text, ("Wigan", "GPE")), "Wigan") == {"ORG"}


def test_a_review_that_mentions_playing_is_not_a_sports_report() -> None:
    text = (
        "The actor played a writer in the film and drew praise from critics in Hollywood, "
        "where he won an award. Wigan-born director Tom Reyes said the win was deserved."
    )
    assert not is_sports_report(text)
    assert is_sports_report(MATCH)


def test_most_mentions_decide_place_or_club() -> None:
    text = MATCH + " Wigan have won five games. Wigan are top of the league."
    text = text.replace("away to Wigan", "in Wigan")
    ents = entities(text, ("Wigan", "GPE"))
    club = [e for e in ents if e.name == "Wigan" and e.type == "ORG"]
    assert len(club) == 1 and len(club[0].mentions) == 2
    # the match "in Wigan" is played in the town: that mention is the town, apart from its club
    (town,) = [e for e in ents if e.name == "Wigan" and e.type == "GPE"]
    assert [text[m.start - 3 : m.end] for m in town.mentions] == ["in Wigan"]


def test_a_word_cut_from_a_longer_name_names_the_entity() -> None:
    text = "The move pleased Real Madrid general manager Ana Vidal. Real Madrid fans cheered."
    ents = entities(text, ("Madrid", "GPE"), ("Ana Vidal", "PERSON"))
    madrid = [e for e in ents if e.type == "GPE"]
    assert [e.name for e in madrid] == ["Real Madrid"]
    assert madrid[0].aliases == ("Madrid",)
    assert [(m.text) for m in madrid[0].mentions] == ["Madrid", "Madrid"]


def test_a_title_before_a_place_name_makes_a_person() -> None:
    text = "The last prime minister so young was Lord Liverpool, in 1812."
    assert [e.name for e in entities(text, ("Liverpool", "GPE"))] == ["Lord Liverpool"]


def test_a_peer_named_for_a_place_and_tagged_a_person_is_the_peer() -> None:
    # spaCy tags "Liverpool" of "Lord Liverpool" a person: the peer, not the city
    text = "The last prime minister so young was Lord Liverpool, in 1812."
    ents = entities(text, ("Liverpool", "PERSON"))
    assert [(e.type, e.name) for e in ents] == [("PERSON", "Lord Liverpool")]
    # other titles stay trimmed: "Mr Howard" is Howard, whatever towns bear the name
    text = "In the Commons, Mr Howard said the bill was flawed."
    assert [e.name for e in entities(text, ("Howard", "PERSON"))] == ["Howard"]


def test_a_capital_that_opens_a_sentence_or_a_title_is_no_longer_name() -> None:
    text = "Yesterday Madrid said no. Talks in Madrid resumed."
    assert [e.name for e in entities(text, ("Madrid", "GPE"))] == ["Madrid"]
    text = "Shares in Swiss Re fell. The Swiss bank said it would wait."
    names = {e.name for e in entities(text, ("Swiss", "NORP"))}
    assert names == {"Swiss"}  # one mention has no neighbour: not every mention is cut


def test_a_sentence_opening_capital_alone_is_no_longer_name() -> None:
    text = "Talks went on. Yesterday Madrid said no."
    assert [e.name for e in entities(text, ("Madrid", "GPE"))] == ["Madrid"]


def test_an_acronym_after_a_name_is_a_title_or_another_body() -> None:
    text = "Labour sources said Tory MP Ann Hale would vote. A Tory MP said no."
    assert {e.name for e in entities(text, ("Tory", "NORP"))} == {"Tory"}


def test_a_word_cut_from_a_hyphenated_name_is_named_by_the_whole() -> None:
    text = "A cross from Mensah-Darko found the striker. Later Mensah-Darko went off injured."
    ents = entities(text, ("Darko", "GPE"))
    assert [e.name for e in ents] == ["Mensah-Darko"]
    assert [m.text for m in ents[0].mentions] == ["Darko", "Darko"]
    text = "The Franco-German plan failed. Darko, a German town, voted."
    names = {e.name for e in entities(text, ("German", "NORP"), ("Darko", "GPE"))}
    assert names == {"German", "Darko"}  # one mention is not hyphenated
    text = "The US-German firm failed. Later Mensah-Darko went off. Mensah-Darko left."
    ents = entities(text, ("US", "GPE"), ("German", "NORP"), ("Mensah", "GPE"), ("Darko", "GPE"))
    names = {e.name for e in ents}
    assert "German" in names and "Mensah-Darko" in names  # "US" is a name of its own


def test_a_word_cut_from_a_longer_name_before_a_possessive_names_the_entity() -> None:
    # "Christian" of "Christian Aid's head" is the charity, not the adjective of "Christian
    # leaders" in another report
    text = "The rules were condemned by Lena Frowd, Christian Aid's head of policy."
    assert [e.name for e in entities(text, ("Christian", "NORP"))] == ["Christian Aid"]
    text = "Muslim, Hindu and Christian leaders met in Colombo."
    assert "Christian" in {e.name for e in entities(text, ("Christian", "NORP"))}


def test_a_common_noun_written_like_a_name_is_no_entity() -> None:
    text = "Pole vaulter Kate Dunn won. Pole vault: K Dunn. A Pole, Jan Nowak, was second."
    ents = entities(text, ("Pole", "NORP"), ("Kate Dunn", "PERSON"), ("Jan Nowak", "PERSON"))
    poles = [e for e in ents if e.name == "Pole"]
    assert len(poles) == 1 and len(poles[0].mentions) == 1  # "A Pole, Jan Nowak"


def test_a_span_inside_a_longer_one_is_part_of_it() -> None:
    text = "Christian Aid has called on firms to stay. Muslim and Christian leaders agreed."
    a = text.index("Christian Aid")
    b = text.index("Christian leaders")
    ents = [
        NamedSpan(a, a + 13, "ORG", "Christian Aid", 0, 0),
        NamedSpan(a, a + 9, "NORP", "Christian", 0, 0),
        NamedSpan(b, b + 9, "NORP", "Christian", 0, 0),
    ]
    _, found = mentions.group(text, ents)
    by_name = {e.name: [m.start for m in e.mentions] for e in found}
    assert by_name == {"Christian Aid": [a], "Christian": [b]}


def test_two_spans_that_spell_a_name_named_whole_elsewhere_are_that_name() -> None:
    text = "Christian Aid said no. Later Christian Aid agreed. Christian leaders met."
    a, b, c = (
        text.index(w) for w in ("Christian Aid said", "Christian Aid agreed", "Christian leaders")
    )
    ents = [
        NamedSpan(a, a + 13, "ORG", "Christian Aid", 0, 0),
        NamedSpan(b, b + 9, "NORP", "Christian", 0, 0),
        NamedSpan(b + 10, b + 13, "PERSON", "Aid", 0, 0),
        NamedSpan(c, c + 9, "NORP", "Christian", 0, 0),
    ]
    _, found = mentions.group(text, ents)
    by_name = {e.name: [m.start for m in e.mentions] for e in found}
    assert by_name == {"Christian Aid": [a, b], "Christian": [c]}
