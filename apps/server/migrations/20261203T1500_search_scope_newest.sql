-- Console search limited to a narrow scope (one city; ADR 0037, amends 0017): the newest-first walk reads the
-- public entries (search_entries_recent) and, per institution of the scope, its staff entries newest first, merged —
-- instead of walking every entry newest first and discarding the ones outside the scope (a city is a twelfth of them).
CREATE INDEX search_entries_staff_newest ON search_entries (institution_id, sort_at DESC) WHERE visibility = 'staff';
