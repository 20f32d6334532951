"""Sports reports and their clubs (components/ner/sports.py), on fictional text."""

from __future__ import annotations

from newsledger.components.ner.sports import _sports_text
from tests.components.ner.test_nerfix import labels_of, make

# a short football report with no goals, strikers or fixtures: told by its other words
REPORT = (
    "Vance said his second-string side lost away in the Champions League . "
    "They finished second in the group behind Leicester . "
    "We had no complaints about the scoreline and the runners-up can still hope ."
)


def test_a_short_report_is_told_by_its_match_vocabulary() -> None:
    assert _sports_text(REPORT)
    assert not _sports_text(
        "The Paris Club of creditor nations met the club of lenders ; the club said the club "
        "would meet again and the club chairman and the club staff agreed ."
    )


def test_a_towns_name_in_a_short_report_is_its_club() -> None:
    a = make(REPORT, [("Vance", "PERSON"), ("Champions League", "EVENT"), ("Leicester", "PERSON")])
    assert labels_of(a, "Leicester") == ["ORG"]


def test_a_cup_is_an_event() -> None:
    a = make("Their Varlow Cup exit hurt .", [("Varlow Cup", "FAC")])
    assert labels_of(a, "Varlow Cup") == ["EVENT"]


def test_a_non_prefix_is_no_name() -> None:
    a = make(
        "Non-EU exports rose while non-Kessaly imports fell .",
        [("Non-EU", "ORG"), ("non-Kessaly", "NORP")],
    )
    assert labels_of(a, "Non-EU") == []
    assert labels_of(a, "non-Kessaly") == []


def test_opens_and_tournaments_are_events() -> None:
    text = "She won the Varlow Open and the Kessaly Indoor Tournament ."
    a = make(text, [("Varlow Open", "WORK_OF_ART"), ("Kessaly Indoor Tournament", "ORG")])
    assert labels_of(a, "Varlow Open") == ["EVENT"]
    assert labels_of(a, "Kessaly Indoor Tournament") == ["EVENT"]


# a short report in which three clubs are named only by a word spaCy took for a person
SIDES = REPORT + (
    " Vance scored twice in a 3-1 win over Brakova and the striker was booked against "
    "Ostrel . The keeper is set to join Dunmarr on a month's loan after the defeat ."
)


def test_a_one_word_side_or_club_in_a_sports_report_is_a_body() -> None:
    spans = [
        ("Vance", "PERSON"),
        ("Brakova", "PERSON"),
        ("Ostrel", "PERSON"),
        ("Dunmarr", "PERSON"),
    ]
    a = make(SIDES, spans)
    assert _sports_text(SIDES)
    for club in ("Brakova", "Ostrel", "Dunmarr"):
        assert labels_of(a, club) == ["ORG"], club
    assert set(labels_of(a, "Vance")) == {"PERSON"}


def test_a_player_beaten_by_name_stays_a_person() -> None:
    # "Roger Brakova" names the rival in full: "a win over Brakova" is the player
    text = "Roger Brakova lost the final . " + SIDES
    spans = [("Roger Brakova", "PERSON"), ("Brakova", "PERSON"), ("Ostrel", "PERSON")]
    a = make(text, spans)
    assert labels_of(a, "Brakova") == ["PERSON"]
    assert labels_of(a, "Ostrel") == ["ORG"]
    # a known given name is a person too ("against Martin")
    given = "The striker was booked against Martin after the defeat in the second half ."
    assert labels_of(make(given + " " + SIDES, [("Martin", "PERSON")]), "Martin") == ["PERSON"]


def test_a_given_name_the_report_gives_in_full_stays_a_person() -> None:
    # "Ostrel Kahn" names the rival in full: "against Ostrel" is the player
    text = "Ostrel Kahn lost the final . " + SIDES
    a = make(text, [("Ostrel Kahn", "PERSON"), ("Ostrel", "PERSON"), ("Dunmarr", "PERSON")])
    assert labels_of(a, "Ostrel") == ["PERSON"]
    assert labels_of(a, "Dunmarr") == ["ORG"]


def test_a_players_name_elsewhere_in_the_report_is_the_player() -> None:
    text = (
        "RUGBY UNION - DUNMORE 27 KELSO 27 .\n"
        "Dunmore drew with Kelso in the league on Saturday after a late try and a penalty "
        "in the match .\n"
        "Replacements : Peel , Varley , Osterman , Parling , Sititi , Brandt .\n"
        "Sin bin : Varley , Osterman .\n"
    )
    spans = [("Varley", "ORG"), ("Osterman", "PERSON"), ("Varley", "ORG"), ("Osterman", "GPE")]
    a = make(text, spans)
    assert labels_of(a, "Varley") == ["PERSON", "PERSON"]
    assert labels_of(a, "Osterman") == ["PERSON", "PERSON"]


