"""A report's sport from its own words, and what it changes in the typing of towns and
countries (fictional reports)."""

from __future__ import annotations

from newsledger.components.mentions.sport import (
    NONE,
    UNKNOWN,
    is_sports_report,
    report_sport,
    rules_stamp,
    sport_lean,
)
from tests.components.mentions.test_mentions import entities
from tests.components.mentions.test_teams import types

RUGBY = (
    "Scotland coach Ewan Brodie named fly-half Callum Rennie for the Six Nations match "
    "against Wales. Rennie kicked four penalties and the flanker scored a try when the "
    "pack won a scrum on the line. The referee sent the hooker to the sin-bin, and the "
    "captain said the squad would win the title."
)
FOOTBALL = (
    "Scotland manager Gregor Tait named striker Kenny Baird for the qualifier. Baird has "
    "scored nine goals in the Premiership, and the goalkeeper and the midfielder are fit. "
    "The referee booked the defender, and the fans saw the squad win the cup tie."
)
MIXED = (
    "Ewan Brodie said he would not quit as Scotland rugby coach after the Six Nations "
    'defeat, though the football manager was sacked. "A football coach and a rugby coach '
    'have nothing in common," he said. The referee, the captain and the squad backed him, '
    "and the fans hope for a win."
)
ATHLETICS = (
    "The sprinter Tomas Harker won the 200m at the indoor championships, set a personal "
    "best in the 60m heats and ran the relay. He flies home to Newport on Monday, and the "
    "Newport athlete said the medal and the title were his aims, as his coach and the "
    "referee of the relay agreed. The squad will win more medals."
)
COUNCIL = "Newport council will build 300 homes on the old steelworks, its leader said."


def test_a_reports_sport_is_the_sport_its_words_name() -> None:
    assert report_sport(RUGBY) == "rugby union"
    assert report_sport(FOOTBALL) == "football"
    assert report_sport(ATHLETICS) == "athletics"


def test_a_report_of_two_sports_words_is_of_unknown_sport_and_news_has_none() -> None:
    assert report_sport(MIXED) == UNKNOWN
    assert report_sport(COUNCIL) == NONE


def test_a_cue_used_as_a_verb_counts_nothing() -> None:
    # "try to" is no try: the report stays unknown rather than rugby
    tries = FOOTBALL.replace("striker Kenny Baird", "Kenny Baird, who will try to score,")
    assert report_sport(tries) == "football"
    assert report_sport(MIXED.replace("rugby", "try to")) != "rugby union"


def test_the_rules_stamp_is_stable() -> None:
    assert rules_stamp() == rules_stamp() and len(rules_stamp()) == 16


def test_a_country_in_a_team_sports_report_with_no_cue_is_its_team() -> None:
    text = RUGBY + " Italy were beaten last month and they play again in May."
    assert types(entities(text, ("Italy", "GPE")), "Italy") == {"ORG"}
    # a place in the same report stays the country
    placed = RUGBY + " The squad flies out on the tour to Italy in May."
    assert types(entities(placed, ("Italy", "GPE")), "Italy") == {"GPE"}


def test_a_town_in_an_athletics_report_is_no_club() -> None:
    assert types(entities(ATHLETICS, ("Newport", "GPE")), "Newport") == {"GPE"}
    club = ATHLETICS.replace("sprinter", "flanker").replace("200m", "match")
    club = club.replace("60m", "scrum").replace("personal best", "try").replace("indoor", "rugby")
    assert report_sport(club) != "athletics"
    assert types(entities(club, ("Newport", "GPE")), "Newport") == {"ORG"}


def test_a_town_before_its_council_outside_sport_is_the_town() -> None:
    assert types(entities(COUNCIL, ("Newport", "ORG")), "Newport") == {"GPE"}
    firm = "Newport said its profits rose, and Newport shares gained 4%."
    assert types(entities(firm, ("Newport", "ORG")), "Newport") == {"ORG"}


