"""Models named after their maker: "the new Ford Focus", "Microsoft Outlook", "Isuzu Ascender".

spaCy types a maker's name followed by a model's name as the maker (ORG), a person or a
place, or tags the maker alone.  A known maker (``maker`` of ``data/ner_cues.tsv``: car,
software and electronics makers whose model names follow their own) followed by
capitalised or numbered words makes a product, unless those words name a unit of the
company ("Ford Motor Company", "Toyota UK", "Sony Ericsson", "Microsoft Chairman ..."):
a company head word, a legal suffix, another maker, a place, a demonym, a title, a given
name or a calendar word.  A maker's name of two words alone is ORG, never a
person ("Alfa Romeo"; a one-word maker may be a surname: "Ford").  A maker spaCy left
untagged before a model it tagged on its own ("the GMC Savana") makes one product with
it, and a model's code of capitals and digits ("BMW X5") is a model's word whatever its
part of speech.  The models listed
after a maker's model are products too ("the Chevrolet Avalanche, Express and Kodiak").

The names listed after a plural noun for products ("brands", "drugs", "consoles",
"products": ``product_before`` of ``data/ner_cues.tsv``) and "including", "include", "such
as" or "like" are products, each the run of capitalised words up to a comma, "and" or a
lower-case word ("brands such as Vane Milk, Dr Roe and Tessel", "brands including Vane
soap"); a maker's possessive inside one is the maker's, and the product follows it
("products such as Vane's Playbox").  Places, peoples and names the gazetteers found keep
their type.

A name right after a maker's possessive ("Vanex's Qrio Robot", "Vanex's Newton") is the
maker's product when it could be a model's name (:func:`model_word`), is no word of a
person's name given in full in the article ("Vanex's Jobs" where "Steve Jobs" is named),
and no lower-case word for a part of a company follows it ("Vanex's Connect music
store").
"""

from __future__ import annotations

from newsledger.components.ner.rules import Doc, Span, overlay
from newsledger.components.ner.tables import Tables, cues
from newsledger.components.ner.titles import dated_tokens, title_runs

RETYPED = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "WORK_OF_ART"})
MAX_MODEL_WORDS = 3  # "Microsoft Windows XP", "Pontiac Grand Prix"


def model_word(t: Tables, w: str) -> bool:
    """Can ``w`` be a word of a model's name after its maker (not a unit of the company)?"""
    c = cues()
    if not w or not (w[:1].isupper() or w[:1].isdigit()):
        return False
    return not (
        w in c.maker
        or w in c.maker_unit
        or w in c.org_after
        or t.keywords.get(w) == "ORG"
        or w in t.places
        or w in t.polities
        or w in t.demonyms
        or w.lower() in t.titles
        or w in t.given
        or w.lower() in t.leading_stop
        or w in c.not_name
        or w in t.countries
    )


def coded(w: str) -> bool:
    """Is ``w`` a model's code of capitals and digits ("X5", "A4", "RX-8"), whatever
    part of speech spaCy gave it?"""
    return any(ch.isdigit() for ch in w) and w[:1].isupper() and len(w) <= 6


def model_end(d: Doc, t: Tables, i: int, mask: list[bool] | None = None) -> int:
    """The token after the model name that starts at token ``i`` (``i``: none there)."""
    j = i
    while j < len(d.toks) and j - i < MAX_MODEL_WORDS and model_word(t, d.toks[j].text):
        tok = d.toks[j]
        w = tok.text
        if (mask is not None and mask[j]) or (tok.pos not in {"PROPN", "NUM"} and not coded(w)):
            break  # "Ford The ...": a function word; a name of its own
        if j > i and (tok.start != d.toks[j - 1].end + 1 or tok.sent != d.toks[i].sent):
            break  # a line break, double space or new sentence ends the name
        j += 1
    if j > i and not d.toks[i].text[:1].isupper():
        return i  # a model's name opens with a capital ("Ford Focus", not "Ford 2")
    return j


