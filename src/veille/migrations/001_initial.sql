-- veille store, schema version 1: documents and every extracted record, with provenance.
-- Offsets are character offsets into documents.text (the normalized body).

CREATE TABLE documents (
    id              VARCHAR PRIMARY KEY,   -- hash of the normalized body
    path            VARCHAR NOT NULL,
    line            INTEGER,               -- line in a JSON Lines file
    date            VARCHAR,               -- as given: YYYY, YYYY-MM or YYYY-MM-DD
    date_precision  VARCHAR,
    date_start      DATE,                  -- first day the date covers
    date_end        DATE,                  -- last day the date covers
    language        VARCHAR,
    language_score  DOUBLE,
    status          VARCHAR NOT NULL,      -- processed | unsupported_language
    title           VARCHAR,
    url             VARCHAR,
    source          VARCHAR,
    external_id     VARCHAR,
    chars           INTEGER NOT NULL,
    text            VARCHAR NOT NULL,
    tone_score      DOUBLE,
    tone_positive   DOUBLE,
    tone_negative   DOUBLE,
    tone_polarity   DOUBLE,
    tone_words      INTEGER,
    schema          VARCHAR NOT NULL,      -- contract version of result
    result          JSON NOT NULL,         -- the whole document result, as veille extract prints it
    run_id          INTEGER NOT NULL,
    ingested_at     TIMESTAMP NOT NULL
);

CREATE TABLE entities (
    doc_id    VARCHAR NOT NULL,
    entity_id VARCHAR NOT NULL,
    name      VARCHAR NOT NULL,
    type      VARCHAR NOT NULL,
    wikidata  VARCHAR,
    country   VARCHAR,
    cameo     VARCHAR,
    mentions  INTEGER NOT NULL,
    PRIMARY KEY (doc_id, entity_id)
);

CREATE TABLE mentions (
    doc_id    VARCHAR NOT NULL,
    entity_id VARCHAR NOT NULL,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    text      VARCHAR NOT NULL,
    kind      VARCHAR NOT NULL
);

CREATE TABLE events (
    doc_id         VARCHAR NOT NULL,
    event_id       VARCHAR NOT NULL,
    code           VARCHAR NOT NULL,
    label          VARCHAR NOT NULL,
    root           VARCHAR NOT NULL,
    quad_class     INTEGER NOT NULL,
    goldstein      DOUBLE NOT NULL,
    plover         VARCHAR,
    source         VARCHAR,
    target         VARCHAR,
    date           VARCHAR,
    date_precision VARCHAR,
    date_start     DATE,
    date_end       DATE,
    modality       VARCHAR NOT NULL,
    location       VARCHAR,
    trigger_start  INTEGER NOT NULL,
    trigger_end    INTEGER NOT NULL,
    trigger_text   VARCHAR NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end   INTEGER NOT NULL,
    confidence     DOUBLE NOT NULL,
    rule           VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, event_id)
);

CREATE TABLE quotes (
    doc_id       VARCHAR NOT NULL,
    seq          INTEGER NOT NULL,
    text         VARCHAR NOT NULL,
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    speaker      VARCHAR,
    speaker_text VARCHAR,
    cue          VARCHAR,
    direct       BOOLEAN NOT NULL,
    PRIMARY KEY (doc_id, seq)
);

CREATE TABLE claims (
    doc_id    VARCHAR NOT NULL,
    seq       INTEGER NOT NULL,
    text      VARCHAR NOT NULL,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    value     DOUBLE,
    unit      VARCHAR,
    qualifier VARCHAR,
    subject   VARCHAR,
    quantity  VARCHAR,
    PRIMARY KEY (doc_id, seq)
);

CREATE TABLE times (
    doc_id VARCHAR NOT NULL,
    seq    INTEGER NOT NULL,
    text   VARCHAR NOT NULL,
    start  INTEGER NOT NULL,
    "end"  INTEGER NOT NULL,
    type   VARCHAR NOT NULL,
    value  VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, seq)
);

CREATE TABLE places (
    doc_id    VARCHAR NOT NULL,
    entity_id VARCHAR NOT NULL,
    geonames  BIGINT,
    lat       DOUBLE,
    lon       DOUBLE,
    country   VARCHAR,
    feature   VARCHAR,
    PRIMARY KEY (doc_id, entity_id)
);

CREATE TABLE themes (
    doc_id VARCHAR NOT NULL,
    theme  VARCHAR NOT NULL,
    count  INTEGER NOT NULL,
    PRIMARY KEY (doc_id, theme)
);

CREATE TABLE warnings (
    doc_id  VARCHAR NOT NULL,
    code    VARCHAR NOT NULL,
    message VARCHAR NOT NULL
);

-- One row per ingest run; finished_at stays NULL for a run that was interrupted.
CREATE TABLE runs (
    id          INTEGER PRIMARY KEY,
    started_at  TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    inputs      VARCHAR NOT NULL,
    added       INTEGER NOT NULL DEFAULT 0,
    skipped     INTEGER NOT NULL DEFAULT 0,
    rejected    INTEGER NOT NULL DEFAULT 0
);

-- Inputs that could not become documents, so that a batch's failures stay on record.
CREATE TABLE rejections (
    run_id  INTEGER NOT NULL,
    path    VARCHAR NOT NULL,
    line    INTEGER,
    code    VARCHAR NOT NULL,
    message VARCHAR NOT NULL
);
