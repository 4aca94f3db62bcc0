-- secure_delete is per connection: electron/db/open.ts turns it on at every open.

-- The account register. Later migrations add the business case, lead and
-- holders; this is what the vault needs to hold secrets against.
CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  platform TEXT NOT NULL CHECK (platform IN ('x', 'facebook', 'instagram', 'youtube', 'linkedin', 'tiktok', 'other')),
  handle TEXT NOT NULL,
  display_name TEXT NOT NULL DEFAULT '',
  profile_url TEXT NOT NULL DEFAULT '',
  login_email TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'proposed'
    CHECK (status IN ('proposed', 'approved', 'active', 'suspended', 'closed', 'transferred')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX accounts_platform_handle ON accounts (platform, handle COLLATE NOCASE);

-- Current secrets, one per account and field, each an encrypted envelope
-- (electron/vault/envelope.ts) bound to its account and field.
CREATE TABLE account_secrets (
  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
  field TEXT NOT NULL CHECK (field IN ('password', 'recoveryCodes', 'twoFactorNotes', 'pendingPassword')),
  envelope TEXT NOT NULL,
  set_at TEXT NOT NULL,
  set_by TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (account_id, field)
) WITHOUT ROWID;

-- Previous passwords (the last 10 per account), encrypted and bound to
-- their own history row, kept so a new password can be checked against them.
CREATE TABLE password_history (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
  envelope TEXT NOT NULL,
  set_at TEXT NOT NULL,
  set_by TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  retired_at TEXT NOT NULL,
  retired_by TEXT NOT NULL,
  retired_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX password_history_account ON password_history (account_id, id);
