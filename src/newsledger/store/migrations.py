"""Named, ordered schema migrations.  Append new ones; never edit an applied one."""

from __future__ import annotations

MIGRATIONS: list[tuple[str, str]] = [
    (
        "0001_documents",
        """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            title TEXT,
            source TEXT,
            published TEXT,
            published_inferred INTEGER NOT NULL DEFAULT 0,
            url TEXT,
            origin TEXT,
            text TEXT NOT NULL,
            words INTEGER NOT NULL,
            ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
        );
        CREATE INDEX documents_published ON documents(published);
        CREATE VIRTUAL TABLE documents_fts USING fts5(
            title, text, content='documents', content_rowid='rowid'
        );
        CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
            INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
        END;
        CREATE TABLE records (
            doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            record TEXT NOT NULL
        );
        """,
    ),
    (
        "0002_annotations",
        """
        CREATE TABLE doc_entities (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            local_id TEXT NOT NULL,
            type TEXT NOT NULL,
            name TEXT NOT NULL,
            aliases TEXT NOT NULL,
            mentions INTEGER NOT NULL,
            PRIMARY KEY (doc_id, local_id)
        );
        CREATE TABLE entity_map (
            doc_id TEXT NOT NULL,
            local_id TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            PRIMARY KEY (doc_id, local_id)
        );
        CREATE INDEX entity_map_entity ON entity_map(entity_id);
        CREATE TABLE entities (
            id TEXT PRIMARY KEY,
            type TEXT NOT NULL,
            name TEXT NOT NULL,
            aliases TEXT NOT NULL,
            mentions INTEGER NOT NULL,
            docs INTEGER NOT NULL,
            first_seen TEXT,
            last_seen TEXT
        );
        CREATE INDEX entities_name ON entities(name COLLATE NOCASE);
        CREATE TABLE quotes (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            kind TEXT NOT NULL,
            speaker_local TEXT,
            speaker_name TEXT,
            text TEXT NOT NULL,
            date TEXT,
            PRIMARY KEY (doc_id, idx)
        );
        CREATE TABLE dates (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            value TEXT,
            granularity TEXT,
            type TEXT,
            PRIMARY KEY (doc_id, idx)
        );
        CREATE TABLE places (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            name TEXT NOT NULL,
            country TEXT,
            lat REAL,
            lon REAL,
            geonameid INTEGER,
            PRIMARY KEY (doc_id, idx)
        );
        CREATE INDEX places_country ON places(country);
        CREATE TABLE events (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            type TEXT NOT NULL,
            place TEXT,
            country TEXT,
            date TEXT,
            killed INTEGER,
            injured INTEGER,
            PRIMARY KEY (doc_id, idx)
        );
        CREATE TABLE claims (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            subject_local TEXT NOT NULL,
            attribute TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (doc_id, idx)
        );
        CREATE TABLE overrides (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL CHECK (kind IN ('merge', 'split')),
            a TEXT NOT NULL,
            b TEXT,
            created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
        );
        """,
    ),
]

MIGRATIONS.append(
    (
        "0003_reliability_and_duplicates",
        """
        ALTER TABLE documents ADD COLUMN hash TEXT;
        CREATE INDEX documents_origin ON documents(origin);
        CREATE TABLE minhashes (
            doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            sig BLOB NOT NULL
        );
        CREATE TABLE duplicates (
            id TEXT PRIMARY KEY,
            original_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            similarity REAL NOT NULL,
            title TEXT,
            source TEXT,
            published TEXT,
            origin TEXT,
            hash TEXT
        );
        CREATE INDEX duplicates_original ON duplicates(original_id);
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """,
    )
)

