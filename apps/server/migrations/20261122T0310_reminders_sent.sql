-- Deadline reminders sent: the unique key makes a reminder for one (case, deadline kind, day) go out
-- once, however many server processes run the reminder job. case_id is text so this table does not
-- depend on the cases table's key type (no foreign key: cases are built separately).
CREATE TABLE reminders_sent (
  case_id        text NOT NULL,
  deadline_kind  text NOT NULL,
  day            date NOT NULL,
  reminder       text NOT NULL CHECK (reminder IN ('due_soon', 'overdue')),
  sent_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, deadline_kind, day)
);

CREATE INDEX reminders_sent_day_idx ON reminders_sent (day);
