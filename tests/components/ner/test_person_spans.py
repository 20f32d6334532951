"""A person's name run together with a word before it (components/ner/person_spans.py)
and the occupation and faith words of the tables, on fictional text."""

from __future__ import annotations

from dataclasses import replace

from newsledger.core.model import Annotated, NamedSpan, Sentence, Token
from tests.components.ner.test_nerfix import ents, labels_of, make


def resplit(a: Annotated) -> Annotated:
    """``a`` tokenised like spaCy: hyphenated words split ("Osei", "-", "Abbey") and a
    sentence ending at each full stop."""
    toks: list[Token] = []
    sent = 0
    for x in a.tokens:
        parts = x.text.split("-")
        pos = x.start
        for k, part in enumerate(parts):
            if k:
                toks.append(replace(x, i=len(toks), start=pos, end=pos + 1, text="-", lemma="-"))
                toks[-1] = replace(toks[-1], pos="PUNCT", tag="PUNCT", sent=sent)
                pos += 1
            w = replace(x, i=len(toks), start=pos, end=pos + len(part), text=part)
            toks.append(replace(w, lemma=part.lower(), sent=sent))
            pos += len(part)
        if x.text == ".":
            sent += 1
    sents: list[Sentence] = []
    for n in range(sent + 1):
        mine = [x for x in toks if x.sent == n]
        if mine:
            sents.append(Sentence(mine[0].start, mine[-1].end, mine[0].i, mine[-1].i + 1))
    by_start = {x.start: x.i for x in toks}
    by_end = {x.end: x.i for x in toks}
    spans = tuple(
        NamedSpan(e.start, e.end, e.label, e.text, by_start[e.start], by_end[e.end] + 1)
        for e in a.ents
    )
    return replace(a, tokens=tuple(toks), sents=tuple(sents), ents=spans)


def tagged(a: Annotated, tags: dict[str, str]) -> Annotated:
    """``a`` with the fine tags of the given words set ("RB", "JJ")."""
    toks = tuple(replace(x, tag=tags[x.text]) if x.text in tags else x for x in a.tokens)
    return replace(a, tokens=toks)


def test_a_party_word_before_a_full_name_is_a_norp_of_its_own() -> None:
    a = make("But Tory Hal Varden said the plan was clear .", [("Tory Hal Varden", "PERSON")])
    assert ("Hal Varden", "PERSON") in ents(a)
    assert ("Tory", "NORP") in ents(a)
    assert labels_of(a, "Tory Hal Varden") == []


def test_a_faith_word_that_is_also_a_given_name_stays_in_a_two_word_name() -> None:
    a = make("Christian Varde starred in the film .", [("Christian Varde", "PERSON")])
    assert labels_of(a, "Christian Varde") == ["PERSON"]


def test_a_word_before_an_honorific_is_cut_whatever_the_type() -> None:
    text = "Analysing Mr Varden 's position , the reporter said little ."
    a = make(text, [("Analysing Mr Varden", "ORG")], pos={"Analysing": "VERB"})
    assert labels_of(a, "Mr Varden") == ["PERSON"]
    assert labels_of(a, "Analysing Mr Varden") == []


def test_a_proper_noun_before_an_honorific_is_left_alone() -> None:
    a = make("Both Mr Varden and Mr Quill spoke .", [("Both Mr Varden and Mr Quill", "PERSON")])
    assert ("Mr Varden and Mr Quill", "PERSON") not in ents(a)


def test_an_occupation_opening_a_sentence_is_stripped_from_the_name() -> None:
    a = make("Rapper Zed Quorn is to play a gig .", [("Rapper Zed Quorn", "PERSON")])
    assert labels_of(a, "Zed Quorn") == ["PERSON"]
    b = make("Keeper Ivo Harl was organising his wall .", [("Keeper Ivo Harl", "PERSON")])
    assert labels_of(b, "Ivo Harl") == ["PERSON"]
    c = make("Newcomer Dara has four nominations .", [("Newcomer Dara", "PERSON")])
    assert labels_of(c, "Dara") == ["PERSON"]


def test_a_religion_is_a_norp_not_a_body() -> None:
    a = make("He went to Varn to study Islam and law .", [("Varn", "GPE"), ("Islam", "ORG")])
    assert labels_of(a, "Islam") == ["NORP"]


def test_a_name_cut_at_a_hyphen_takes_the_rest_of_its_word() -> None:
    text = "Arturo Vane or Quincy Osei-Abbey may start . Later Osei-Abbey scored ."
    a = make(text, [("Arturo Vane", "PERSON"), ("Quincy Osei-Abbey", "PERSON")])
    a = resplit(a)
    a = replace(a, ents=(a.ents[0], replace(a.ents[1], end=a.ents[1].end - 6, text="Quincy Osei")))
    later = next(x for x in a.tokens if x.text == "Osei" and x.start > 30)
    a = replace(
        a, ents=(*a.ents, NamedSpan(later.start, later.end, "GPE", "Osei", later.i, later.i + 1))
    )
    assert labels_of(a, "Quincy Osei-Abbey") == ["PERSON"]
    assert labels_of(a, "Osei-Abbey") == ["PERSON"]
    assert labels_of(a, "Osei") == []


