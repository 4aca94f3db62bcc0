import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../support/temp-dir';
import { november, rotate, useRotationWorld } from './flow-fixtures';
import { administrator } from './harness';

/**
 * The termly rotation record and its CSV export.
 * Setup and term dates: flow-fixtures.ts.
 */
const { world } = useRotationWorld();
const files = useTempDirs('keyholder-rotation-csv-');

describe('the termly rotation record', () => {
  it('lists the changes confirmed for a term (the holiday before counts), by whom, and who was told', async () => {
    const { s, account, ash } = await world('2026-08-20T10:00:00.000Z');
    await rotate(s, account.id, 'Before term'); // summer holiday: counts for autumn 2026
    s.clock.set(november);
    const { rotationId } = await s.call('rotations.start', { accountId: account.id, reason: 'Termly change' });
    await s.call('rotations.confirm', { rotationId });
    await s.call('rotations.markTold', { rotationId, personId: ash.id, channel: 'in-person' });
    s.clock.set('2026-11-20T10:00:00.000Z');
    const abandoned = await s.call('rotations.start', { accountId: account.id, reason: 'Not done' });
    await s.call('rotations.abandon', { rotationId: abandoned.rotationId, note: '' });
    s.clock.set('2027-01-20T10:00:00.000Z');
    await rotate(s, account.id, 'Spring change');

    const autumn = await s.call('rotations.record', { academicYear: 2026, term: 'autumn' });
    expect(autumn).toEqual([
      {
        rotationId: expect.any(Number),
        accountId: account.id,
        label: '@StMarysPE',
        confirmedAt: '2026-08-20T10:00:00.000Z',
        confirmedBy: administrator,
        reason: 'Before term',
        told: [],
      },
      {
        rotationId,
        accountId: account.id,
        label: '@StMarysPE',
        confirmedAt: november,
        confirmedBy: administrator,
        reason: 'Termly change',
        told: ['Ash One (in person)'],
      },
    ]);
    expect((await s.call('rotations.record', { academicYear: 2026, term: 'spring' })).map((r) => r.reason)).toEqual([
      'Spring change',
    ]);
    expect(await s.call('rotations.record', { academicYear: 2025, term: 'summer' })).toEqual([]);
    expect(await s.call('rotations.record', { academicYear: 2026, term: 'summer' })).toEqual([]);
  });

  it('a change at 23:30 UTC on the last day of the summer term (00:30 BST) goes in the autumn record', async () => {
    const { s, account } = await world('2026-07-17T23:30:00.000Z');
    await rotate(s, account.id);
    expect(await s.call('rotations.record', { academicYear: 2025, term: 'summer' })).toEqual([]);
    expect(await s.call('rotations.record', { academicYear: 2026, term: 'autumn' })).toHaveLength(1);
  });

  it('exports the record as CSV with dd/mm/yyyy dates and spreadsheet formulas neutralised', async () => {
    const { s, account, ash } = await world();
    const reasons = ['=HYPERLINK("http://evil.example","x")', '+SUM(1,2)', '-2', 'Termly, as usual'];
    let last = 0;
    for (const [i, reason] of reasons.entries()) {
      s.clock.set(`2026-11-${String(10 + i).padStart(2, '0')}T10:00:00.000Z`);
      const { rotationId } = await s.call('rotations.start', { accountId: account.id, reason });
      await s.call('rotations.confirm', { rotationId });
      last = rotationId;
    }
    await s.call('rotations.markTold', { rotationId: last, personId: ash.id, channel: 'secure-channel' });
    const path = join(files(), 'record.csv');
    s.platform.savePaths.push(path);
    expect(await s.call('rotations.exportRecord', { academicYear: 2026, term: 'autumn' })).toEqual({ path, rows: 4 });
    expect(readFileSync(path, 'utf8')).toBe(
      '\uFEFF"Account","Changed on","Changed by","Reason","Holders told"\r\n' +
        `"'@StMarysPE","10/11/2026","${administrator}","'=HYPERLINK(""http://evil.example"",""x"")",""\r\n` +
        `"'@StMarysPE","11/11/2026","${administrator}","'+SUM(1,2)",""\r\n` +
        `"'@StMarysPE","12/11/2026","${administrator}","'-2",""\r\n` +
        `"'@StMarysPE","13/11/2026","${administrator}","Termly, as usual","Ash One (secure channel)"\r\n`,
    );
    expect(s.platform.dialogs.at(-1)).toMatchObject({ kind: 'save', title: 'Save the rotation record' });
  });

  it('writes nothing when the save dialog is cancelled', async () => {
    const { s } = await world();
    expect(await s.call('rotations.exportRecord', { academicYear: 2026, term: 'autumn' })).toEqual({
      path: null,
      rows: 0,
    });
  });
});
