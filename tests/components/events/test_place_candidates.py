"""Candidate places of an event trigger and their features (spaCy parses, hand-built places)."""

from __future__ import annotations

from collections.abc import Callable

from newsledger.components.events import arguments, place
from newsledger.components.events.detect import DocIndex
from tests.components.events.conftest import trigger


def test_candidates_are_places_and_mistyped_names(place_index: Callable[[str], DocIndex]) -> None:
    ix = place_index("Gunmen attacked a checkpoint near Dravik Kell in Velmora on Friday.")
    c = trigger(ix, "attacked")
    opts, feats, _ = place.candidates(ix, c, arguments.scope(ix, c))
    kinds = {o.span.text: o.kind for o in opts}
    assert kinds["Velmora"] == "place"
    assert kinds.get("Dravik Kell") in ("name", "place")  # a place, however it was typed
    assert "Friday" not in kinds and "Gunmen" not in kinds
    assert len(feats) == len(opts)
    assert all("kind=" + o.kind in f for o, f in zip(opts, feats, strict=True))
    # the site noun is no candidate (the data marks names), but its phrase is a feature
    assert "a checkpoint" not in kinds
    assert any(x.startswith("under=site") for f in feats for x in f)


def test_a_person_object_is_no_candidate(place_index: Callable[[str], DocIndex]) -> None:
    ix = place_index("Police arrested John Miller in Velmora on Friday.")
    c = trigger(ix, "arrested")
    opts, _, _ = place.candidates(ix, c, arguments.scope(ix, c))
    assert [o.span.text for o in opts] == ["Velmora"]


def test_a_noun_modifier_is_marked_as_such(place_index: Callable[[str], DocIndex]) -> None:
    ix = place_index("Norland troops attacked the rebels on Friday.")
    c = trigger(ix, "attacked")
    opts, feats, _ = place.candidates(ix, c, arguments.scope(ix, c))
    (f,) = [f for o, f in zip(opts, feats, strict=True) if o.span.text == "Norland"]
    assert "dep=compound" in f and "mod_of=NOUN" in f


def test_a_speech_act_is_placed_by_its_own_clause_only(
    place_index: Callable[[str], DocIndex],
) -> None:
    ix = place_index("The minister demanded that rebels leave Velmora.")
    c = trigger(ix, "demanded")
    opts, _, _ = place.candidates(ix, c, arguments.scope(ix, c))
    assert opts == []


def test_a_place_inside_a_destination_is_a_destination(
    place_index: Callable[[str], DocIndex],
) -> None:
    ix = place_index("The rebels were taken to a camp in Velmora during the clashes on Friday.")
    c = trigger(ix, "clashes")
    opts, feats, _ = place.candidates(ix, c, arguments.scope(ix, c))
    (f,) = [f for o, f in zip(opts, feats, strict=True) if o.span.text == "Velmora"]
    assert "destination" in f
    # where one goes for the event is its place
    ix = place_index("The minister went to Velmora for talks with the rebels on Friday.")
    c = trigger(ix, "talks")
    opts, feats, _ = place.candidates(ix, c, arguments.scope(ix, c))
    (f,) = [f for o, f in zip(opts, feats, strict=True) if o.span.text == "Velmora"]
    assert "destination" not in f


def test_a_name_one_goes_to_is_no_candidate(place_index: Callable[[str], DocIndex]) -> None:
    ix = place_index(
        "The gunman, who was shot dead by police, had pledged allegiance to Dravik Kell."
    )
    c = trigger(ix, "shot")
    opts, _, _ = place.candidates(ix, c, arguments.scope(ix, c))
    assert "Dravik Kell" not in [o.span.text for o in opts]
    # unless one goes there for the event
    ix = place_index("The minister flew to Dravik Kell for talks with the rebels on Friday.")
    c = trigger(ix, "talks")
    opts, _, _ = place.candidates(ix, c, arguments.scope(ix, c))
    assert "Dravik Kell" in [o.span.text for o in opts]


def test_a_name_modifying_a_speech_act_is_its_topic(
    place_index: Callable[[str], DocIndex],
) -> None:
    ix = place_index("The Velmora warning was heard over the police radio on Friday.")
    c = trigger(ix, "warning")
    opts, _, _ = place.candidates(ix, c, arguments.scope(ix, c))
    assert c.type == "THREATEN" and opts == []
    # where it was made is still its place
    ix = place_index("The army issued a warning in Velmora on Friday.")
    c = trigger(ix, "warning")
    opts, _, _ = place.candidates(ix, c, arguments.scope(ix, c))
    assert [o.span.text for o in opts] == ["Velmora"]


def test_a_name_that_names_a_site_is_a_candidate(place_index: Callable[[str], DocIndex]) -> None:
    # however the name was typed (these two as persons)
    for text in (
        "A car bomb exploded in the Abu Karim neighborhood on Friday.",
        "A car bomb exploded near the Harlan Tesh hospital on Friday.",
    ):
        ix = place_index(text)
        c = trigger(ix, "exploded")
        opts, feats, _ = place.candidates(ix, c, arguments.scope(ix, c))
        assert [o.kind for o in opts] == ["name"]
        assert "mod_of=site" in feats[0]


def test_a_name_a_head_opens_is_taken_whole(place_index: Callable[[str], DocIndex]) -> None:
    # the head of "the University of Norvale-Tarsk" is its first word: the place is the
    # whole name the tagger found, never the bare "University"
    ix = place_index("Gunmen opened fire on students at the University of Norvale-Tarsk on Friday.")
    c = trigger(ix, "fire")
    opts, _, _ = place.candidates(ix, c, arguments.scope(ix, c))
    names = [o.span.text for o in opts if o.kind == "name"]
    assert names and all(n != "University" for n in names)
    assert any(n.startswith("University of Norvale") for n in names)
