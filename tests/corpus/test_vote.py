"""The reports' vote on the type of a multi-word name (newsledger.corpus.vote)."""

from __future__ import annotations

from newsledger.corpus.resolve import Resolution, resolve
from tests.corpus.test_resolve import Doc, doc, ent


def _types(res: Resolution, docs: list[Doc], name: str) -> dict[str, set[str]]:
    """Global id -> types of the documents' entities named ``name`` mapped to it."""
    out: dict[str, set[str]] = {}
    for d, ents in docs:
        for e in ents:
            if e.name == name:
                g = res.global_id(d, e.id)
                out.setdefault(g, set()).add(res.entities[g].type)
    return out


def _reports(name: str, majority: str, n_major: int, minority: str, n_minor: int) -> list[Doc]:
    docs = [doc(f"m{k}", ent(majority, name, n=2)) for k in range(n_major)]
    return docs + [doc(f"w{k}", ent(minority, name)) for k in range(n_minor)]


def test_a_party_typed_person_in_two_reports_joins_the_org_of_seven() -> None:
    docs = _reports("Green Dawn", "ORG", 7, "PERSON", 2)
    res = resolve(docs)
    assert list(_types(res, docs, "Green Dawn").values()) == [{"ORG"}]
    assert res.stats["joined_vote"] == 1
    off = resolve(docs, vote=False)
    assert len(_types(off, docs, "Green Dawn")) == 2  # without the vote: a "person" apart


def test_no_clear_majority_keeps_the_types_apart() -> None:
    for major, minor in ((3, 2), (4, 3), (2, 1)):  # fewer than twice, or fewer than 2 more
        docs = _reports("Green Dawn", "ORG", major, "PERSON", minor)
        assert len(_types(resolve(docs), docs, "Green Dawn")) == 2, (major, minor)


def test_a_person_majority_outvotes_no_one() -> None:
    docs = _reports("Nova Quill", "PERSON", 6, "ORG", 2)  # a band most reports tag PERSON
    assert len(_types(resolve(docs), docs, "Nova Quill")) == 2


def test_a_title_is_outvoted_by_no_name_type_but_by_another_title() -> None:
    film = _reports("Salt Harbour Nights", "ORG", 5, "WORK_OF_ART", 1)
    assert len(_types(resolve(film), film, "Salt Harbour Nights")) == 2
    cup = _reports("Northern Cup", "EVENT", 5, "WORK_OF_ART", 1)
    assert list(_types(resolve(cup), cup, "Northern Cup").values()) == [{"EVENT"}]
    tagged = _reports("Northern Cup", "EVENT", 5, "NORP", 2)
    assert list(_types(resolve(tagged), tagged, "Northern Cup").values()) == [{"EVENT"}]


def test_a_town_and_its_club_stay_apart_however_many_reports() -> None:
    docs = _reports("Milton Keynes", "GPE", 6, "ORG", 1)
    docs += _reports("Milton Keynes", "ORG", 0, "PERSON", 1)
    assert len(_types(resolve(docs), docs, "Milton Keynes")) >= 2


def test_one_word_names_never_vote() -> None:
    docs = _reports("Senderos", "ORG", 6, "PERSON", 1)
    assert resolve(docs).stats.get("joined_vote", 0) == 0


def test_a_minority_joined_to_other_names_keeps_its_own_evidence() -> None:
    # the person "Emil Rakhimov" is also spelled "Emil Rahimov" in another report: his
    # cluster holds another name, so the ORG of five reports ("Emil Rakhimov", a
    # foundation's short name) does not take it
    docs = _reports("Emil Rakhimov", "ORG", 5, "PERSON", 1)
    docs.append(doc("t0", ent("PERSON", "Emil Rahimov", n=2)))
    res = resolve(docs)
    assert res.global_id("w0", docs[5][1][0].id) == res.global_id("t0", docs[6][1][0].id)
    assert len(_types(res, docs, "Emil Rakhimov")) == 2
    assert res.stats.get("joined_vote", 0) == 0


def test_a_title_one_report_establishes_takes_the_person_or_place_of_two() -> None:
    docs = _reports("Harbour Lights Fading", "WORK_OF_ART", 1, "PERSON", 2)
    docs += [doc("g0", ent("GPE", "Harbour Lights Fading"))]
    res = resolve(docs)
    assert list(_types(res, docs, "Harbour Lights Fading").values()) == [{"WORK_OF_ART"}]
    assert res.stats["joined_title"] == 2


def test_a_title_takes_no_body_and_no_widely_named_person() -> None:
    band = _reports("Vanity Harbour", "WORK_OF_ART", 1, "ORG", 1)  # a magazine and its film
    assert len(_types(resolve(band), band, "Vanity Harbour")) == 2
    person = _reports("Mara Colt", "WORK_OF_ART", 1, "PERSON", 3)  # her biopic, once
    assert len(_types(resolve(person), person, "Mara Colt")) == 2


def test_a_firm_named_after_a_person_takes_the_bare_full_name_of_as_many_reports() -> None:
    docs = _reports("Arthur Brill", "ORG", 1, "PERSON", 1)  # a bookmaker, typed ORG once
    res = resolve(docs)
    assert list(_types(res, docs, "Arthur Brill").values()) == [{"ORG"}]
    assert res.stats["joined_named_body"] == 1
    # a report that names a person ("Brill" alone, "Mr Brill") keeps its person
    person = _reports("Arthur Brill", "ORG", 1, "PERSON", 0)
    person.append(doc("p0", ent("PERSON", "Arthur Brill", "Brill")))
    assert len(_types(resolve(person), person, "Arthur Brill")) == 2
    # more reports of the person than of the body: left apart
    more = _reports("Arthur Brill", "ORG", 1, "PERSON", 2)
    assert len(_types(resolve(more), more, "Arthur Brill")) == 2
    # no given name first: the ordinary vote's bar holds
    plain = _reports("Green Dawn", "ORG", 1, "PERSON", 1)
    assert len(_types(resolve(plain), plain, "Green Dawn")) == 2
