"""Events: lexicons, casualty figures, place/date compatibility (no spaCy needed)."""

from __future__ import annotations

import pytest

from newsledger.components.events.casualties import figures_in, settle
from newsledger.components.events.coref import same_date, same_place
from newsledger.components.events.detect import Figure, PlaceRef
from newsledger.components.events.lexicon import PLOVER, lexicon, parse_conds, parse_number
from newsledger.core.errors import NewsledgerError


def test_lexicon_loads_and_uses_plover_types() -> None:
    lex = lexicon()
    assert {"attack", "arrest", "protest", "meeting", "kill"} <= set(lex.triggers)
    types = {r.type for rules in lex.triggers.values() for r in rules}
    assert types <= PLOVER
    assert {"ASSAULT", "COERCE", "PROTEST", "CONSULT", "MOBILIZE", "DISAPPROVE", "DEMAND"} <= types
    assert not {"SEIZE", "ACCUSE", "REQUEST"} & types  # PLOVER names, modes are no types
    assert all(r.aux for r in lex.triggers["dead"])
    assert "locative" in lex.support["in"]
    assert lex.place_nouns["city"] >= {"city"}
    assert {"checkpoint", "market", "station"} <= lex.site_nouns


def test_bad_condition_says_how_to_fix() -> None:
    with pytest.raises(NewsledgerError) as exc:
        parse_conds("sibling:air", "event_triggers.tsv", 7)
    assert "event_triggers.tsv:7" in str(exc.value)
    assert "op:value" in exc.value.hint
    assert parse_conds("obj:alert|level;child:security", "x", 1)[1].values == {"security"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("137", 137),
        ("1,200", 1200),
        ("nine", 9),
        ("Twenty-five", 25),
        ("a dozen", 12),
        ("two dozen", 24),
        ("one hundred and thirty-seven", 137),
        ("three thousand", 3000),
        ("dozens", None),
    ],
)
def test_parse_number(text: str, value: int | None) -> None:
    assert parse_number(text, lexicon().numbers) == value


def _figs(text: str) -> list[tuple[str, int, bool, str]]:
    return [(f.kind, f.value, f.update, text[f.start : f.end]) for f in figures_in(text, lexicon())]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The blast left 137 dead on Friday.", [("killed", 137, False, "137")]),
        ("At least nine civilians were killed.", [("killed", 9, False, "nine")]),
        (
            "Gunmen opened fire, killing 15 and wounding 40.",
            [("killed", 15, False, "15"), ("injured", 40, False, "40")],
        ),
        ("The death toll rose to 143 on Monday.", [("killed", 143, True, "143")]),
        (
            "The bomb killed three people and injured more than 260.",
            [("killed", 3, False, "three"), ("injured", 260, False, "260")],
        ),
        ("Twenty-five people have died, officials said.", [("killed", 25, False, "Twenty-five")]),
        ("Thirteen people suffered injuries.", [("injured", 13, False, "Thirteen")]),
        ("Dozens of people were killed.", []),
        ("Police arrested 12 people after the attack.", []),
        ("Forty people were detained in hospital.", []),
    ],
)
def test_casualty_figures(text: str, expected: list[tuple[str, int, bool, str]]) -> None:
    assert _figs(text) == expected


def test_casualty_offsets_and_skip() -> None:
    text = "In 2017 militants killed 2,000 people."
    figs = figures_in(text, lexicon(), offset=100, skip=lambda start: start == 103)
    assert [(f.value, f.start) for f in figs] == [(2000, 100 + text.index("2,000"))]


def test_settle_latest_revised_toll_wins_and_keeps_history() -> None:
    figs = [
        Figure("killed", 137, 10, 13, False),
        Figure("injured", 60, 20, 22, False),
        Figure("killed", 3, 30, 31, False),  # "including three children"
        Figure("killed", 143, 50, 53, True),
        Figure("killed", 140, 40, 43, True),
    ]
    killed, injured, history = settle(figs)
    assert (killed, injured) == (143, 60)
    assert [h[1] for h in history] == [137, 60, 3, 140, 143]
    assert history[0] == ("killed", 137, 10, 13)


def test_settle_without_update_takes_largest() -> None:
    figs = [Figure("killed", 9, 0, 1, False), Figure("killed", 12, 5, 7, False)]
    killed, injured, history = settle(figs)
    assert (killed, injured) == (12, None)
    assert len(history) == 2
    assert settle([]) == (None, None, ())


def _p(name: str, cc: str | None, lat: float | None = None, lon: float | None = None) -> PlaceRef:
    return PlaceRef(0, 0, name, name, cc, lat, lon, "city" if lat is not None else "fac")


def test_same_place() -> None:
    moscow = _p("Moscow", "RU", 55.75, 37.62)
    krasnogorsk = _p("Krasnogorsk", "RU", 55.82, 37.33)
    kazan = _p("Kazan", "RU", 55.79, 49.12)
    assert same_place(moscow, krasnogorsk)
    assert not same_place(moscow, kazan)
    assert not same_place(moscow, _p("Moscow", "US", 46.73, -117.0))
    russia = PlaceRef(0, 0, "Russia", "Russia", "RU", 61.0, 99.0, "country")
    assert same_place(russia, kazan)
    assert not same_place(_p("Oxford Street", None), _p("Cavehill Road", None))
    assert same_place(_p("Oxford Street", None), _p("Oxford Street", None))


def test_same_date() -> None:
    assert same_date("2024-03", "2024-03-22")
    assert same_date(None, "2024-03-22")
    assert not same_date("2024-03-21", "2024-03-22")
    assert not same_date("2023", "2024-03-22")