def test_a_country_in_a_transfer_story_names_no_side() -> None:
    # a football report that names no country as a side: "Italy" is where he may play
    transfer = (
        'The striker Kenny Baird wants to leave the Premiership club. "Italy looks good to me '
        'because it would suit my football," said Baird, whose goals won the cup. The '
        "manager, the goalkeeper and the fans want him to stay for the season."
    )
    assert report_sport(transfer) == "football"
    assert types(entities(transfer, ("Italy", "GPE")), "Italy") == {"GPE"}
    side = transfer + " Baird was in the Scotland squad that beat Wales."
    assert types(entities(side, ("Italy", "GPE"), ("Wales", "GPE")), "Italy") == {"ORG"}


def test_a_country_that_held_another_to_a_draw_is_a_side() -> None:
    # no other words name a side: "held to a draw by" makes the report one between nations
    club = FOOTBALL.replace("Scotland manager Gregor Tait", "Gregor Tait")
    held = club + " Scotland were held to a goalless draw by Italy last month."
    ents = entities(held, ("Scotland", "GPE"), ("Italy", "GPE"))
    assert types(ents, "Italy") == {"ORG"} and types(ents, "Scotland") == {"ORG"}
    ents = entities(club + " Scotland and Italy met last month.", ("Scotland", "GPE"))
    assert types(ents, "Scotland") == {"GPE"}


def test_a_towns_name_before_a_clubs_initials_is_the_club() -> None:
    text = ATHLETICS + " Jon Rees (Cardiff AAC) was second."
    ents = entities(text, ("Cardiff", "GPE"))
    assert {e.name for e in ents if "Cardiff" in e.name} == {"Cardiff AAC"}


def test_a_country_with_a_score_is_a_side() -> None:
    # "New Zealand's 45-6 win in Paris": the team, though "to New Zealand" reads as travel
    text = RUGBY + " France's capitulation to New Zealand, and New Zealand's 45-6 win in Paris."
    assert types(entities(text, ("New Zealand", "GPE")), "New Zealand") == {"ORG"}
    tour = RUGBY + " He played on the tour to New Zealand last year."
    assert types(entities(tour, ("New Zealand", "GPE")), "New Zealand") == {"GPE"}


def test_a_national_teams_report_that_names_the_country_as_a_place_keeps_both() -> None:
    text = (
        RUGBY + " He hopes for a trip to New Zealand with the Lions, to start against New Zealand."
    )
    ents = entities(text, ("New Zealand", "GPE"))
    nz = sorted((e.type, len(e.mentions)) for e in ents if e.name == "New Zealand")
    assert nz == [("GPE", 1), ("ORG", 1)]
    assert len({e.id for e in ents if e.name == "New Zealand"}) == 2


def test_a_countrys_possessive_after_a_place_word_is_still_its_side() -> None:
    text = RUGBY + " Rennie was recalled to Wales' squad, in Wales's Six Nations opener."
    text += " Wales face a tour to Wales's old rivals."
    ents = entities(text, ("Wales", "GPE"))
    assert {e.type for e in ents if e.name == "Wales"} == {"ORG"}


def test_a_country_after_the_article_is_a_side_after_a_sides_word() -> None:
    # "against the United States": the word before the article names the side
    text = RUGBY + " Rennie won his first cap against the United States last June."
    ents = entities(text, ("United States", "GPE"))
    assert types(ents, "United States") == {"ORG"}
    # "a trip to the Netherlands" stays a place beside the side "against the Netherlands"
    both = RUGBY + " After a trip to the Netherlands, he started against the Netherlands."
    ents = entities(both, ("Netherlands", "GPE"))
    assert sorted((e.type, len(e.mentions)) for e in ents if e.name == "Netherlands") == [
        ("GPE", 1),
        ("ORG", 1),
    ]


