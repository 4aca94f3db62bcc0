import { isDeepStrictEqual } from 'node:util';
import type { Account, Breach } from '../../shared/contract';
import type { Db } from '../db/open';
import { readSettings } from '../settings/settings-store';
import { loadRegister, type Register } from './register-query';

/**
 * The register, computed once and then refreshed by what changed. Temporary
 * triggers on this connection (never in the vault file: they live in SQLite's
 * temp schema) record the id of every account a write touches, in the same
 * transaction as the write, so a rollback leaves nothing behind; 0 means
 * "everything" (a setting, or an email the school's domain is inferred from).
 * A commit by another connection (a restore) is caught by PRAGMA data_version.
 * KEYHOLDER_VERIFY_CACHE=1 (set for the whole test suite) compares every
 * cached answer with a fresh full read and refuses any difference.
 */
const trackingSql = `
CREATE TEMP TABLE IF NOT EXISTS register_changes (account_id INTEGER NOT NULL);
CREATE TEMP TRIGGER IF NOT EXISTS rc_accounts_i AFTER INSERT ON main.accounts BEGIN INSERT INTO register_changes VALUES (CASE WHEN NEW.login_email != '' THEN 0 ELSE NEW.id END); END;
CREATE TEMP TRIGGER IF NOT EXISTS rc_accounts_u AFTER UPDATE ON main.accounts BEGIN INSERT INTO register_changes VALUES (CASE WHEN NEW.login_email IS NOT OLD.login_email THEN 0 ELSE NEW.id END); END;
CREATE TEMP TRIGGER IF NOT EXISTS rc_accounts_d AFTER DELETE ON main.accounts BEGIN INSERT INTO register_changes VALUES (0); END;
CREATE TEMP TRIGGER IF NOT EXISTS rc_secrets_i AFTER INSERT ON main.account_secrets BEGIN INSERT INTO register_changes VALUES (NEW.account_id); END;
CREATE TEMP TRIGGER IF NOT EXISTS rc_secrets_u AFTER UPDATE ON main.account_secrets BEGIN INSERT INTO register_changes VALUES (NEW.account_id); END;
CREATE TEMP TRIGGER IF NOT EXISTS rc_secrets_d AFTER DELETE ON main.account_secrets BEGIN INSERT INTO register_changes VALUES (OLD.account_id); END;
CREATE TEMP TRIGGER IF NOT EXISTS rc_holders_i AFTER INSERT ON main.account_holders BEGIN INSERT INTO register_changes VALUES (NEW.account_id); END;
CREATE TEMP TRIGGER IF NOT EXISTS rc_holders_u AFTER UPDATE ON main.account_holders BEGIN INSERT INTO register_changes VALUES (NEW.account_id); END;
CREATE TEMP TRIGGER IF NOT EXISTS rc_holders_d AFTER DELETE ON main.account_holders BEGIN INSERT INTO register_changes VALUES (OLD.account_id); END;
CREATE TEMP TRIGGER IF NOT EXISTS rc_runners_i AFTER INSERT ON main.account_runners BEGIN INSERT INTO register_changes VALUES (NEW.account_id); END;
CREATE TEMP TRIGGER IF NOT EXISTS rc_runners_d AFTER DELETE ON main.account_runners BEGIN INSERT INTO register_changes VALUES (OLD.account_id); END;
CREATE TEMP TRIGGER IF NOT EXISTS rc_people_i AFTER INSERT ON main.people WHEN NEW.work_email != '' BEGIN INSERT INTO register_changes VALUES (0); END;
CREATE TEMP TRIGGER IF NOT EXISTS rc_people_u AFTER UPDATE ON main.people BEGIN
  INSERT INTO register_changes SELECT 0 WHERE NEW.work_email IS NOT OLD.work_email;
  INSERT INTO register_changes SELECT id FROM main.accounts WHERE lead_person_id = NEW.id OR approved_by = NEW.id OR governor_approved_by = NEW.id OR rejected_by = NEW.id;
  INSERT INTO register_changes SELECT account_id FROM main.account_holders WHERE person_id = NEW.id;
  INSERT INTO register_changes SELECT account_id FROM main.account_runners WHERE person_id = NEW.id;
END;
CREATE TEMP TRIGGER IF NOT EXISTS rc_settings_i AFTER INSERT ON main.settings BEGIN INSERT INTO register_changes VALUES (0); END;
CREATE TEMP TRIGGER IF NOT EXISTS rc_settings_u AFTER UPDATE ON main.settings BEGIN INSERT INTO register_changes VALUES (0); END;
`;

interface Entry {
  account: Account;
  breaches: Breach[];
}

/** One per connection (registerCache): its reads consume the connection's record of changes. */
class RegisterCache {
  private readonly entries = new Map<number, Entry>();
  /** Every account's id in register order, once a full read has been made and nothing was added or removed since. */
  private order: number[] | null = null;
  /** Accounts changed since the list was last put in order (a read of one account may have seen them first). */
  private readonly touched = new Set<number>();
  private dataVersion: number;

