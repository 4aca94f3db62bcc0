import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { argon2id } from 'hash-wasm';
import { z } from 'zod';
import { backupCountsSchema, KeyholderError } from '../../shared/contract';

/**
 * The backup file: a readable header, then one AES-256-GCM ciphertext.
 *
 *   "KEYHOLDER-BACKUP\n" | header length (uint32, big-endian) | header JSON | ciphertext | 16-byte tag
 *
 * The key comes from the passphrase through Argon2id (RFC 9106's second
 * recommended setting: 64 MiB, 3 passes, 4 lanes), with its parameters and
 * salt in the header so later versions can raise them. Everything before the
 * ciphertext is the additional authenticated data, so changing the school
 * name or counts in the header makes the file refuse to open. The header also
 * holds a small "passphrase check" ciphertext, so a wrong passphrase and a
 * damaged file get different messages.
 */
export const backupMagic = 'KEYHOLDER-BACKUP\n';
export const backupFormatVersion = 1;
export const backupExtension = 'khbackup';
const magicBytes = Buffer.from(backupMagic, 'ascii');
const checkPlaintext = 'keyholder backup passphrase check';
const tagBytes = 16;

export const defaultKdf = { name: 'argon2id', version: 19, memoryKiB: 65536, iterations: 3, parallelism: 4 } as const;

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

/**
 * Only the settings Keyholder itself writes (with room for a later version to
 * raise them a little) are accepted, and the header is checked before any
 * work: a crafted file asking for 1 GiB and 20 passes would freeze Keyholder
 * for most of a minute before the passphrase was even tried.
 */
export const kdfLimits = { memoryKiB: [65536, 262144], iterations: [3, 8], parallelism: [1, 8] } as const;
const kdfSchema = z.object({
  name: z.literal('argon2id'),
  version: z.literal(19),
  memoryKiB: z.number().int().min(kdfLimits.memoryKiB[0]).max(kdfLimits.memoryKiB[1]),
  iterations: z.number().int().min(kdfLimits.iterations[0]).max(kdfLimits.iterations[1]),
  parallelism: z.number().int().min(kdfLimits.parallelism[0]).max(kdfLimits.parallelism[1]),
  salt: base64.min(16).max(128),
});

export const backupHeaderSchema = z.object({
  magic: z.literal('KEYHOLDER-BACKUP'),
  formatVersion: z.number().int().min(1),
  /** Binds the secrets inside to this backup (their authenticated data names it). */
  backupId: z.uuid(),
  schoolName: z.string().max(200),
  createdAt: z.iso.datetime({ offset: true }),
  createdBy: z.string().max(200),
  appVersion: z.string().max(50),
  schemaVersion: z.number().int().min(1),
  automatic: z.boolean(),
  counts: backupCountsSchema,
  /** Rows per table, for checking a restore against. */
  tables: z.record(z.string(), z.number().int()),
  kdf: kdfSchema,
  cipher: z.object({ name: z.literal('AES-256-GCM'), nonce: base64 }),
  check: z.object({ nonce: base64, value: base64 }),
});
export type BackupHeader = z.infer<typeof backupHeaderSchema>;
export type HeaderFields = Omit<BackupHeader, 'magic' | 'formatVersion' | 'kdf' | 'cipher' | 'check'>;

export async function deriveKey(passphrase: string, kdf: z.infer<typeof kdfSchema>): Promise<Buffer> {
  const key = await argon2id({
    // NFC, so the same passphrase typed on Windows and macOS gives the same key.
    password: passphrase.normalize('NFC'),
    salt: Buffer.from(kdf.salt, 'base64'),
    memorySize: kdf.memoryKiB,
    iterations: kdf.iterations,
    parallelism: kdf.parallelism,
    hashLength: 32,
    outputType: 'binary',
  });
  return Buffer.from(key);
}

function seal(key: Buffer, nonce: Buffer, plaintext: Buffer, aad: Buffer): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(aad);
  return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

/** Null when the tag does not match: wrong key, or altered bytes. */
function unseal(key: Buffer, nonce: Buffer, sealed: Buffer, aad: Buffer): Buffer | null {
  if (sealed.length < tagBytes) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAAD(aad);
    decipher.setAuthTag(sealed.subarray(sealed.length - tagBytes));
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - tagBytes)), decipher.final()]);
  } catch {
    return null;
  }
}

