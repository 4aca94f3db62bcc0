import { tableNames } from '../../../electron/backup/backup-payload';
import { type Core } from '../../../electron/core/create-core';
import type { Clock, SecretStore } from '../../../electron/core/platform';
import { aad, decryptSecret } from '../../../electron/vault/envelope';
import type { Channel, ChannelInput, ChannelOutput, IpcError } from '../../../shared/contract';
import { useTempDirs } from '../../support/temp-dir';
import { type TestPlatform } from '../../support/test-platform';
import { useCoreSessions } from '../../support/open-core';

/**
 * Real cores over real SQLite files in temp folders, driven through
 * core.dispatch, with a vault seeded with everything a backup must carry:
 * people, accounts with business cases and leads, holders, passwords with
 * history, recovery codes, two-factor notes, a confirmed and a pending
 * rotation, and the audit entries all of that wrote.
 */
export const passphrase = 'Harbour-Lantern#Quarry-5821';

export interface ManualClock extends Clock {
  set(iso: string): void;
}

/** A clock the test moves (days pass for automatic backups and the Dashboard warning). */
export function manualClock(start: string): ManualClock {
  let now = Date.parse(start);
  return { now: () => new Date(now), set: (iso) => void (now = Date.parse(iso)) };
}

/** Every secret the seed stores, so tests can compare them and scan files for them. */
export const seedSecrets = {
  peFirst: 'Kestrel#Harbour-7429!',
  peSecond: 'Violet#Quarry-5821-Lantern',
  peRotated: 'Amber$Willow-3318-Falcon',
  peCodes: 'RC-4417-9923-1108 RC-5530-2281-7764',
  fb: 'Cobalt!Meadow-6604-Thistle',
  fbNotes: 'Backup phone PIN 448213 Quokka',
  music: 'Saffron%Ridge-2297-Otter',
  musicPending: 'Indigo&Brook-8852-Heron',
};

export interface Vault {
  core: Core;
  platform: TestPlatform;
  dataDir: string;
  store: SecretStore;
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  refused(channel: Channel, input: unknown, code: IpcError['code']): Promise<IpcError>;
}

export interface OpenOptions {
  dir?: string;
  store?: SecretStore;
  clock?: Clock;
  /** Set up a new vault (default true). */
  setUp?: boolean;
}

export function useBackupCores(prefix = 'keyholder-backup-'): {
  open(options?: OpenOptions): Promise<Vault>;
  tempDir(): string;
} {
  const tempDir = useTempDirs(prefix);
  const sessions = useCoreSessions();
  const open = async (options: OpenOptions = {}): Promise<Vault> => {
    const vault = sessions({ dir: options.dir ?? tempDir(), store: options.store, clock: options.clock, quiet: true });
    await vault.core.start();
    if (options.setUp ?? true)
      await vault.call('vault.setup', { schoolName: "St Mary's Primary", administratorName: 'Alex Admin' });
    return vault;
  };
  return { open, tempDir };
}

const dates = { policyAcknowledgedOn: '2025-09-02', trainingCompletedOn: '2025-09-03' };

