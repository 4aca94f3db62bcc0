import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../support/temp-dir';
import { call, openImport, refused, setUp, useCores, writeFile } from './transfer-harness';

/**
 * An account already in the register: the row can update its password (the
 * old one goes to its history, nothing else changes). Holders an import
 * brings in have no recorded authorisation until the Headteacher's or SLT's
 * is recorded, which clears the breach.
 */
const tempDir = useTempDirs('keyholder-import-update-');
const openCore = useCores();

describe('a row for an account already in the register', () => {
  it('updates only its password when asked, keeping the old one in the history', async () => {
    const h = openCore(tempDir());
    await setUp(h);
    const account = await call(h.core, 'accounts.create', {
      platform: 'facebook',
      handle: 'StMarysSchool',
      displayName: 'Kept as it is',
    });
    await call(h.core, 'secrets.set', {
      accountId: account.id,
      field: 'password',
      value: 'Register#Old-Pass-2024',
      source: 'typed',
      reason: 'Set up',
    });
    const path = writeFile(
      tempDir(),
      'sheet.csv',
      'Platform,Handle,Display name,Password,Who knows it\nFacebook,stmarysschool,Changed name,Sheet#New-Pass-2025,Anna Carter\n',
    );
    const opened = await openImport(h, path);
    const request = { importId: opened.importId, mapping: opened.suggestedMapping };
    const first = await call(h.core, 'import.preview', request);
    expect(first.rows[0]).toMatchObject({ existingAccountId: account.id, updateExisting: false });
    expect(first.rows[0]!.errors).toEqual([expect.stringContaining('choose "Update the password"')]);

    const rows = [{ rowNumber: 2, updateExisting: true }];
    const chosen = await call(h.core, 'import.preview', { ...request, rows });
    expect(chosen.rows[0]!.errors).toEqual([]);
    expect(chosen.rows[0]!.warnings).toContainEqual(expect.stringContaining('Nothing else from this row is used'));
    // The named holder is for a new account only: nobody is added to People for an update.
    expect(chosen.people).toEqual([]);
    expect(await call(h.core, 'import.commit', { ...request, rows })).toMatchObject({
      created: 0,
      updated: 1,
      passwordsStored: 1,
      peopleCreated: 0,
    });
    const after = await call(h.core, 'accounts.get', { id: account.id });
    expect(after.displayName).toBe('Kept as it is');
    expect(after.rotationRequired?.reason).toMatch(/^Imported from a spreadsheet/);
    expect((await call(h.core, 'secrets.reveal', { accountId: account.id, field: 'password' })).value).toBe(
      'Sheet#New-Pass-2025',
    );
    const history = await call(h.core, 'secrets.history', { accountId: account.id });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ reason: 'Set up', retiredReason: 'Imported from sheet.csv, row 2' });
    expect(await call(h.core, 'people.list', {})).toEqual([]);
  });
});

describe('imported holders', () => {
  it('have no authorisation until one is recorded, and only the Headteacher or SLT can give it', async () => {
    const h = openCore(tempDir());
    await setUp(h);
    const head = await call(h.core, 'people.create', { name: 'Helen Head', roles: ['headteacher'] });
    const staff = await call(h.core, 'people.create', { name: 'Sam Smith', roles: ['staff'] });
    const path = writeFile(
      tempDir(),
      'sheet.csv',
      'Platform,Handle,Password,Who knows it\nX,@one,Kestrel#91-Harbour-Ln,Sam Smith\n',
    );
    const opened = await openImport(h, path);
    await call(h.core, 'import.commit', { importId: opened.importId, mapping: opened.suggestedMapping });
    const [account] = await call(h.core, 'accounts.list', {});
    const [holder] = await call(h.core, 'holders.list', { accountId: account!.id });
    expect(holder).toMatchObject({ person: { name: 'Sam Smith' }, authorisedBy: null, authorisedOn: null });
    expect(holder!.warnings).toContainEqual(
      expect.stringContaining('Nobody has recorded that the Headteacher or SLT authorised'),
    );
    const codes = async () =>
      (await call(h.core, 'compliance.forAccount', { accountId: account!.id })).map((b) => b.code);
    expect(await codes()).toContain('holder-not-authorised');

    const input = { holderId: holder!.id, authorisedById: staff.id, authorisedOn: '2026-01-05' };
    await refused(h.core, 'holders.authorise', input, 'POLICY');
    const [authorised] = await call(h.core, 'holders.authorise', { ...input, authorisedById: head.id });
    expect(authorised).toMatchObject({ authorisedBy: { name: 'Helen Head' }, authorisedOn: '2026-01-05' });
    expect(await codes()).not.toContain('holder-not-authorised');
    await refused(h.core, 'holders.authorise', { ...input, authorisedById: head.id }, 'CONFLICT');
    const audit = await call(h.core, 'audit.list', { action: 'holder.authorised' });
    expect(audit.map((e) => e.details)).toEqual([
      { holder: 'Sam Smith', authorisedBy: 'Helen Head', authorisedOn: '2026-01-05' },
    ]);
  });
});