def test_a_countrys_place_mentions_keep_its_side_apart() -> None:
    # most mentions are the country as a place, one names its side: two entities
    text = (
        RUGBY
        + " The squad trains in Italy, near Rome, and lives in Italy. The Italy coach watched."
    )
    ents = entities(text, ("Italy", "GPE"))
    parts = sorted((e.type, len(e.mentions)) for e in ents if e.name == "Italy")
    assert parts == [("GPE", 2), ("ORG", 1)]
    side = next(e for e in ents if e.name == "Italy" and e.type == "ORG")
    assert text[side.mentions[0].end :].startswith(" coach")


def test_a_towns_club_keeps_a_match_in_the_town_apart() -> None:
    text = (
        RUGBY + " Penry joined Cardiff last year. Cardiff beat Leinster before the camp in Cardiff."
    )
    ents = entities(text, ("Cardiff", "GPE"))
    parts = sorted((e.type, len(e.mentions)) for e in ents if e.name == "Cardiff")
    assert parts == [("GPE", 1), ("ORG", 2)]
    # a side's words or a possessive after it, or a stake before it, keep it the club
    for tail in ("in Cardiff's 31-17 win", "in Cardiff's pack", "a stake in Cardiff"):
        own = RUGBY + f" Penry joined Cardiff last year. Cardiff beat Leinster. He wrote {tail}."
        assert types(entities(own, ("Cardiff", "GPE")), "Cardiff") == {"ORG"}, tail
    # outside team sports a town is never split
    assert types(entities(ATHLETICS, ("Newport", "GPE")), "Newport") == {"GPE"}


def test_a_report_of_no_clear_sport_leans_to_the_sport_of_most_cues() -> None:
    assert sport_lean(MIXED) == "rugby union"
    assert sport_lean(COUNCIL) == ""
    tie = "The striker and the fly-half met."
    assert report_sport(tie) in {UNKNOWN, NONE} and sport_lean(tie) == ""


def test_a_report_whose_words_clearly_name_one_sport_is_a_sports_report() -> None:
    # no match-report vocabulary, but four cues of football alone
    text = (
        "Wigan fans were angry on Monday. The FA Cup exit, after the Carling Cup and UEFA "
        "Cup exits, ended a grim soccer season for Wigan, whose owner blamed the players."
    )
    assert not is_sports_report(text) and report_sport(text) == "football"
    assert types(entities(text, ("Wigan", "GPE")), "Wigan") == {"ORG"}
    # a report of no clear sport stays outside: its towns are towns
    vague = "Wigan fans were angry on Monday after the FA Cup exit, the council said."
    assert report_sport(vague) != "football"
    assert types(entities(vague, ("Wigan", "GPE")), "Wigan") == {"GPE"}


def test_a_town_before_its_clubs_is_the_town() -> None:
    text = FOOTBALL + " The derby between the Selby clubs is on Sunday."
    assert types(entities(text, ("Selby", "GPE")), "Selby") == {"GPE"}
    one = FOOTBALL + " The derby with Selby is on Sunday."
    assert types(entities(one, ("Selby", "GPE")), "Selby") == {"ORG"}


def test_a_match_word_makes_a_side_in_a_report_of_no_clear_sport() -> None:
    # few sports words, leaning to rugby: only a match's own words make a side
    text = (
        "Fly-half Tom Reyes won his first cap in the victory over South Africa last year. "
        "The Selby prop Ed Kalman joins him, the club said on Monday."
    )
    assert not is_sports_report(text) and report_sport(text) == UNKNOWN
    ents = entities(text, ("South Africa", "GPE"), ("Selby", "GPE"))
    assert types(ents, "South Africa") == {"ORG"} and types(ents, "Selby") == {"ORG"}
    # the same names without a match's words stay places
    plain = text.replace("victory over", "tour of").replace("Selby prop", "Selby-born prop")
    ents = entities(plain, ("South Africa", "GPE"), ("Selby", "GPE"))
    assert types(ents, "South Africa") == {"GPE"} and types(ents, "Selby") == {"GPE"}