/** Fills a vault with one of everything; returns the accounts' ids. */
export async function seed(v: Vault): Promise<{ pe: number; fb: number; music: number }> {
  const head = await v.call('people.create', { name: 'Dr Helen Head', roles: ['headteacher'], ...dates });
  const sam = await v.call('people.create', { name: 'Sam Sports', roles: ['staff'], ...dates });
  const jo = await v.call('people.create', { name: 'Jo Music', roles: ['staff'], ...dates });
  const businessCase = {
    aim: 'Share sports results',
    audience: 'Parents',
    promotion: 'Newsletter',
    visibility: 'open' as const,
    runnerIds: [sam.id, jo.id],
  };
  const pe = await v.call('accounts.create', {
    platform: 'x',
    handle: '@stmaryspe',
    displayName: "St Mary's PE",
    profileUrl: 'https://x.com/stmaryspe',
    loginEmail: 'socialmedia@stmarys.sch.uk',
    notes: 'Sports day results go here',
    leadPersonId: sam.id,
    businessCase,
  });
  const fb = await v.call('accounts.create', { platform: 'facebook', handle: 'StMarysSchool', leadPersonId: jo.id });
  const music = await v.call('accounts.create', { platform: 'instagram', handle: '@stmarys.music' });
  await v.call('accounts.approve', { id: pe.id, approvedById: head.id, approvedOn: '2025-09-10' });
  for (const person of [sam, jo])
    await v.call('holders.add', {
      accountId: pe.id,
      personId: person.id,
      authorisedById: head.id,
      authorisedOn: '2025-09-10',
    });
  const set = (accountId: number, field: 'password' | 'recoveryCodes' | 'twoFactorNotes', value: string) =>
    v.call('secrets.set', { accountId, field, value, source: 'typed', reason: `Seed ${field}` });
  await set(pe.id, 'password', seedSecrets.peFirst);
  await set(pe.id, 'password', seedSecrets.peSecond);
  const rotation = await v.call('rotations.start', {
    accountId: pe.id,
    reason: 'Termly change',
    password: seedSecrets.peRotated,
  });
  await v.call('rotations.confirm', { rotationId: rotation.rotationId });
  await v.call('rotations.markTold', { rotationId: rotation.rotationId, personId: sam.id, channel: 'in-person' });
  await set(pe.id, 'recoveryCodes', seedSecrets.peCodes);
  await set(fb.id, 'password', seedSecrets.fb);
  await set(fb.id, 'twoFactorNotes', seedSecrets.fbNotes);
  await set(music.id, 'password', seedSecrets.music);
  await v.call('rotations.start', { accountId: music.id, reason: 'Holder left', password: seedSecrets.musicPending });
  return { pe: pe.id, fb: fb.id, music: music.id };
}

/**
 * Every row of every table, in a stable order, with what legitimately
 * differs after a restore left out: the envelopes (compared decrypted by
 * `revealAll`), the vault's id and key check, and when the last backup was.
 */
export function dumpTables(core: Core): Record<string, string[]> {
  const db = core.context.db;
  const dump: Record<string, string[]> = {};
  for (const table of tableNames(db)) {
    dump[table] = (db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[])
      .filter((row) => !(table === 'settings' && row.key === 'lastBackupAt'))
      .map((row) => {
        // Envelopes, the key check and the wrapped audit key are re-encrypted by design; compared decrypted elsewhere.
        const { envelope: _envelope, key_check: _check, audit_key: _auditKey, ...rest } = row;
        if (table === 'vault') delete rest.id;
        return JSON.stringify(rest);
      })
      .sort();
  }
  return dump;
}

/** Every stored secret decrypted with the core's own key: "table/account/field or history id" -> plaintext. */
export function revealAll(core: Core): Record<string, string> {
  const db = core.context.db;
  const key = core.vault.key();
  const vaultId = core.vault.vaultId();
  const out: Record<string, string> = {};
  for (const row of db.prepare('SELECT account_id, field, envelope FROM account_secrets').all() as {
    account_id: number;
    field: string;
    envelope: string;
  }[])
    out[`secret/${row.account_id}/${row.field}`] = decryptSecret(
      key,
      row.envelope,
      aad.secret(vaultId, row.account_id, row.field),
    );
  for (const row of db.prepare('SELECT id, account_id, envelope FROM password_history').all() as {
    id: number;
    account_id: number;
    envelope: string;
  }[])
    out[`history/${row.account_id}/${row.id}`] = decryptSecret(
      key,
      row.envelope,
      aad.history(vaultId, row.account_id, row.id),
    );
  return out;
}

export function auditRows(core: Core): Record<string, unknown>[] {
  return core.context.db.prepare('SELECT * FROM audit_log ORDER BY id').all() as Record<string, unknown>[];
}
