-- The whole abuse procedure (issue 16): each action on a log entry is kept
-- with the day it was done and who did it, not only the moment it was ticked.
-- Abuse: removed and reported to a named member of SLT (north-herts 6.4); the
-- user blocked and reported to the platform, and where needed to the police or
-- another authority with its reference (sutton-manor, wentworth); the audience
-- told why action was taken (bebington). A press or media enquiry is its own
-- kind, referred to SLT before anyone responds (bebington).
--
-- The table is rebuilt because the kind's CHECK gains 'press'. Every entry is
-- kept with its id: an action's timestamp becomes its day in London (British
-- Summer Time from 01:00 UTC on the last Sunday of March to 01:00 UTC on the
-- last Sunday of October), and, since nobody recorded who did it, the person
-- who recorded the entry is taken to have done it.
CREATE TABLE issues_new (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  received_at TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('complaint', 'query', 'abuse', 'press', 'other')),
  original_comment TEXT NOT NULL,
  reply_sent TEXT NOT NULL DEFAULT '',
  replied_at TEXT,
  recorded_by TEXT NOT NULL,
  acknowledged_on TEXT,
  acknowledged_by TEXT,
  removed_on TEXT,
  removed_by TEXT,
  blocked_on TEXT,
  blocked_by TEXT,
  platform_reported_on TEXT,
  platform_reported_by TEXT,
  audience_told_on TEXT,
  audience_told_by TEXT,
  authority_name TEXT,
  authority_reference TEXT,
  authority_reported_on TEXT,
  authority_reported_by TEXT,
  slt_person_id INTEGER REFERENCES people (id),
  slt_reported_on TEXT,
  slt_reported_by TEXT,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  resolved_at TEXT,
  resolution_notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- An action is a day and a person, or not taken at all.
  CHECK ((acknowledged_on IS NULL) = (acknowledged_by IS NULL)),
  CHECK ((removed_on IS NULL) = (removed_by IS NULL)),
  CHECK ((blocked_on IS NULL) = (blocked_by IS NULL)),
  CHECK ((platform_reported_on IS NULL) = (platform_reported_by IS NULL)),
  CHECK ((audience_told_on IS NULL) = (audience_told_by IS NULL)),
  CHECK ((authority_reported_on IS NULL) = (authority_reported_by IS NULL)),
  CHECK ((authority_reported_on IS NULL) = (authority_name IS NULL)),
  CHECK ((authority_reported_on IS NULL) = (authority_reference IS NULL)),
  CHECK ((slt_person_id IS NULL) = (slt_reported_on IS NULL)),
  CHECK ((slt_person_id IS NULL) = (slt_reported_by IS NULL)),
  -- north-herts 6.4: abuse is reported to SLT before it is closed; bebington:
  -- a press enquiry is referred to SLT. (Removal is checked by Keyholder: an
  -- older vault may hold abuse resolved before removal was required.)
  CHECK (kind NOT IN ('abuse', 'press') OR status = 'open' OR slt_person_id IS NOT NULL)
);

INSERT INTO issues_new (id, account_id, received_at, kind, original_comment, reply_sent, replied_at, recorded_by,
  acknowledged_on, acknowledged_by, removed_on, removed_by, blocked_on, blocked_by,
  platform_reported_on, platform_reported_by, slt_person_id, slt_reported_on, slt_reported_by,
  status, resolved_at, resolution_notes, created_at, updated_at)
SELECT id, account_id, received_at, kind, original_comment, reply_sent, replied_at, recorded_by,
  date(acknowledged_publicly_at, CASE WHEN acknowledged_publicly_at >= date(substr(acknowledged_publicly_at, 1, 4) || '-03-31', '-6 days', 'weekday 0') || 'T01:00'
    AND acknowledged_publicly_at < date(substr(acknowledged_publicly_at, 1, 4) || '-10-31', '-6 days', 'weekday 0') || 'T01:00' THEN '+1 hours' ELSE '+0 hours' END),
  CASE WHEN acknowledged_publicly_at IS NULL THEN NULL ELSE recorded_by END,
  date(removed_at, CASE WHEN removed_at >= date(substr(removed_at, 1, 4) || '-03-31', '-6 days', 'weekday 0') || 'T01:00'
    AND removed_at < date(substr(removed_at, 1, 4) || '-10-31', '-6 days', 'weekday 0') || 'T01:00' THEN '+1 hours' ELSE '+0 hours' END),
  CASE WHEN removed_at IS NULL THEN NULL ELSE recorded_by END,
  date(user_blocked_at, CASE WHEN user_blocked_at >= date(substr(user_blocked_at, 1, 4) || '-03-31', '-6 days', 'weekday 0') || 'T01:00'
    AND user_blocked_at < date(substr(user_blocked_at, 1, 4) || '-10-31', '-6 days', 'weekday 0') || 'T01:00' THEN '+1 hours' ELSE '+0 hours' END),
  CASE WHEN user_blocked_at IS NULL THEN NULL ELSE recorded_by END,
  date(reported_to_platform_at, CASE WHEN reported_to_platform_at >= date(substr(reported_to_platform_at, 1, 4) || '-03-31', '-6 days', 'weekday 0') || 'T01:00'
    AND reported_to_platform_at < date(substr(reported_to_platform_at, 1, 4) || '-10-31', '-6 days', 'weekday 0') || 'T01:00' THEN '+1 hours' ELSE '+0 hours' END),
  CASE WHEN reported_to_platform_at IS NULL THEN NULL ELSE recorded_by END,
  slt_person_id, slt_reported_on,
  CASE WHEN slt_person_id IS NULL THEN NULL ELSE recorded_by END,
  status, resolved_at, resolution_notes, created_at, updated_at
FROM issues;

DROP TABLE issues;
ALTER TABLE issues_new RENAME TO issues;
CREATE INDEX issues_account ON issues (account_id, received_at);
CREATE INDEX issues_open ON issues (status, received_at);
