import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { platformLabels } from '../../../shared/policy/platforms';
import { passphrase, seed, seedSecrets, useBackupCores, manualClock } from './backup-harness';
import { keepassCli, readEntries } from './keepass-cli';

/**
 * The KeePassXC export, opened by KeePassXC's own command-line tool: every
 * account is an entry in its platform's group, and every field (title, user
 * name, password, URL, notes, expiry, history and the extra secrets) is what
 * the vault holds.
 */
const { open, tempDir } = useBackupCores('keyholder-kdbx-');

const ukDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

describe('export to KeePassXC', () => {
  it('opens in keepassxc-cli with every field equal to the vault', { timeout: 60_000 }, async () => {
    const v = await open({ clock: manualClock('2026-02-02T10:00:00Z') });
    const ids = await seed(v);
    // A security threat makes the Facebook password due now: due today is not a future expiry (issue 12).
    await v.call('rotations.reportThreat', { accountId: ids.fb, reason: 'Phishing email clicked' });
    const file = join(tempDir(), 'school.kdbx');
    v.platform.savePaths.push(file);
    const result = await v.call('migrate.exportKeepass', { passphrase });
    expect(result).toEqual({ cancelled: false, path: file, entries: 3, groups: 3 });
    expect(v.platform.dialogs[0]).toMatchObject({ kind: 'save', filters: [{ extensions: ['kdbx'] }] });

    const info = keepassCli(['db-info', '-q', file], passphrase);
    expect(info.status, info.stderr).toBe(0);
    expect(info.stdout).toMatch(/Cipher: AES 256-bit/);
    expect(info.stdout).toMatch(/KDF: Argon2id \(3 rounds, 65536 KB\)/);
    const wrong = keepassCli(['db-info', '-q', file], 'Not-The-Passphrase#123');
    expect(wrong.status).not.toBe(0);

    const exported = keepassCli(['export', '-q', '-f', 'xml', file], passphrase);
    expect(exported.status, exported.stderr).toBe(0);
    const { databaseName, entries } = readEntries(exported.stdout);
    expect(databaseName).toBe("St Mary's Primary");
    expect(entries).toHaveLength(3);

    // The whole records (the register's rows carry only what it shows).
    const rows = await v.call('accounts.list', {});
    const accounts = await Promise.all(rows.map((a) => v.call('accounts.get', { id: a.id })));
    const rotations = await v.call('rotations.list', {});
    for (const account of accounts) {
      const entry = entries.find((e) => e.strings.Title === account.handle)!;
      expect(entry.group).toBe(`St Mary's Primary/${platformLabels[account.platform]}`);
      expect(entry.strings.UserName).toBe(account.username || account.loginEmail || account.handle);
      expect(entry.strings.URL).toBe(account.loginUrl || account.profileUrl);
      const password = await v.call('secrets.reveal', { accountId: account.id, field: 'password' });
      expect(entry.strings.Password).toBe(password.value);
      const rotation = rotations.find((r) => r.accountId === account.id)!;
      expect(rotation.dueBy).not.toBeNull();
      // Issue 12: only a change due after today is an expiry; one due today or overdue is not "expired" data.
      if (rotation.dueBy! > '2026-02-02') {
        expect(entry.expires).toBe(true);
        expect(entry.expiry).toBe(`${rotation.dueBy}T00:00:00.000Z`);
      } else {
        expect(entry.expires).toBe(false);
      }
      expect(entry.expires).toBe(account.id !== ids.fb);
      const notes = entry.strings.Notes!.split('\n');
      expect(notes).toEqual(
        expect.arrayContaining([
          `Platform: ${platformLabels[account.platform]}`,
          `Lead: ${account.lead?.name ?? 'none'}`,
          'Rotation policy: Termly',
          `Next password change due: ${ukDate(rotation.dueBy!)}`,
          'Exported from Keyholder on 02/02/2026.',
        ]),
      );
    }

    const pe = entries.find((e) => e.strings.Title === '@stmaryspe')!;
    expect(pe.strings).toMatchObject({
      UserName: 'socialmedia@stmarys.sch.uk',
      URL: 'https://x.com/stmaryspe',
      Password: seedSecrets.peRotated,
      'Recovery codes': seedSecrets.peCodes,
    });
    expect(pe.strings.Notes).toContain('Holders: Jo Music, Sam Sports');
    expect(pe.strings.Notes).toContain("Display name: St Mary's PE");
    expect(pe.strings.Notes).toContain('Notes: Sports day results go here');
    const history = await v.call('secrets.history', { accountId: ids.pe });
    expect(pe.history.map((h) => h.password)).toEqual([seedSecrets.peFirst, seedSecrets.peSecond]);
    expect(pe.history.map((h) => h.modified)).toEqual(
      [...history].reverse().map((h) => h.setAt.replace(/\.\d+Z$/, '.000Z')),
    );
    const fb = entries.find((e) => e.strings.Title === 'StMarysSchool')!;
    expect(fb.strings['Two-factor notes']).toBe(seedSecrets.fbNotes);
    expect(fb.strings.Notes).toContain('Lead: Jo Music');
    const music = entries.find((e) => e.strings.Title === '@stmarys.music')!;
    expect(music.strings['Pending new password (not yet confirmed)']).toBe(seedSecrets.musicPending);
    expect(music.strings.Password).toBe(seedSecrets.music);

    // The file itself is encrypted: no secret is in it in the clear.
    const bytes = readFileSync(file);
    for (const secret of Object.values(seedSecrets)) expect(bytes.includes(Buffer.from(secret))).toBe(false);
    expect((await v.call('audit.list', { action: 'keepass.exported' }))[0]?.details).toMatchObject({ entries: 3 });
  });
});
