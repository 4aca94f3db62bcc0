import { basename, dirname } from 'node:path';
import type { Account, RotationRow } from '../../shared/contract';
import { platformLabels } from '../../shared/policy/platforms';
import { appendAudit } from '../audit/audit-log';
import type { CoreContext } from '../core/context';
import { listFullAccounts } from '../accounts/accounts';
import { listRotations } from '../rotations/rotation-cache';
import { readSettings } from '../settings/settings-store';
import { writeFileAtomic } from '../lib/atomic-write';
import { aad, decryptSecret } from '../vault/envelope';
import type { VaultService } from '../vault/vault-service';
import { kdbx } from './kdbx-argon2';
import { ukDate, ukDateOf } from '../../shared/time';

/**
 * The whole register as a KeePassXC database (KDBX 4, AES-256, Argon2id at
 * KeePassXC's default 64 MiB), one entry per account in a group per
 * platform, for a school moving to KeePassXC or keeping an offline copy it
 * can open anywhere. The file is encrypted as a whole by kdbxweb; the
 * decrypted content exists only in this process's memory.
 */
export function rotationPolicyText(policy: RotationRow['policy']): string {
  if (policy.kind === 'days') return `Every ${policy.days} days`;
  return { termly: 'Termly', 'half-termly': 'Every half term', manual: 'Only when needed (no schedule)' }[policy.kind];
}

interface Secrets {
  password: string | null;
  recoveryCodes: string | null;
  twoFactorNotes: string | null;
  pendingPassword: string | null;
  history: { password: string; setAt: string }[];
  passwordSetAt: string | null;
}

export function entryNotes(account: Account, holders: string[], rotation: RotationRow | undefined, today: string) {
  return [
    `Platform: ${platformLabels[account.platform]}`,
    account.displayName ? `Display name: ${account.displayName}` : '',
    `Status: ${account.status}`,
    `Lead: ${account.lead?.name ?? 'none'}`,
    `Holders: ${holders.length > 0 ? holders.join(', ') : 'none'}`,
    rotation ? `Rotation policy: ${rotationPolicyText(rotation.policy)}` : '',
    rotation?.dueBy ? `Next password change due: ${ukDate(rotation.dueBy)}` : '',
    account.loginEmail ? `Login email: ${account.loginEmail}` : '',
    account.username ? `Username: ${account.username}` : '',
    `Two-factor method: ${account.twoFactorMethod}`,
    account.notes ? `Notes: ${account.notes}` : '',
    `Exported from Keyholder on ${ukDate(today)}.`,
  ]
    .filter(Boolean)
    .join('\n');
}

function readSecrets(ctx: CoreContext, key: Buffer, vaultId: string, accountId: number): Secrets {
  const rows = ctx.db
    .prepare('SELECT field, envelope, set_at FROM account_secrets WHERE account_id = ?')
    .all(accountId) as { field: string; envelope: string; set_at: string }[];
  const field = (name: string) => {
    const row = rows.find((r) => r.field === name);
    return row ? decryptSecret(key, row.envelope, aad.secret(vaultId, accountId, name)) : null;
  };
  const history = (
    ctx.db
      .prepare('SELECT id, envelope, set_at FROM password_history WHERE account_id = ? ORDER BY id')
      .all(accountId) as { id: number; envelope: string; set_at: string }[]
  ).map((row) => ({
    password: decryptSecret(key, row.envelope, aad.history(vaultId, accountId, row.id)),
    setAt: row.set_at,
  }));
  return {
    password: field('password'),
    recoveryCodes: field('recoveryCodes'),
    twoFactorNotes: field('twoFactorNotes'),
    pendingPassword: field('pendingPassword'),
    history,
    passwordSetAt: rows.find((r) => r.field === 'password')?.set_at ?? null,
  };
}

