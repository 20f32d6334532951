"""Cues that a name taken for a person is a firm or a place: "X said it", employers, "from X"."""

from __future__ import annotations

from newsledger.components.ner.not_person import plural_group
from newsledger.components.ner.rules import Doc
from newsledger.components.ner.tables import tables
from tests.components.ner.test_nerfix import labels_of, make


def test_a_name_that_says_it_is_a_firm() -> None:
    text = "Brellmor said it would cut 200 jobs. Brellmor said that its sales fell."
    a = make(text, [("Brellmor", "PERSON"), ("Brellmor", "PERSON")])
    assert labels_of(a, "Brellmor") == ["ORG", "ORG"]


def test_a_name_that_says_he_stays_a_person() -> None:
    text = "Brellmor said he would cut 200 jobs. Brellmor said that his sales fell."
    a = make(text, [("Brellmor", "PERSON"), ("Brellmor", "PERSON")])
    assert labels_of(a, "Brellmor") == ["PERSON", "PERSON"]


def test_an_employer_after_a_job_title_is_a_firm() -> None:
    text = "Jim Lanzo, vice president of search properties at Vantor Quest, was pleased."
    a = make(text, [("Jim Lanzo", "PERSON"), ("Vantor Quest", "PERSON")])
    assert labels_of(a, "Vantor Quest") == ["ORG"]
    assert labels_of(a, "Jim Lanzo") == ["PERSON"]
    sport = "The striker scored twice at Vantor Quest on Saturday."
    assert labels_of(make(sport, [("Vantor Quest", "PERSON")]), "Vantor Quest") == ["PERSON"]


def test_a_name_after_a_company_noun_in_apposition_is_a_firm() -> None:
    text = "The chairman of Ostland's biggest bank, Varnok Hispano, was charged on Monday."
    a = make(text, [("Varnok Hispano", "PERSON")])
    assert labels_of(a, "Varnok Hispano") == ["ORG"]
    team = "He was dropped from the team, Varnok Hispano, the coach said on Monday."
    assert labels_of(make(team, [("Varnok Hispano", "PERSON")]), "Varnok Hispano") == ["PERSON"]


def test_a_name_beside_firms_is_a_firm_but_not_one_with_a_given_name() -> None:
    text = (
        "Fiat may merge Brellati and Torvani. Torvani and Brellati share costs, and "
        "Brellati and Torvani sell 10,000 cars."
    )
    firms = [("Brellati", "PERSON"), ("Torvani", "ORG")] * 3
    a = make(text, [firms[0], firms[1], firms[3], firms[2], firms[4], firms[5]])
    assert labels_of(a, "Brellati") == ["ORG", "ORG", "ORG"]
    named = text.replace("Brellati", "John Brellati")
    people = [(("John Brellati", "PERSON") if n == "Brellati" else (n, t)) for n, t in firms]
    b = make(named, [people[0], people[1], people[3], people[2], people[4], people[5]])
    assert labels_of(b, "John Brellati") == ["PERSON", "PERSON", "PERSON"]


def test_where_someone_comes_from_is_a_place() -> None:
    text = "Ann Vane, a singer from Dartford, won. Her fans from Dartford cheered."
    a = make(text, [("Ann Vane", "PERSON"), ("Dartford", "PERSON"), ("Dartford", "PERSON")])
    assert labels_of(a, "Dartford") == ["GPE", "GPE"]
    people = "Doctors said Dartford people would wait longer. Dartford agreed."
    b = make(people, [("Dartford", "PERSON"), ("Dartford", "PERSON")])
    assert labels_of(b, "Dartford") == ["GPE", "GPE"]


def test_a_letter_from_a_person_keeps_the_person() -> None:
    text = "Ann Vane read a letter from Merrow. Merrow said he was sorry."
    a = make(text, [("Ann Vane", "PERSON"), ("Merrow", "PERSON"), ("Merrow", "PERSON")])
    assert labels_of(a, "Merrow") == ["PERSON", "PERSON"]


def test_a_band_in_apposition_with_who_is_a_body() -> None:
    text = "The Ostland rock band Velvet Harrow, who formed in 2001, will tour in May."
    a = make(text, [("Velvet Harrow", "PERSON")])
    assert labels_of(a, "Velvet Harrow") == ["ORG"]
    # a singer's name with "who" stays a person
    singer = "The Ostland singer Velvet Harrow, who formed a band in 2001, will tour in May."
    assert labels_of(make(singer, [("Velvet Harrow", "PERSON")]), "Velvet Harrow") == ["PERSON"]


VERBS = {"say": "VERB", "said": "VERB", "voted": "VERB", "also": "ADV", "the": "DET", "The": "DET"}


def test_a_plural_after_the_that_acts_is_a_body() -> None:
    text = "The Vel Dorans say the tax is unfair. On Monday the Vel Dorans also voted against it."
    a = make(text, [("Vel Dorans", "PERSON"), ("Vel Dorans", "PERSON")], VERBS)
    assert labels_of(a, "Vel Dorans") == ["ORG", "ORG"]


