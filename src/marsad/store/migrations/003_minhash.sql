-- marsad store, schema version 3: what near-duplicate detection needs to work across runs.
-- Each stored article keeps its MinHash signature and one LSH key per band; a new article's
-- candidates are the stored articles sharing a (band, bucket), verified on the signatures.
-- Written in the same transaction as the article, so a killed ingest leaves no half story.

CREATE TABLE IF NOT EXISTS article_bands (
    band SMALLINT NOT NULL,
    bucket BIGINT NOT NULL,            -- hash of the band's slice of the signature
    article_id VARCHAR NOT NULL
);
CREATE INDEX IF NOT EXISTS article_bands_bucket ON article_bands (bucket);

CREATE TABLE IF NOT EXISTS article_signatures (
    article_id VARCHAR PRIMARY KEY,
    num_perm SMALLINT NOT NULL,
    signature BLOB NOT NULL            -- num_perm little-endian uint32 MinHash values
);
