-- north-herts 6.0: the account's identity table has its full name (as the
-- platform shows it on the profile) beside the display name. Existing
-- accounts keep their data; their full name is simply not recorded yet.
ALTER TABLE accounts ADD COLUMN full_name TEXT NOT NULL DEFAULT '';

-- The day the account first went live (made active in Keyholder). The launch
-- steps below fall due a week after it. Accounts already live before this
-- checklist existed keep NULL: they are not chased for a launch long past.
ALTER TABLE accounts ADD COLUMN launched_on TEXT;

-- north-herts 5: "the URL and identity of the site is notified to the
-- appropriate member of the SLT": when, to whom, and who recorded it.
ALTER TABLE accounts ADD COLUMN slt_told_on TEXT;
ALTER TABLE accounts ADD COLUMN slt_told_person_id INTEGER REFERENCES people (id);
ALTER TABLE accounts ADD COLUMN slt_told_recorded_by TEXT NOT NULL DEFAULT '';

-- sutton-manor 6.5: every account officially used is referred to on the
-- school website: when it was linked, the page (optional), who recorded it.
ALTER TABLE accounts ADD COLUMN website_linked_on TEXT;
ALTER TABLE accounts ADD COLUMN website_page_url TEXT NOT NULL DEFAULT '';
ALTER TABLE accounts ADD COLUMN website_linked_recorded_by TEXT NOT NULL DEFAULT '';