def maker_models(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """Type "<maker> <Model>" as PRODUCT, extending a span that holds the maker alone."""
    makers = cues().maker
    if not makers:
        return spans
    mask = [False] * len(d.toks)
    for s in spans:
        ts, te = d.tok_range(s.start, s.end)
        for i in range(ts, te):
            mask[i] = True
    spans = sorted(spans, key=lambda s: s.start)
    out: list[Span] = []
    skip = -1
    for k, s in enumerate(spans):
        if k == skip:
            continue
        if s.src == "gaz" or s.label not in RETYPED | {"PRODUCT"} or d.caps_at(s.start):
            out.append(s)
            continue
        ts, te = d.tok_range(s.start, s.end)
        mk = maker_length(d, ts, te, makers)
        before = maker_before(d, ts, makers, mask) if mk == 0 else 0
        if mk == 0 and before and s.label != "PRODUCT" and model_end(d, t, ts) == te:
            out.append(Span(d.toks[ts - before].start, s.end, "PRODUCT", "rule"))  # "GMC" "Savana"
        elif mk == 0:
            out.append(s)
        elif ts + mk == te:
            end = model_end(d, t, te, mask) if te < len(d.toks) else te
            nxt = spans[k + 1] if k + 1 < len(spans) else None
            if end > te and d.toks[te].sent == d.toks[ts].sent:
                out.append(Span(s.start, d.toks[end - 1].end, "PRODUCT", "rule"))
            elif nxt is not None and tagged_model(d, t, s, nxt):
                out.append(Span(s.start, nxt.end, "PRODUCT", "rule"))  # "Cadillac" + "XLR"
                skip = k + 1
            elif s.label == "PERSON" and (mk > 1 or "-" in first_words(d, ts, mk)):
                out.append(Span(s.start, s.end, "ORG", "rule"))  # "Alfa Romeo", a maker
            else:
                out.append(s)
        elif s.label != "PRODUCT" and model_end(d, t, ts + mk) == te:
            out.append(Span(s.start, s.end, "PRODUCT", "rule"))
        else:
            out.append(s)
    return possessed_models(d, t, product_lists(d, t, model_lists(d, t, out)))


LIST_GAPS = ((",",), ("and",), (",", "and"))  # between the models of a list


def next_model(d: Doc, t: Tables, j: int) -> tuple[int, int] | None:
    """The model's name (token range) after the separator at token ``j``, if one follows."""
    for gap in sorted(LIST_GAPS, key=len, reverse=True):
        k = j + len(gap)
        if k < len(d.toks) and tuple(x.text for x in d.toks[j:k]) == gap:
            end = model_end(d, t, k)
            if end > k and d.toks[end - 1].sent == d.toks[j].sent:
                return k, end
    return None


def model_lists(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """The models listed after a maker's model ("the Chevrolet Avalanche, Express, Kodiak and
    Suburban") are products too: each capitalised name after "," or "and" that could be a
    model (:func:`model_word`), up to the first other word."""
    makers = cues().maker
    new: list[Span] = []
    for s in spans:
        if s.label != "PRODUCT" or s.src == "gaz":
            continue
        ts, te = d.tok_range(s.start, s.end)
        if maker_length(d, ts, te, makers) == 0:
            continue
        found = next_model(d, t, te)
        while found is not None:
            a, b = found
            new.append(Span(d.toks[a].start, d.toks[b - 1].end, "PRODUCT", "rule"))
            found = next_model(d, t, b)
    if not new:
        return spans
    keep = [
        s
        for s in spans
        if s.src == "gaz" or not any(s.start < n.end and n.start < s.end for n in new)
    ]
    return keep + [n for n in new if not any(k.start < n.end and n.start < k.end for k in keep)]


def tagged_model(d: Doc, t: Tables, maker: Span, s: Span) -> bool:
    """Is ``s``, one space after a maker's name, a model's name spaCy tagged on its own?"""
    if s.src == "gaz" or s.label not in RETYPED | {"PRODUCT"} or d.text[maker.end : s.start] != " ":
        return False
    ts, te = d.tok_range(s.start, s.end)
    return d.toks[ts].sent == d.toks[ts - 1].sent and model_end(d, t, ts) == te


def maker_before(d: Doc, ts: int, makers: frozenset[str], mask: list[bool]) -> int:
    """How many tokens right before token ``ts``, in no span and in its sentence, name a
    maker ("the GMC Savana" where only "Savana" was tagged; 0: none)?"""
    for k in (3, 2, 1):
        a = ts - k
        if a < 0 or any(mask[a:ts]) or d.toks[a].sent != d.toks[ts].sent:
            continue
        if d.toks[ts].start == d.toks[ts - 1].end + 1 and first_words(d, a, k) in makers:
            return k
    return 0


def maker_length(d: Doc, ts: int, te: int, makers: frozenset[str]) -> int:
    """How many tokens of ``[ts, te)`` a maker's name opens with ("Alfa Romeo": 2; 0: none)."""
    for k in (3, 2, 1):
        if ts + k <= te and first_words(d, ts, k) in makers:
            return k
    return 0


def first_words(d: Doc, ts: int, k: int) -> str:
    return d.text[d.toks[ts].start : d.toks[ts + k - 1].end]


PRODUCT_NOUNS = frozenset({"products", "gadgets"})  # with the plurals of ``product_before``
LIST_INTRODUCERS = (("such", "as"), ("including",), ("include",), ("includes",), ("like",))
POSSESSIVE = frozenset({"'s", "’s"})


def list_start(d: Doc, k: int) -> int:
    """The token before the first name of a list of products introduced at token ``k`` (a
    plural product noun), or -1."""
    w = d.toks[k].text
    if not (w in PRODUCT_NOUNS or (w in cues().product_before and w.endswith("s"))):
        return -1
    j = k + 1 if d.word(k + 1) == "," else k
    for words in LIST_INTRODUCERS:
        if tuple(d.word(j + 1 + n) for n in range(len(words))) == words:
            return j + len(words)
    return -1


def product_lists(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """Names listed after a plural product noun and an introducer are products."""
    new: list[Span] = []
    dated: set[int] | None = None
    for k in range(len(d.toks) - 2):
        at = list_start(d, k)
        if at < 0 or d.caps_at(d.toks[k].start):
            continue
        dated = dated_tokens(d, spans) if dated is None else dated
        for ts, te in title_runs(d, t, at, True, dated):
            owner = [i for i in range(ts, te) if d.toks[i].text in POSSESSIVE]
            a = owner[-1] + 1 if owner else ts  # "Vane's Playbox": the product after the maker
            if a >= te:
                continue
            txt = d.text[d.toks[a].start : d.toks[te - 1].end]
            if txt in t.places or txt in t.polities or txt in t.demonyms or txt in t.countries:
                continue
            new.append(Span(d.toks[a].start, d.toks[te - 1].end, "PRODUCT", "rule"))
    if not new:
        return spans
    keep, new = overlay(spans, new)
    return keep + new


COMPANY_PARTS = frozenset(
    {"store", "stores", "unit", "division", "subsidiary", "arm", "plant", "factory", "studio"}
    | {"studios", "team", "shop", "shops", "site", "website", "office", "offices", "lab"}
)  # "Vanex's Connect music store": a part of the company, no model
POSSESSED_FROM = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})


def possessed_models(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """ "Vanex's Newton": a model's name after its maker's possessive is a product."""
    makers = cues().maker
    people: dict[str, set[str]] = {}  # a surname -> the full names it ends
    for p in spans:
        words = d.text[p.start : p.end].split()
        if p.label == "PERSON" and len(words) >= 2:
            people.setdefault(words[-1], set()).add(" ".join(words))
    out: list[Span] = []
    for s in spans:
        ts, te = d.tok_range(s.start, s.end)
        txt = d.text[s.start : s.end]
        if (
            s.label in POSSESSED_FROM
            and s.src != "gaz"
            and ts >= 2
            and d.word(ts - 1) in POSSESSIVE
            and d.word(ts - 2) in makers
            and model_end(d, t, ts) == te
            and not people.get(txt.split()[-1], set()) - {txt}
            and not {d.word(te), d.word(te + 1)} & COMPANY_PARTS
            and not d.caps_at(s.start)
        ):
            s = Span(s.start, s.end, "PRODUCT", "rule")
        out.append(s)
    return out
