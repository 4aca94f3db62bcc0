import { randomBytes } from 'node:crypto';
import { openSync, closeSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../support/temp-dir';
import { call, openRefused, setUp, snapshot, useCores, writeFile, type Harness } from './transfer-harness';

/**
 * Bad input of every kind gets one clear sentence, quickly, and leaves the
 * database exactly as it was.
 */
const tempDir = useTempDirs('keyholder-import-limits-');
const openCore = useCores();

async function ready(): Promise<Harness & { dir: string; before: string }> {
  const harness = openCore(tempDir());
  await setUp(harness);
  await call(harness.core, 'accounts.create', { platform: 'x', handle: '@already' });
  return { ...harness, dir: tempDir(), before: snapshot(harness.db) };
}

async function refusedWith(h: Harness & { before: string }, path: string, ...parts: string[]): Promise<string> {
  const message = await openRefused(h, path);
  for (const part of parts) expect(message).toContain(part);
  expect(message).toMatch(/Nothing was imported\.$/);
  expect(snapshot(h.db)).toBe(h.before);
  return message;
}

describe('files Keyholder refuses', () => {
  it('an empty file, a file of blank lines and a header with nothing under it', async () => {
    const h = await ready();
    await refusedWith(h, writeFile(h.dir, 'empty.csv', ''), 'empty.csv is empty (0 bytes)');
    await refusedWith(h, writeFile(h.dir, 'blank.csv', '\uFEFF\r\n \r\n,,,\r\n'), 'blank.csv is empty');
    await refusedWith(h, writeFile(h.dir, 'header.csv', 'Platform,Handle\r\n\r\n'), 'no accounts below them');
  });

  it('a sheet without a header row', async () => {
    const h = await ready();
    await refusedWith(
      h,
      writeFile(h.dir, 'no-header.csv', 'Twitter,@stmarys,Kestrel#91\nFacebook,St Marys PE,Heron#22\n'),
      'holds "@stmarys", which looks like an account rather than column names',
    );
  });

  it('a binary file named .csv', async () => {
    const h = await ready();
    const bytes = Buffer.concat([Buffer.from('Platform,Handle\n'), randomBytes(4096), Buffer.from([0, 0, 0])]);
    await refusedWith(h, writeFile(h.dir, 'photo.csv', bytes), 'holds binary data', 'CSV UTF-8');
  });

  it('a CSV that is not UTF-8, naming the line and the fix', async () => {
    const h = await ready();
    // Windows-1252, as Excel's plain "CSV (Comma delimited)" writes a £ sign.
    const bytes = Buffer.concat([
      Buffer.from('Platform,Handle,Notes\r\nX,@stmarys,ok\r\nX,@fees,Costs '),
      Buffer.from([0xa3]),
      Buffer.from('5\r\n'),
    ]);
    await refusedWith(
      h,
      writeFile(h.dir, 'ansi.csv', bytes),
      'not saved as UTF-8',
      'line 3',
      'CSV UTF-8 (Comma delimited)',
    );
  });

  it('100,000 rows, quickly, without reading them all', async () => {
    const h = await ready();
    const rows = ['Platform,Handle,Display name,Password'];
    for (let i = 0; i < 100_000; i += 1) rows.push(`X,@account${i},Account number ${i},Secret#${i}-Lantern`);
    const path = writeFile(h.dir, 'huge.csv', rows.join('\r\n'));
    const started = performance.now();
    await refusedWith(h, path, 'huge.csv has more than 5,000 rows of data');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('more than 10 MB, before reading it', async () => {
    const h = await ready();
    const path = join(h.dir, 'big.csv');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 10 * 1024 * 1024 + 1);
    closeSync(fd);
    await refusedWith(h, path, 'big.csv is 10.0 MB', 'up to 10 MB');
  });

  it('a file that is no longer there', async () => {
    const h = await ready();
    const message = await openRefused(h, join(h.dir, 'moved.csv'), 'NOT_FOUND');
    expect(message).toContain('moved.csv is no longer there');
  });

  it('only while the vault is unlocked, without showing the dialog', async () => {
    const h = await ready();
    await call(h.core, 'vault.lock', {});
    const message = await openRefused(h, writeFile(h.dir, 'fine.csv', 'Platform,Handle\nX,@a\n'), 'VAULT_LOCKED');
    expect(message).toContain('Nothing was changed');
    expect(h.platform.dialogs).toEqual([]);
  });
});
