-- The school's term dates (a setting). Years not listed fall back to the
-- generated defaults for England (shared/policy/term-calendar.ts).
CREATE TABLE term_dates (
  academic_year INTEGER NOT NULL,
  term TEXT NOT NULL CHECK (term IN ('autumn', 'spring', 'summer')),
  starts_on TEXT NOT NULL,
  half_term_starts_on TEXT NOT NULL,
  half_term_ends_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  PRIMARY KEY (academic_year, term)
) WITHOUT ROWID;

-- Each account's rotation policy: termly by default (sutton-manor, wentworth).
ALTER TABLE accounts ADD COLUMN rotation_policy TEXT NOT NULL DEFAULT 'termly'
  CHECK (rotation_policy IN ('termly', 'half-termly', 'days', 'manual'));
ALTER TABLE accounts ADD COLUMN rotation_days INTEGER CHECK (rotation_days IS NULL OR rotation_days BETWEEN 1 AND 730);

-- Two-phase rotations. The pending password itself is an encrypted
-- account_secrets row (field 'pendingPassword'); this is the record.
CREATE TABLE rotations (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'abandoned')),
  reason TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL CHECK (source IN ('generated', 'typed')),
  started_at TEXT NOT NULL,
  started_by TEXT NOT NULL,
  finished_at TEXT,
  finished_by TEXT,
  finish_note TEXT NOT NULL DEFAULT ''
);
-- At most one pending rotation per account, enforced by the database.
CREATE UNIQUE INDEX rotations_one_pending ON rotations (account_id) WHERE status = 'pending';
CREATE INDEX rotations_finished ON rotations (status, finished_at);

-- Who was told the new password, and how (in person or the school's secure channel).
CREATE TABLE rotation_notices (
  rotation_id INTEGER NOT NULL REFERENCES rotations (id),
  person_id INTEGER NOT NULL REFERENCES people (id),
  channel TEXT NOT NULL CHECK (channel IN ('in-person', 'secure-channel')),
  told_at TEXT NOT NULL,
  PRIMARY KEY (rotation_id, person_id)
) WITHOUT ROWID;
