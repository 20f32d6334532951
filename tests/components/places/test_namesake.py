"""The namesake model: features, shipped weights, and choices that follow the context."""

from __future__ import annotations

from newsledger.components.places import namesake
from newsledger.components.places.candidates import Candidate
from newsledger.components.places.gazetteer import key, load
from tests.components.places.test_places import by_text, doc


def _cand(name: str) -> Candidate:
    hits = load().lookup(name)
    assert hits, name
    return Candidate(0, len(name), name, key(name), hits, "ner")


def test_shipped_weights_cover_every_feature() -> None:
    w = namesake.shipped_weights()
    assert len(w) == len(namesake.FEATURES)
    assert any(v != 0.0 for v in w)


def test_features_follow_the_document_context() -> None:
    c = _cand("Georgia")
    ctx = namesake.Context()
    ctx.votes["US"] += 3
    rows = {h.record.country: namesake.features(h, c, ctx) for h in c.hits if not h.alt}
    share = namesake.FEATURES.index("country_share")
    assert rows["US"][share] == 1.0 and rows["GE"][share] == 0.0
    for f in rows.values():
        assert len(f) == len(namesake.FEATURES)
    w = namesake.shipped_weights()
    best = max(rows, key=lambda cc: namesake.score(w, rows[cc]))
    assert best == "US"  # the state when the article is about the United States


def test_georgia_is_the_country_without_us_context() -> None:
    a = doc("Troops crossed from Russia into Georgia.", [("Russia", "GPE"), ("Georgia", "GPE")])
    assert by_text(a)["Georgia"].country == "GE"
    b = doc(
        "Voters in Atlanta and Savannah, Georgia, waited for hours.",
        [("Atlanta", "GPE"), ("Savannah", "GPE"), ("Georgia", "GPE")],
    )
    assert by_text(b)["Georgia"].country == "US"


def test_georgia_does_not_vote_for_its_own_country() -> None:
    # the name alone is ambiguous between the country and the state: it lends no context
    a = doc(
        "Health officials in Georgia reported new cases, as did Texas and Ohio.",
        [("Georgia", "GPE"), ("Texas", "GPE"), ("Ohio", "GPE")],
    )
    assert by_text(a)["Georgia"].country == "US"


def test_outlet_home_from_its_address() -> None:
    from newsledger.components.places.outlets import home_country, home_places

    gz = load()
    assert home_country("https://www.cbc.ca/news/canada/x") == "CA"
    assert home_country("https://example.io/a") is None
    got = [(r.name, r.country) for r in home_places("https://www.amarillo.com/news/x", gz)]
    assert got == [("Amarillo", "US")]
    sections = home_places("https://www.cbc.ca/news/canada/manitoba/some-story-1.2", gz)
    assert [(r.name, r.feature) for r in sections] == [("Manitoba", "adm1")]
    # a site not named for a town, and a common word that is a small town, give nothing
    assert home_places("https://www.theglobeandmail.com/news/x", gz) == []
    assert home_places("https://www.startribune.com/x/", gz) == []