def test_a_short_line_of_substitutes_names_players() -> None:
    text = (
        "Vance scored twice in the league match and the striker hit the post .\n"
        "Subs not used : Lehmark , Varosi , Kellin .\n"
        "Venues : Ostrel , Varosi .\n"
    )
    a = make(text, [("Vance", "PERSON"), ("Varosi", "GPE"), ("Kellin", "ORG")])
    assert labels_of(a, "Kellin") == ["PERSON"]
    assert "PERSON" in labels_of(a, "Lehmark")
    assert labels_of(a, "Ostrel") == []  # a short line with another label is no line-up


def test_team_sheets_inside_a_line_of_prose_name_players() -> None:
    # no match words: the labelled list of replacements tells a team sheet; the lists
    # start after a full stop inside one line of prose
    text = (
        "Friday's game at Brennock got the go-ahead after an early inspection. "
        "Brennock: Vallow; Tarrant, Osgood, Pellow, Drane; Marsk, Hollin. "
        "Replacements: Corvan, Ashby, Treller, Quarrie.\n"
    )
    spans = [("Tarrant", "GPE"), ("Ashby", "GPE"), ("Treller", "ORG")]
    a = make(text, spans)
    assert labels_of(a, "Tarrant") == ["PERSON"]
    assert labels_of(a, "Ashby") == ["PERSON"]
    assert labels_of(a, "Treller") == ["PERSON"]
    assert labels_of(a, "Brennock") == []  # the label names the side, not a player


def test_replacements_from_pairs_name_players() -> None:
    text = (
        "The hooker and the flanker start in the league match against the champions .\n"
        "Replacements (from): Buckmore/Cottrell, Varrin, Kade.\n"
    )
    a = make(text, [("Buckmore", "ORG"), ("Varrin", "GPE")])
    assert labels_of(a, "Buckmore") == ["PERSON"]
    assert labels_of(a, "Varrin") == ["PERSON"]


def test_a_short_results_line_of_initials_and_clubs_names_athletes() -> None:
    text = (
        "The squad for the indoor championships was named after the trials , where the "
        "sprinters won their heats and the relay team took gold .\n"
        "K Varden (Harlow AC), A Tessop (Marlow Harriers), B Quell (Dunmore AC).\n"
    )
    a = make(text, [("Tessop", "ORG"), ("B Quell", "GPE")])
    assert labels_of(a, "Tessop") == ["PERSON"]
    assert labels_of(a, "B Quell") == ["PERSON"]


def test_a_players_full_name_before_a_score_after_a_demonym_stays_a_person() -> None:
    text = (
        "TENNIS - VANCE REACHES LAST EIGHT .\n"
        "Vance reached the last eight of the tournament , beating Italian Tomas Verrel "
        "6-1 6-3 in the second round of the match .\n"
        "Dunmore 2 Kelso 1\n"
    )
    spans = [("Vance", "PERSON"), ("Italian", "NORP"), ("Tomas Verrel", "PERSON")]
    a = make(text, spans)
    assert labels_of(a, "Tomas Verrel") == ["PERSON"]
    assert labels_of(a, "Italian") == ["NORP"]


def test_a_capitals_name_among_players_is_a_player() -> None:
    text = (
        "The league match ended in a draw after a late try and a penalty .\n"
        "Walder; May, Tait, Marrow, Stephenson; Wilkin, Grindal; Isaac, Kingston, Ward.\n"
    )
    spans = [("Walder", "PERSON"), ("Tait", "PERSON"), ("Marrow", "PERSON"), ("Kingston", "GPE")]
    a = make(text, spans)
    assert labels_of(a, "Kingston") == ["PERSON"]


def test_a_name_in_brackets_after_a_player_is_the_club() -> None:
    text = (
        "The squad for the league match was named after the try-scoring win .\n"
        "Nils Varo (Brennock), D Pell (Tarrow Sharks); Kade (Ostrel), Lenn (Varnbury).\n"
        '"But Mike (Hollin) asked me to stay," the flanker said of the coach .\n'
    )
    spans = [
        ("Nils Varo", "PERSON"),
        ("Brennock", "PERSON"),
        ("D Pell", "PERSON"),
        ("Tarrow Sharks", "PERSON"),
        ("Kade", "PERSON"),
        ("Ostrel", "PERSON"),
        ("Mike", "PERSON"),
        ("Hollin", "PERSON"),
    ]
    a = make(text, spans)
    assert labels_of(a, "Brennock") == ["ORG"]
    assert labels_of(a, "Tarrow Sharks") == ["ORG"]
    assert labels_of(a, "Ostrel") == ["ORG"]
    assert labels_of(a, "Hollin") == ["PERSON"]  # the coach's surname, not a club


def test_a_player_after_a_nationality_before_a_score_is_a_person() -> None:
    text = (
        "TENNIS - VANCE WINS .\n"
        "Earlier , Vance defeated American Jan-Tomas Verrel 6-3 7-6 in the first round .\n"
    )
    a = make(text, [("Vance", "PERSON"), ("American", "NORP")])
    assert labels_of(a, "Jan-Tomas Verrel") == ["PERSON"]
    assert labels_of(a, "American") == ["NORP"]