export async function encodeBackup(fields: HeaderFields, passphrase: string, payload: Buffer): Promise<Buffer> {
  const kdf = { ...defaultKdf, salt: randomBytes(16).toString('base64') };
  const key = await deriveKey(passphrase, kdf);
  try {
    const checkNonce = randomBytes(12);
    const nonce = randomBytes(12);
    const checkAad = Buffer.from('keyholder-backup/v1/check', 'utf8');
    const header: BackupHeader = {
      magic: 'KEYHOLDER-BACKUP',
      formatVersion: backupFormatVersion,
      ...fields,
      kdf,
      cipher: { name: 'AES-256-GCM', nonce: nonce.toString('base64') },
      check: {
        nonce: checkNonce.toString('base64'),
        value: seal(key, checkNonce, Buffer.from(checkPlaintext, 'utf8'), checkAad).toString('base64'),
      },
    };
    const json = Buffer.from(JSON.stringify(header), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(json.length);
    const prefix = Buffer.concat([magicBytes, length, json]);
    return Buffer.concat([prefix, seal(key, nonce, payload, prefix)]);
  } finally {
    key.fill(0);
  }
}

const damaged = (fileName: string, detail: string) =>
  new KeyholderError(
    'INVALID_INPUT',
    `${fileName} is damaged (${detail}), so it cannot be restored. Nothing was changed. Use another copy of the backup, such as an older one from the backup folder.`,
  );

export interface ParsedBackup {
  header: BackupHeader;
  prefix: Buffer;
  sealed: Buffer;
}

/** Reads the header without the passphrase: what the file claims, checked only when it is opened. */
export function parseBackup(bytes: Buffer, fileName: string): ParsedBackup {
  if (bytes.length < magicBytes.length + 4 || !bytes.subarray(0, magicBytes.length).equals(magicBytes)) {
    throw new KeyholderError(
      'INVALID_INPUT',
      `${fileName} is not a Keyholder backup. Choose a file ending in .${backupExtension} made by Keyholder's "Make a backup".`,
    );
  }
  const length = bytes.readUInt32BE(magicBytes.length);
  const start = magicBytes.length + 4;
  if (length > 64 * 1024 || start + length + tagBytes > bytes.length) throw damaged(fileName, 'it is cut short');
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.subarray(start, start + length).toString('utf8'));
  } catch {
    throw damaged(fileName, 'its header cannot be read');
  }
  const version = (raw as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && version > backupFormatVersion) {
    throw new KeyholderError(
      'DATABASE_TOO_NEW',
      `${fileName} was made by a newer version of Keyholder (backup format ${version}). Install the latest Keyholder, then restore it. Nothing was changed.`,
    );
  }
  const header = backupHeaderSchema.safeParse(raw);
  if (!header.success) throw damaged(fileName, 'its header is not valid');
  return { header: header.data, prefix: bytes.subarray(0, start + length), sealed: bytes.subarray(start + length) };
}

/** Checks the passphrase, then decrypts; distinguishes a wrong passphrase from a damaged file. */
export async function openBackup(parsed: ParsedBackup, passphrase: string, fileName: string): Promise<Buffer> {
  const { header } = parsed;
  const key = await deriveKey(passphrase, header.kdf);
  try {
    const check = unseal(
      key,
      Buffer.from(header.check.nonce, 'base64'),
      Buffer.from(header.check.value, 'base64'),
      Buffer.from('keyholder-backup/v1/check', 'utf8'),
    );
    if (check?.toString('utf8') !== checkPlaintext) {
      throw new KeyholderError(
        'INVALID_INPUT',
        `That passphrase does not open ${fileName}. Check it (capital letters and spaces count) and try again. Nothing was changed.`,
      );
    }
    const payload = unseal(key, Buffer.from(header.cipher.nonce, 'base64'), parsed.sealed, parsed.prefix);
    if (!payload) throw damaged(fileName, 'its contents fail the integrity check');
    return payload;
  } finally {
    key.fill(0);
  }
}
