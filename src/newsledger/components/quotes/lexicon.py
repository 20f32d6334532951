"""The cue and noun lexicons of the quote stage, read once from data files.

``data/quote_cues.tsv`` lists attribution cues (verbs, phrasal verbs, multi-word
prepositions, nouns) with the complements that hold their content and whether
they need a person or organisation as subject; ``data/quote_nouns.tsv`` lists
person, group and source nouns, and ``data/titles.tsv`` (kind title) the titles.
Each says in its header how to edit it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from newsledger.core.lexicon import Col, read_table
from newsledger.core.model import Token
from newsledger.core.wordlists import titles_of

CLAUSE_HEAD_POS = frozenset({"VERB", "AUX"})
_CONTENT_KINDS = frozenset({"clause", "np", "to", "pp", "-"})
AGENT = "agent"  # marker in Cue.allowed: the cue needs a person or organisation as subject
_CUE_KINDS = frozenset({"verb", "phrasal", "prep", "noun"})


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, frozenset[str]]  # lemma -> content kinds
    phrasal: dict[str, dict[str, frozenset[str]]]  # verb lemma -> particle -> kinds
    nouns: dict[str, frozenset[str]]  # noun lemma -> content kinds
    preps: tuple[tuple[str, ...], ...]  # multi-word prepositions, lower-cased words
    prep_first: frozenset[str]  # their first words
    person_nouns: frozenset[str]
    group_nouns: frozenset[str]
    title_nouns: frozenset[str]
    source_nouns: frozenset[str]
    org_heads: frozenset[str]


CUE_COLUMNS = (
    Col("cue", required=True),
    Col("kind", choices=_CUE_KINDS, required=True),
    Col("content", required=True),
    Col("subject", choices=frozenset({"any", "agent"}), required=True),
)
NOUN_COLUMNS = (
    Col("noun", required=True),
    Col("class", choices=frozenset({"person", "group", "source", "orghead"})),
)
VERB_CLASS_COLUMNS = (
    Col("lemma", required=True),
    Col("class", required=True),
    Col("pos", choices=frozenset({"VERB", "NOUN"}), required=True),
)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The cue and noun lexicons, read once per process."""
    verbs: dict[str, frozenset[str]] = {}
    phrasal: dict[str, dict[str, frozenset[str]]] = {}
    nouns: dict[str, frozenset[str]] = {}
    preps: list[tuple[str, ...]] = []
    for row in read_table("quote_cues.tsv", CUE_COLUMNS):
        cue, kind, content, subject = row.cells()
        kinds = frozenset(content.split("|"))
        if not kinds <= _CONTENT_KINDS:
            raise row.error(
                f"unknown content kinds {content!r}.", "Use clause, np, to, pp or - joined by |."
            )
        if subject == "agent":
            kinds = kinds | {AGENT}
        if kind == "verb":
            verbs[cue] = kinds
        elif kind == "phrasal":
            v, particle = cue.split(" ", 1)
            phrasal.setdefault(v, {})[particle] = kinds
        elif kind == "noun":
            nouns[cue] = kinds
        elif kind == "prep":
            preps.append(tuple(cue.lower().split()))
    person: set[str] = set()
    group: set[str] = set()
    title: set[str] = set()
    source: set[str] = set()
    org_heads: set[str] = set()
    for row in read_table("quote_nouns.tsv", NOUN_COLUMNS):
        noun, cls = row["noun"].lower(), row["class"]
        if cls == "person":
            person.add(noun)
        if cls == "source":
            source.add(noun)
        if cls == "orghead":
            org_heads.add(noun)
        if cls == "group":
            group.add(noun)
    # titles and ranks (data/titles.tsv) are person nouns too: "the senator said"
    title.update(t.lower() for t in titles_of(frozenset({"title"})))
    person.update(title)
    return Lexicon(
        verbs,
        phrasal,
        nouns,
        tuple(preps),
        frozenset(p[0] for p in preps),
        frozenset(person),
        frozenset(group),
        frozenset(title),
        frozenset(source),
        frozenset(org_heads),
    )


_AGENT_PRONOUNS = frozenset(
    {
        "he",
        "she",
        "they",
        "i",
        "we",
        "you",
        "who",
        "whom",
        "all",
        "both",
        "each",
        "some",
        "many",
        "most",
        "others",
        "several",
        "few",
        "everyone",
        "everybody",
        "someone",
        "somebody",
        "nobody",
        "none",
        "one",
    }
)
_AGENT_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def is_agent(lex: Lexicon, toks: tuple[Token, ...], i: int | None) -> bool:
    """Can token ``i`` head a phrase naming a person or an organisation?"""
    if i is None:
        return False
    t = toks[i]
    if t.pos == "PRON":
        return t.text.lower() in _AGENT_PRONOUNS
    if t.ent_type in _AGENT_ENTS or (t.pos == "PROPN" and not t.ent_type):
        return True
    low = t.lemma.lower()
    return low in lex.person_nouns or low in lex.group_nouns


def prep_length(lex: Lexicon, toks: tuple[Token, ...], i: int) -> int:
    """Length of the multi-word preposition starting at token ``i`` (0 if none)."""
    for words in lex.preps:
        k = len(words)
        if i + k <= len(toks) and all(toks[i + j].text.lower() == words[j] for j in range(k)):
            return k
    return 0
