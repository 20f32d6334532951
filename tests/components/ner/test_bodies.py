"""Clubs, firms, venues and competitions (components/ner/bodies.py), on fictional text."""

from __future__ import annotations

from newsledger.components.ner.rules import Doc
from newsledger.components.ner.sports import _sports_text, _sporty_text, is_sporty
from tests.components.ner.test_nerfix import labels_of, make

# a short football report (told by its match words)
MATCH = (
    "The striker scored twice and the goalkeeper saved a penalty as the league leaders "
    "extended their unbeaten run with victory in the match . "
)
# an athletics report: no team-sport words, but about sport
ATHLETICS = (
    "The sprinter won the 200m title at the indoor championships , and the hurdles "
    "went to a former Olympic medallist . "
)


def test_a_firm_bought_or_staked_in_outside_sport_is_a_body() -> None:
    text = "Korvane Group said the deal came after it bought Ostmark in 2003 ."
    a = make(text, [("Korvane Group", "ORG"), ("Ostmark", "PERSON")])
    assert labels_of(a, "Ostmark") == ["ORG"]
    stake = "Fenwold owns a 56% stake in Tarvisi , its rival ."
    assert labels_of(make(stake, [("Tarvisi", "GPE")]), "Tarvisi") == ["ORG"]
    # a footballer is bought too: never in a sports report
    sport = MATCH + "The club bought Ostmark for £2m ."
    assert labels_of(make(sport, [("Ostmark", "PERSON")]), "Ostmark") == ["PERSON"]
    # nor a film's title ("bought Flight Path" the screenplay)
    film = "The network bought Flight Path for $600 ."
    assert labels_of(make(film, [("Flight Path", "WORK_OF_ART")]), "Flight Path") == ["WORK_OF_ART"]


def test_a_bookmaker_is_a_body() -> None:
    text = "He is favourite at bookmakers Tarlo Bet this year ."
    assert labels_of(make(text, [("Tarlo Bet", "PERSON")]), "Tarlo Bet") == ["ORG"]


def test_a_name_after_a_lower_case_job_title_is_a_person() -> None:
    text = '"The risks are real," said Varnok Capital analyst Danil Ostrov , who left .'
    a = make(text, [("Varnok Capital", "ORG"), ("Danil Ostrov", "ORG")])
    assert labels_of(a, "Danil Ostrov") == ["PERSON"]
    assert labels_of(a, "Varnok Capital") == ["ORG"]


def test_a_town_typed_as_a_people_is_the_town_or_its_facility() -> None:
    text = "Two men were held in Dartford hospital after the 1990 Dartford disaster ."
    a = make(text, [("Dartford", "NORP"), ("Dartford", "NORP")])
    assert labels_of(a, "Dartford") == ["FAC", "GPE"]


def test_a_league_played_in_a_sports_report_is_the_competition() -> None:
    text = MATCH + "He misses the Varlow League clash and hopes to go far in the Varlow League ."
    a = make(text, [("Varlow League", "ORG"), ("Varlow League", "ORG")])
    assert labels_of(a, "Varlow League") == ["EVENT", "EVENT"]
    body = "The Varlow League clash was moved , the Varlow League said ."
    assert labels_of(make(body, [("Varlow League", "ORG")] * 2), "Varlow League") == ["ORG"] * 2


def test_a_team_sheet_and_test_matches_are_no_names() -> None:
    text = MATCH + "He made the starting XV after missing the autumn Tests ; Louis XV reigned ."
    a = make(text, [("XV", "PERSON"), ("Tests", "NORP"), ("Louis XV", "PERSON")])
    assert labels_of(a, "XV") == []
    assert labels_of(a, "Tests") == []
    assert labels_of(a, "Louis XV") == ["PERSON"]
    # a report with few match words: still no names
    short = "He was first choice in the autumn Tests and wants a place in the starting XV ."
    b = make(short, [("Tests", "NORP"), ("XV", "PERSON")])
    assert labels_of(b, "Tests") == [] and labels_of(b, "XV") == []


def test_a_side_by_its_fans_its_ground_or_its_match_is_a_club() -> None:
    text = (
        MATCH + "They lost 3-0 away at Brenzig . Fans came to the match between Juventa and "
        "Korvelo , and Drussel fans sang ."
    )
    spans = [("Brenzig", "FAC"), ("Juventa", "ORG"), ("Korvelo", "PERSON"), ("Drussel", "PERSON")]
    a = make(text, spans)
    for club in ("Brenzig", "Korvelo", "Drussel"):
        assert labels_of(a, club) == ["ORG"], club


