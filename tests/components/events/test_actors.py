"""Event actors and targets: what cannot have done the act is not its actor."""

from __future__ import annotations

from collections.abc import Callable

from newsledger.core.model import Analysis, Event


def _assault(a: Analysis) -> Event:
    (e,) = [e for e in a.events if e.type == "ASSAULT"]
    return e


def test_an_instrument_is_no_actor(analyse: Callable[..., Analysis]) -> None:
    e = _assault(analyse("A roadside bomb killed two soldiers near Tarsk on Friday."))
    assert not e.actor_spans and not e.actors
    assert [s.text for s in e.target_spans] == ["two soldiers"]


def test_an_event_is_no_actor_and_gunmen_are(analyse: Callable[..., Analysis]) -> None:
    a = analyse("Gunmen attacked a checkpoint in Tarsk on Friday. The attack killed three police.")
    e = _assault(a)
    assert [s.text for s in e.actor_spans] == ["Gunmen"]
    assert [(g.role, g.noun) for g in e.agents if g.role == "actor"] == [("actor", "gunman")]


def test_a_denied_claim_names_no_actor(analyse: Callable[..., Analysis]) -> None:
    e = _assault(analyse("A blast hit a market in Velmora on Monday. No group claimed the attack."))
    assert not e.actor_spans


def test_a_group_owning_the_unit_is_the_actor(analyse: Callable[..., Analysis]) -> None:
    a = analyse("The Crimson Front's northern brigade detonated two bombs in Velmora on Friday.")
    e = _assault(a)
    names = {x.id: x.name for x in a.entities}
    assert [names[i] for i in e.actors] == ["Crimson Front"]


def test_casualty_words_count_their_victims(analyse: Callable[..., Analysis]) -> None:
    (e,) = analyse("Gunmen attacked a bus near Tarsk on Friday, killing 13 and wounding 71.").events
    assert "71" in [s.text for s in e.target_spans]
    (e,) = analyse("Rebels shelled Tarsk on Monday. Four soldiers were injured.").events
    assert "Four soldiers" in [s.text for s in e.target_spans]
    # the subject of an active casualty verb is no victim
    (e,) = analyse("Gunmen attacked a bus near Tarsk on Friday. They wounded two guards.").events
    assert "They" not in [s.text for s in e.target_spans]
    assert "two guards" in [s.text for s in e.target_spans]


def test_coordinated_participants_are_each_taken(analyse: Callable[..., Analysis]) -> None:
    (e,) = analyse("Gunmen and suicide bombers attacked a base near Tarsk on Friday.").events
    assert {"Gunmen", "suicide bombers"} <= {s.text for s in e.actor_spans}
    (e,) = analyse("Rebels shelled a school and a clinic in Tarsk on Monday.").events
    assert {"a school", "a clinic"} <= {s.text for s in e.target_spans}


def test_both_sides_of_a_shootout_are_actors(analyse: Callable[..., Analysis]) -> None:
    a = analyse("Two smugglers were wounded in a shootout with border guards near Tarsk on Friday.")
    e = next(e for e in a.events if e.type == "ASSAULT")
    assert "border guards" in {s.text for s in e.actor_spans}
    a = analyse("The minister met with border guards near Tarsk on Friday.")
    assert not [s for e in a.events for s in e.actor_spans if s.text == "border guards"]
