"""Full names typed otherwise: "Finlay Calder" typed ORG or "Condoleezza Rice" GPE is the
person when the article gives its surname as a person's elsewhere, when a given name and a
particle open it ("Pieter de Villiers"), or when a weak given name
(``data/ner_given_names_moby.tsv``) opens it and the article backs it as a person ("Hugh
Vane and Ewan Tarrow")."""

from __future__ import annotations

from newsledger.components.ner.context_cues import weak_given
from newsledger.components.ner.evidence import cue_votes
from newsledger.components.ner.names import CONJUNCTIONS
from newsledger.components.ner.rules import HONORIFICS, PARTICLES, Doc, Span, is_name_word
from newsledger.components.ner.tables import Tables

NOT_PEOPLE = frozenset({"GPE", "LOC", "ORG", "FAC", "NORP"})


def full_names(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """ "Finlay Calder" typed ORG or "Condoleezza Rice" GPE: a two- or three-word name whose
    last word the article gives a person elsewhere ("Mr Calder", or "Calder" tagged a
    person), or a given name, a particle and a surname ("Pieter de Villiers"), is that
    person."""
    after_title = {
        d.toks[i + 1].text
        for i in range(len(d.toks) - 1)
        if d.toks[i].text.rstrip(".") in HONORIFICS
    }
    alone = {d.text[s.start : s.end].lower() for s in spans if s.label == "PERSON"}
    out: list[Span] = []
    for s in spans:
        words = d.text[s.start : s.end].split()
        if (
            s.src != "gaz"
            and s.label in NOT_PEOPLE
            and 2 <= len(words) <= 3
            and is_name_word(words[0])
            and is_name_word(words[-1])
            and all(is_name_word(w) or w.lower() in PARTICLES for w in words[1:-1])
            and not d.caps_at(s.start)
            and d.text[s.start : s.end] not in t.places
            and words[0] not in t.demonyms
            and t.keywords.get(words[-1]) is None
            and words[-1] not in t.places
            and (
                words[-1] in after_title
                or words[-1].lower() in alone
                or " ".join(words[1:]).lower() in alone  # "Arjan de Zeeuw" and "De Zeeuw"
                or (  # "Pieter de Villiers": a given name, a particle, a surname
                    len(words) == 3 and words[0] in t.given and words[1] in PARTICLES
                )
                or (weak_given_name(d, s, words) and person_evidence(d, t, s, spans))
            )
        ):
            s = Span(s.start, s.end, "PERSON", "rule")
        out.append(s)
    return out


def weak_given_name(d: Doc, s: Span, words: list[str]) -> bool:
    """Is the two-word name ``s`` a weak given name and a surname ("Graeme Souness" typed
    ORG, "Ewan McGregor")?  Not a plural ("Gunner Boys"), nor after "the" (a body's name)."""
    ts = d.tok_range(s.start, s.end)[0]
    return (
        len(words) == 2
        and words[0] in weak_given()
        and not words[1].endswith("s")
        and not words[1].isupper()
        and d.word(ts - 1).lower() != "the"
    )


def person_evidence(d: Doc, t: Tables, s: Span, spans: list[Span]) -> bool:
    """Does the article back ``s`` as a person: a person's cue around it, or a person's name
    joined to it by "and" or a comma ("Hugh Vane and Ewan Tarrow")?"""
    if cue_votes(d, t, s)["PERSON"] > 0:
        return True
    for o in spans:
        if o.label != "PERSON" or o is s:
            continue
        gap = d.text[o.end : s.start] if o.end <= s.start else d.text[s.end : o.start]
        if gap in CONJUNCTIONS and " " in d.text[o.start : o.end]:
            return True
    return False
