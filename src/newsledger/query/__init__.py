"""The one read path used by the CLI, the HTTP API, the web UI and exports.

Every function reads what ingest stored (records, resolution and the corpus
tables computed at write time); none analyses.  The public functions are
re-exported here so that ``from newsledger import query; query.dossier(store,
"Emomali Rahmon")`` works; :mod:`.facts` holds entities, dossiers, quotes,
claims and conflicts, :mod:`.spacetime` places, events and the timeline, and
:mod:`.faceted` the web's search with facets.
"""

from __future__ import annotations

from newsledger.query.facts import (
    claim_records,
    conflicts,
    count_claims,
    count_conflicts,
    documents,
    dossier,
    entities,
    find_entity,
    quotes,
    record,
    records,
    search,
    stats,
)
from newsledger.query.spacetime import (
    count_events,
    count_timeline,
    events,
    events_geojson,
    places,
    timeline,
)

__all__ = [
    "claim_records",
    "conflicts",
    "count_claims",
    "count_conflicts",
    "count_events",
    "count_timeline",
    "documents",
    "dossier",
    "entities",
    "events",
    "events_geojson",
    "find_entity",
    "places",
    "quotes",
    "record",
    "records",
    "search",
    "stats",
    "timeline",
]
