"""Acceptance (issue 7): places in the two sample articles, read from ../shared at run time."""

from __future__ import annotations

import pytest

from newsledger.components.places.gazetteer import distance_km
from newsledger.core.model import Analysis, Document
from tests.conftest import SAMPLES, need_shared

# name as written -> (country, true latitude, true longitude)
EXPECTED = {
    "Moscow": ("RU", 55.7558, 37.6173),
    "Dushanbe": ("TJ", 38.5598, 68.7870),
    "Danghara": ("TJ", 38.0954, 69.3398),
    "Kabul": ("AF", 34.5553, 69.2075),
    "Panchir": ("AF", 35.3, 69.7),  # the Panjshir valley / province
    "Paris": ("FR", 48.8566, 2.3522),
    "Tajikistan": ("TJ", 38.86, 71.28),
}


@pytest.fixture(scope="module")
def analyses() -> list[Analysis]:
    need_shared()
    from newsledger import pipeline
    from newsledger.components.places import stage as places
    from newsledger.nlp import spacy_adapter as nlp

    docs = [Document(p.stem, p.read_text(encoding="utf-8")) for p in sorted(SAMPLES.glob("*.txt"))]
    return [pipeline.analyse(a, pipeline.stages_for(places.STAGE.name)) for a in nlp.annotate(docs)]


@pytest.mark.parametrize("surface", sorted(EXPECTED))
def test_sample_place(analyses: list[Analysis], surface: str) -> None:
    country, lat, lon = EXPECTED[surface]
    found = [p for a in analyses for p in a.places if p.text.startswith(surface)]
    assert found, f"{surface} not found"
    for p in found:
        assert p.country == country, p
        assert p.lat is not None and p.lon is not None
        assert distance_km(p.lat, p.lon, lat, lon) <= 161.0, p


def test_sample_places_are_evidence_linked(analyses: list[Analysis]) -> None:
    for a in analyses:
        assert a.places
        for p in a.places:
            assert a.text[p.start : p.end] == p.text
            assert 0.0 <= p.confidence <= 1.0


def test_demonyms_in_samples_are_places_of_kind_demonym(analyses: list[Analysis]) -> None:
    kinds = {p.text: (p.kind, p.country) for a in analyses for p in a.places}
    assert kinds["Russian"] == ("demonym", "RU")
    assert kinds["Afghan"] == ("demonym", "AF")
    assert all(k != "demonym" for t, (k, _) in kinds.items() if t in EXPECTED)
