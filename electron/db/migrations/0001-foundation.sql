-- The vault's identity and key check. One row. The key itself is never
-- here: it lives in the OS keychain under service "Keyholder", account = id.
CREATE TABLE vault (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  -- AES-GCM encryption of a fixed marker under the vault key: decrypting it
  -- proves the keychain gave us the right key before any secret is touched.
  key_check TEXT
);

-- Settings as key -> JSON value; the code validates the whole set with zod
-- and supplies the policy defaults for keys that are absent.
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- Append-only, hash-chained audit log. Details never hold a secret.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  target_type TEXT,
  target_id INTEGER,
  target_label TEXT,
  details TEXT NOT NULL DEFAULT '{}',
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_target ON audit_log (target_type, target_id);
CREATE INDEX audit_log_action ON audit_log (action);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'The audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'The audit log is append-only');
END;
