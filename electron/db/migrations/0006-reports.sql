-- Engagement figures for the Appendix 1 report (north-herts 6.2), one row
-- per account and period as read off the platform's analytics. Follower
-- types are null where they could not be ascertained.
CREATE TABLE engagement_figures (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL,
  followers_start INTEGER NOT NULL CHECK (followers_start >= 0),
  followers_end INTEGER NOT NULL CHECK (followers_end >= 0),
  followers_schools INTEGER CHECK (followers_schools IS NULL OR followers_schools >= 0),
  followers_clubs INTEGER CHECK (followers_clubs IS NULL OR followers_clubs >= 0),
  followers_individuals INTEGER CHECK (followers_individuals IS NULL OR followers_individuals >= 0),
  followers_other INTEGER CHECK (followers_other IS NULL OR followers_other >= 0),
  posts INTEGER NOT NULL CHECK (posts >= 0),
  shares INTEGER NOT NULL CHECK (shares >= 0),
  mentions INTEGER NOT NULL CHECK (mentions >= 0),
  likes INTEGER NOT NULL CHECK (likes >= 0),
  notes TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL CHECK (source IN ('manual', 'csv')),
  recorded_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (period_from < period_to)
);
CREATE INDEX engagement_figures_account ON engagement_figures (account_id, period_from);

-- The issues and actions log (north-herts Appendix 1, 6.3, 6.4). Each action
-- is the moment it was first recorded, or null if not taken.
CREATE TABLE issues (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  received_at TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('complaint', 'query', 'abuse', 'other')),
  original_comment TEXT NOT NULL,
  reply_sent TEXT NOT NULL DEFAULT '',
  replied_at TEXT,
  recorded_by TEXT NOT NULL,
  acknowledged_publicly_at TEXT,
  removed_at TEXT,
  user_blocked_at TEXT,
  reported_to_platform_at TEXT,
  slt_person_id INTEGER REFERENCES people (id),
  slt_reported_on TEXT,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  resolved_at TEXT,
  resolution_notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((slt_person_id IS NULL) = (slt_reported_on IS NULL)),
  -- north-herts 6.4: abuse is reported to SLT before it is closed.
  CHECK (kind <> 'abuse' OR status = 'open' OR slt_person_id IS NOT NULL)
);
CREATE INDEX issues_account ON issues (account_id, received_at);
CREATE INDEX issues_open ON issues (status, received_at);

-- "Any other comments": free text saved with the report for one account and period.
CREATE TABLE report_comments (
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL,
  comments TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (account_id, period_from, period_to)
) WITHOUT ROWID;
