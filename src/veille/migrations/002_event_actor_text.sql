-- veille store, schema version 2: the words naming each event's source and target actors.

ALTER TABLE events ADD COLUMN source_start INTEGER;
ALTER TABLE events ADD COLUMN source_end INTEGER;
ALTER TABLE events ADD COLUMN source_text VARCHAR;
ALTER TABLE events ADD COLUMN target_start INTEGER;
ALTER TABLE events ADD COLUMN target_end INTEGER;
ALTER TABLE events ADD COLUMN target_text VARCHAR;
