-- Weekly checks of each active account (north-herts 3 and 6.1, sutton-manor):
-- one row per account, week (its Monday, London) and item ticked, with who
-- did the check and when it was recorded. The item is stored as worded when
-- ticked, so renaming a check later does not rewrite the record.
CREATE TABLE weekly_checks (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  week_of TEXT NOT NULL,
  item TEXT NOT NULL,
  checked_by INTEGER NOT NULL REFERENCES people (id),
  checked_at TEXT NOT NULL,
  UNIQUE (account_id, week_of, item)
);
