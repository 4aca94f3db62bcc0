-- Whether the school replies to comments on an account, or only broadcasts
-- (wentworth: "will not reply to any 'replies'"; sutton-manor: one-way).
-- On a broadcast-only account a logged comment has no reply clock.
ALTER TABLE accounts ADD COLUMN replies TEXT NOT NULL DEFAULT 'reply' CHECK (replies IN ('reply', 'broadcast'));