def test_two_peoples_names_joined_by_a_hyphen_stay_apart() -> None:
    text = "Tom Vane met Ann Harl . The Vane-Harl feud went on ."
    a = resplit(make(text, [("Tom Vane", "PERSON"), ("Ann Harl", "PERSON")]))
    vane = next(x for x in a.tokens if x.text == "Vane" and x.start > 20)
    a = replace(
        a, ents=(*a.ents, NamedSpan(vane.start, vane.end, "PERSON", "Vane", vane.i, vane.i + 1))
    )
    assert labels_of(a, "Vane-Harl") == []


def test_an_adverb_opening_the_sentence_leaves_the_name() -> None:
    text = "Nevertheless Franz Vane were the only band to win ."
    a = make(text, [("Nevertheless Franz Vane", "ORG")], pos={"Nevertheless": "ADV"})
    a = tagged(resplit(a), {"Nevertheless": "RB"})
    assert labels_of(a, "Franz Vane") == ["ORG"]


def test_an_adjective_opening_the_sentence_leaves_a_name_given_alone() -> None:
    text = "Copies of Kollywood films sold . Legitimate Kollywood distributors hailed it ."
    spans = [("Kollywood", "ORG"), ("Legitimate Kollywood", "ORG")]
    a = tagged(resplit(make(text, spans, pos={"Legitimate": "ADJ"})), {"Legitimate": "JJ"})
    assert labels_of(a, "Kollywood") == ["ORG", "ORG"]
    assert labels_of(a, "Legitimate Kollywood") == []


def test_a_roman_numeral_after_a_common_word_is_no_name() -> None:
    a = make("He made the starting XV against Varn .", [("XV", "ORG"), ("Varn", "GPE")])
    assert labels_of(a, "XV") == []
    b = make("King Henry VIII reigned .", [("Henry VIII", "PERSON")])
    assert labels_of(b, "Henry VIII") == ["PERSON"]


def test_a_common_word_opening_a_sentence_before_a_noun_is_no_name() -> None:
    text = "It uses digital cameras . Digital technology has changed the Varn zoo ."
    a = resplit(make(text, [("Digital", "ORG"), ("Varn", "GPE")], pos={"technology": "NOUN"}))
    assert labels_of(a, "Digital") == []


def test_a_name_opening_a_sentence_before_a_noun_stays_without_lower_case_use() -> None:
    text = "Sale wing Tom Vane scored . Sale lost at Varn ."
    a = resplit(make(text, [("Sale", "ORG"), ("Tom Vane", "PERSON"), ("Sale", "ORG")]))
    assert labels_of(a, "Sale") == ["ORG", "ORG"]


def test_an_honour_is_no_body() -> None:
    a = make("Tom Vane was awarded the OBE for services to drama .", [("OBE", "ORG")])
    assert labels_of(a, "OBE") == []


def test_a_people_opening_a_sentence_with_the_is_no_title() -> None:
    text = "Wales play Varn . The Welsh scrum is strong ."
    a = resplit(make(text, [("Wales", "GPE"), ("Varn", "GPE"), ("The Welsh", "WORK_OF_ART")]))
    assert labels_of(a, "Welsh") == ["NORP"]
    assert labels_of(a, "The Welsh") == []


def test_a_body_the_report_names_is_no_title_with_its_noun() -> None:
    text = "Ann Vane left Labour . The Labour party will miss her ."
    spans = [("Ann Vane", "PERSON"), ("Labour", "ORG"), ("The Labour party", "WORK_OF_ART")]
    a = resplit(make(text, spans))
    assert labels_of(a, "Labour") == ["ORG", "ORG"]


def test_a_title_after_its_kind_stays_a_title() -> None:
    text = "Ann Vane writes for hit cartoon The Quills , a show about Quills ."
    spans = [("Ann Vane", "PERSON"), ("The Quills", "WORK_OF_ART"), ("Quills", "ORG")]
    a = resplit(make(text, spans))
    the = next(x.i for x in a.tokens if x.text == "The")  # the parser broke the sentence there
    a = replace(a, tokens=tuple(replace(x, sent=1) if x.i >= the else x for x in a.tokens))
    assert labels_of(a, "The Quills") == ["WORK_OF_ART"]


def test_a_speech_verb_put_first_is_cut_from_the_name() -> None:
    text = "The boost came late . Said Varnia coach Ilse Drummond : it helps ."
    a = make(text, [("Said Varnia", "PERSON")], pos={"Said": "VERB"})
    a = resplit(a)
    assert labels_of(a, "Said Varnia") == []
    assert labels_of(a, "Varnia") != []