export async function buildKdbx(ctx: CoreContext, vault: VaultService, passphrase: string) {
  const kw = kdbx();
  const key = vault.key();
  const vaultId = vault.vaultId();
  const settings = readSettings(ctx.db);
  const now = ctx.clock.now();
  const today = ukDateOf(now.toISOString()).split('/').reverse().join('-');
  const db = kw.Kdbx.create(
    new kw.Credentials(kw.ProtectedValue.fromString(passphrase)),
    settings.schoolName || 'Keyholder',
  );
  db.setVersion(4);
  db.setKdf(kw.Consts.KdfId.Argon2id);
  db.header.kdfParameters!.set('M', kw.VarDictionary.ValueType.UInt64, kw.Int64.from(64 * 1024 * 1024));
  db.header.kdfParameters!.set('I', kw.VarDictionary.ValueType.UInt64, kw.Int64.from(3));
  db.header.kdfParameters!.set('P', kw.VarDictionary.ValueType.UInt32, 2);

  const rotations = new Map(listRotations(ctx.db, now).map((r) => [r.accountId, r]));
  const holders = new Map<number, string[]>();
  for (const row of ctx.db
    .prepare(
      `SELECT h.account_id, p.name FROM account_holders h JOIN people p ON p.id = h.person_id
       WHERE h.removed_on IS NULL ORDER BY p.name`,
    )
    .all() as { account_id: number; name: string }[]) {
    holders.set(row.account_id, [...(holders.get(row.account_id) ?? []), row.name]);
  }

  const groups = new Map<string, ReturnType<typeof db.createGroup>>();
  const accounts = listFullAccounts(ctx.db);
  for (const account of accounts) {
    const label = platformLabels[account.platform];
    const group = groups.get(label) ?? db.createGroup(db.getDefaultGroup(), label);
    groups.set(label, group);
    const secrets = readSecrets(ctx, key, vaultId, account.id);
    const entry = db.createEntry(group);
    const rotation = rotations.get(account.id);
    entry.fields.set('Title', account.handle);
    // The name typed to log in: the username if the account has one, else the login email, else the handle.
    entry.fields.set('UserName', account.username || account.loginEmail || account.handle);
    entry.fields.set('URL', account.loginUrl || account.profileUrl);
    entry.fields.set('Notes', entryNotes(account, holders.get(account.id) ?? [], rotation, today));
    // Oldest first, as KeePassXC keeps history: each old password with the date it was set.
    for (const old of secrets.history) {
      entry.fields.set('Password', kw.ProtectedValue.fromString(old.password));
      entry.times.lastModTime = new Date(old.setAt);
      entry.pushHistory();
    }
    entry.fields.set('Password', kw.ProtectedValue.fromString(secrets.password ?? ''));
    entry.times.creationTime = new Date(account.createdAt);
    entry.times.lastModTime = new Date(secrets.passwordSetAt ?? account.updatedAt);
    if (account.loginUrl && account.profileUrl) entry.fields.set('Profile URL', account.profileUrl);
    const extra: [string, string | null][] = [
      ['Recovery codes', secrets.recoveryCodes],
      ['Two-factor notes', secrets.twoFactorNotes],
      ['Pending new password (not yet confirmed)', secrets.pendingPassword],
    ];
    for (const [name, value] of extra) if (value) entry.fields.set(name, kw.ProtectedValue.fromString(value));
    // An expiry in the past or today would show the entry as already expired in KeePassXC.
    if (rotation?.dueBy && rotation.dueBy > today) {
      entry.times.expires = true;
      entry.times.expiryTime = new Date(`${rotation.dueBy}T00:00:00Z`);
    }
  }
  const bytes = Buffer.from(await db.save());
  return { bytes, entries: accounts.length, groups: groups.size };
}

export async function exportKdbx(ctx: CoreContext, vault: VaultService, passphrase: string, path: string) {
  const { bytes, entries, groups } = await buildKdbx(ctx, vault, passphrase);
  writeFileAtomic(path, bytes);
  appendAudit(ctx.db, ctx.clock.now(), {
    actor: vault.actor(),
    action: 'keepass.exported',
    details: { fileName: basename(path), folder: dirname(path), entries },
  });
  return { cancelled: false as const, path, entries, groups };
}