def test_a_many_word_side_is_a_club_but_a_full_name_stays_a_person() -> None:
    text = (
        MATCH + "Victory against Real Varnok was vital , but he had to play against Ivo Kessler ."
    )
    a = make(text, [("Real Varnok", "FAC"), ("Ivo Kessler", "PERSON")])
    assert labels_of(a, "Real Varnok") == ["ORG"]
    assert labels_of(a, "Ivo Kessler") == ["PERSON"]


def test_a_tie_between_person_and_body_goes_to_a_weak_cue() -> None:
    text = ATHLETICS + 'A tearful Vansen told reporters : "I am happy." Vansen \'s time was good .'
    a = make(text, [("Vansen", "ORG"), ("Vansen", "PERSON")])
    assert labels_of(a, "Vansen") == ["PERSON", "PERSON"]
    # not a name cut from a longer one ("The Sunday Korrier said")
    paper = "The Sunday Korrier said it . Korrier shares fell , Korrier said ."
    got = labels_of(make(paper, [("Korrier", "PERSON"), ("Korrier", "ORG")]), "Korrier")
    assert "ORG" in got


def test_a_word_opening_a_sentence_before_a_name_in_a_line_up_is_no_player() -> None:
    text = MATCH + "\nInjured Tom Vane , Ian Roe and Sam Kell were left out ."
    spans = [("Tom Vane", "PERSON"), ("Ian Roe", "PERSON"), ("Sam Kell", "PERSON")]
    a = make(text, spans)
    assert labels_of(a, "Injured") == []
    assert labels_of(a, "Tom Vane") == ["PERSON"]


def test_a_town_before_its_race_stays_a_place() -> None:
    text = MATCH + "He won the Swindon half-marathon , then Swindon beat Wigan ."
    a = make(text, [("Swindon", "GPE"), ("Swindon", "GPE"), ("Wigan", "GPE")])
    assert labels_of(a, "Swindon") == ["GPE", "ORG"]


def test_an_athletics_report_is_about_sport_but_no_team_report() -> None:
    assert not _sports_text(ATHLETICS)
    assert is_sporty(Doc(make(ATHLETICS)))
    # "played" and "drew" four times in a film review: two match words, not dense
    film = "The actress played a nurse and drew praise ; she played it well and drew crowds . "
    review = film + "The story follows a family in a small town over one long winter . " * 20
    assert not _sporty_text(review)
    assert _sporty_text(review + ATHLETICS)


def test_a_company_head_types_the_name() -> None:
    text = "Google acquired Varnok Labs last year and Ostrel Imports saw sales fall ."
    a = make(text, [("Varnok Labs", "PERSON"), ("Ostrel Imports", "PRODUCT")])
    assert labels_of(a, "Varnok Labs") == ["ORG"]
    assert labels_of(a, "Ostrel Imports") == ["ORG"]


def test_odds_at_a_name_make_it_a_bookmaker_even_with_a_given_name() -> None:
    text = "Ann Vane has odds of 25/1 at Arthur Brill , ahead of Tom Roe ."
    a = make(text, [("Ann Vane", "PERSON"), ("Arthur Brill", "PERSON"), ("Tom Roe", "PERSON")])
    assert labels_of(a, "Arthur Brill") == ["ORG"]
    assert labels_of(a, "Tom Roe") == ["PERSON"]
    # "at" with no odds before it: a person's name stays a person
    plain = "Ann Vane waved at Arthur Brill ."
    assert labels_of(make(plain, [("Arthur Brill", "PERSON")]), "Arthur Brill") == ["PERSON"]


def test_a_subsidiary_shares_or_a_firm_called_x_make_a_firm() -> None:
    text = "The former Varlok subsidiary was sold . Varlok is suing ; Varlok said ."
    a = make(text, [("Varlok", "PERSON")] * 3)
    assert labels_of(a, "Varlok") == ["ORG"] * 3
    called = "The assets went to an unknown firm called Ostrana ."
    assert labels_of(make(called, [("Ostrana", "PERSON")]), "Ostrana") == ["ORG"]
    # in a sports report "X shares" is no stock ("Vance shares the lead")
    sport = MATCH + "Vance shares the lead ."
    assert labels_of(make(sport, [("Vance", "PERSON")]), "Vance") == ["PERSON"]


def test_a_towns_club_is_who_too_in_a_sports_report() -> None:
    text = MATCH + "Swindon , who signed him last year , won again ."
    a = make(text, [("Swindon", "PERSON")])
    assert labels_of(a, "Swindon") == ["ORG"]
    # outside sport "X, who" still marks a person
    plain = "Tom Swindon , who signed the letter , left ."
    assert labels_of(make(plain, [("Tom Swindon", "PERSON")]), "Tom Swindon") == ["PERSON"]