def test_a_family_or_a_title_stays_a_person() -> None:
    family = make("The Johns said they are happy.", [("Johns", "PERSON")], VERBS)
    d = Doc(family)
    start = d.text.index("Johns")
    ts, te = d.tok_range(start, start + len("Johns"))
    assert not plural_group(d, ts, te, "Johns", tables().given)  # a given name: a family
    # the same words, of no given name, are a body
    assert plural_group(d, ts, te, "Johns", frozenset())
    # a title's "The" inside a sentence ("Meet The Vantors said it all")
    title = Doc(make("She said Meet The Vantors said it all.", [("Vantors", "PERSON")], VERBS))
    start = title.text.index("Vantors")
    ts, te = title.tok_range(start, start + len("Vantors"))
    assert not plural_group(title, ts, te, "Vantors", frozenset())


def test_a_one_word_group_no_table_knows_is_a_body() -> None:
    text = "Shares in Brellnext rose while Ostlish voters and Conservative MPs and Kenyans met."
    spans = [
        ("Brellnext", "NORP"),
        ("Ostlish", "NORP"),
        ("Conservative", "NORP"),
        ("Kenyans", "NORP"),
    ]
    a = make(text, spans)
    assert labels_of(a, "Brellnext") == ["ORG"]
    # a demonym's ending, a party's adjective or a plural people stay a group of people
    for group in ("Ostlish", "Conservative", "Kenyans"):
        assert labels_of(a, group) == ["NORP"], group


def test_a_town_typed_as_a_group_is_the_town_not_a_firm() -> None:
    # "the Dartford disaster": a town's name standing for an event, not a firm (bodies.py)
    a = make("Fans recalled the 1989 Dartford disaster.", [("Dartford", "NORP")])
    assert labels_of(a, "Dartford") == ["GPE"]


def test_a_name_ending_in_a_country_after_no_given_name_is_a_firm() -> None:
    text = "Kessnet Austria is now considering new projects , said the head of Kessnet Austria ."
    a = make(text, [("Kessnet Austria", "PERSON"), ("Kessnet Austria", "PERSON")])
    assert labels_of(a, "Kessnet Austria") == ["ORG", "ORG"]
    b = make("Michael Jordan scored again , and Jordan smiled .", [("Michael Jordan", "PERSON")])
    assert labels_of(b, "Michael Jordan") == ["PERSON"]


def test_a_name_before_a_newspaper_after_the_is_no_person() -> None:
    text = "He was quoted in the Warbler newspaper saying he would stay ."
    a = make(text, [("Warbler", "PERSON")])
    assert labels_of(a, "Warbler") == ["ORG"]


def test_a_given_name_and_surname_saying_it_stay_a_person() -> None:
    # "X said it": a firm, unless X is a given name and a surname
    text = "On Monday David Vesk said it was not possible to overstate the issue ."
    a = make(text, [("David Vesk", "PERSON")])
    assert labels_of(a, "David Vesk") == ["PERSON"]
    b = make("Varnok said it was not possible to overstate the issue .", [("Varnok", "PERSON")])
    assert labels_of(b, "Varnok") == ["ORG"]


def test_a_town_and_a_compass_word_is_a_seat_not_a_person() -> None:
    text = "On Tuesday he will visit Leeds North West , where the MP won ."
    a = make(text, [("Leeds North West", "PERSON")])
    assert labels_of(a, "Leeds North West") == ["GPE"]
    b = make("The rapper Ellis West sang .", [("Ellis West", "PERSON")])
    assert labels_of(b, "Ellis West") == ["PERSON"]


def test_the_body_a_spokesman_speaks_for_is_no_person() -> None:
    text = "Ann Vane , a spokesman for Kestrail , said the plan stands . Kestrail will wait ."
    a = make(text, [("Ann Vane", "PERSON"), ("Kestrail", "PERSON"), ("Kestrail", "PERSON")])
    assert labels_of(a, "Kestrail") == ["ORG", "ORG"]
    b = make("No one at Varnok was available .", [("Varnok", "PERSON")])
    assert labels_of(b, "Varnok") == ["ORG"]
    c = make("A spokesman for Michael Tarrow said no .", [("Michael Tarrow", "PERSON")])
    assert labels_of(c, "Michael Tarrow") == ["PERSON"]


def test_a_name_a_country_owns_with_no_person_cue_is_its_firm() -> None:
    text = "The deal was signed on Monday . Later Brazil 's Varnobras could join the deal ."
    a = make(text, [("Brazil", "GPE"), ("Varnobras", "PERSON")])
    assert labels_of(a, "Varnobras") == ["ORG"]
    # a given name opens it: a person
    b = make("Britain 's Kelly Varn won .", [("Britain", "GPE"), ("Kelly Varn", "PERSON")])
    assert labels_of(b, "Kelly Varn") == ["PERSON"]
    # the report gives the surname after a given name: the person
    text = "Roberto Tarrow spoke on Monday . Brazil 's Tarrow said the deal stands ."
    c = make(text, [("Roberto Tarrow", "PERSON"), ("Brazil", "GPE"), ("Tarrow", "PERSON")])
    assert labels_of(c, "Tarrow") == ["PERSON"]
    # in a sports report a country's name owns its players
    sport = "The striker scored twice in the league match . Brazil 's Varnobras scored ."
    e = make(sport, [("Brazil", "GPE"), ("Varnobras", "PERSON")])
    assert labels_of(e, "Varnobras") == ["PERSON"]
    # the end of a longer name elsewhere ("Aung San Suu Kyi"): a person
    text = "Marta Ven Sola Kyn spoke . Later Burma 's Sola Kyn said no ."
    f = make(text, [("Burma", "GPE"), ("Sola Kyn", "PERSON")])
    assert labels_of(f, "Sola Kyn") == ["PERSON"]
