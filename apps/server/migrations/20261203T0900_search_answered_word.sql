-- Desk suggestions (ADR 0034): an answered consultation's index entry carries the filter word zzvanswered, so the
-- GIN index and the candidate query tell answered from open without reading the consultations table. Entries
-- written from now on get it from search.index.ts (filterWords); this adds it to the entries already there.
UPDATE search_entries s
SET tsv = s.tsv || setweight(to_tsvector('simple', 'zzvanswered'), 'D')
FROM consultations c
WHERE s.kind = 'consultation' AND c.id = s.ref_id AND c.status = 'answered' AND c.answer IS NOT NULL;
