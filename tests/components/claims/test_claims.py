"""The claims stage on short fictional articles (spaCy runs once for the module)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from newsledger import pipeline
from newsledger.components.claims import patterns as claim_patterns
from newsledger.components.claims.stage import STAGE, extract
from newsledger.components.claims.values import lexicon
from newsledger.core.errors import NewsledgerError
from newsledger.core.model import Analysis, Annotated, Document, Quote, Span, SpeakerRef
from newsledger.core.stage import check_order
from newsledger.nlp import spacy_adapter as nlp

PUB = "2022-05-02"
TEXTS = {
    "apposition": "Voters re-elected President Anton Weiss, in power since 2001, on Sunday. "
    "Weiss, 71, promised reforms.",
    "fronted": "In office since 2015, Mayor Clara Dunn faces a recall vote in Brelford. "
    "She was born in 1968 in a farming village.",
    "country": "Quellmark held elections on Sunday. Quellmark's opposition boycotted the vote, "
    "saying it was rigged. The country has around four million inhabitants and a shrinking economy.",
    "group": "Analysts say the Iron Hand Brigade has between 500 and 700 fighters. "
    "The group was founded in 2009.",
    "not_claims": "If Anton Weiss became president again, the treaty would collapse. "
    "About 3,000 police officers were deployed in Brelford on Sunday.",
    "readings": "Sarnian midfielder Teo Brack left Marsk United this week. Their president, "
    "Ilse Korr, said the club would miss him. Brack's 40-year-old stadium is closing. "
    "By the time he was 30, Teo Brack had won every title. The returning Velonian Labour Front "
    "returned to power in 1987.",
    "tense": "Velonian Prime Minister Ada Voss has promised tax cuts. Tomas Ferrin, the then "
    "prime minister of Velonia, signed the deal in 2004.",
    "quoted": "\u201cPresident Anton Weiss has been in power since 2001,\u201d said Rosa Imre, "
    "who leads the Green Dawn Party.",
}


@pytest.fixture(scope="module")
def annotated() -> dict[str, Annotated]:
    docs = [Document(k, t, published=PUB) for k, t in TEXTS.items()]
    return {a.doc.id: a for a in nlp.annotate(docs)}


def _analyse(a: Annotated, quotes: list[Quote] | None = None) -> Analysis:
    an = pipeline.analyse(a, pipeline.stages_for("mentions"))
    an.quotes = quotes or []
    STAGE.run(an)
    return an


def _triples(an: Analysis) -> set[tuple[str, str, str]]:
    names = {e.id: e.name for e in an.entities}
    return {(names[c.subject], c.attribute, c.value) for c in an.claims}


def test_stage_declares_its_place() -> None:
    check_order(pipeline.stages_for("claims"))
    assert STAGE.assigns == ("claims",)
    assert {"quotes", "events", "sentence_dates"} <= set(STAGE.requires)


def test_apposition_and_age(annotated: dict[str, Annotated]) -> None:
    assert _triples(_analyse(annotated["apposition"])) >= {
        ("Anton Weiss", "in_power_since", "2001"),
        ("Anton Weiss", "holds_role", "President"),
        ("Anton Weiss", "age", "71"),
    }


def test_fronted_phrase_and_pronoun(annotated: dict[str, Annotated]) -> None:
    assert _triples(_analyse(annotated["fronted"])) >= {
        ("Clara Dunn", "in_office_since", "2015"),
        ("Clara Dunn", "born", "1968"),
    }


def test_the_country_is_the_main_country(annotated: dict[str, Annotated]) -> None:
    assert ("Quellmark", "population", "4000000~") in _triples(_analyse(annotated["country"]))


def test_ranges_and_the_group(annotated: dict[str, Annotated]) -> None:
    assert _triples(_analyse(annotated["group"])) >= {
        ("Iron Hand Brigade", "fighters", "500-700"),
        ("Iron Hand Brigade", "founded", "2009"),
    }


def test_hypotheticals_and_unattached_figures_are_not_claims(
    annotated: dict[str, Annotated],
) -> None:
    assert _analyse(annotated["not_claims"]).claims == []


def test_evidence_spans_index_the_text(annotated: dict[str, Annotated]) -> None:
    for a in annotated.values():
        an = _analyse(a)
        for c in an.claims:
            assert 0 <= c.start < c.end <= len(an.text)
            assert an.text[c.start : c.end].strip() == an.text[c.start : c.end]


def test_values_carry_types_and_granularity(annotated: dict[str, Annotated]) -> None:
    an = _analyse(annotated["apposition"])
    power = next(c for c in an.claims if c.attribute == "in_power_since")
    assert power.value_type == "year"
    assert ("granularity", "year") in power.qualifiers
    assert an.text[power.start : power.end] == "in power since 2001"


def test_a_claim_inside_a_quote_has_the_speaker(annotated: dict[str, Annotated]) -> None:
    a = annotated["quoted"]
    plain = _analyse(a)
    claim = next(c for c in plain.claims if c.attribute == "in_power_since")
    assert claim.speaker is None
    speaker = next(e for e in plain.entities if e.name == "Rosa Imre")
    content = re.search(r"President.*2001", a.doc.text)
    assert content is not None
    quote = Quote(
        content.start(),
        content.end(),
        content.group(0),
        "direct",
        Span(0, 0, ""),
        SpeakerRef(speaker.id, speaker.name, 0, 0),
    )
    quoted = _analyse(a, [quote])
    claim = next(c for c in quoted.claims if c.attribute == "in_power_since")
    assert claim.speaker == speaker.id


def test_a_document_without_trigger_words_costs_no_parse_walk() -> None:
    doc = Document("x", "Nothing here.", published=PUB)
    an = Analysis(Annotated(doc, (), (), ()))
    assert extract(an) == []


def test_data_files_load_and_every_attribute_has_a_pattern() -> None:
    ps = claim_patterns.patterns()
    found = {p.attribute for p in ps.patterns}
    units = set(lexicon()["member_units"].values())
    assert set(claim_patterns.attributes()) <= found | units
    assert all(p.words or p.trigger is not None for p in ps.patterns)


def test_unknown_macro_is_reported_with_its_place() -> None:
    with pytest.raises(NewsledgerError, match="line 3: unknown macro"):
        claim_patterns._expand(r"{NOPE}\s+x", {}, "claim_patterns.tsv line 3")


@pytest.fixture
def _fresh_cache() -> Iterator[None]:
    claim_patterns.patterns.cache_clear()
    yield
    claim_patterns.patterns.cache_clear()


def test_patterns_recompile_from_the_files(_fresh_cache: None) -> None:
    assert len(claim_patterns.patterns().patterns) > 40


def test_readings_of_roles_ages_and_stints(annotated: dict[str, Annotated]) -> None:
    an = _analyse(annotated["readings"])
    got = {(_name(an, c.subject), c.attribute, c.value, c.qualifiers) for c in an.claims}
    roles = [(s, v) for s, a, v, _ in got if a == "holds_role"]
    assert ("Ilse Korr", "President of Sarnia") not in roles  # a club's president
    assert not [g for g in got if g[1] == "age"]  # the stadium's age; an age in the past
    stints = [q for s, a, v, q in got if a == "in_power_since"]
    assert all(("stint", "return") in q for q in stints)


def test_present_tense_roles_are_marked(annotated: dict[str, Annotated]) -> None:
    an = _analyse(annotated["tense"])
    quals = {
        _name(an, c.subject): dict(c.qualifiers) for c in an.claims if c.attribute == "holds_role"
    }
    assert quals["Ada Voss"].get("tense") == "present"
    assert quals["Tomas Ferrin"].get("status") == "former"
    assert "tense" not in quals["Tomas Ferrin"]


def _name(an: Analysis, eid: str) -> str:
    return next((e.name for e in an.entities if e.id == eid), eid)
