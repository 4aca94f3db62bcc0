import { backupMagic } from '../../electron/backup/backup-file';

/** A backup file's bytes with its header's Argon2 settings replaced: a crafted file, for tests and the bench. */
export function withKdf(bytes: Buffer, kdf: Record<string, number>): Buffer {
  const prefix = Buffer.from(backupMagic, 'ascii').length;
  const length = bytes.readUInt32BE(prefix);
  const header = JSON.parse(bytes.subarray(prefix + 4, prefix + 4 + length).toString('utf8')) as {
    kdf: Record<string, unknown>;
  };
  const json = Buffer.from(JSON.stringify({ ...header, kdf: { ...header.kdf, ...kdf } }), 'utf8');
  const size = Buffer.alloc(4);
  size.writeUInt32BE(json.length);
  return Buffer.concat([bytes.subarray(0, prefix), size, json, bytes.subarray(prefix + 4 + length)]);
}
