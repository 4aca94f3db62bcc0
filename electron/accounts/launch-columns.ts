import type { Account } from '../../shared/contract';

/**
 * The launch checklist's columns in the register's read (migration 0013):
 * when the account first went live, the URL and identity sent to a named
 * member of SLT (north-herts 5), and the link from the school website
 * (sutton-manor 6.5). Kept here so the register query only names them.
 */
export interface LaunchColumns {
  launched_on: string | null;
  slt_told_on: string | null;
  slt_told_person_id: number | null;
  slt_told_name: string | null;
  slt_told_recorded_by: string;
  website_linked_on: string | null;
  website_page_url: string;
  website_linked_recorded_by: string;
}

/** Needs `accounts a` and `people tp` joined on a.slt_told_person_id. */
export const launchColumnsSql = `a.launched_on, a.slt_told_on, a.slt_told_person_id, tp.name AS slt_told_name,
    a.slt_told_recorded_by, a.website_linked_on, a.website_page_url, a.website_linked_recorded_by`;

export function launchOf(row: LaunchColumns): Account['launch'] {
  return {
    launchedOn: row.launched_on,
    sltTold:
      row.slt_told_on !== null && row.slt_told_person_id !== null && row.slt_told_name !== null
        ? {
            on: row.slt_told_on,
            person: { id: row.slt_told_person_id, name: row.slt_told_name },
            recordedBy: row.slt_told_recorded_by,
          }
        : null,
    websiteLinked:
      row.website_linked_on !== null
        ? { on: row.website_linked_on, pageUrl: row.website_page_url, recordedBy: row.website_linked_recorded_by }
        : null,
  };
}
