"""The events stage on short fictional articles (spaCy parses; dates and places built by hand)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsledger.core.model import Analysis, Document, Event
from tests.components.events.conftest import PUBLISHED

BOMBING = (
    "A car bomb exploded outside a market in Velmora on Friday, killing at least nine civilians "
    "and wounding 40 others, officials said. The Crimson Front claimed responsibility for the "
    "attack. On Sunday, the death toll rose to 14."
)


def _names(a: Analysis, ids: tuple[str, ...]) -> list[str]:
    names = {e.id: e.name for e in a.entities}
    return [names[i] for i in ids]


def _of_type(a: Analysis, etype: str) -> list[Event]:
    return [e for e in a.events if e.type == etype]


def test_bombing_one_event_with_place_date_actor_and_latest_toll(
    analyse: Callable[..., Analysis],
) -> None:
    a = analyse(BOMBING)
    (e,) = _of_type(a, "ASSAULT")
    assert e.mode == "explosives"
    assert (e.place, e.country, e.date) == ("Velmora", "XK", "2031-05-09")
    assert (e.killed, e.injured) == (14, 40)
    assert [(k, v) for k, v, _, _ in e.casualty_history] == [
        ("killed", 9),
        ("injured", 40),
        ("killed", 14),
    ]
    assert "Crimson Front" in _names(a, e.actors)
    mentions = {m.text for m in e.mentions}
    # a tally gives its figures, not a mention: "the death toll" reports no act of its own
    assert {"exploded", "attack"} <= mentions and not {"death", "toll"} & mentions
    assert "at least nine civilians" in [s.text for s in e.target_spans]
    # the place phrase: the site the text names, through the named place inside it
    assert e.place_span is not None and e.place_span.text == "a market in Velmora"
    assert e.date_span is not None and e.date_span.text == "Friday"


def test_spans_index_the_text_and_ids_are_stable(analyse: Callable[..., Analysis]) -> None:
    a = analyse(BOMBING)
    text = a.text
    for e in a.events:
        spans = [e.trigger, e.evidence, *e.mentions, *e.actor_spans, *e.target_spans]
        spans += [s for s in (e.place_span, e.date_span) if s is not None]
        for s in spans:
            assert text[s.start : s.end] == s.text
        assert e.evidence.start <= e.trigger.start < e.evidence.end
        for _, _, start, end in e.casualty_history:
            assert text[start:end].strip()
    again = analyse(BOMBING)
    assert [e.id for e in again.events] == [e.id for e in a.events]
    assert len({e.id for e in a.events}) == len(a.events)


def test_arrest_and_protest(analyse: Callable[..., Analysis]) -> None:
    a = analyse(
        "Police arrested two men in Lyon on Monday. Thousands of protesters marched in Marseille "
        "on Sunday against the new law."
    )
    (seize,) = _of_type(a, "COERCE")
    assert (seize.mode, seize.place, seize.date) == ("arrest", "Lyon", "2031-05-12")
    assert [s.text for s in seize.target_spans] == ["two men"]
    (protest,) = _of_type(a, "PROTEST")
    assert (protest.place, protest.country, protest.date) == ("Marseille", "FR", "2031-05-11")


def test_negated_events_are_not_reported(analyse: Callable[..., Analysis]) -> None:
    a = analyse("Officials said no attack took place. The army did not attack the village.")
    assert _of_type(a, "ASSAULT") == []


def test_different_places_are_different_events(analyse: Callable[..., Analysis]) -> None:
    a = analyse(
        "A bomb exploded in Lyon on Friday and another bomb exploded in Marseille on Sunday."
    )
    got = sorted((e.place, e.date) for e in _of_type(a, "ASSAULT"))
    assert got == [("Lyon", "2031-05-09"), ("Marseille", "2031-05-11")]


def test_anaphora_joins_the_event_generic_plurals_do_not(analyse: Callable[..., Analysis]) -> None:
    a = analyse(
        "Gunmen attacked a police station in Tarsk on Friday, killing three officers. "
        "The mayor of Velmora visited the town on Monday. "
        "The attack was condemned by the governor. "
        "Attacks on police have become common in recent years."
    )
    assaults = _of_type(a, "ASSAULT")
    main = next(e for e in assaults if e.place == "Tarsk")
    assert main.killed == 3
    assert {"attacked", "killing", "attack"} <= {m.text for m in main.mentions}
    assert any(m.text == "Attacks" for e in assaults if e is not main for m in e.mentions)


def test_consequence_in_next_sentence_joins_the_attack(analyse: Callable[..., Analysis]) -> None:
    a = analyse(
        "Gunmen stormed a hotel in Velmora on Friday, leaving 25 people dead and twelve injured. "
        "Twenty-five people were killed, the ministry said."
    )
    (e,) = _of_type(a, "ASSAULT")
    assert (e.killed, e.injured, e.place) == (25, 12, "Velmora")
    assert e.mode == "firearms"


def test_fall_of_a_city_is_a_capture(analyse: Callable[..., Analysis]) -> None:
    a = analyse("After the fall of Tarsk on Friday, thousands of residents fled to Velmora.")
    (e,) = _of_type(a, "COERCE")
    assert (e.mode, e.place, e.date) == ("capture", "Tarsk", "2031-05-09")


def test_raising_the_alert_is_mobilize(analyse: Callable[..., Analysis]) -> None:
    a = analyse(
        "The cabinet's decision, made on Sunday, to raise the security alert to its "
        "top level in Norland surprised nobody."
    )
    (e,) = _of_type(a, "MOBILIZE")
    assert (e.mode, e.place, e.country, e.date) == ("alert", "Norland", "XK", "2031-05-11")


def test_meeting_is_consult_and_what_is_agreed_is_no_event(
    analyse: Callable[..., Analysis],
) -> None:
    a = analyse(
        "The minister met her counterpart in Paris on Wednesday for talks on trade. "
        "The two ministers agreed to cooperate on border security."
    )
    (consult,) = _of_type(a, "CONSULT")
    assert (consult.place, consult.date) == ("Paris", "2031-05-07")
    assert [s.text for s in consult.target_spans] == ["her counterpart"]
    assert len(_of_type(a, "AGREE")) == 1
    assert _of_type(a, "COOPERATE") == []


def test_assassination_target_and_date(analyse: Callable[..., Analysis]) -> None:
    a = analyse(
        "Crowds gathered at the grave of former senator John Miller, who was assassinated on "
        "March 3 in Velmora."
    )
    (e,) = _of_type(a, "ASSAULT")
    assert e.mode == "assassinate"
    assert _names(a, e.targets) == ["John Miller"]
    assert (e.date, e.place) == ("2031-03-03", "Velmora")


def test_without_the_places_stage_the_name_is_kept(analyse: Callable[..., Analysis]) -> None:
    a = analyse(BOMBING, with_places=False)
    (e,) = _of_type(a, "ASSAULT")
    assert (e.place, e.country, e.lat) == ("Velmora", None, None)


def _place_span(e: Event) -> str | None:
    return e.place_span.text if e.place_span else None


def test_a_nominal_place_is_the_place_span(analyse: Callable[..., Analysis]) -> None:
    a = analyse("Three soldiers were killed in an ambush at a checkpoint on Friday.")
    (e,) = _of_type(a, "ASSAULT")
    assert _place_span(e) == "a checkpoint"
    assert e.place is None and e.date == "2031-05-09"


def test_a_site_with_a_named_place_gives_both(analyse: Callable[..., Analysis]) -> None:
    a = analyse("A bomb exploded near a school in the city of Tarsk, wounding six children.")
    (e,) = _of_type(a, "ASSAULT")
    assert (e.place, e.country) == ("Tarsk", "XK")
    assert _place_span(e) == "a school in the city of Tarsk"


def test_where_people_went_is_not_where_it_happened(analyse: Callable[..., Analysis]) -> None:
    a = analyse("Two men were shot dead in Velmora on Friday. The wounded were taken to hospital.")
    (e,) = _of_type(a, "ASSAULT")
    assert _place_span(e) == "Velmora"


def test_a_request_is_not_placed_where_its_content_is(analyse: Callable[..., Analysis]) -> None:
    a = analyse("The opposition asked supporters to march through Velmora on Sunday.")
    (e,) = _of_type(a, "DEMAND")
    assert e.place is None and e.place_span is None


@pytest.mark.parametrize(
    ("text", "etype", "why"),
    [
        (
            "Ruler Ivo Marsk, who has been in power since 2019, rejected the accusation.",
            "REJECT",
            "2019 is when his rule began",
        ),
        (
            "Lena Vost accused Ivo Marsk of silencing critics ahead of the vote in September.",
            "DISAPPROVE",
            "September is the vote, still to come",
        ),
    ],
)
def test_dates_of_participants_and_later_dates_are_not_the_event_date(
    text: str, etype: str, why: str
) -> None:
    from newsledger.nlp import spacy_adapter as nlp
    from newsledger.pipeline import analyse as full

    ann = next(nlp.annotate([Document(id="d", text=text, published=PUBLISHED)]))
    a = full(ann)
    assert a.dates, "the dates stage should find the date"
    (e,) = _of_type(a, etype)
    assert e.date is None, why
