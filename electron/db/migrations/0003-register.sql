-- People: the staff directory (tpat 8 acknowledgement, bebington training).
CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  job_title TEXT NOT NULL DEFAULT '',
  work_email TEXT NOT NULL DEFAULT '',
  -- JSON array of 'headteacher' | 'slt' | 'administrator' | 'staff'
  roles TEXT NOT NULL DEFAULT '["staff"]',
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'leaving', 'left')),
  leaving_on TEXT,
  left_on TEXT,
  policy_acknowledged_on TEXT,
  training_completed_on TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX people_name ON people (name COLLATE NOCASE);

-- The rest of the account record: 2FA, notes, business case, approval,
-- lead, and the "rotation required" flag that holder removals set.
ALTER TABLE accounts ADD COLUMN two_factor_method TEXT NOT NULL DEFAULT 'none';
ALTER TABLE accounts ADD COLUMN notes TEXT NOT NULL DEFAULT '';
ALTER TABLE accounts ADD COLUMN bc_aim TEXT NOT NULL DEFAULT '';
ALTER TABLE accounts ADD COLUMN bc_audience TEXT NOT NULL DEFAULT '';
ALTER TABLE accounts ADD COLUMN bc_promotion TEXT NOT NULL DEFAULT '';
ALTER TABLE accounts ADD COLUMN bc_visibility TEXT NOT NULL DEFAULT '' CHECK (bc_visibility IN ('', 'open', 'private'));
ALTER TABLE accounts ADD COLUMN approved_by INTEGER REFERENCES people (id);
ALTER TABLE accounts ADD COLUMN approved_on TEXT;
ALTER TABLE accounts ADD COLUMN status_changed_on TEXT;
ALTER TABLE accounts ADD COLUMN status_override_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE accounts ADD COLUMN lead_person_id INTEGER REFERENCES people (id);
ALTER TABLE accounts ADD COLUMN rotation_required_reason TEXT;
ALTER TABLE accounts ADD COLUMN rotation_required_since TEXT;

-- Who will run the account, as named in the business case (at least two).
CREATE TABLE account_runners (
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  person_id INTEGER NOT NULL REFERENCES people (id),
  PRIMARY KEY (account_id, person_id)
) WITHOUT ROWID;

-- Named holders: who knows the password, authorised by whom and when.
-- Removed holders keep their row (removed_on set) as the record.
CREATE TABLE account_holders (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  person_id INTEGER NOT NULL REFERENCES people (id),
  authorised_by INTEGER NOT NULL REFERENCES people (id),
  authorised_on TEXT NOT NULL,
  added_on TEXT NOT NULL,
  override_reason TEXT NOT NULL DEFAULT '',
  removed_on TEXT,
  removed_reason TEXT
);
-- A person holds an account at most once at a time.
CREATE UNIQUE INDEX account_holders_current ON account_holders (account_id, person_id) WHERE removed_on IS NULL;
CREATE INDEX account_holders_person ON account_holders (person_id);
CREATE INDEX accounts_lead ON accounts (lead_person_id);
