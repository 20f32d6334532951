"""Event typing: PLOVER names, the learned classifier, modality and unnamed actors."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsledger.components.events.classify import NONE, from_payload, type_model
from newsledger.components.events.lexicon import PLOVER
from newsledger.components.events.modality import MODALITIES, retyped
from newsledger.core.model import Analysis, Event
from newsledger.core.models import ModelError


def _of_type(a: Analysis, etype: str) -> list[Event]:
    return [e for e in a.events if e.type == etype]


def test_every_type_is_a_plover_category(analyse: Callable[..., Analysis]) -> None:
    a = analyse(
        "Police arrested two men in Lyon on Monday. The governor accused the mayor of fraud. "
        "The opposition urged supporters to stay calm. Rebels seized the airport in Tarsk."
    )
    types = {e.type for e in a.events}
    assert types <= PLOVER
    assert {"COERCE", "DISAPPROVE", "DEMAND"} <= types
    assert {e.mode for e in a.events if e.type == "COERCE"} >= {"arrest", "seize"}
    assert all(e.modality in MODALITIES for e in a.events)


def test_the_shipped_model_scores_in_plain_python() -> None:
    m = type_model()
    assert NONE in m.classes and "ASSAULT" in m.classes
    assert set(m.classes) - {NONE} <= PLOVER and m.scope <= PLOVER
    assert 0.0 < m.threshold <= 1.0
    p = m.probs(["rt=ASSAULT", "l=bombing", "dep=nsubj"])
    assert abs(sum(p.values()) - 1.0) < 1e-9
    assert set(p) == set(m.classes)


def test_a_malformed_model_says_how_to_fix() -> None:
    with pytest.raises(ModelError, match="make train"):
        from_payload({"classes": ["NONE", "ASSAULT"], "bias": [0.0], "weights": {}})
    with pytest.raises(ModelError, match="make train"):
        from_payload(
            {
                "classes": ["NONE", "ASSAULT"],
                "bias": [0.0, 0.0],
                "weights": {"l=x": [1.0]},
                "threshold": 0.5,
                "scope": ["ASSAULT"],
            }
        )


def test_a_promise_to_give_aid_is_agree(analyse: Callable[..., Analysis]) -> None:
    a = analyse("The government of Norland will provide food aid to Velmora.")
    (e,) = a.events
    assert (e.type, e.modality) == ("AGREE", "intended")


def test_suspended_aid_is_a_sanction(analyse: Callable[..., Analysis]) -> None:
    a = analyse("The government of Norland suspended aid to Velmora on Monday.")
    (e,) = a.events
    assert e.type == "SANCTION"


def test_a_conditional_blockade_is_a_threat(analyse: Callable[..., Analysis]) -> None:
    a = analyse("The navy would blockade the port of Tarsk if the talks failed.")
    (e,) = [e for e in a.events if e.trigger.text == "blockade"]
    assert (e.type, e.modality) == ("THREATEN", "threatened")


def test_done_and_denied(analyse: Callable[..., Analysis]) -> None:
    a = analyse("Soldiers shelled Tarsk on Friday. The army denied shelling Velmora on Sunday.")
    got = sorted((e.trigger.text, e.modality) for e in _of_type(a, "ASSAULT"))
    assert got == [("shelled", "done"), ("shelling", "denied")]


def test_retyped_keeps_other_types() -> None:
    assert retyped("ASSAULT", "threatened") == "THREATEN"
    assert retyped("ASSAULT", "intended") == "ASSAULT"  # a planned attack is still an attack
    assert retyped("AID", "intended") == "AGREE"
    assert retyped("AID", "done") == "AID"


@pytest.mark.parametrize(
    ("text", "trigger", "etype"),
    [
        (
            "The foreign minister telephoned his Norland counterpart on Monday.",
            "telephoned",
            "CONSULT",
        ),
        ("Rebel fighters were captured near Tarsk on Friday.", "captured", "COERCE"),
        ("Government troops liberated Tarsk on Sunday.", "liberated", "COERCE"),
        ("Soldiers patrolled the streets of Velmora on Sunday.", "patrolled", "MOBILIZE"),
        ("The ministry handed over medicine to the clinic in Tarsk.", "handed", "AID"),
        ("Protesters clashed with riot police in Velmora on Sunday.", "clashed", "PROTEST"),
        ("Soldiers clashed with rebels near Tarsk on Sunday.", "clashed", "ASSAULT"),
        ("Police were searching for two suspects in Velmora.", "searching", "INVESTIGATE"),
        ("Ivo Marsk pleaded not guilty to charges of fraud.", "charges", "DISAPPROVE"),
        ("Two bombs had gone off in Tarsk by noon.", "gone", "ASSAULT"),
        ("The Crimson Front gave a warning an hour before the blast.", "warning", "THREATEN"),
        ("The cleric called on his followers to take up arms.", "called", "DEMAND"),
    ],
)
def test_vocabulary_of_diplomatic_cooperative_and_military_acts(
    analyse: Callable[..., Analysis], text: str, trigger: str, etype: str
) -> None:
    a = analyse(text)
    assert (trigger, etype) in {(e.trigger.text, e.type) for e in a.events}


def test_unnamed_actors_and_targets_have_a_sector(analyse: Callable[..., Analysis]) -> None:
    a = analyse(
        "Gunmen attacked a police station in Tarsk on Friday, killing three police officers."
    )
    (e,) = _of_type(a, "ASSAULT")
    got = {(g.role, g.text, g.sector) for g in e.agents}
    assert ("actor", "Gunmen", "armed-group") in got
    assert ("target", "three police officers", "police") in got
    assert all(g.text != "a police station" for g in e.agents)  # a building, not the police
    assert all(a.text[g.start : g.end] == g.text for g in e.agents)


def test_named_actors_are_ids_not_descriptions(analyse: Callable[..., Analysis]) -> None:
    a = analyse("Soldiers of the Crimson Front attacked Velmora on Friday.")
    (e,) = _of_type(a, "ASSAULT")
    assert e.actors and not [g for g in e.agents if g.role == "actor"]


@pytest.mark.parametrize(
    "text",
    [
        "The tsunami killed 2,000 people along the coast of Norland.",
        "An earthquake killed twelve people in Tarsk on Monday.",
        "The striker shot from 20 yards and hit the post.",
        "The Velmora team attacked relentlessly in the second half.",
        "The central bank plans to attack inflation.",
        "Two men died in an accidental explosion at the depot in Tarsk.",
        "A gas explosion destroyed a bakery in Velmora on Monday.",
        "A late goal killed off the game as Velmora beat Tarsk 3-0 on Sunday.",
        "The storm destroyed 200 homes near Tarsk.",
        "The bank in Velmora was hit by a cyber attack on Monday.",
    ],
)
def test_disasters_sports_and_business_are_no_assault(
    analyse: Callable[..., Analysis], text: str
) -> None:
    assert _of_type(analyse(text), "ASSAULT") == []


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Police foiled a planned attack on the parliament in Velmora.", "intended"),
        ("The Crimson Front plans to attack the airport in Tarsk.", "intended"),
        ("The Crimson Front attacked the airport in Tarsk on Friday.", "done"),
        ("The Crimson Front denied attacking the airport in Tarsk.", "denied"),
    ],
)
def test_modality_of_an_attack(analyse: Callable[..., Analysis], text: str, modality: str) -> None:
    (e,) = _of_type(analyse(text), "ASSAULT")
    assert e.modality == modality


def test_vocabularies_from_petrarch2_and_plover() -> None:
    from newsledger.components.events.lexicon import lexicon

    lex = lexicon()
    assert lex.agents["gunman"] == "armed-group"
    assert (lex.agents["soldier"], lex.agents["protester"]) == ("military", "opposition")
    assert lex.verb_classes["condemn"] == "DISAPPROVE"  # POLECAT's ACCUSE renamed
    assert lex.verb_classes["kill"] == "ASSAULT"
    assert set(lex.verb_classes.values()) <= PLOVER


def test_a_weather_warning_is_no_threat(analyse: Callable[..., Analysis]) -> None:
    assert _of_type(analyse("Forecasters issued a storm warning for Tarsk."), "THREATEN") == []


def test_claimed_lives_join_the_bombing(analyse: Callable[..., Analysis]) -> None:
    a = analyse("A car bomb exploded in Tarsk on Friday. It claimed the lives of four people.")
    (e,) = _of_type(a, "ASSAULT")
    assert "claimed" in {m.text for m in e.mentions}


def test_a_capitalised_plural_read_as_a_name_is_still_a_description(
    analyse: Callable[..., Analysis],
) -> None:
    a = analyse("Skip Ad × Protesters clash with riot police in Velmora")  # page furniture
    (e,) = _of_type(a, "PROTEST")
    assert ("actor", "opposition") in {(g.role, g.sector) for g in e.agents}


@pytest.mark.parametrize(
    ("text", "role", "sector"),
    [
        ("Gunmen attacked members of the Norland security forces in Tarsk.", "target", "military"),
        ("Militants carried out bombings targeted at soldiers in Tarsk.", "target", "military"),
        ("A blast which injured several people hit the market in Tarsk.", "target", "civilians"),
        (
            "The alleged killer, Ivo Marsk – shot dead by police – had fled to Tarsk.",
            "actor",
            "police",
        ),
        ("A roadside bomb killed a major general near Tarsk.", "target", "military"),
    ],
)
def test_unnamed_participants_in_member_relative_and_aimed_phrases(
    analyse: Callable[..., Analysis], text: str, role: str, sector: str
) -> None:
    got = {(g.role, g.sector) for e in _of_type(analyse(text), "ASSAULT") for g in e.agents}
    assert (role, sector) in got


@pytest.mark.parametrize(
    "text",
    [
        "The army claimed to have hit three gunmen near Tarsk.",
        "Soldiers drove into Tarsk before attacking the rebel camp.",
    ],
)
def test_a_subjectless_clause_takes_the_actor_of_its_verb(
    analyse: Callable[..., Analysis], text: str
) -> None:
    got = {(g.role, g.sector) for e in _of_type(analyse(text), "ASSAULT") for g in e.agents}
    assert ("actor", "military") in got


def test_the_subject_of_a_result_clause_is_no_actor(analyse: Callable[..., Analysis]) -> None:
    a = analyse("A bomb exploded at the market in Tarsk, wounding 13 people.")
    assert all(g.role != "actor" for e in a.events for g in e.agents)


def test_a_tally_lends_its_figures_but_is_no_mention(analyse: Callable[..., Analysis]) -> None:
    a = analyse(
        "Gunmen attacked a bus near Tarsk on Friday. The casualties included four children, "
        "and the death toll rose to 12 on Sunday."
    )
    (e,) = a.events
    assert (e.type, e.killed) == ("ASSAULT", 12)
    assert [m.text for m in e.mentions] == ["attacked"]
    assert ("killed", 12) in [(k, v) for k, v, _, _ in e.casualty_history]


def test_taking_to_the_streets_is_a_protest(analyse: Callable[..., Analysis]) -> None:
    a = analyse("Thousands of farmers took to the streets of Velmora on Sunday.")
    (e,) = a.events
    assert (e.type, e.mode, e.trigger.text) == ("PROTEST", "demo", "took")
    assert not analyse("Take the street to the left after the bridge.").events


def test_destroying_is_an_assault_when_someone_does_it(analyse: Callable[..., Analysis]) -> None:
    (e,) = analyse("Army jets destroyed a bridge near Tarsk on Monday.").events
    assert (e.type, e.trigger.text) == ("ASSAULT", "destroyed")
    # in the passive it only joins the attack of the sentence before
    a = analyse("Rebels shelled Tarsk on Monday. Dozens of homes were destroyed.")
    (e,) = a.events
    assert [m.text for m in e.mentions] == ["shelled", "destroyed"]


def test_capturing_a_named_person_is_coerce(analyse: Callable[..., Analysis]) -> None:
    (e,) = analyse("Soldiers captured Omar Haddad, a rebel commander, on Friday.").events
    assert (e.type, e.mode) == ("COERCE", "capture")
    assert not analyse("The film captured Omar Haddad's charm.").events


def test_the_fall_of_a_state_is_no_capture(analyse: Callable[..., Analysis]) -> None:
    assert not analyse("After the fall of the Soviet Union, Norland gained autonomy.").events
    (e,) = analyse("After the fall of Tarsk on Friday, rebels advanced.").events
    assert (e.type, e.mode) == ("COERCE", "capture")


def test_what_was_done_without_is_not_reported(analyse: Callable[..., Analysis]) -> None:
    a = analyse("Police dispersed the crowd in Velmora without firing a shot.")
    assert not [e for e in a.events if e.type == "ASSAULT"]


def test_a_condition_is_intended_and_keeps_its_type(analyse: Callable[..., Analysis]) -> None:
    (e,) = analyse("If they meet in Velmora on Friday, the rebels will lay down arms.").events
    assert (e.type, e.modality) == ("CONSULT", "intended")
    (e,) = analyse("The rebels met in Velmora on Friday.").events
    assert (e.type, e.modality) == ("CONSULT", "done")


# vocabulary from WikiEvents train triggers the lexicon missed (marked share of the
# rule's matches there: set off 9/14, into/in custody 14/29, charged in 3/4, hit by
# a device 3/4, gunned down 3/3, wrecked 5/5)
@pytest.mark.parametrize(
    ("text", "etype", "mode", "trigger"),
    [
        (
            "Two men set off a bomb outside a bank in Velmora on Friday.",
            "ASSAULT",
            "explosives",
            "set",
        ),
        (
            "Gunmen gunned down a police officer in Tarsk on Sunday.",
            "ASSAULT",
            "firearms",
            "gunned",
        ),
        (
            "A convoy was hit by an explosive device near Tarsk on Monday.",
            "ASSAULT",
            "explosives",
            "hit",
        ),
        (
            "Police took the driver into custody in Velmora on Friday.",
            "COERCE",
            "arrest",
            "custody",
        ),
        ("Three men were charged in the killing of a judge.", "DISAPPROVE", "accuse", "charged"),
    ],
)
def test_vocabulary_from_wikievents_train(
    analyse: Callable[..., Analysis], text: str, etype: str, mode: str | None, trigger: str
) -> None:
    e = next(e for e in analyse(text).events if e.type == etype)
    assert (e.mode, e.trigger.text) == (mode, trigger)


@pytest.mark.parametrize(
    "text",
    [
        "The delegation set off for Tarsk on Monday.",
        "The song hit the charts in Velmora last year.",
        "The custody battle over the children went on for years.",
        "Visitors were charged for parking in Velmora.",
        "The storm wrecked roofs in Tarsk.",
    ],
)
def test_that_vocabulary_needs_its_context(analyse: Callable[..., Analysis], text: str) -> None:
    assert not analyse(text).events


def test_damage_words_join_the_attack(analyse: Callable[..., Analysis]) -> None:
    a = analyse("A car bomb exploded in Velmora on Friday and wrecked the front of a school.")
    (e,) = a.events
    assert e.type == "ASSAULT"
    assert "wrecked" in [m.text for m in e.mentions]
