-- marsad store, schema version 2: story clusters of near-duplicate articles, and event records
-- in the manner of GDELT's Events table, each the merge of event mentions (the `events` table,
-- GDELT's Mentions) with the same source, target and CAMEO code within a date window.

-- The story cluster an article belongs to: the id of the cluster's earliest stored article.
ALTER TABLE articles ADD COLUMN story_id VARCHAR;

-- The event record a mention was merged into (NULL until records are rebuilt, or when the
-- mention lacks a coded source or target).
ALTER TABLE events ADD COLUMN record_id BIGINT;

CREATE TABLE IF NOT EXISTS event_records (
    id BIGINT PRIMARY KEY,             -- GlobalEventID: stable 52-bit hash of (source, target, cameo, day)
    day DATE NOT NULL,                 -- the earliest event date among its mentions
    last_day DATE NOT NULL,            -- the latest (the window may chain over days)
    source_code VARCHAR NOT NULL,
    source_name VARCHAR,
    target_code VARCHAR NOT NULL,
    target_name VARCHAR,
    cameo VARCHAR NOT NULL,
    root_code VARCHAR NOT NULL,
    base_code VARCHAR NOT NULL,
    goldstein DOUBLE,
    quad_class INTEGER,
    plover JSON,
    num_mentions INTEGER NOT NULL,     -- every mention, in every article
    num_articles INTEGER NOT NULL,     -- distinct articles
    num_sources INTEGER NOT NULL,      -- distinct outlets
    num_stories INTEGER NOT NULL,      -- distinct story clusters: wire copies count once
    first_seen DATE,                   -- earliest publication date of an article mentioning it
    last_seen DATE,
    place JSON,                        -- the first mention's place, if any
    first_article VARCHAR,             -- the article of the earliest mention
    source_url VARCHAR
);
CREATE INDEX IF NOT EXISTS event_records_day ON event_records (day);