# Flat rows the entity dossier reads instead of whole records (issue 10: a
# dossier in under 100 ms on a full corpus).  Existing stores are filled from
# their stored records with SQLite's JSON functions, so no re-ingest is needed.
MIGRATIONS.append(
    (
        "0004_dossier_rows",
        """
        ALTER TABLE doc_entities ADD COLUMN first_start INTEGER;
        ALTER TABLE quotes ADD COLUMN speaker_start INTEGER;
        ALTER TABLE quotes ADD COLUMN speaker_end INTEGER;
        ALTER TABLE events ADD COLUMN record TEXT;
        ALTER TABLE claims ADD COLUMN record TEXT;
        CREATE TABLE entity_texts (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            local_id TEXT NOT NULL,
            text TEXT NOT NULL,
            n INTEGER NOT NULL,
            first_start INTEGER NOT NULL,
            first_end INTEGER NOT NULL,
            PRIMARY KEY (doc_id, local_id, text)
        );
        CREATE TABLE roles (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            entity_local TEXT,
            role TEXT NOT NULL,
            org TEXT,
            org_local TEXT,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            PRIMARY KEY (doc_id, idx)
        );
        CREATE TABLE quote_entities (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            local_id TEXT NOT NULL,
            PRIMARY KEY (doc_id, local_id, idx)
        );
        CREATE TABLE event_entities (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            local_id TEXT NOT NULL,
            PRIMARY KEY (doc_id, local_id, idx)
        );
        CREATE TEMP TABLE _ents AS
            SELECT r.doc_id AS doc_id, json_extract(e.value, '$.id') AS local_id,
                   e.value AS value
            FROM records r, json_each(r.record, '$.entities') e;
        CREATE TEMP TABLE _mentions AS
            SELECT x.doc_id AS doc_id, x.local_id AS local_id,
                   json_extract(m.value, '$.start') AS start,
                   json_extract(m.value, '$.end') AS "end",
                   json_extract(m.value, '$.text') AS text
            FROM _ents x, json_each(x.value, '$.mentions') m;
        CREATE INDEX temp._mentions_doc ON _mentions(doc_id);
        INSERT INTO entity_texts
            SELECT doc_id, local_id, text, count(*), min(start), "end" FROM _mentions
            GROUP BY doc_id, local_id, text;
        CREATE TEMP TABLE _first AS
            SELECT doc_id, local_id, min(first_start) AS s FROM entity_texts
            GROUP BY doc_id, local_id;
        CREATE INDEX temp._first_key ON _first(doc_id, local_id);
        UPDATE doc_entities SET first_start = (
            SELECT s FROM _first f
            WHERE f.doc_id = doc_entities.doc_id AND f.local_id = doc_entities.local_id
        );
        CREATE TEMP TABLE _quotes AS
            SELECT r.doc_id AS doc_id, CAST(q.key AS INTEGER) AS idx,
                   json_extract(q.value, '$.start') AS start,
                   json_extract(q.value, '$.end') AS "end",
                   json_extract(q.value, '$.speaker.start') AS s,
                   json_extract(q.value, '$.speaker.end') AS e
            FROM records r, json_each(r.record, '$.quotes') q;
        CREATE INDEX temp._quotes_key ON _quotes(doc_id, idx);
        UPDATE quotes SET
            speaker_start = (SELECT s FROM _quotes x
                             WHERE x.doc_id = quotes.doc_id AND x.idx = quotes.idx),
            speaker_end = (SELECT e FROM _quotes x
                           WHERE x.doc_id = quotes.doc_id AND x.idx = quotes.idx);
        INSERT OR IGNORE INTO quote_entities
            SELECT q.doc_id, q.idx, m.local_id FROM _quotes q JOIN _mentions m
            ON m.doc_id = q.doc_id AND m.start < q."end" AND q.start < m."end";
        INSERT INTO roles
            SELECT r.doc_id, CAST(x.key AS INTEGER),
                   json_extract(x.value, '$.entity'), json_extract(x.value, '$.role'),
                   json_extract(x.value, '$.org'), json_extract(x.value, '$.org_entity'),
                   json_extract(x.value, '$.start'), json_extract(x.value, '$.end')
            FROM records r, json_each(r.record, '$.roles') x;
        CREATE TEMP TABLE _events AS
            SELECT r.doc_id AS doc_id, CAST(x.key AS INTEGER) AS idx, x.value AS value
            FROM records r, json_each(r.record, '$.events') x;
        CREATE INDEX temp._events_key ON _events(doc_id, idx);
        UPDATE events SET record = (
            SELECT value FROM _events x WHERE x.doc_id = events.doc_id AND x.idx = events.idx
        );
        INSERT OR IGNORE INTO event_entities
            SELECT x.doc_id, x.idx, a.value FROM _events x, json_each(x.value, '$.actors') a
            WHERE a.value IS NOT NULL;
        INSERT OR IGNORE INTO event_entities
            SELECT x.doc_id, x.idx, t.value FROM _events x, json_each(x.value, '$.targets') t
            WHERE t.value IS NOT NULL;
        CREATE TEMP TABLE _claims AS
            SELECT r.doc_id AS doc_id, CAST(x.key AS INTEGER) AS idx, x.value AS value
            FROM records r, json_each(r.record, '$.claims') x;
        CREATE INDEX temp._claims_key ON _claims(doc_id, idx);
        UPDATE claims SET record = (
            SELECT value FROM _claims x WHERE x.doc_id = claims.doc_id AND x.idx = claims.idx
        );
        DROP TABLE temp._ents;
        DROP TABLE temp._mentions;
        DROP TABLE temp._first;
        DROP TABLE temp._quotes;
        DROP TABLE temp._events;
        DROP TABLE temp._claims;
        """,
    )
)

