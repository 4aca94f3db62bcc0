import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useBackupCores } from './backup-harness';

/**
 * A Bitwarden JSON export can hold text that is not valid Unicode (a lone
 * surrogate written as "\ud800"). It must not be stored as a different
 * character without a word, nor break the audit log: it arrives as �, the
 * entry says so before anything is imported, and the chain still verifies.
 */
const { open, tempDir } = useBackupCores('keyholder-migrate-wellformed-');

describe('text that is not valid Unicode in an export', () => {
  it('is shown as � with a warning on its entry, imported as shown, and the audit log verifies', async () => {
    const v = await open();
    const file = join(tempDir(), 'bitwarden.json');
    // Written by hand: JSON.stringify would escape the lone surrogate the same way.
    writeFileSync(
      file,
      '{"encrypted":false,"items":[{"type":1,"name":"St Mary\\ud800s PE","login":{"uris":[{"uri":"https://x.com/stmaryspe"}],"username":"pe@stmarys.sch.uk","password":"Kestrel#Harbour-7429-Lantern"}}]}',
    );
    v.platform.openPaths.push(file);
    const opened = await v.call('migrate.open', {});
    if (opened.cancelled) throw new Error('cancelled');
    const [row] = opened.rows;
    expect(row?.warnings.join(' ')).toMatch(/not valid and is shown as �/);
    expect(JSON.stringify(opened)).not.toContain('\\ud800');
    const choices = opened.rows.map(({ entry, platform, handle, updateExisting }) => ({
      entry,
      include: true,
      platform,
      handle,
      updateExisting,
    }));
    await v.call('migrate.commit', { migrateId: opened.migrateId, choices });
    const [account] = await v.call('accounts.list', {});
    expect(`${account?.handle} ${account?.displayName}`).toContain('\ufffd');
    expect(await v.call('audit.verify', {})).toMatchObject({ ok: true });
  });
});
