-- The statistics count cases by the day they were accepted or concluded (indicators.cases.ts): with these
-- a year's figures read that year's cases instead of the whole table (issue 7, dashboard speed).
CREATE INDEX IF NOT EXISTS cases_accepted_at ON cases (accepted_at) WHERE accepted_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS cases_concluded_at ON cases (concluded_at) WHERE concluded_at IS NOT NULL;
-- Transfers, referrals, declines and withdrawals are counted by the day of the case's first such event.
CREATE INDEX IF NOT EXISTS case_events_event_at ON case_events (event, at);
