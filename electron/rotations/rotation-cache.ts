import { isDeepStrictEqual } from 'node:util';
import type { RotationRow } from '../../shared/contract';
import { londonDateOf } from '../../shared/time';
import type { Db } from '../db/open';
import { ChangeTracker } from '../lib/change-tracker';
import { freezeRotationRow } from '../lib/freeze-shapes';
import { readSettings } from '../settings/settings-store';
import { byUrgency, readRotations } from './due';

/**
 * The rotation schedule, worked out once and then refreshed by what changed,
 * so start-up (the overdue notice) and the Dashboard's rotations.list share
 * one read. Each row depends on its account, its password's date and its
 * pending rotation (account ids recorded by the triggers below, as for the
 * register: electron/lib/change-tracker.ts); the settings and the term
 * calendar change every row (0); and a new London day is a new schedule.
 * KEYHOLDER_VERIFY_CACHE=1 (set for the whole test suite) compares every
 * cached answer with a fresh full read and refuses any difference.
 */
const trackingSql = `
CREATE TEMP TRIGGER IF NOT EXISTS rot_accounts_i AFTER INSERT ON main.accounts BEGIN INSERT INTO rotation_changes VALUES (NEW.id); END;
CREATE TEMP TRIGGER IF NOT EXISTS rot_accounts_u AFTER UPDATE ON main.accounts BEGIN INSERT INTO rotation_changes VALUES (NEW.id); END;
CREATE TEMP TRIGGER IF NOT EXISTS rot_accounts_d AFTER DELETE ON main.accounts BEGIN INSERT INTO rotation_changes VALUES (OLD.id); END;
CREATE TEMP TRIGGER IF NOT EXISTS rot_secrets_i AFTER INSERT ON main.account_secrets WHEN NEW.field = 'password' BEGIN INSERT INTO rotation_changes VALUES (NEW.account_id); END;
CREATE TEMP TRIGGER IF NOT EXISTS rot_secrets_u AFTER UPDATE ON main.account_secrets BEGIN INSERT INTO rotation_changes VALUES (NEW.account_id); END;
CREATE TEMP TRIGGER IF NOT EXISTS rot_secrets_d AFTER DELETE ON main.account_secrets WHEN OLD.field = 'password' BEGIN INSERT INTO rotation_changes VALUES (OLD.account_id); END;
CREATE TEMP TRIGGER IF NOT EXISTS rot_rotations_i AFTER INSERT ON main.rotations BEGIN INSERT INTO rotation_changes VALUES (NEW.account_id); END;
CREATE TEMP TRIGGER IF NOT EXISTS rot_rotations_u AFTER UPDATE ON main.rotations BEGIN INSERT INTO rotation_changes VALUES (NEW.account_id); INSERT INTO rotation_changes VALUES (OLD.account_id); END;
CREATE TEMP TRIGGER IF NOT EXISTS rot_rotations_d AFTER DELETE ON main.rotations BEGIN INSERT INTO rotation_changes VALUES (OLD.account_id); END;
CREATE TEMP TRIGGER IF NOT EXISTS rot_terms_i AFTER INSERT ON main.term_dates BEGIN INSERT INTO rotation_changes VALUES (0); END;
CREATE TEMP TRIGGER IF NOT EXISTS rot_terms_u AFTER UPDATE ON main.term_dates BEGIN INSERT INTO rotation_changes VALUES (0); END;
CREATE TEMP TRIGGER IF NOT EXISTS rot_terms_d AFTER DELETE ON main.term_dates BEGIN INSERT INTO rotation_changes VALUES (0); END;
CREATE TEMP TRIGGER IF NOT EXISTS rot_settings_i AFTER INSERT ON main.settings BEGIN INSERT INTO rotation_changes VALUES (0); END;
CREATE TEMP TRIGGER IF NOT EXISTS rot_settings_u AFTER UPDATE ON main.settings BEGIN INSERT INTO rotation_changes VALUES (0); END;
CREATE TEMP TRIGGER IF NOT EXISTS rot_settings_d AFTER DELETE ON main.settings BEGIN INSERT INTO rotation_changes VALUES (0); END;
`;

