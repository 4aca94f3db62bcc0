import { isDeepStrictEqual } from 'node:util';
import type { Breach } from '../../shared/contract';
import type { Db } from '../db/open';
import { ChangeTracker } from '../lib/change-tracker';
import { freezeBreaches } from '../lib/freeze-shapes';
import { readSettings } from '../settings/settings-store';
import type { ComplianceSettings } from '../../shared/policy/compliance';
import { complianceSettings } from './register-query';
import { loadRegister, readRegister, type Register, type RegisterAccount } from './register-rows';

/**
 * The register, computed once and then refreshed by what changed: the
 * triggers below record the accounts each write touches (electron/lib/
 * change-tracker.ts); 0 means "everything" (a setting, a staff email), and
 * loginEmailChanged that a login email changed, which is a change to
 * everything only while the school's domain is inferred from them.
 * KEYHOLDER_VERIFY_CACHE=1 (set for the whole test suite) compares every
 * cached answer with a fresh full read and refuses any difference.
 */
const trackingSql = `
CREATE TEMP TRIGGER IF NOT EXISTS rc_accounts_i AFTER INSERT ON main.accounts BEGIN INSERT INTO register_changes VALUES (NEW.id); INSERT INTO register_changes SELECT -1 WHERE NEW.login_email != ''; END;
CREATE TEMP TRIGGER IF NOT EXISTS rc_accounts_u AFTER UPDATE ON main.accounts BEGIN INSERT INTO register_changes VALUES (NEW.id); INSERT INTO register_changes SELECT -1 WHERE NEW.login_email IS NOT OLD.login_email; END;
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
  INSERT INTO register_changes SELECT id FROM main.accounts WHERE lead_person_id = NEW.id OR approved_by = NEW.id OR governor_approved_by = NEW.id OR rejected_by = NEW.id OR slt_told_person_id = NEW.id;
  INSERT INTO register_changes SELECT account_id FROM main.account_holders WHERE person_id = NEW.id;
  INSERT INTO register_changes SELECT account_id FROM main.account_runners WHERE person_id = NEW.id;
END;
CREATE TEMP TRIGGER IF NOT EXISTS rc_settings_i AFTER INSERT ON main.settings BEGIN INSERT INTO register_changes VALUES (0); END;
CREATE TEMP TRIGGER IF NOT EXISTS rc_settings_u AFTER UPDATE ON main.settings BEGIN INSERT INTO register_changes VALUES (0); END;
`;

/** What the account triggers above record (-1) when a login email is set or changed. */
const loginEmailChanged = -1;

interface Entry {
  account: RegisterAccount;
  breaches: Breach[];
}

/** More accounts than this changed at once (an import): sort the whole register again rather than move each. */
const resortAbove = 64;

/**
 * One per connection (registerCache): its reads consume the connection's
 * record of changes. What it holds is frozen (freeze-shapes.ts), and an unchanged
 * register is handed out as the same frozen object, which the output guard
 * recognises without walking it again.
 */
export class RegisterCache {
  private readonly entries = new Map<number, Entry>();
  /** Every account's id in register order, once a full read has been made and nothing was removed since. */
  private order: number[] | null = null;
  /** Each account's place in the order (sortKey), worked out when first needed. */
  private readonly keys = new Map<number, Buffer>();
  /** Accounts changed since the list was last put in order (a read of one account may have seen them first). */
  private readonly touched = new Set<number>();
  /** The last whole register handed out, while nothing has changed. */
  private assembled: Register | null = null;
  /** The school's rules for the checks (settings, staff emails, the school's domain), kept until a change to everything. */
  private rules: ComplianceSettings | null = null;
  private readonly changes: ChangeTracker;

  constructor(
    private readonly db: Db,
    private readonly verify = process.env.KEYHOLDER_VERIFY_CACHE === '1',
  ) {
    this.changes = new ChangeTracker(db, 'register_changes', trackingSql);
  }

  /** The whole register, each account recomputed only if something it depends on changed. */
  list(): Register {
    this.sync();
    if (this.order === null) this.fill();
    else if (this.touched.size > 0) {
      this.refresh([...this.touched].filter((id) => !this.entries.has(id)));
      this.reorder(this.order);
      this.touched.clear();
    }
    this.assembled ??= this.assemble(this.order!);
    return this.verified(this.assembled, null);
  }

