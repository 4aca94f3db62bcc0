-- Holders whose access ends on a date (wentworth: access "for the period of
-- the trip"): read when the vault unlocks, on the Dashboard and by the
-- check that runs every few seconds to end access whose day has come. Few
-- holders have an end date, so this index holds only those: the check reads
-- a handful of rows instead of every holder of a 10,000-account register.
CREATE INDEX account_holders_temporary ON account_holders (access_ends_on)
  WHERE removed_on IS NULL AND access_ends_on IS NOT NULL;
