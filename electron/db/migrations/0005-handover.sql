-- Handovers when a member of staff leaves: one per departure, with the
-- steps still to do. The account changes themselves (new lead, removed
-- holders, rotation required) are made on the accounts when it is executed.
CREATE TABLE handovers (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people (id),
  leaving_on TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  successor_id INTEGER REFERENCES people (id)
);

CREATE TABLE handover_items (
  id INTEGER PRIMARY KEY,
  handover_id INTEGER NOT NULL REFERENCES handovers (id),
  account_id INTEGER REFERENCES accounts (id),
  kind TEXT NOT NULL CHECK (kind IN ('transfer-lead', 'close-account', 'remove-holder', 'move-email', 'acknowledged', 'administrator-role')),
  summary TEXT NOT NULL,
  -- For remove-holder: the moment the holder was removed; a rotation
  -- confirmed after it completes the item.
  since TEXT
);
CREATE INDEX handover_items_handover ON handover_items (handover_id);

-- Ticked checklist steps (closing an account, moving an email, the administrator role).
CREATE TABLE handover_steps (
  item_id INTEGER NOT NULL REFERENCES handover_items (id),
  step TEXT NOT NULL,
  done_on TEXT NOT NULL,
  PRIMARY KEY (item_id, step)
) WITHOUT ROWID;