/** More rows than this changed at once: sort the whole schedule again rather than move each. */
const resortAbove = 64;

/** What it holds is frozen (freeze-shapes.ts); an unchanged schedule is the same frozen array. */
class RotationCache {
  /** Full reads and one-account reads made for the cache (not for verify mode): for the tests. */
  readonly reads = { full: 0, one: 0 };
  private readonly rows = new Map<number, RotationRow>();
  /** Each account's row in the schedule list() last handed out (none for an account not on it). */
  readonly byAccount: ReadonlyMap<number, RotationRow> = this.rows;
  /** The schedule in order; a new frozen array after each change. */
  private sorted: readonly RotationRow[] = [];
  /** The London day the rows were worked out for; null when nothing is held. */
  private today: string | null = null;
  private readonly changes: ChangeTracker;

  constructor(
    private readonly db: Db,
    private readonly verify = process.env.KEYHOLDER_VERIFY_CACHE === '1',
  ) {
    this.changes = new ChangeTracker(db, 'rotation_changes', trackingSql);
  }

  /** Every live account's rotation state, most urgent first (frozen: callers filter or copy it). */
  list(now: Date): readonly RotationRow[] {
    const { everything, ids } = this.changes.take();
    const today = londonDateOf(now);
    if (everything || today !== this.today || ids.length > resortAbove) this.fill(now, today);
    else if (ids.length > 0) this.refresh(now, ids);
    return this.verified(this.sorted, now);
  }

  private fill(now: Date, today: string): void {
    this.reads.full += 1;
    const rows = readRotations(this.db, readSettings(this.db), now).map(freezeRotationRow);
    this.rows.clear();
    for (const row of rows) this.rows.set(row.accountId, row);
    this.sorted = Object.freeze(rows);
    this.today = today;
  }

  /** Each changed row taken out and put back in its place (the list is already in order). */
  private refresh(now: Date, ids: number[]): void {
    const settings = readSettings(this.db);
    const sorted = this.sorted.slice();
    for (const id of ids) {
      this.reads.one += 1;
      const old = this.rows.get(id);
      if (old) sorted.splice(sorted.indexOf(old), 1);
      const row = readRotations(this.db, settings, now, id)[0];
      if (!row) {
        this.rows.delete(id); // closed, transferred or deleted
        continue;
      }
      const frozen = freezeRotationRow(row);
      this.rows.set(id, frozen);
      let low = 0;
      let high = sorted.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (byUrgency(sorted[mid]!, frozen) < 0) low = mid + 1;
        else high = mid;
      }
      sorted.splice(low, 0, frozen);
    }
    this.sorted = Object.freeze(sorted);
  }

  private verified(list: readonly RotationRow[], now: Date): readonly RotationRow[] {
    if (!this.verify) return list;
    const fresh = readRotations(this.db, readSettings(this.db), now);
    if (!isDeepStrictEqual(list, fresh)) {
      if (process.env.KEYHOLDER_DEBUG_CACHE) console.error(JSON.stringify({ cached: list, fresh }, null, 1));
      throw new Error('The rotation cache differs from a fresh read');
    }
    return list;
  }
}

const caches = new WeakMap<Db, RotationCache>();

/**
 * Every live account's rotation state, most urgent first, from this
 * connection's cache. A read inside a transaction bypasses it: what it sees
 * may be rolled back (and the cache's own table, made or emptied there, with it).
 */
export function listRotations(db: Db, now: Date): RotationRow[] {
  if (db.inTransaction) return readRotations(db, readSettings(db), now);
  // Frozen at run time (a change to it throws), typed as the channel's answer.
  return rotationCache(db).list(now) as RotationRow[];
}

/** This connection's cache, made the first time it is needed (outside a transaction). */
export function rotationCache(db: Db): Pick<RotationCache, 'list' | 'reads' | 'byAccount'> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new RotationCache(db)));
  return cache;
}
