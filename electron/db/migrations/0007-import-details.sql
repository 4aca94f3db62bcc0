-- What an import brings in beyond the first register: the name typed to log
-- in and the login page (password managers keep both), why an imported
-- password falls short of the school's policy (cleared when it is changed),
-- and people an import added from a name only, to be checked.
ALTER TABLE accounts ADD COLUMN username TEXT NOT NULL DEFAULT '';
ALTER TABLE accounts ADD COLUMN login_url TEXT NOT NULL DEFAULT '';
ALTER TABLE accounts ADD COLUMN password_weakness TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN import_check TEXT NOT NULL DEFAULT '';

-- A spreadsheet says who knows each password but not who authorised them:
-- an imported holder has no authorisation until the Headteacher's or SLT's
-- is recorded (a breach until then). SQLite cannot drop NOT NULL in place,
-- so the table is rebuilt with its rows, ids and indexes.
CREATE TABLE account_holders_new (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  person_id INTEGER NOT NULL REFERENCES people (id),
  authorised_by INTEGER REFERENCES people (id),
  authorised_on TEXT,
  added_on TEXT NOT NULL,
  override_reason TEXT NOT NULL DEFAULT '',
  removed_on TEXT,
  removed_reason TEXT,
  CHECK ((authorised_by IS NULL) = (authorised_on IS NULL))
);
INSERT INTO account_holders_new (id, account_id, person_id, authorised_by, authorised_on, added_on, override_reason, removed_on, removed_reason)
  SELECT id, account_id, person_id, authorised_by, authorised_on, added_on, override_reason, removed_on, removed_reason FROM account_holders;
DROP TABLE account_holders;
ALTER TABLE account_holders_new RENAME TO account_holders;
CREATE UNIQUE INDEX account_holders_current ON account_holders (account_id, person_id) WHERE removed_on IS NULL;
CREATE INDEX account_holders_person ON account_holders (person_id);
