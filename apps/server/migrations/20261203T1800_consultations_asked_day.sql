-- The statistics count consultations by the China day asked ((asked_at AT TIME ZONE 'Asia/Shanghai')::date,
-- indicators.consultations.ts). The current month is read live (ADR 0036): without an index on that day every
-- dashboard read scanned all consultations (500,000 in the national bench: 1 s).
CREATE INDEX IF NOT EXISTS consultations_asked_day ON consultations (((asked_at AT TIME ZONE 'Asia/Shanghai')::date), institution_id);
