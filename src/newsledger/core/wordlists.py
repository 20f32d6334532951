"""Word lists more than one stage reads, each kept in one data file.

* ``data/demonyms.tsv``: demonyms, nationality adjectives and the names of
  peoples, faiths and parties (NER types them NORP, the places stage reads a
  document's country from them, the claims stage nationality values).
"""

from __future__ import annotations

import re
from functools import cache

from newsledger.core.lexicon import Col, Row, read_table

_CODE = re.compile(r"-|[A-Z]{2}")
DEMONYM_COLUMNS = (
    Col("demonym", required=True),
    Col("code", required=True),
    Col("country"),
    Col("source", required=True),
)


@cache
def demonym_rows() -> tuple[Row, ...]:
    """The rows of ``data/demonyms.tsv`` (demonym, code, country, source), checked."""
    rows = read_table("demonyms.tsv", DEMONYM_COLUMNS)
    seen: set[str] = set()
    for r in rows:
        if not _CODE.fullmatch(r["code"]):
            raise r.error(
                f"code {r['code']!r} is not an ISO 3166-1 alpha-2 code.",
                "Write two capital letters (TJ) or - for a people, faith or party.",
            )
        if (r["code"] == "-") != (r["country"] == ""):
            raise r.error(
                "a country code needs a country name and '-' needs none.",
                "Fill in the country's English short name, or empty it for '-'.",
            )
        if r["demonym"] in seen:
            raise r.error(f"{r['demonym']!r} is listed twice.", "Keep one of the two rows.")
        seen.add(r["demonym"])
    return rows


def demonym_codes() -> dict[str, str]:
    """Demonym (exact case) -> ISO 3166-1 alpha-2, for demonyms of a country."""
    return {r["demonym"]: r["code"] for r in demonym_rows() if r["code"] != "-"}
