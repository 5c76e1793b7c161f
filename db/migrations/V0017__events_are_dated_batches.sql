-- An event (a signing ceremony, a concentrated groundbreaking) is a reported batch held on a date:
-- recorded through POST /api/events, or a seeded batch of one day. held_on_precision says how
-- precisely its date is known; period totals from the documents have none.
ALTER TABLE batches ADD COLUMN held_on_precision date_precision;
ALTER TABLE batches ADD COLUMN recorded_by text;
ALTER TABLE batches ADD CONSTRAINT batches_event_has_date CHECK (held_on_precision IS NULL OR period_start IS NOT NULL);

UPDATE batches SET held_on_precision = 'day' WHERE period_start = period_end AND kind IN ('signing', 'groundbreaking');

CREATE INDEX batches_events ON batches (id) WHERE held_on_precision IS NOT NULL;
