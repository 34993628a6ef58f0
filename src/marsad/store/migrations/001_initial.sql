-- marsad store, schema version 1: articles and their text structure, and the tables later
-- steps fill (entities, mentions, events, quotes, numbers, dates, places). Spans (start_char,
-- end_char) index articles.text. Applied once, inside a transaction, by marsad.store.db.

CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);

CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY,            -- content hash of the kept paragraphs
    source_id VARCHAR,                 -- the input's own id, when it had one
    title VARCHAR,
    text VARCHAR NOT NULL,             -- the document as read: headline line, then body
    published DATE,
    source VARCHAR,
    url VARCHAR,
    path VARCHAR,
    paragraphs_kept INTEGER,
    paragraphs_removed INTEGER,
    ingested_at TIMESTAMP DEFAULT current_timestamp
);

CREATE TABLE IF NOT EXISTS paragraphs (
    article_id VARCHAR NOT NULL,
    idx INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    kind VARCHAR NOT NULL,             -- headline | dateline | lead | body | heading | boilerplate | repeat
    removed BOOLEAN NOT NULL,
    reason VARCHAR,
    repeat_of INTEGER,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE IF NOT EXISTS sentences (
    article_id VARCHAR NOT NULL,
    idx INTEGER NOT NULL,
    paragraph INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    heading BOOLEAN NOT NULL,
    date VARCHAR,                      -- the date the sentence speaks of (ISO, may be partial)
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE IF NOT EXISTS entities (
    article_id VARCHAR NOT NULL,
    entity_id VARCHAR NOT NULL,
    name VARCHAR,
    name_en VARCHAR,
    type VARCHAR,
    actor_id VARCHAR,
    code VARCHAR,
    roles JSON,
    PRIMARY KEY (article_id, entity_id)
);

CREATE TABLE IF NOT EXISTS mentions (
    article_id VARCHAR NOT NULL,
    entity_id VARCHAR,
    sentence INTEGER,
    start_char INTEGER,
    end_char INTEGER,
    text VARCHAR,
    type VARCHAR
);

CREATE TABLE IF NOT EXISTS events (
    article_id VARCHAR NOT NULL,
    idx INTEGER NOT NULL,
    sentence INTEGER,
    start_char INTEGER,
    end_char INTEGER,
    trigger VARCHAR,
    cameo VARCHAR,
    goldstein DOUBLE,
    quad_class INTEGER,
    plover JSON,
    source_code VARCHAR,
    source_entity VARCHAR,
    source_text VARCHAR,
    target_code VARCHAR,
    target_entity VARCHAR,
    target_text VARCHAR,
    date VARCHAR,
    place JSON,
    modality VARCHAR,
    confidence DOUBLE,
    quote JSON,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE IF NOT EXISTS quotes (
    article_id VARCHAR NOT NULL,
    idx INTEGER NOT NULL,
    sentence INTEGER,
    start_char INTEGER,
    end_char INTEGER,
    text VARCHAR,
    speaker_entity_id VARCHAR,
    speaker_text VARCHAR,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE IF NOT EXISTS numbers (article_id VARCHAR NOT NULL, data JSON);
CREATE TABLE IF NOT EXISTS dates (article_id VARCHAR NOT NULL, data JSON);
CREATE TABLE IF NOT EXISTS places (article_id VARCHAR NOT NULL, data JSON);

CREATE TABLE IF NOT EXISTS runs (
    id VARCHAR PRIMARY KEY,
    started TIMESTAMP,
    finished TIMESTAMP,
    command VARCHAR,
    summary JSON
);

CREATE TABLE IF NOT EXISTS failures (
    run_id VARCHAR,
    path VARCHAR,
    reason VARCHAR,
    kind VARCHAR                       -- failed | skipped
);
