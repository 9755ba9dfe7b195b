-- Issue 8 (ADR 0038): the work queue sorts by the nearest open deadline. Stored on the case by the deadline writer
-- (cases.deadlines.ts storeDeadlines), so a page of 50 is an ordered walk of this index instead of an aggregate over
-- every deadline of every visible case. NULL: no open deadline (closed cases), sorted last as before.
ALTER TABLE cases ADD COLUMN IF NOT EXISTS next_due date;

-- Only cases with a deadline not yet met change: closed cases keep NULL and are not rewritten.
UPDATE cases c SET next_due = d.due
FROM (SELECT case_id, min(due) AS due FROM case_deadlines WHERE status <> 'met' GROUP BY case_id) d
WHERE d.case_id = c.id AND c.next_due IS DISTINCT FROM d.due;

-- The queue's order (cases.queue.ts): nearest deadline, newest submission, id; drafts are never listed. The scope
-- columns ride along so that the walk filters on the index entries (an index-only scan) instead of fetching every
-- case outside the caller's scope that it passes.
CREATE INDEX IF NOT EXISTS cases_queue_due ON cases (next_due ASC NULLS LAST, submitted_at DESC, id)
  INCLUDE (institution_path, transfer_to_path) WHERE state <> 'draft';
-- The capped count (at most 10,001 rows) reads the scope's institutions' entries here, also without the table.
CREATE INDEX IF NOT EXISTS cases_listed_institution ON cases (institution_id) WHERE state <> 'draft';
