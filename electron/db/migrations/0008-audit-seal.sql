-- The audit chain, keyed and anchored (see electron/audit/audit-seal.ts).
-- Each entry's MAC (HMAC-SHA256 under the audit key) covers its id and hash,
-- and so, through the hash chain, every entry before it. Entries written by
-- earlier versions have no MAC; the first sealed entry after them vouches
-- for them.
ALTER TABLE audit_log ADD COLUMN mac TEXT;

-- A random audit key, encrypted under the vault key like any secret, so it
-- survives a backup and restore (only its wrapping changes) and nobody
-- without the keychain's key can make a valid MAC.
ALTER TABLE vault ADD COLUMN audit_key TEXT;

-- The chain's end: its last entry, how many there are, and a MAC over both.
-- Removing entries from the end, or all of them, no longer goes unnoticed.
CREATE TABLE audit_head (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  last_id INTEGER NOT NULL,
  entries INTEGER NOT NULL,
  last_hash TEXT NOT NULL,
  mac TEXT NOT NULL
);
