"""The event scorer of eval/events.py: place of matched events against place of every gold event."""

from __future__ import annotations

import sys
from types import SimpleNamespace
from typing import Any, cast

from newsledger.core.model import Analysis, Event, Span
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "eval"))

import events as scoring

TEXT = "Gunmen attacked a convoy in Velmora on Friday. A bombing in Tarsk followed."


def _span(text: str) -> Span:
    k = TEXT.index(text)
    return Span(k, k + len(text), text)


def _gold(trigger: str, place: str, kind: str = "Conflict.Attack.Unspecified") -> dict[str, Any]:
    t, p = _span(trigger), _span(place)
    return {
        "type": kind,
        "trigger": {"start": t.start, "end": t.end, "text": t.text},
        "arguments": [{"role": "Place", "start": p.start, "end": p.end, "text": p.text}],
    }


def _event(trigger: str, place: str | None, etype: str = "ASSAULT") -> Event:
    t = _span(trigger)
    return Event(
        type=etype,
        trigger=t,
        evidence=t,
        id=f"ev-{trigger}",
        mentions=(t,),
        place_span=_span(place) if place else None,
    )


def _scores(events: list[Event]) -> dict[str, float]:
    table = {"Conflict.Attack": frozenset({"ASSAULT"})}
    rec = {"text": TEXT, "events": [_gold("attacked", "Velmora"), _gold("bombing", "Tarsk")]}
    scorer = scoring.Scorer(frozenset({"ASSAULT"}))
    a = cast(Analysis, SimpleNamespace(events=events, entities=[]))
    scorer.doc(0, rec, a, table)
    out: dict[str, float] = scorer.scores()
    return out


def test_place_of_matched_events_leaves_out_places_of_undetected_events() -> None:
    out = _scores([_event("attacked", "Velmora")])  # the bombing is not detected
    assert (out["place_p"], out["place_r"]) == (1.0, 0.5)
    assert (out["place_matched_p"], out["place_matched_r"]) == (1.0, 1.0)


def test_a_wrong_place_of_a_matched_event_counts_in_both_measures() -> None:
    out = _scores([_event("attacked", "Tarsk"), _event("bombing", "Tarsk")])
    assert (out["place_p"], out["place_r"]) == (0.5, 0.5)
    assert (out["place_matched_p"], out["place_matched_r"]) == (0.5, 0.5)


def test_an_unmatched_or_mistyped_event_is_not_scored_for_its_place() -> None:
    out = _scores([_event("attacked", "Velmora"), _event("bombing", "Velmora", "PROTEST")])
    assert out["place_p"] == 1.0 and out["place_matched_r"] == 1.0
