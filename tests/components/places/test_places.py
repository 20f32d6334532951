"""The places stage on small hand-built documents (no spaCy): recognition and disambiguation."""

from __future__ import annotations

import json
import re

import pytest

from newsledger.components.mentions import stage as mentions
from newsledger.components.places import stage as places
from newsledger.components.places.gazetteer import distance_km
from newsledger.components.places.geojson import to_geojson
from newsledger.core.model import Analysis, Annotated, Document, NamedSpan, Place, Sentence, Token
from newsledger.core.stage import check_order

_TOKEN = re.compile(r"[A-Z][a-z]?\.(?:[A-Z]\.)*|\w+|[^\w\s]")


def doc(text: str, ents: list[tuple[str, str]]) -> Analysis:
    """A one-sentence annotated document; ``ents`` are (surface, label) in text order."""
    toks: list[Token] = []
    for i, m in enumerate(_TOKEN.finditer(text)):
        w = m.group()
        pos = "PROPN" if w[:1].isupper() else ("PUNCT" if not w[:1].isalnum() else "NOUN")
        toks.append(Token(i, m.start(), m.end(), w, w, pos, "", "", i, "", 0))
    spans: list[NamedSpan] = []
    at = 0
    for surface, label in ents:
        s = text.index(surface, at)
        e = s + len(surface)
        at = e
        ts = next(t.i for t in toks if t.start == s)
        te = next(t.i for t in toks if t.end == e) + 1
        spans.append(NamedSpan(s, e, label, surface, ts, te))
    tokens = tuple(
        Token(
            t.i, t.start, t.end, t.text, t.lemma, t.pos, t.tag, t.dep, t.head, _label(t, spans), 0
        )
        for t in toks
    )
    ann = Annotated(
        Document("d", text), tokens, (Sentence(0, len(text), 0, len(tokens)),), tuple(spans)
    )
    a = Analysis(ann)
    mentions.run(a)
    places.run(a)
    return a


def _label(t: Token, spans: list[NamedSpan]) -> str:
    return next((sp.label for sp in spans if sp.start <= t.start < sp.end), "")


def by_text(a: Analysis) -> dict[str, Place]:
    return {p.text: p for p in a.places}


def near(p: Place, lat: float, lon: float, km: float = 161.0) -> bool:
    assert p.lat is not None and p.lon is not None
    return distance_km(p.lat, p.lon, lat, lon) <= km


def test_stage_declares_its_place_in_the_order() -> None:
    check_order([mentions.STAGE, places.STAGE])
    assert places.STAGE.assigns == ("places",)


def test_capital_and_country_resolve_with_offsets() -> None:
    text = "Officials in Kabul said the border with Tajikistan was closed."
    a = doc(text, [("Kabul", "GPE"), ("Tajikistan", "GPE")])
    got = by_text(a)
    assert got["Kabul"].country == "AF" and got["Kabul"].feature == "capital"
    assert got["Tajikistan"].country == "TJ" and got["Tajikistan"].feature == "country"
    for p in a.places:
        assert text[p.start : p.end] == p.text
        assert 0.0 <= p.confidence <= 1.0
        assert p.entity is not None  # named mentions carry their entity id


def test_qualifier_picks_the_state() -> None:
    a = doc("The fair in Paris, Texas, drew a crowd.", [("Paris", "GPE"), ("Texas", "GPE")])
    got = by_text(a)
    assert got["Paris"].country == "US" and near(got["Paris"], 33.66, -95.56)
    assert got["Texas"].feature == "adm1"


def test_abbreviated_qualifier_is_a_place_too() -> None:
    a = doc("A mill closed in Alexandria, La. on Friday.", [("Alexandria", "GPE")])
    got = by_text(a)
    assert near(got["Alexandria"], 31.31, -92.45)
    assert got["La."].name == "Louisiana"


def test_unqualified_paris_is_france_and_one_sense_per_document() -> None:
    text = "Paris hosted the talks. Later Paris sent envoys to Berlin."
    a = doc(text, [("Paris", "GPE"), ("Paris", "GPE"), ("Berlin", "GPE")])
    paris = [p for p in a.places if p.text == "Paris"]
    assert len(paris) == 2 and {p.country for p in paris} == {"FR"}
    assert paris[0].confidence == paris[1].confidence


