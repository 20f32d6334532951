"""The outlet's home, where its web address says it: a country-code domain ("cbc.ca":
Canada), a home town in the site's name ("amarillo.com", "moberlymonitor.com",
"enfield-today.co.uk") and a region named by a section of the address
("/news/canada/manitoba/...").  The namesake choice counts them as context.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from newsledger.components.places.gazetteer import Gazetteer, GeoRecord, Hit, cues, key

# country-code top-level domains sold for other uses, which say nothing of an outlet's home
VANITY_TLDS = frozenset(
    {"ai", "am", "cc", "co", "fm", "io", "la", "ly", "me", "ms", "nu", "tk", "to", "tv", "ws"}
)
GENERIC = frozenset({"www", "com", "net", "org", "gov", "edu", "co", "ac", "news", "info"})
MIN_TOWN = 5  # letters of a home town read from a site name
TOWN_POP = 5_000  # a site named for a town names a town of at least this size
SECTION_POP = 100_000  # a section named for a town names a city


def home_country(url: str | None) -> str | None:
    """The outlet's home country from its address's country-code domain ("cbc.ca": CA)."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    tld = host.rsplit(".", 1)[-1].lower()
    if len(tld) != 2 or tld in VANITY_TLDS:
        return None
    return "GB" if tld == "uk" else tld.upper()


def home_places(url: str | None, gz: Gazetteer) -> list[GeoRecord]:
    """The outlet's home town or region: the town its site is named for, and divisions or
    cities that sections of the address name (within the home country when the domain
    says it)."""
    if not url:
        return []
    parts = urlsplit(url if "//" in url else "//" + url)
    cc = home_country(url)
    out: list[GeoRecord] = []
    labels = [w for w in (parts.hostname or "").lower().split(".")[:-1] if w not in GENERIC]
    if labels:
        town = _site_town(labels[-1], cc, gz)
        if town is not None:
            out.append(town)
    for seg in parts.path.lower().split("/")[:-1]:
        words = seg.split("-")
        if not seg or len(words) > 3 or not all(w.isalpha() for w in words):
            continue
        r = _sure([h for h in gz.lookup_key(" ".join(words)) if not h.alt], cc, SECTION_POP)
        if r is not None:
            out.append(r)
    return out


def _site_town(label: str, cc: str | None, gz: Gazetteer) -> GeoRecord | None:
    """The town a site's name starts with, followed by masthead words or nothing."""
    mast = cues().get("masthead", frozenset())
    first = label.split("-")[0]
    rest_words = label.split("-")[1:]
    if rest_words and all(w in mast for w in rest_words):
        label = first
    for end in range(len(label), MIN_TOWN - 1, -1):
        stem, rest = label[:end], label[end:]
        if rest and not _masthead(rest, mast):
            continue
        # "lemars": "Le Mars"; the name may have lost one space
        keys = [stem, *(f"{stem[:i]} {stem[i:]}" for i in range(2, end - 1))]
        for k in keys:
            if k == key(k):
                r = _sure([h for h in gz.lookup_key(k) if not h.alt], cc, TOWN_POP)
                if r is not None:
                    return r
    return None


def _masthead(rest: str, mast: frozenset[str]) -> bool:
    return rest in mast or any(rest[:i] in mast and rest[i:] in mast for i in range(2, len(rest)))


def _sure(hits: list[Hit], cc: str | None, min_pop: int) -> GeoRecord | None:
    """The one town or division ``hits`` surely mean (in country ``cc`` when known)."""
    rs = [
        h.record
        for h in hits
        if h.record.feature in ("city", "capital", "adm1", "adm2")
        and (cc is None or h.record.country == cc)
    ]
    if not rs:
        return None
    rs.sort(key=lambda r: -r.population)
    top = rs[0]
    if top.feature != "adm1" and top.population < min_pop:
        return None
    if len(rs) > 1 and top.population < 50 * max(rs[1].population, 1):
        return None
    return top
