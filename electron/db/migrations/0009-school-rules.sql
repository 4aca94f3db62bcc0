-- The school's own approval rules (shared/policy/approval-rules.ts).
-- wentworth: "the Headteacher and Governors" approve: the governor who
-- approved alongside the Headteacher, on the same date.
ALTER TABLE accounts ADD COLUMN governor_approved_by INTEGER REFERENCES people (id);
-- bebington: an application is "approved or rejected". A rejected
-- application is closed, with who rejected it, when and why.
ALTER TABLE accounts ADD COLUMN rejected_by INTEGER REFERENCES people (id);
ALTER TABLE accounts ADD COLUMN rejected_on TEXT;
ALTER TABLE accounts ADD COLUMN rejected_reason TEXT NOT NULL DEFAULT '';

-- Temporary access (wentworth: an account "run by a senior teacher on a
-- mobile phone for the period of the trip"): the holder's last day. On that
-- day the holder is removed and the password change becomes due.
ALTER TABLE account_holders ADD COLUMN access_ends_on TEXT;

-- Apps and services connected to an account (scheduling tools, analytics).
-- tpat 6: none without the Headteacher's approval, so who and when are
-- required. Removed apps keep their row (removed_on set) as the record.
CREATE TABLE account_apps (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  name TEXT NOT NULL,
  purpose TEXT NOT NULL DEFAULT '',
  approved_by INTEGER NOT NULL REFERENCES people (id),
  approved_on TEXT NOT NULL,
  added_at TEXT NOT NULL,
  removed_on TEXT,
  removed_reason TEXT
);
CREATE INDEX account_apps_account ON account_apps (account_id);
