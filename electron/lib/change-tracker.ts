import type { Db } from '../db/open';

/**
 * Which accounts changed since a cache last looked, for the caches of
 * derived lists (the register, the rotation schedule). Temporary triggers on
 * this connection (never in the vault file: they live in SQLite's temp
 * schema) record the id of every account a write touches, in the same
 * transaction as the write, so a rollback leaves nothing behind; id 0 means
 * "everything" (a setting, the calendar, a deletion). A commit by another
 * connection (a restore) is caught by PRAGMA data_version, which moves only
 * for other connections' commits.
 */
export interface Changes {
  /** Something every account depends on changed, or another connection committed: read everything again. */
  everything: boolean;
  /** The accounts touched (when not everything). */
  ids: number[];
}

export class ChangeTracker {
  private dataVersion: number;

  /**
   * `table` is the temp table the triggers in `triggersSql` insert account
   * ids into (created here); the triggers must be CREATE TEMP TRIGGER IF NOT
   * EXISTS, on main.* tables. Not to be made inside a transaction, which
   * could roll the table and triggers back.
   */
  constructor(
    private readonly db: Db,
    private readonly table: string,
    triggersSql: string,
  ) {
    db.exec(`CREATE TEMP TABLE IF NOT EXISTS ${table} (account_id INTEGER NOT NULL);\n${triggersSql}`);
    this.dataVersion = this.readDataVersion();
  }

  /** What changed since the last call, and forgets it. */
  take(): Changes {
    const version = this.readDataVersion();
    const ids = (
      this.db.prepare(`SELECT DISTINCT account_id AS id FROM temp.${this.table}`).all() as { id: number }[]
    ).map((c) => c.id);
    if (ids.length > 0) this.db.exec(`DELETE FROM temp.${this.table}`);
    const everything = version !== this.dataVersion || ids.includes(0);
    this.dataVersion = version;
    return { everything, ids: everything ? [] : ids };
  }

  private readDataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }
}
