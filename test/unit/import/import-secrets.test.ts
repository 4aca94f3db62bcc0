import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importTargets, type ImportMapping } from '../../../shared/contract';
import { useTempDirs } from '../../support/temp-dir';
import { sheetPasswords } from './messy-sheet-data';
import { call, leaks, openImport, refused, setUp, useCores, writeFile } from './transfer-harness';

/**
 * No channel returns a password from the sheet, whatever the renderer asks:
 * whichever row is taken as the header, whichever column is chosen for
 * whichever field. The password column is masked whatever it is called, and
 * so is any cell anywhere whose text is one of its passwords.
 */
const tempDir = useTempDirs('keyholder-import-secrets-');
const openCore = useCores();
const fixtures = join(import.meta.dirname, '../../fixtures/import');
const passwords = Object.values(sheetPasswords);

/** Any password (as JSON writes it) in a reply; "Pass!7Lane" is in both readings of row 10. */
const shown = (reply: unknown) => {
  const text = JSON.stringify(reply);
  return [...passwords, 'Pass!7Lane'].filter((p) => text.includes(JSON.stringify(p).slice(1, -1)));
};

describe('keeping sheet passwords out of every reply', () => {
  it('for 60 random header rows and column choices, over the CSV and the workbook', async () => {
    const h = openCore(tempDir(), { now: () => new Date('2026-01-12T10:00:00Z') });
    await setUp(h);
    await call(h.core, 'people.create', { name: 'Anna Carter', roles: ['staff'] });
    const opened = {
      csv: await openImport(h, join(fixtures, 'messy-sheet.csv')),
      xlsx: await openImport(h, join(fixtures, 'messy-sheet.xlsx')),
    };
    expect(shown(opened)).toEqual([]);
    const mapping = fc.record(
      Object.fromEntries(importTargets.map((t) => [t, fc.option(fc.integer({ min: 0, max: 12 }), { nil: null })])) as {
        [K in keyof ImportMapping]: fc.Arbitrary<number | null>;
      },
    );
    const cases = fc.sample(
      fc.record({ file: fc.constantFrom('csv', 'xlsx'), header: fc.constantFrom(1, 3, 4, 5, 6), mapping }),
      { numRuns: 60, seed: 12 },
    );
    for (const { file, header, mapping: chosen } of cases) {
      const { importId } = opened[file as 'csv' | 'xlsx'];
      const layout = await h.core.dispatch('import.setHeaderRow', { importId, headerRowNumber: header });
      expect(shown(layout), `header ${header}`).toEqual([]);
      const preview = await h.core.dispatch('import.preview', { importId, mapping: chosen, rows: [], people: [] });
      expect(shown(preview), JSON.stringify(chosen)).toEqual([]);
    }
  });

  it('masks a password column with an unhelpful name, and a password copied into another column', async () => {
    const h = openCore(tempDir());
    await setUp(h);
    const path = writeFile(
      tempDir(),
      'odd.csv',
      [
        'Platform,Handle,Magic,Notes',
        'X,@one,Kestrel#91-Harbour,remember Kestrel#91-Harbour',
        'Facebook,two,Heron#22-Quarry,Heron#22-Quarry',
      ].join('\n'),
    );
    const opened = await openImport(h, path);
    // "Magic" names no field: its cells look like passwords, so it is masked.
    expect(opened.maskedColumns).toEqual([2]);
    expect(opened.sample).toEqual([
      ['X', '@one', '••••••', 'remember ••••••'],
      ['Facebook', 'two', '••••••', '••••••'],
    ]);
    // Chosen as Notes (stored unencrypted) it is refused; its values never come back.
    const preview = await call(h.core, 'import.preview', {
      importId: opened.importId,
      mapping: { ...opened.suggestedMapping, notes: 2, password: null },
    });
    expect(preview.problems).toEqual([expect.stringContaining('column C ("Magic") looks like it holds passwords')]);
    expect(preview.canCommit).toBe(false);
    expect(JSON.stringify(preview)).not.toMatch(/Kestrel#91|Heron#22/);
  });
});

describe('refusals', () => {
  it('quote no password, even when a row of accounts is taken as the column names', async () => {
    const h = openCore(tempDir());
    await setUp(h);
    const path = writeFile(
      tempDir(),
      'no-header.csv',
      ['Facebook,StMarysSchool,Heron#22-Quarry', 'X,stmaryspe,Kestrel#91-Harbour'].join('\n'),
    );
    const opened = await openImport(h, path);
    // Row 1 is taken as the header: its password is a "column name", masked in the reply.
    expect(opened.headers).toEqual(['Facebook', 'StMarysSchool', '••••••']);
    const mapping = { ...opened.suggestedMapping, platform: 0, handle: 1, notes: 2 };
    const error = await refused(h.core, 'import.commit', { importId: opened.importId, mapping }, 'INVALID_INPUT');
    expect(error.message).toContain('column C ("••••••") looks like it holds passwords');
    expect(error.message).not.toMatch(/Heron#22|Kestrel#91/);
    h.core.context.log('test marker');
    expect(leaks(h.dataDir, ['Heron#22-Quarry', 'Kestrel#91-Harbour'])).toEqual([]);
  });
});
