-- The desk's suggestions moved onto the search index (ADR 0034); this GiST trigram index served only them,
-- and every answered consultation paid for it on write.
DROP INDEX IF EXISTS consultations_question_trgm;
