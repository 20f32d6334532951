"""Models named after their maker (components/ner/products.py), on fictional text."""

from __future__ import annotations

from dataclasses import replace

from newsledger.core.model import Annotated
from tests.components.ner.test_nerfix import ents, labels_of, make


def test_maker_and_model_tagged_as_the_maker_is_a_product() -> None:
    text = "Drivers of the Isuzu Cantrel complained. Brakes on the Isuzu Cantrel failed twice."
    a = make(text, [("Isuzu Cantrel", "ORG"), ("Isuzu Cantrel", "PERSON")])
    assert labels_of(a, "Isuzu Cantrel") == ["PRODUCT", "PRODUCT"]


def test_maker_tagged_alone_takes_its_model_name() -> None:
    text = "The new Toyota Varenza goes on sale in May, the firm said on Friday."
    a = make(text, [("Toyota", "ORG")])
    assert ("Toyota Varenza", "PRODUCT") in ents(a)


def test_software_named_after_its_maker_is_a_product() -> None:
    text = "Users of Microsoft Quillpad were told to install the patch at once."
    a = make(text, [("Microsoft Quillpad", "ORG")])
    assert labels_of(a, "Microsoft Quillpad") == ["PRODUCT"]


def test_a_unit_of_the_maker_stays_an_organisation() -> None:
    text = "Sony Music and Toyota Motor said Microsoft Research would join the Ford Foundation."
    a = make(
        text,
        [
            ("Sony Music", "ORG"),
            ("Toyota Motor", "ORG"),
            ("Microsoft Research", "ORG"),
            ("Ford Foundation", "ORG"),
        ],
    )
    assert [lab for _, lab in ents(a)] == ["ORG", "ORG", "ORG", "ORG"]


def test_maker_before_a_place_or_a_title_is_not_extended() -> None:
    text = "Nokia Finland said on Monday that Nokia Chairman Ole Vannet would stay."
    a = make(text, [("Nokia", "ORG"), ("Nokia", "ORG"), ("Ole Vannet", "PERSON")])
    assert ("Nokia", "ORG") in ents(a)
    assert not any(lab == "PRODUCT" for _, lab in ents(a))


def test_two_word_maker_typed_person_is_a_company() -> None:
    text = "Sales at Alfa Romeo rose by a fifth last year."
    a = make(text, [("Alfa Romeo", "PERSON")])
    assert labels_of(a, "Alfa Romeo") == ["ORG"]


def test_one_word_maker_typed_person_alone_stays_a_person() -> None:
    text = "Annie Ford spoke first. Ford said she would run again."
    a = make(text, [("Annie Ford", "PERSON"), ("Ford", "PERSON")])
    assert labels_of(a, "Ford") == ["PERSON"]


def test_maker_and_a_model_tagged_apart_join_into_one_product() -> None:
    text = "The firm is recalling 900 Cadillac VRX coupes built last year."
    a = make(text, [("Cadillac", "ORG"), ("VRX", "ORG")])
    assert ("Cadillac VRX", "PRODUCT") in ents(a)


def test_the_models_listed_after_a_makers_model_are_products() -> None:
    text = "The recall covers the Chevrolet Avalanche , Express , Kodiak and Prowler ; dealers were told ."
    a = make(text, [("Chevrolet Avalanche", "PRODUCT"), ("Express", "GPE"), ("Kodiak", "PERSON")])
    got = ents(a)
    for model in ("Express", "Kodiak", "Prowler"):
        assert (model, "PRODUCT") in got
    assert ("Express", "GPE") not in got


def glued(a: Annotated, word: str, pos: str) -> Annotated:
    """``a`` with the tokens that spell ``word`` without spaces made one token (as spaCy
    keeps "X5"), tagged ``pos``."""
    toks = list(a.tokens)
    k = next(i for i in range(len(toks) - 1) if toks[i].text + toks[i + 1].text == word)
    one = replace(toks[k], end=toks[k + 1].end, text=word, lemma=word.lower(), pos=pos, tag=pos)
    merged = [*toks[:k], one, *toks[k + 2 :]]
    tokens = tuple(replace(t, i=i) for i, t in enumerate(merged))
    ents = tuple(
        replace(
            e,
            token_start=e.token_start - (e.token_start > k),
            token_end=e.token_end - (e.token_end > k),
        )
        for e in a.ents
    )
    sents = tuple(replace(s, token_end=len(tokens)) for s in a.sents)
    return replace(a, tokens=tokens, ents=ents, sents=sents)


def test_a_models_code_is_part_of_the_product() -> None:
    a = make("Drivers prefer the BMW Q7 and its sibling .", [("BMW Q7", "ORG")])
    got = ents(glued(a, "Q7", "NOUN"))
    assert got == [("BMW Q7", "PRODUCT")]


def test_an_untagged_maker_before_its_model_makes_one_product() -> None:
    a = make("The recall covers the GMC Savorra as well .", [("Savorra", "GPE")])
    assert labels_of(a, "GMC Savorra") == ["PRODUCT"]
    assert labels_of(a, "Savorra") == []


def test_names_listed_after_a_plural_product_noun_are_products() -> None:
    text = "The owner of brands such as Vane Milk , Dr Roe and Tessel grew ."
    a = make(text, [("Vane Milk", "PERSON"), ("Tessel", "GPE")])
    assert labels_of(a, "Vane Milk") == ["PRODUCT"]
    assert labels_of(a, "Dr Roe") == ["PRODUCT"]
    assert labels_of(a, "Tessel") == ["PRODUCT"]


def test_a_makers_possessive_in_a_list_of_products_stays_the_maker() -> None:
    text = "New consoles such as Vanex's Playbox and Roeco's Game Cube sold ."
    a = make(text, [("Vanex", "ORG"), ("Playbox", "ORG"), ("Roeco", "ORG"), ("Game Cube", "FAC")])
    assert labels_of(a, "Vanex") == ["ORG"]
    assert labels_of(a, "Playbox") == ["PRODUCT"]
    assert labels_of(a, "Game Cube") == ["PRODUCT"]
    b = make("Its brands including Vane soap sold .", [("Vane", "PERSON")])
    assert labels_of(b, "Vane") == ["PRODUCT"]


def test_a_computer_makers_model_is_a_product_and_its_units_stay_the_maker() -> None:
    text = "He wrote games on the Atari Vanlynx . Atari International filed for bankruptcy ."
    a = make(text, [("Atari Vanlynx", "ORG"), ("Atari International", "ORG")])
    assert labels_of(a, "Atari Vanlynx") == ["PRODUCT"]
    assert labels_of(a, "Atari International") == ["ORG"]


def test_a_models_name_after_its_makers_possessive_is_a_product() -> None:
    text = "Star of the show will be Sony's Vanbot Robot , a dancing machine ."
    a = make(text, [("Sony", "ORG"), ("Vanbot Robot", "PERSON")])
    assert labels_of(a, "Vanbot Robot") == ["PRODUCT"]
    text = "Ann Roe spoke . Sony's Roe said so , and Sony's Vanlink music store opened ."
    b = make(text, [("Ann Roe", "PERSON"), ("Sony", "ORG"), ("Roe", "PERSON"), ("Vanlink", "ORG")])
    assert labels_of(b, "Roe") == ["PERSON"]  # a surname of a person named in full
    assert labels_of(b, "Vanlink") == ["ORG"]  # a part of the company