def test_document_context_moves_an_ambiguous_city() -> None:
    text = "Police in London, north of Lake Erie, asked Ontario drivers near Toronto to slow down."
    a = doc(text, [("London", "GPE"), ("Lake Erie", "LOC"), ("Ontario", "GPE"), ("Toronto", "GPE")])
    assert by_text(a)["London"].country == "CA"
    b = doc("Police in London asked drivers to slow down.", [("London", "GPE")])
    assert by_text(b)["London"].country == "GB"


def test_demonyms_are_places_of_their_own_kind_and_context() -> None:
    text = "Tajik and Afghan forces met near Kulyab."
    a = doc(text, [("Tajik", "NORP"), ("Afghan", "NORP"), ("Kulyab", "GPE")])
    got = by_text(a)
    assert set(got) == {"Tajik", "Afghan", "Kulyab"}
    assert got["Kulyab"].country == "TJ" and got["Kulyab"].name == "Kŭlob"
    assert got["Kulyab"].kind == "name"
    assert (got["Tajik"].kind, got["Tajik"].country, got["Tajik"].feature) == (
        "demonym",
        "TJ",
        "country",
    )
    assert got["Afghan"].kind == "demonym" and got["Afghan"].country == "AF"


def test_places_inside_organisation_names_are_kind_in_name() -> None:
    text = "Kenya Airways cancelled flights while the Texas Medical Board met on Friday."
    a = doc(text, [("Kenya Airways", "ORG"), ("the Texas Medical Board", "ORG")])
    got = by_text(a)
    assert got["Kenya"].kind == "in_name" and got["Kenya"].country == "KE"
    assert got["Texas"].kind == "in_name" and got["Texas"].feature == "adm1"
    assert set(got) == {"Kenya", "Texas"}


def test_counties_resolve_to_the_county_of_the_state_named() -> None:
    text = "Deputies in Plymouth County said a storm hit Le Mars, Iowa on Tuesday."
    a = doc(text, [("Plymouth County", "GPE"), ("Le Mars", "GPE"), ("Iowa", "GPE")])
    county = by_text(a)["Plymouth County"]
    assert county.feature == "adm2" and county.country == "US"
    assert near(county, 42.78, -96.17)  # Iowa's, not Massachusetts'
    b = doc("Officers in Plymouth County, Massachusetts met.", [("Plymouth County", "GPE")])
    assert near(by_text(b)["Plymouth County"], 42.0, -70.9)


def test_non_places_are_skipped() -> None:
    text = "Paris Hilton spoke at Georgetown University on Monday."
    a = doc(text, [("Paris Hilton", "PERSON"), ("Georgetown University", "ORG")])
    assert a.places == []


def test_person_named_like_a_city_is_not_a_place() -> None:
    a = doc("Paris said she would stay.", [("Paris", "PERSON")])
    assert a.places == []


def test_mislabelled_place_is_recovered() -> None:
    a = doc("Flights to Edmonton were cancelled.", [("Edmonton", "ORG")])
    assert by_text(a)["Edmonton"].country == "CA"


def test_based_and_missed_names() -> None:
    text = "A Washington-based group said Aleppo was quiet."
    a = doc(text, [])
    got = by_text(a)
    assert got["Washington"].country == "US"
    assert got["Aleppo"].country == "SY"


def test_jurisdiction_of_a_public_body_is_a_place() -> None:
    text = "Ohio State Police and the Government of Alberta spoke; Georgetown University did not."
    a = doc(
        text,
        [
            ("Ohio State Police", "ORG"),
            ("the Government of Alberta", "ORG"),
            ("Georgetown University", "ORG"),
        ],
    )
    got = by_text(a)
    assert set(got) == {"Ohio", "Alberta"}
    assert got["Ohio"].feature == "adm1" and got["Alberta"].country == "CA"