  constructor(
    private readonly db: Db,
    private readonly verify = process.env.KEYHOLDER_VERIFY_CACHE === '1',
  ) {
    db.exec(trackingSql);
    this.dataVersion = this.readDataVersion();
  }

  /** The whole register, each account recomputed only if something it depends on changed. */
  list(): Register {
    this.sync();
    if (this.order === null) return this.verified(this.fill(), null);
    const order = this.order;
    if (this.touched.size > 0) {
      const known = new Set(order);
      for (const id of this.touched) if (!known.has(id)) order.push(id); // an account added since
    }
    this.refresh(order.filter((id) => !this.entries.has(id)));
    // A handle or platform may have changed: the register's order is SQL's (platform, then handle ignoring case).
    if (this.touched.size > 0) this.sortOrder(order);
    this.touched.clear();
    return this.verified(this.assemble(order), null);
  }

  /** One account and its breaches. */
  one(accountId: number): Register {
    this.sync();
    if (!this.entries.has(accountId)) this.refresh([accountId]);
    const entry = this.entries.get(accountId)!;
    return this.verified({ accounts: [entry.account], breaches: entry.breaches }, accountId);
  }

  /**
   * Picks up what changed since the last read, this connection's writes and any
   * other connection's, and forgets those accounts (after a change to
   * everything, the cache is emptied and the list is read afresh).
   */
  private sync(): void {
    const version = this.readDataVersion();
    const changed = (
      this.db.prepare('SELECT DISTINCT account_id AS id FROM temp.register_changes').all() as { id: number }[]
    ).map((c) => c.id);
    if (changed.length > 0) this.db.exec('DELETE FROM temp.register_changes');
    if (version !== this.dataVersion || changed.includes(0)) {
      this.dataVersion = version;
      this.entries.clear();
      this.order = null;
      this.touched.clear();
      return;
    }
    for (const id of changed) {
      this.entries.delete(id);
      this.touched.add(id);
    }
  }

  private sortOrder(order: number[]): void {
    const keys = new Map(order.map((id) => [id, sortKey(this.entries.get(id)!.account)]));
    order.sort((a, b) => Buffer.compare(keys.get(a)!, keys.get(b)!) || a - b);
  }

  private fill(): Register {
    const register = loadRegister(this.db, readSettings(this.db));
    const byAccount = groupBreaches(register.breaches);
    this.entries.clear();
    for (const account of register.accounts) {
      this.entries.set(account.id, { account, breaches: byAccount.get(account.id) ?? [] });
    }
    this.order = register.accounts.map((a) => a.id);
    this.touched.clear();
    return register;
  }

  private refresh(ids: number[]): void {
    const settings = readSettings(this.db);
    for (const id of ids) {
      const fresh = loadRegister(this.db, settings, id);
      this.entries.set(id, { account: fresh.accounts[0]!, breaches: fresh.breaches });
    }
  }

  private assemble(order: number[]): Register {
    const accounts: Account[] = [];
    const breaches: Breach[] = [];
    for (const id of order) {
      const entry = this.entries.get(id)!;
      accounts.push(entry.account);
      breaches.push(...entry.breaches);
    }
    return { accounts, breaches };
  }

  private verified(register: Register, accountId: number | null): Register {
    if (!this.verify) return register;
    const settings = readSettings(this.db);
    const fresh = accountId === null ? loadRegister(this.db, settings) : loadRegister(this.db, settings, accountId);
    if (!isDeepStrictEqual(register, fresh)) {
      if (process.env.KEYHOLDER_DEBUG_CACHE) console.error(JSON.stringify({ cached: register, fresh }, null, 1));
      throw new Error('The register cache differs from a fresh read');
    }
    return register;
  }

  private readDataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }
}

/**
 * SQLite's ORDER BY platform, handle COLLATE NOCASE (then id): NOCASE folds
 * A-Z only, and text compares as UTF-8 bytes. Platforms are plain ASCII
 * words, so a NUL between the two parts keeps them apart.
 */
function sortKey(account: Account): Buffer {
  return Buffer.from(`${account.platform}\u0000${account.handle.replace(/[A-Z]/g, (c) => c.toLowerCase())}`, 'utf8');
}

function groupBreaches(breaches: Breach[]): Map<number, Breach[]> {
  const out = new Map<number, Breach[]>();
  for (const breach of breaches) {
    const list = out.get(breach.accountId);
    if (list) list.push(breach);
    else out.set(breach.accountId, [breach]);
  }
  return out;
}

const caches = new WeakMap<Db, RegisterCache>();

/** Reads the register afresh: inside a transaction, which may yet roll back. */
const uncached = (db: Db) => ({
  list: (): Register => loadRegister(db, readSettings(db)),
  one: (accountId: number): Register => loadRegister(db, readSettings(db), accountId),
});

/**
 * The cache for this connection, made the first time the register is read.
 * A read inside a transaction bypasses it: what it sees may be rolled back
 * (and the cache's own tables, made or emptied there, with it).
 */
export function registerCache(db: Db): Pick<RegisterCache, 'list' | 'one'> {
  if (db.inTransaction) return uncached(db);
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new RegisterCache(db)));
  return cache;
}
