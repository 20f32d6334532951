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
