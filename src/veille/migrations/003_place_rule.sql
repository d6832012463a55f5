-- veille store, schema version 3: the rule that resolved each place (see docs/places.md).

ALTER TABLE places ADD COLUMN rule VARCHAR;
