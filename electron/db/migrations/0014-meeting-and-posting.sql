-- Post times from an imported analytics export (wentworth "Usage Policy":
-- posts normally 8am to 6pm, Monday to Friday), one row per post that had a
-- time, kept with the figures entry the import made: London date and time,
-- and the start of the post's text so the administrator can tell an event or
-- urgent news from a slip.
CREATE TABLE post_times (
  id INTEGER PRIMARY KEY,
  figures_id INTEGER NOT NULL REFERENCES engagement_figures (id) ON DELETE CASCADE,
  posted_on TEXT NOT NULL,
  posted_time TEXT NOT NULL CHECK (length(posted_time) = 5),
  post_text TEXT NOT NULL DEFAULT ''
);
CREATE INDEX post_times_figures ON post_times (figures_id, posted_on, posted_time);

-- Key dates for the termly progress meeting's "Upcoming" section (north-herts
-- 3: upcoming content is shared "to ensure no key dates or information is
-- overlooked").
CREATE TABLE key_dates (
  id INTEGER PRIMARY KEY,
  on_date TEXT NOT NULL,
  what TEXT NOT NULL CHECK (length(what) BETWEEN 1 AND 300),
  recorded_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX key_dates_on ON key_dates (on_date);
