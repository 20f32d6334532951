"""The learned event place chooser: candidates, features, scoring and the shipped model."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace

import pytest

from newsledger.components.events import arguments, place, place_tree
from newsledger.components.events.detect import Cand, DocIndex, PlaceRef
from newsledger.core.model import Analysis, Span
from newsledger.core.models import ModelError
from tests.components.events.conftest import trigger


def _chosen(ix: DocIndex, word: str) -> Cand:
    c = trigger(ix, word)
    place.find_place(ix, c, arguments.scope(ix, c))
    return c


def test_score_is_the_logistic_of_the_weights_present() -> None:
    m = place.PlaceModel({"a": 1.5, "b": -0.5}, -0.25, {"top:a": 2.0, "s1=9": 1.0}, -1.0, 0.5)
    assert m.score(["a", "b", "unseen"]) == pytest.approx(1 / (1 + math.exp(-0.75)))
    assert m.score([]) == pytest.approx(1 / (1 + math.exp(0.25)))
    assert m.score(["a"] * 100) == pytest.approx(1.0)  # clipped, no overflow
    # "is a place stated": the best candidate's features, prefixed, and the ranker's confidence
    assert place.stated_features(["a"], [0.95, 0.2]) == ["s1=9", "gap=3", "top:a"]
    assert m.stated(["a"], [0.95, 0.2]) == pytest.approx(1 / (1 + math.exp(-2.0)))
    assert m.stated(["b"], [0.3]) == pytest.approx(1 / (1 + math.exp(1.0)))


def test_the_shipped_model_places_an_attack_in_the_named_city(
    place_index: Callable[[str], DocIndex],
) -> None:
    c = _chosen(place_index("Gunmen killed four villagers in Velmora on Monday."), "killed")
    assert c.place is not None and c.place.name == "Velmora"
    assert c.geo is not None and c.geo.country == "XK"
    assert c.where is not None and c.where.text == "Velmora" and c.place_level == 2


def test_no_place_when_the_sentence_states_none(place_index: Callable[[str], DocIndex]) -> None:
    c = _chosen(place_index("Four soldiers were killed on Monday, officials said."), "killed")
    assert c.place is None and c.where is None


def test_a_modifier_is_not_the_place(place_index: Callable[[str], DocIndex]) -> None:
    c = _chosen(place_index("Norland troops killed two fighters on Monday."), "killed")
    assert c.place is None


def test_a_malformed_model_says_how_to_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(place, "load_model", lambda name: {"meta": {}, "weights": [1, 2]})
    place.place_model.cache_clear()
    try:
        with pytest.raises(ModelError) as exc:
            place.place_model()
        assert "make train" in exc.value.hint
    finally:
        place.place_model.cache_clear()


def test_the_subject_of_has_seen_is_where(place_index: Callable[[str], DocIndex]) -> None:
    text = "Norland is a small republic. The republic has seen repeated ambushes since March."
    c = _chosen(place_index(text), "ambushes")
    assert c.where is not None and c.where.text == "republic" and c.place_level == 2
    assert c.place is not None and c.place.name == "Norland"  # the anaphor's referent


def test_a_site_in_scope_keeps_a_name_outside_it_out(
    place_index: Callable[[str], DocIndex],
) -> None:
    # the name modifies a person ("the mayor of Velmora"): the house is where, and the
    # event's place name is not the town the mayor governs
    text = "Police placed Dravik Moll, the former mayor of Velmora, under house arrest on Friday."
    c = _chosen(place_index(text), "arrest")
    assert c.where is not None and c.where.text == "house"
    assert c.place is None and c.place_level == 0


def test_a_coreferent_event_is_placed_at_its_most_specific_site(
    analyse: Callable[..., Analysis],
) -> None:
    a = analyse(
        "A bomb exploded in Velmora on Friday. The explosion happened at a crowded bus "
        "station near the river, killing four people."
    )
    (e,) = [e for e in a.events if e.type == "ASSAULT"]
    assert len(e.mentions) >= 2
    assert e.place_span is not None and e.place_span.text == "a crowded bus station"
    assert e.place == "Velmora"  # the site has no name: the town named for the event


def test_specificity_ranks_sites_over_towns_over_countries(
    place_index: Callable[[str], DocIndex],
) -> None:
    ix = place_index("Gunmen attacked a checkpoint in Norland and a market in Velmora.")
    c = trigger(ix, "attacked")
    assert place.specificity(ix, c) == 9.0  # no place span yet
    cands = []
    for text in ("Norland", "Velmora"):
        k = ix.text.find(text)
        p = next(p for p in ix.places if p.start == k)
        cands.append(replace(c, where=Span(p.start, p.end, p.text), place=p, geo=p))
    k = ix.text.find("a checkpoint")
    cands.append(replace(c, where=Span(k, k + 12, "a checkpoint"), place=None, geo=None))
    assert [place.specificity(ix, x) for x in cands] == [3.0, 0.0, -1.0]


def test_an_event_that_only_dates_another_is_placed_by_its_own_phrase(
    place_index: Callable[[str], DocIndex],
) -> None:
    text = "A week after the raid, police arrested two men at a farm near Velmora."
    c = _chosen(place_index(text), "raid")
    assert c.where is None and c.place is None
    c = _chosen(place_index(text), "arrested")
    assert c.place is not None and c.place.name == "Velmora"


def test_a_named_site_spans_the_place_named_inside_it(
    place_index: Callable[[str], DocIndex],
) -> None:
    ix = place_index("A bomb exploded at the Kestrel Hotel in Velmora on Friday.")
    k = ix.text.find("Kestrel Hotel")
    hotel = PlaceRef(k, k + 13, "Kestrel Hotel", "Kestrel Hotel", feature="fac")
    assert place_tree.site_around(ix, hotel).text == "Kestrel Hotel in Velmora"
    town = next(p for p in ix.places if p.name == "Velmora")
    assert place_tree.site_around(ix, town).text == "Velmora"  # nothing named after it


def test_only_the_events_own_mentions_place_it(place_index: Callable[[str], DocIndex]) -> None:
    ix = place_index("Gunmen attacked a convoy on Friday; four were killed in Velmora.")
    own = trigger(ix, "attacked")
    k = ix.text.find("Velmora")
    there = Span(k, k + 7, "Velmora")
    ref = next(p for p in ix.places if p.start == k)
    lent = replace(own, where=there, where_level=2, place=ref, place_level=2, aux=True)
    assert place.event_where(ix, [own, lent]) == (None, None)  # the casualty word's place
    assert place.event_where(ix, [replace(own, background=True), lent])[0] is lent
    assert place.event_where(ix, [lent]) == (lent, lent)  # the only mentions: they place it
