import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../support/temp-dir';
import {
  call,
  openImport,
  openRefused,
  refused,
  setUp,
  snapshot,
  useCores,
  writeFile,
  type Harness,
} from './transfer-harness';

/**
 * Workbooks as Excel shows them, within hard limits: formula cells give their
 * saved values (=DATE(2025,2,28) is a date), a title merged across the top is
 * one cell, the header row can be chosen, and a zip that lies about its sizes
 * is refused by what it really unpacks to, before ExcelJS sees it.
 */
const tempDir = useTempDirs('keyholder-xlsx-limits-');
const openCore = useCores();

async function ready(): Promise<Harness & { dir: string }> {
  const harness = openCore(tempDir(), { now: () => new Date('2026-01-12T10:00:00Z') });
  await setUp(harness);
  return { ...harness, dir: tempDir() };
}

async function workbook(build: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('Accounts'));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

interface Entry {
  name: string;
  data: Buffer;
  crc: number;
  size: number;
}

/** A zip built by hand, so an entry's declared size can lie. */
function zip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** 600 MB of zeros, deflated a megabyte at a time (about 600 KB). */
async function zeros(megabytes: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const mb = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < megabytes; i += 1) if (!deflate.write(mb)) await new Promise((r) => deflate.once('drain', r));
  deflate.end();
  await done;
  return Buffer.concat(chunks);
}

describe('workbooks as Excel shows them', () => {
  it('reads =DATE(2025,2,28) as the date Excel shows, and dd/mm/yyyy text as the same date', async () => {
    const h = await ready();
    const bytes = await workbook((sheet) => {
      sheet.mergeCells('A1:D1');
      sheet.getCell('A1').value = 'Social media accounts';
      sheet.addRow([]);
      sheet.getRow(2).values = ['Platform', 'Handle', 'Password', 'Date changed'];
      sheet.getRow(3).values = ['X', '@one', 'Kestrel#91-Harbour', { formula: 'DATE(2025,2,28)', result: 45716 }];
      sheet.getRow(4).values = ['X', '@two', 'Heron#22-Quarry-Lane', '28/02/2025'];
      sheet.getCell('D3').numFmt = 'dd/mm/yyyy';
    });
    const opened = await openImport(h, writeFile(h.dir, 'dates.xlsx', bytes));
    // The merged title is one cell, so row 2 is found as the header.
    expect(opened).toMatchObject({
      headerRowNumber: 2,
      rowsAbove: 1,
      headers: ['Platform', 'Handle', 'Password', 'Date changed'],
    });
    const mapping = { ...opened.suggestedMapping, passwordChangedOn: 3 };
    const preview = await call(h.core, 'import.preview', { importId: opened.importId, mapping });
    expect(preview.rows.map((r) => r.errors)).toEqual([[], []]);
    await call(h.core, 'import.commit', { importId: opened.importId, mapping });
    const accounts = await call(h.core, 'accounts.list', {});
    expect(accounts.map((a) => a.passwordSetAt)).toEqual(['2025-02-28T00:00:00.000Z', '2025-02-28T00:00:00.000Z']);
  });

  it('lets the administrator choose the header row, and refuses a row that is an account', async () => {
    const h = await ready();
    const path = writeFile(h.dir, 'title.csv', 'Our accounts\nPlatform,Handle\nX,@one\n');
    const opened = await openImport(h, path);
    expect(opened).toMatchObject({ headerRowNumber: 2, headers: ['Platform', 'Handle'], rowCount: 1 });
    const title = await call(h.core, 'import.setHeaderRow', { importId: opened.importId, headerRowNumber: 1 });
    expect(title).toMatchObject({ headerRowNumber: 1, headers: ['Our accounts', 'Column B'], rowCount: 2 });
    const error = await refused(
      h.core,
      'import.setHeaderRow',
      { importId: opened.importId, headerRowNumber: 3 },
      'INVALID_INPUT',
    );
    expect(error.message).toContain('Row 3 of title.csv holds "@one", which looks like an account');
  });
});

describe('a workbook that unpacks to far more than it says', () => {
  it('is refused by what it really inflates to, without filling memory', { timeout: 60_000 }, async () => {
    const h = await ready();
    const real = await JSZip.loadAsync(
      await workbook((sheet) => {
        sheet.addRow(['Platform', 'Handle']);
        sheet.addRow(['X', '@one']);
      }),
    );
    const entries: Entry[] = await Promise.all(
      Object.values(real.files)
        .filter((f) => !f.dir)
        .map(async (f) => {
          const data = await f.async('nodebuffer');
          return { name: f.name, data: deflateRawSync(data) as Buffer, crc: crc32(data), size: data.length };
        }),
    );
    // The sheet's data says it is 3 KB; it inflates to 600 MB.
    const bomb = await zeros(600);
    entries.push({ name: 'xl/worksheets/sheet2.xml', data: bomb, crc: 0, size: 3000 });
    const bytes = zip(entries);
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
    const before = snapshot(h.db);
    const peakBefore = process.resourceUsage().maxRSS;
    const message = await openRefused(h, writeFile(h.dir, 'bomb.xlsx', bytes));
    expect(message).toContain('bomb.xlsx unpacks to far more data than a register of accounts holds');
    // Inflating stops at the 40 MB limit: the process's peak memory grows by far less than the 600 MB inside.
    expect((process.resourceUsage().maxRSS - peakBefore) / 1024).toBeLessThan(200);
    expect(snapshot(h.db)).toBe(before);
  });
});
