-- Placeholder on branch h-meeting only, so the migrations run without a gap
-- before 0014. Drop this file when the branch that owns number 0012 is merged.
SELECT 1;