def test_county_body_is_not_a_town_of_that_name() -> None:
    text = "The Lancaster County Sheriff's Office said Tulsa police helped."
    a = doc(text, [("The Lancaster County Sheriff's Office", "ORG"), ("Tulsa", "ORG")])
    got = by_text(a)
    assert "Lancaster" not in got  # the county, not the city of Lancaster
    assert got["Tulsa"].country == "US"


def test_hyphenated_and_cued_names() -> None:
    text = "The U.S.-led coalition shelled the town of Raqqa and Homs."
    a = doc(text, [("U.S.-led", "ORG"), ("Raqqa", "PERSON"), ("Homs", "PERSON")])
    got = by_text(a)
    assert got["U.S."].country == "US"
    assert got["Raqqa"].country == "SY"  # "the town of" marks a place
    assert got["Homs"].country == "SY"  # coordinated with a place


def test_landmark_named_as_a_place_but_not_as_an_actor() -> None:
    a = doc("Reporters waited at the White House.", [("White House", "FAC")])
    assert by_text(a)["White House"].feature == "landmark"
    assert near(by_text(a)["White House"], 38.9, -77.04, 5)
    b = doc("The White House said it would reply.", [("White House", "ORG")])
    assert b.places == []


def test_dateline() -> None:
    a = doc("BEIRUT — Shelling resumed overnight.", [])
    assert by_text(a)["BEIRUT"].country == "LB"


def test_trimmed_region_names() -> None:
    text = "Fighting spread across eastern Ukraine and the Panjshir valley."
    a = doc(text, [("eastern Ukraine", "LOC"), ("Panjshir valley", "LOC")])
    got = by_text(a)
    assert got["Ukraine"].country == "UA"
    assert got["Panjshir valley"].country == "AF" and got["Panjshir valley"].feature == "region"


def test_unknown_names_give_no_place() -> None:
    a = doc("They met in Zzyzxqua.", [("Zzyzxqua", "GPE")])
    assert a.places == []


def test_geojson_feature_collection() -> None:
    text = "Officials in Kabul met."
    a = doc(text, [("Kabul", "GPE")])
    p = a.places[0]
    rec = {
        "id": "doc1",
        "title": "A fictional brief",
        "text": text,
        "entities": [{"id": p.entity, "name": "Kabul"}],
        "places": [
            {
                "start": p.start,
                "end": p.end,
                "text": p.text,
                "name": p.name,
                "lat": p.lat,
                "lon": p.lon,
                "country": p.country,
                "geonameid": p.geonameid,
                "feature": p.feature,
                "confidence": p.confidence,
                "entity": p.entity,
            },
            {"start": 0, "end": 9, "text": "Officials", "name": "x", "lat": None, "lon": None},
        ],
    }
    fc = to_geojson([rec])
    assert fc["type"] == "FeatureCollection"
    assert len(fc["features"]) == 1  # no point, no feature
    f = fc["features"][0]
    assert f["geometry"] == {"type": "Point", "coordinates": [p.lon, p.lat]}
    props = f["properties"]
    assert props["doc"] == "doc1" and props["entity_name"] == "Kabul" and props["country"] == "AF"
    assert text[props["evidence_start"] : props["evidence_end"]].strip() == text.strip()
    assert all(not isinstance(v, dict | list) for v in props.values())
    json.dumps(fc)


@pytest.mark.parametrize("words", [50, 500])
def test_every_repeated_mention_is_placed(words: int) -> None:
    """A long document places each mention alike (bench/stages.py measures the cost)."""
    sentence = "Officials in Kabul and Dushanbe said trade with Tajikistan grew. "
    text = sentence * max(1, words // 10)
    ents = [
        (w, "GPE") for _ in range(max(1, words // 10)) for w in ("Kabul", "Dushanbe", "Tajikistan")
    ]
    a = doc(text, ents)
    assert len(a.places) == len(ents)
    expected = {
        "Kabul": ("AF", "capital"),
        "Dushanbe": ("TJ", "capital"),
        "Tajikistan": ("TJ", "country"),
    }
    for p in a.places:
        assert text[p.start : p.end] == p.text
        assert (p.country, p.feature) == expected[p.text]
