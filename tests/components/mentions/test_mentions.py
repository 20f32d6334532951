"""In-document grouping: titles, surnames, acronyms, alias data, one sense per document.

Unit tests feed hand-made NER spans over short fictional texts; the sample
tests run spaCy and the NER fixes on ../shared/samples (module-scoped cache).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

import pytest

from newsledger.components.mentions import stage as mentions
from newsledger.core.model import Analysis, Annotated, Document, Entity, NamedSpan
from newsledger.corpus.aliases import AliasEntry, AliasTable
from tests.conftest import SAMPLES, need_shared


def spans(text: str, *labelled: tuple[str, str]) -> list[NamedSpan]:
    """NER spans for every whole-word occurrence of each (surface, label)."""
    out: list[NamedSpan] = []
    for surface, label in labelled:  # earlier (longer) surfaces win overlaps
        for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text):
            if not any(s.start < m.end() and m.start() < s.end for s in out):
                out.append(NamedSpan(m.start(), m.end(), label, surface, 0, 0))
    out.sort(key=lambda s: s.start)
    return out


def entities(
    text: str, *labelled: tuple[str, str], table: AliasTable | None = None
) -> list[Entity]:
    ms, ents = mentions.group(text, spans(text, *labelled), table)
    for m in ms:
        assert text[m.start : m.end] == m.text
    starts = sorted((m.start, m.end) for m in ms)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(starts)), "mentions overlap"
    return ents


def by_name(ents: list[Entity], name: str) -> Entity:
    hits = [e for e in ents if e.name == name]
    assert len(hits) == 1, (name, [e.name for e in ents])
    return hits[0]


def surfaces(e: Entity) -> list[str]:
    return [m.text for m in e.mentions]


def test_title_is_trimmed_and_bare_surname_joins_full_name() -> None:
    text = "President Ilham Doshev opened the dam. Critics say President Doshev rushed it."
    ents = entities(text, ("President Ilham Doshev", "PERSON"), ("Doshev", "PERSON"))
    e = by_name(ents, "Ilham Doshev")
    assert surfaces(e) == ["Ilham Doshev", "Doshev"]
    assert e.type == "PERSON" and e.aliases == ("Doshev",)


def test_mislabelled_hyphenated_surname_joins_the_person() -> None:
    text = "Marta Kowal-Berg, an analyst, disagreed. The plan will fail, concludes Kowal-Berg."
    ents = entities(text, ("Marta Kowal-Berg", "PERSON"), ("Kowal-Berg", "ORG"))
    assert len(ents) == 1
    assert ents[0].type == "PERSON" and len(ents[0].mentions) == 2


def test_shared_surname_goes_to_the_nearest_full_name_before_it() -> None:
    text = (
        "Karim Tarzi founded the party. His son Omar Tarzi leads it now. "
        "Tarzi said the vote was fair."
    )
    ents = entities(text, ("Karim Tarzi", "PERSON"), ("Omar Tarzi", "PERSON"), ("Tarzi", "PERSON"))
    assert surfaces(by_name(ents, "Omar Tarzi")) == ["Omar Tarzi", "Tarzi"]
    assert surfaces(by_name(ents, "Karim Tarzi")) == ["Karim Tarzi"]


def test_different_given_names_stay_apart_in_one_document() -> None:
    text = "Ahmad Rafi met the envoy. His late father Ahmad Shah Rafi led the valley."
    ents = entities(text, ("Ahmad Rafi", "PERSON"), ("Ahmad Shah Rafi", "PERSON"))
    assert {e.name for e in ents} == {"Ahmad Rafi", "Ahmad Shah Rafi"}


def test_transliterated_surname_joins_the_full_name() -> None:
    text = "Nurlan Saparov, the mayor, resigned. Saparow denied any wrongdoing."
    ents = entities(text, ("Nurlan Saparov", "PERSON"), ("Saparow", "PERSON"))
    assert len(ents) == 1 and ents[0].name == "Nurlan Saparov"


def test_acronym_defined_in_text_and_unlabelled_later_use() -> None:
    text = (
        "Lena Ots heads the Council for Northern Water Rights (CNWR). "
        "A CNWR report, out Monday, blames the dam."
    )
    ents = entities(text, ("Lena Ots", "PERSON"), ("Council for Northern Water Rights", "ORG"))
    e = by_name(ents, "Council for Northern Water Rights")
    assert surfaces(e) == ["Council for Northern Water Rights", "CNWR", "CNWR"]


def test_translated_acronym_and_dateline_agency() -> None:
    text = "KALDOR CITY (AFP) - The Green Valley Farmers Union (UAV) marched. Kaldor City was calm."
    ents = entities(
        text,
        ("KALDOR CITY", "ORG"),
        ("Kaldor City", "GPE"),
        ("Green Valley Farmers Union", "ORG"),
    )
    assert "UAV" in by_name(ents, "Green Valley Farmers Union").aliases
    city = by_name(ents, "KALDOR CITY") if any(e.name == "KALDOR CITY" for e in ents) else None
    assert city is None or "AFP" not in city.aliases
    assert not any("AFP" in e.aliases for e in ents)


def test_alias_data_groups_names_and_finds_unlabelled_acronyms() -> None:
    text = (
        "ARMY SAYS IS LOSING GROUND\n"
        "Islamic State fighters left the town. Daesh, as locals call it, "
        "had held it since 2019. Officials said IS would return."
    )
    ents = entities(text, ("ARMY", "ORG"), ("Islamic State", "ORG"), ("Daesh", "GPE"))
    e = by_name(ents, "Islamic State")
    assert e.type == "ORG"
    assert surfaces(e) == ["Islamic State", "Daesh", "IS"]  # not the IS of the headline


def test_branch_long_form_is_extended_and_kept_apart_from_parent() -> None:
    text = (
        "The Islamic State (IS) group lost ground, but the Islamic State group in "
        "Khorasan (ISKP) grew. Analysts say ISKP now outnumbers IS in the region."
    )
    ents = entities(text, ("Islamic State", "ORG"), ("Khorasan", "GPE"))
    parent = by_name(ents, "Islamic State")
    branch = by_name(ents, "Islamic State group in Khorasan")
    assert surfaces(parent) == ["Islamic State", "IS", "IS"]
    assert surfaces(branch) == ["Islamic State group in Khorasan", "ISKP", "ISKP"]
    assert not any(e.name == "Khorasan" for e in ents)


def test_same_name_with_two_labels_is_one_entity_typed_by_vote() -> None:
    text = "Rosa Imlach argued at length. Rosa Imlach, a historian, added detail. Rosa Imlach left."
    ms = [
        NamedSpan(m.start(), m.end(), label, "Rosa Imlach", 0, 0)
        for m, label in zip(re.finditer("Rosa Imlach", text), ["ORG", "PERSON", "ORG"], strict=True)
    ]
    _, ents = mentions.group(text, ms)
    assert len(ents) == 1 and ents[0].type == "PERSON"


def test_possessive_article_and_quotes_are_trimmed() -> None:
    text = "“the Ferrow Institute” said so. The Ferrow Institute's chief agreed."
    ents = entities(text, ("the Ferrow Institute", "ORG"), ("The Ferrow Institute's", "ORG"))
    assert len(ents) == 1
    assert ents[0].name == "Ferrow Institute"
    assert surfaces(ents[0]) == ["Ferrow Institute", "Ferrow Institute"]


def test_ids_are_type_and_canonical_name_hashes() -> None:
    text = "Ilham Doshev spoke."
    a = entities(text, ("Ilham Doshev", "PERSON"))
    b = entities("Later, " + text, ("Ilham Doshev", "PERSON"))
    assert a[0].id == b[0].id == mentions.entity_id("PERSON", "Ilham Doshev")
    assert mentions.normalize("The Ferrow Institute's") == "ferrow institute"


def test_make_stage_uses_a_user_alias_table() -> None:
    table = AliasTable([AliasEntry("Ferrow Institute", "FI", "ORG", "test")])
    text = "The Ferrow Institute published it. FI staff disagreed."
    doc = Document("d1", text)
    a = Analysis(Annotated(doc, (), (), tuple(spans(text, ("Ferrow Institute", "ORG")))))
    mentions.make_stage(table).run(a)
    assert [m.text for m in a.mentions] == ["Ferrow Institute", "FI"]
    assert mentions.STAGE.assigns == ("mentions", "entities")
    assert mentions.STAGE.requires == ("annotated",)


# ------------------------------------------------------------------ samples


@pytest.fixture(scope="module")
def sample_entities() -> Iterator[dict[str, list[Entity]]]:
    need_shared()
    from newsledger import pipeline
    from newsledger.nlp import spacy_adapter as nlp

    docs = [Document(p.stem, p.read_text(encoding="utf-8")) for p in sorted(SAMPLES.glob("*.txt"))]
    out = {}
    for ann in nlp.annotate(docs):
        out[ann.doc.id] = pipeline.analyse(ann, pipeline.stages_for("mentions")).entities
    yield out


def _find(ents: list[Entity], surface: str) -> Entity:
    hits = [e for e in ents if any(m.text == surface for m in e.mentions)]
    assert len(hits) == 1, (surface, [e.name for e in hits])
    return hits[0]


def test_sample_crocus_groups(sample_entities: dict[str, list[Entity]]) -> None:
    ents = sample_entities["000_12d3de687a75bb58"]
    is_ = _find(ents, "Daesh")
    assert is_.name == "Islamic State" and is_.type == "ORG"
    assert {"IS", "ISIS", "Daesh"} <= {m.text for m in is_.mentions}
    branch = _find(ents, "EI-K")
    assert branch.id != is_.id and "Khorasan" in branch.name
    assert _find(ents, "COSAC").name == "Center for Observation of Central Asian Societies"
    putin = _find(ents, "Putin")
    assert putin.name == "Vladimir Putin"
    assert putin.id != _find(ents, "Emomali Rakhmon").id


def test_sample_resistance_groups(sample_entities: dict[str, list[Entity]]) -> None:
    ents = sample_entities["004_97df1cbacbb72619"]
    assert _find(ents, "Salah").name == "Amrullah Saleh"
    assert _find(ents, "Felbab-Brown").name == "Vanda Felbab-Brown"
    assert _find(ents, "Rahmon").name == "Emomali Rahmon"
    son, father = _find(ents, "Ahmad Massoud"), _find(ents, "Ahmad Shah Massoud")
    assert son.id != father.id
    assert _find(ents, "Massoud").id == son.id  # "the forces of Massoud and Salah"
    fair = _find(ents, "Christine Fair")
    assert fair.type == "PERSON" and len(fair.mentions) == 3