# Events keep their sub-type (``mode``) and where the text names their place
# (``place_span``) as columns, for filtering.  Existing stores take both from
# their stored event records; records written before place spans were
# exported have none, so those columns stay null until the document is
# ingested again.
MIGRATIONS.append(
    (
        "0005_event_mode_place_span",
        """
        ALTER TABLE events ADD COLUMN mode TEXT;
        ALTER TABLE events ADD COLUMN place_span_start INTEGER;
        ALTER TABLE events ADD COLUMN place_span_end INTEGER;
        UPDATE events SET
            mode = json_extract(record, '$.mode'),
            place_span_start = json_extract(record, '$.place_span.start'),
            place_span_end = json_extract(record, '$.place_span.end')
        WHERE record IS NOT NULL;
        CREATE INDEX events_mode ON events(mode);
        """,
    )
)

# Corpus-level answers computed at write time (issue 15): conflicts per
# (subject, attribute) and per exclusive office, events merged across sources,
# and the dated items of the timeline, so that reads only read.  Triggers note
# what a write touched (event partitions, new documents); the corpus step after
# resolution (newsledger.corpus.tables) recomputes only that.  An old store
# gets every partition and document marked here, so its tables fill on the next
# write or on `newsledger migrate`.
MIGRATIONS.append(
    (
        "0006_corpus_tables",
        """
        CREATE TABLE corpus_conflicts (
            key TEXT PRIMARY KEY,
            sig TEXT NOT NULL,
            subject TEXT NOT NULL,
            attribute TEXT NOT NULL,
            claim_attribute TEXT NOT NULL,
            rank INTEGER,
            sort_name TEXT,
            record TEXT
        );
        CREATE INDEX corpus_conflicts_order
            ON corpus_conflicts(rank, sort_name, attribute, key) WHERE record IS NOT NULL;
        CREATE INDEX corpus_conflicts_subject ON corpus_conflicts(subject);
        CREATE INDEX corpus_conflicts_attribute ON corpus_conflicts(claim_attribute);
        CREATE TABLE corpus_events (
            id TEXT PRIMARY KEY,
            part_type TEXT NOT NULL,
            part_country TEXT NOT NULL,
            type TEXT NOT NULL,
            sort_date TEXT NOT NULL,
            lo INTEGER,
            hi INTEGER,
            place_fold TEXT,
            country_fold TEXT,
            record TEXT NOT NULL,
            segment TEXT NOT NULL
        );
        CREATE INDEX corpus_events_order ON corpus_events(sort_date, type, id);
        CREATE INDEX corpus_events_part ON corpus_events(part_type, part_country, segment);
        CREATE INDEX corpus_events_type ON corpus_events(type, sort_date, id);
        CREATE INDEX events_type_country ON events(type, country);
        CREATE INDEX corpus_events_lo ON corpus_events(lo);
        CREATE INDEX corpus_events_span ON corpus_events(hi - lo);
        CREATE TABLE corpus_event_places (
            key TEXT NOT NULL,
            sort_date TEXT NOT NULL,
            type TEXT NOT NULL,
            event_id TEXT NOT NULL REFERENCES corpus_events(id) ON DELETE CASCADE,
            PRIMARY KEY (key, sort_date, type, event_id)
        );
        CREATE INDEX corpus_event_places_event ON corpus_event_places(event_id);
        CREATE TABLE corpus_event_actors (
            event_id TEXT NOT NULL REFERENCES corpus_events(id) ON DELETE CASCADE,
            doc_id TEXT NOT NULL,
            local_id TEXT NOT NULL,
            PRIMARY KEY (event_id, doc_id, local_id)
        );
        CREATE INDEX corpus_event_actors_local ON corpus_event_actors(doc_id, local_id);
        CREATE TABLE dirty_event_parts (
            type TEXT NOT NULL,
            country TEXT NOT NULL,
            PRIMARY KEY (type, country)
        );
        CREATE TRIGGER events_dirty_ai AFTER INSERT ON events BEGIN
            INSERT OR IGNORE INTO dirty_event_parts VALUES (new.type, coalesce(new.country, ''));
        END;
        CREATE TRIGGER events_dirty_ad AFTER DELETE ON events BEGIN
            INSERT OR IGNORE INTO dirty_event_parts VALUES (old.type, coalesce(old.country, ''));
        END;
        INSERT OR IGNORE INTO dirty_event_parts
            SELECT DISTINCT type, coalesce(country, '') FROM events;
        CREATE TABLE timeline_items (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            kind TEXT NOT NULL,
            date TEXT NOT NULL,
            granularity TEXT NOT NULL,
            lo INTEGER NOT NULL,
            hi INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            summary TEXT NOT NULL,
            speaker_local TEXT,
            speaker_name TEXT,
            place_fold TEXT,
            country_fold TEXT,
            PRIMARY KEY (doc_id, idx)
        );
        CREATE INDEX timeline_items_order ON timeline_items(lo, hi, doc_id, start, idx);
        CREATE INDEX timeline_items_span ON timeline_items(hi - lo);
        CREATE TABLE timeline_entities (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            local_id TEXT NOT NULL,
            how INTEGER NOT NULL,
            PRIMARY KEY (doc_id, local_id, idx)
        );
        CREATE TABLE timeline_places (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            key TEXT NOT NULL,
            PRIMARY KEY (key, doc_id, idx)
        );
        CREATE INDEX timeline_places_doc ON timeline_places(doc_id);
        CREATE TABLE corpus_places (
            name TEXT NOT NULL,
            country TEXT,
            lat REAL,
            lon REAL,
            geonameid INTEGER,
            mentions INTEGER NOT NULL,
            docs INTEGER NOT NULL,
            first TEXT NOT NULL
        );
        CREATE INDEX corpus_places_order ON corpus_places(docs DESC, mentions DESC, name, first);
        CREATE INDEX corpus_places_country ON corpus_places(upper(country));
        CREATE TABLE dirty_docs (doc_id TEXT PRIMARY KEY);
        CREATE TRIGGER documents_dirty_ai AFTER INSERT ON documents BEGIN
            INSERT OR IGNORE INTO dirty_docs VALUES (new.id);
        END;
        INSERT OR IGNORE INTO dirty_docs SELECT id FROM documents;
        """,
    )
)