  /** One account's findings as the last list() or one() read them (the cache's own frozen list), if held. */
  findingsOf(accountId: number): readonly Breach[] | undefined {
    return this.entries.get(accountId)?.breaches;
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
    const { everything, ids } = this.changes.take();
    // With the school's domain set, a login email is its own account's business (a personal address or not);
    // with it empty, the domain is inferred from every login email, and any account's finding may change.
    const inferred = ids.includes(loginEmailChanged) && readSettings(this.db).schoolEmailDomain === '';
    if (everything || inferred) {
      this.entries.clear();
      this.keys.clear();
      this.order = null;
      this.touched.clear();
      this.assembled = null;
      this.rules = null;
      return;
    }
    for (const id of ids) {
      if (id === loginEmailChanged) continue;
      this.entries.delete(id);
      this.touched.add(id);
      this.assembled = null;
    }
  }

  /** A handle or platform may have changed, or an account been added: the register's order is SQL's. */
  private reorder(order: number[]): void {
    if (this.touched.size > resortAbove) {
      const known = new Set(order);
      for (const id of this.touched) if (!known.has(id)) order.push(id);
      for (const id of this.touched) this.keys.delete(id);
      order.sort((a, b) => this.compare(a, b));
      return;
    }
    for (const id of this.touched) {
      const before = this.keys.get(id);
      this.keys.delete(id);
      const at = order.indexOf(id);
      if (at !== -1 && before?.equals(this.keyOf(id))) continue;
      if (at !== -1) order.splice(at, 1);
      let low = 0;
      let high = order.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (this.compare(order[mid]!, id) < 0) low = mid + 1;
        else high = mid;
      }
      order.splice(low, 0, id);
    }
  }

  private compare(a: number, b: number): number {
    return Buffer.compare(this.keyOf(a), this.keyOf(b)) || a - b;
  }

  private keyOf(id: number): Buffer {
    let key = this.keys.get(id);
    if (!key) this.keys.set(id, (key = sortKey(this.entries.get(id)!.account)));
    return key;
  }

  private fill(): void {
    const settings = readSettings(this.db);
    this.rules = complianceSettings(this.db, settings);
    const { accounts, findings } = readRegister(this.db, settings, undefined, this.rules);
    this.entries.clear();
    this.keys.clear();
    for (let i = 0; i < accounts.length; i += 1)
      this.entries.set(accounts[i]!.id, frozenEntry(accounts[i]!, findings[i]!));
    this.order = accounts.map((a) => a.id);
    this.touched.clear();
    this.assembled = null; // list() assembles the whole from the entries, as after any change
  }

  private refresh(ids: number[]): void {
    const settings = readSettings(this.db);
    this.rules ??= complianceSettings(this.db, settings);
    for (const id of ids) {
      const fresh = readRegister(this.db, settings, id, this.rules);
      this.entries.set(id, frozenEntry(fresh.accounts[0]!, fresh.findings[0]!));
    }
  }

  /** Every entry is frozen already, so freezing the two lists and the whole is enough (no walk over 30,000 objects). */
  private assemble(order: number[]): Register {
    const accounts = new Array<RegisterAccount>(order.length);
    const breaches: Breach[] = [];
    for (let i = 0; i < order.length; i += 1) {
      const entry = this.entries.get(order[i]!)!;
      accounts[i] = entry.account;
      for (let j = 0; j < entry.breaches.length; j += 1) breaches.push(entry.breaches[j]!);
    }
    Object.freeze(accounts);
    Object.freeze(breaches);
    return Object.freeze({ accounts, breaches });
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
}

/**
 * SQLite's ORDER BY platform, handle COLLATE NOCASE (then id): NOCASE folds
 * A-Z only, and text compares as UTF-8 bytes. Platforms are plain ASCII
 * words, so a NUL between the two parts keeps them apart.
 */
function sortKey(account: RegisterAccount): Buffer {
  return Buffer.from(`${account.platform}\u0000${account.handle.replace(/[A-Z]/g, (c) => c.toLowerCase())}`, 'utf8');
}

/** A register account has only text, numbers and nulls: its breaches are the only nested part. */
function frozenEntry(account: RegisterAccount, breaches: Breach[]): Entry {
  Object.freeze(account);
  freezeBreaches(breaches);
  return Object.freeze({ account, breaches });
}

const caches = new WeakMap<Db, RegisterCache>();

/** Reads the register afresh: inside a transaction, which may yet roll back. */
const uncached = (db: Db) => ({
  list: (): Register => loadRegister(db, readSettings(db)),
  one: (accountId: number): Register => loadRegister(db, readSettings(db), accountId),
  findingsOf: (): undefined => undefined,
});

/**
 * The cache for this connection, made the first time the register is read.
 * A read inside a transaction bypasses it: what it sees may be rolled back
 * (and the cache's own tables, made or emptied there, with it).
 */
export function registerCache(db: Db): Pick<RegisterCache, 'list' | 'one' | 'findingsOf'> {
  if (db.inTransaction) return uncached(db);
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new RegisterCache(db)));
  return cache;
}
