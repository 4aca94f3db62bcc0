import { inflateRawSync } from 'node:zlib';
import { fileError } from './sheet';

/**
 * An .xlsx is a zip. Before ExcelJS unpacks anything, every entry is
 * inflated here with a hard cap on what it really unpacks to: the sizes a
 * zip declares can lie, and a 2 MB "zip bomb" would otherwise fill gigabytes
 * of memory. Encrypted entries, ZIP64 and unknown compression are refused.
 */
export const maxUnpackedBytes = 40 * 1024 * 1024;
const maxEntries = 2000;

export function damaged(fileName: string) {
  return fileError(
    `${fileName} is not a valid Excel workbook: the file is damaged or is not really an .xlsx file. Open it in Excel and save it again as an Excel Workbook (.xlsx) or as "CSV UTF-8".`,
  );
}

function tooBig(fileName: string) {
  return fileError(
    `${fileName} unpacks to far more data than a register of accounts holds. Copy just the accounts into a new workbook or a "CSV UTF-8" file and import that.`,
  );
}

function protectedWorkbook(fileName: string) {
  return fileError(
    `${fileName} is protected with a password, so Keyholder cannot read it. Remove the password in Excel (File > Info > Protect Workbook), save it, and import it again.`,
  );
}

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

/** The central directory (APPNOTE 4.3.12 and 4.3.16): each entry's name, method, size and place. */
function centralDirectory(bytes: Buffer, fileName: string): Entry[] {
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i -= 1) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw damaged(fileName);
  const count = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff || count > maxEntries) throw tooBig(fileName);
  const entries: Entry[] = [];
  for (let n = 0; n < count; n += 1) {
    if (bytes.readUInt32LE(offset) !== 0x02014b50) throw damaged(fileName);
    const flags = bytes.readUInt16LE(offset + 8);
    const nameLength = bytes.readUInt16LE(offset + 28);
    if (flags & 1) throw protectedWorkbook(fileName);
    const compressedSize = bytes.readUInt32LE(offset + 20);
    const localOffset = bytes.readUInt32LE(offset + 42);
    if (compressedSize === 0xffffffff || localOffset === 0xffffffff) throw tooBig(fileName);
    entries.push({
      name: bytes.toString('utf8', offset + 46, offset + 46 + nameLength),
      method: bytes.readUInt16LE(offset + 10),
      compressedSize,
      localOffset,
    });
    offset += 46 + nameLength + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
  }
  return entries;
}

/**
 * Inflates every entry within the budget and returns the entry names. Throws
 * the administrator's sentence for a damaged, protected or oversized file.
 */
export function inspectZip(bytes: Buffer, fileName: string): string[] {
  try {
    const entries = centralDirectory(bytes, fileName);
    let unpacked = 0;
    for (const entry of entries) {
      const local = entry.localOffset;
      if (bytes.readUInt32LE(local) !== 0x04034b50) throw damaged(fileName);
      const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
      const data = bytes.subarray(start, start + entry.compressedSize);
      if (data.length !== entry.compressedSize) throw damaged(fileName);
      const budget = maxUnpackedBytes - unpacked;
      if (entry.method === 0) unpacked += data.length;
      else if (entry.method === 8) {
        try {
          // maxOutputLength stops inflating the moment the budget is passed.
          unpacked += inflateRawSync(data, { maxOutputLength: Math.max(1, budget) }).length;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError)
            throw tooBig(fileName);
          throw damaged(fileName);
        }
      } else throw damaged(fileName);
      if (unpacked > maxUnpackedBytes) throw tooBig(fileName);
    }
    return entries.map((entry) => entry.name);
  } catch (error) {
    // Reading past the end of a truncated file is damage too.
    if (error instanceof RangeError) throw damaged(fileName);
    throw error;
  }
}