# Review (issue 20): an analyst flags an extraction as wrong.  A flag names the
# item by kind and its evidence span in one document, so it survives re-ingest
# of the same text; flagged items are shown as such, left out of counts and
# exported.
MIGRATIONS.append(
    (
        "0007_flags",
        """
        CREATE TABLE flags (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            doc_id TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
            UNIQUE (kind, doc_id, start, "end")
        );
        CREATE INDEX flags_doc ON flags(doc_id);
        """,
    )
)

# How a place is named (issue 18): name, demonym ("Sudanese") or in_name (inside an
# organisation or facility name), so that lists and maps can filter.  Rows written
# before were all names.
MIGRATIONS.append(
    (
        "0008_place_kind",
        """
        ALTER TABLE places ADD COLUMN kind TEXT NOT NULL DEFAULT 'name';
        CREATE INDEX places_kind ON places(kind);
        """,
    )
)

# A report's sport (issue 19): the corpus step joins national teams and clubs only within
# one sport.  The sport is read from the document's text by the corpus step
# (newsledger.corpus.update.refresh_store) and kept here; NULL until then, so every
# stored document keeps its row and is given its sport at the next refresh.
MIGRATIONS.append(
    (
        "0009_doc_sport",
        """
        ALTER TABLE documents ADD COLUMN sport TEXT;
        """,
    )
)
