import { describe, expect, it } from 'vitest';
import { importRotationReason } from '../../../electron/import/import-service';
import { useTempDirs } from '../../support/temp-dir';
import {
  call,
  fullAccounts,
  leaks,
  movableClock,
  openImport,
  refused,
  setUp,
  snapshot,
  useCores,
  writeFile,
  type Harness,
} from './transfer-harness';

/**
 * Committing an import: all or nothing, passwords straight into the vault,
 * and nothing of the spreadsheet left in memory or on disk afterwards.
 */
const tempDir = useTempDirs('keyholder-commit-');
const openCore = useCores();

async function ready(): Promise<Harness & { dir: string }> {
  const harness = openCore(tempDir());
  await setUp(harness);
  return { ...harness, dir: tempDir() };
}

describe('committing', () => {
  const passwords = ['Kestrel#91-Harbour', 'password1', ' spaced out '];
  const codes = 'ABCD-1234 EFGH-5678';
  const good = [
    'Platform,Handle,Display name,Login email,Password,Recovery codes,2FA,Profile URL',
    `X,@stmarysnews,News,office@stmarys.sch.uk,${passwords[0]},"${codes}",Authenticator app,x.com/stmarysnews`,
    `Facebook,St Marys PE,PE,,${passwords[1]},,,`,
    `Instagram,stmarys.art,Art,,"${passwords[2]}",,SMS,`,
  ];

  it('refuses the whole file while one row is wrong, and changes nothing', async () => {
    const h = await ready();
    const bad = [...good.slice(0, 2), 'Instagram,stmarys.art,Art,not-an-email,x,,,', good[2]!];
    const opened = await openImport(h, writeFile(h.dir, 'one-bad.csv', bad.join('\r\n')));
    const preview = await call(h.core, 'import.preview', {
      importId: opened.importId,
      mapping: opened.suggestedMapping,
    });
    expect(preview.counts).toMatchObject({ rows: 3, ok: 2, errors: 1 });
    expect(preview.rows[1]!.errors).toEqual([
      'Login email (column D): Login email "not-an-email" is not an email address.',
    ]);

    const before = snapshot(h.db);
    const error = await refused(
      h.core,
      'import.commit',
      { importId: opened.importId, mapping: opened.suggestedMapping },
      'INVALID_INPUT',
    );
    expect(error.message).toBe(
      'Nothing was imported: 1 row needs fixing first (row 3). Fix it in the spreadsheet and open it again, leave it out, or change the column choices.',
    );
    expect(snapshot(h.db)).toBe(before);
    expect(await fullAccounts(h.core)).toEqual([]);

    // Not mapping the bad column fixes it: the same import then goes in.
    const mapping = { ...opened.suggestedMapping, loginEmail: null };
    const committed = await call(h.core, 'import.commit', { importId: opened.importId, mapping });
    expect(committed).toMatchObject({ created: 3, passwordsStored: 3 });
  });

  it('creates every account in one go, with passwords encrypted and the spreadsheet to delete named', async () => {
    const h = await ready();
    const path = writeFile(h.dir, 'accounts.csv', good.join('\r\n'));
    const opened = await openImport(h, path);
    const committed = await call(h.core, 'import.commit', {
      importId: opened.importId,
      mapping: opened.suggestedMapping,
    });
    expect(committed).toMatchObject({
      created: 3,
      passwordsStored: 3,
      recoveryCodesStored: 1,
      fileName: 'accounts.csv',
      path,
    });
    expect(committed.advice).toContain(`accounts.csv in ${h.dir}`);
    expect(committed.advice).toContain('Delete the spreadsheet');

    const accounts = await fullAccounts(h.core);
    expect(
      accounts.map((a) => [a.platform, a.handle, a.status, a.twoFactorMethod, a.profileUrl, a.loginEmail]),
    ).toEqual([
      ['facebook', 'St Marys PE', 'proposed', 'none', '', ''],
      ['instagram', '@stmarys.art', 'proposed', 'sms', '', ''],
      ['x', '@stmarysnews', 'proposed', 'authenticator-app', 'https://x.com/stmarysnews', 'office@stmarys.sch.uk'],
    ]);
    // A weak password ("password1") is not refused: it is in the vault, marked to be changed.
    for (const account of accounts) expect(account.rotationRequired?.reason).toBe(importRotationReason);
    const byHandle = new Map(accounts.map((a) => [a.handle, a.id]));
    const reveal = async (handle: string, field: 'password' | 'recoveryCodes') =>
      (await call(h.core, 'secrets.reveal', { accountId: byHandle.get(handle)!, field })).value;
    expect(await reveal('@stmarysnews', 'password')).toBe(passwords[0]);
    expect(await reveal('St Marys PE', 'password')).toBe(passwords[1]);
    expect(await reveal('@stmarys.art', 'password')).toBe(passwords[2]);
    expect(await reveal('@stmarysnews', 'recoveryCodes')).toBe(codes);

    const audit = await call(h.core, 'audit.list', {});
    const completed = audit.filter((e) => e.action === 'import.completed');
    expect(completed).toHaveLength(1);
    expect(completed[0]!.details).toMatchObject({ fileName: 'accounts.csv', path, created: 3, passwordsStored: 3 });
    expect(audit.filter((e) => e.action === 'account.created')).toHaveLength(3);
    const secretSets = audit.filter((e) => e.action === 'secret.set');
    expect(secretSets).toHaveLength(4);
    for (const entry of secretSets) expect(entry.details).toMatchObject({ source: 'imported' });
    expect((await call(h.core, 'audit.verify', {})).ok).toBe(true);

    // The parsed rows, passwords included, are gone from memory.
    await refused(
      h.core,
      'import.preview',
      { importId: opened.importId, mapping: opened.suggestedMapping },
      'NOT_FOUND',
    );
  });

  it('never lets a password out: not in any reply, the database, its WAL or the log', async () => {
    const h = await ready();
    const opened = await openImport(h, writeFile(h.dir, 'accounts.csv', good.join('\r\n')));
    const preview = await call(h.core, 'import.preview', {
      importId: opened.importId,
      mapping: opened.suggestedMapping,
    });
    const committed = await call(h.core, 'import.commit', {
      importId: opened.importId,
      mapping: opened.suggestedMapping,
    });
    const audit = await call(h.core, 'audit.list', {});
    const accounts = await fullAccounts(h.core);
    const replies = JSON.stringify([opened, preview, committed, audit, accounts]);
    const secrets = [passwords[0]!, passwords[1]!, passwords[2]!.trim(), codes];
    for (const secret of secrets) expect(replies).not.toContain(secret);
    // Failed calls are logged: make one so the log file exists and is searched too.
    h.core.context.log('test marker');
    expect(leaks(h.dataDir, secrets)).toEqual([]);
    h.core.close();
    expect(leaks(h.dataDir, secrets)).toEqual([]);
  });

  it('drops an import when cancelled or when the vault locks', async () => {
    const h = await ready();
    const path = writeFile(h.dir, 'accounts.csv', good.join('\n'));
    const first = await openImport(h, path);
    expect(await call(h.core, 'import.cancel', { importId: first.importId })).toEqual({ dropped: true });
    await refused(h.core, 'import.preview', { importId: first.importId, mapping: first.suggestedMapping }, 'NOT_FOUND');

    const second = await openImport(h, path);
    await call(h.core, 'vault.lock', {});
    await refused(h.core, 'import.open', {}, 'VAULT_LOCKED');
    await call(h.core, 'vault.unlock', {});
    await refused(
      h.core,
      'import.commit',
      { importId: second.importId, mapping: second.suggestedMapping },
      'NOT_FOUND',
    );
    expect(await fullAccounts(h.core)).toEqual([]);
  });

  it("keeps a full name and a display name apart (the identity table's two fields)", async () => {
    const h = await ready();
    const sheet = ['Platform,Handle,Full name,Display name', "X,@stmarysnews,St Mary's Primary School News,News"];
    const opened = await openImport(h, writeFile(h.dir, 'identity.csv', sheet.join('\r\n')));
    expect(opened.suggestedMapping).toMatchObject({ fullName: 2, displayName: 3 });
    await call(h.core, 'import.commit', { importId: opened.importId, mapping: opened.suggestedMapping });
    const [account] = await fullAccounts(h.core);
    expect([account!.fullName, account!.displayName]).toEqual(["St Mary's Primary School News", 'News']);
  });

  it('refuses a column of passwords mapped to a plain field', async () => {
    const h = await ready();
    const opened = await openImport(h, writeFile(h.dir, 'accounts.csv', good.join('\n')));
    const mapping = { ...opened.suggestedMapping, password: null, notes: opened.suggestedMapping.password };
    const preview = await call(h.core, 'import.preview', { importId: opened.importId, mapping });
    expect(preview.canCommit).toBe(false);
    expect(preview.problems).toEqual([expect.stringContaining('looks like it holds passwords')]);
    const before = snapshot(h.db);
    await refused(h.core, 'import.commit', { importId: opened.importId, mapping }, 'INVALID_INPUT');
    expect(snapshot(h.db)).toBe(before);
  });

  it('writes nothing at all when the database fails part-way through', async () => {
    const h = await ready();
    // A trigger that refuses the third account stands in for a disk or constraint failure.
    h.db.exec(
      "CREATE TRIGGER fail_third BEFORE INSERT ON accounts WHEN NEW.handle = '@stmarys.art' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END",
    );
    const opened = await openImport(h, writeFile(h.dir, 'accounts.csv', good.join('\n')));
    const before = snapshot(h.db);
    await refused(h.core, 'import.commit', { importId: opened.importId, mapping: opened.suggestedMapping }, 'INTERNAL');
    expect(snapshot(h.db)).toBe(before);
    expect(await fullAccounts(h.core)).toEqual([]);
  });

  it('forgets an import left unused for 30 minutes', async () => {
    const clock = movableClock();
    const h = openCore(tempDir(), clock);
    await setUp(h);
    const path = writeFile(tempDir(), 'accounts.csv', good.join('\n'));
    const kept = await openImport(h, path);
    clock.advance(29 * 60_000);
    await call(h.core, 'import.preview', { importId: kept.importId, mapping: kept.suggestedMapping });
    clock.advance(29 * 60_000);
    // Used 29 minutes ago, so still there; then left for 31.
    await call(h.core, 'import.preview', { importId: kept.importId, mapping: kept.suggestedMapping });
    clock.advance(31 * 60_000);
    h.core.tick();
    const error = await refused(
      h.core,
      'import.preview',
      { importId: kept.importId, mapping: kept.suggestedMapping },
      'NOT_FOUND',
    );
    expect(error.message).toContain('Open the spreadsheet again');
  });

  it('asks nothing and opens nothing when the person cancels the dialog', async () => {
    const h = await ready();
    h.platform.openPaths.push(null);
    expect(await call(h.core, 'import.open', {})).toEqual({ cancelled: true });
  });
});
