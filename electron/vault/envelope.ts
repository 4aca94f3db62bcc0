import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { KeyholderError } from '../../shared/contract';

/**
 * AES-256-GCM with a fresh random 96-bit nonce per encryption and additional
 * authenticated data naming where the ciphertext belongs (vault, row and
 * field). Moving a ciphertext anywhere else makes the tag check fail.
 * Stored as a small JSON envelope with a version so the scheme can change.
 */
const envelopeSchema = z.object({
  v: z.literal(1),
  alg: z.literal('A256GCM'),
  iv: z.string(),
  ct: z.string(),
  tag: z.string(),
});

export const keyBytes = 32;

export function encryptSecret(key: Buffer, plaintext: string, aad: string): string {
  if (key.length !== keyBytes) throw new Error('Vault key must be 32 bytes');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return JSON.stringify({
    v: 1,
    alg: 'A256GCM',
    iv: iv.toString('base64'),
    ct: ct.toString('base64'),
    tag: tag.toString('base64'),
  });
}

export function decryptSecret(key: Buffer, envelope: string, aad: string): string {
  let parsed: z.infer<typeof envelopeSchema>;
  try {
    parsed = envelopeSchema.parse(JSON.parse(envelope));
  } catch {
    throw new KeyholderError('INTERNAL', 'A stored secret is damaged and cannot be read. Restore it from a backup.');
  }
  try {
    const iv = Buffer.from(parsed.iv, 'base64');
    const tag = Buffer.from(parsed.tag, 'base64');
    // A shorter tag would be accepted by GCM and is far easier to forge: only the full 16 bytes will do.
    if (iv.length !== 12 || tag.length !== 16) throw new Error('bad envelope');
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(parsed.ct, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new KeyholderError(
      'INTERNAL',
      'A stored secret failed its integrity check: it does not belong here or was altered. Nothing was shown. Restore it from a backup.',
    );
  }
}

/** Where a secret belongs; part of its authenticated data. */
export const aad = {
  keyCheck: (vaultId: string) => `keyholder/v1/${vaultId}/key-check`,
  secret: (vaultId: string, accountId: number, field: string) =>
    `keyholder/v1/${vaultId}/account/${accountId}/${field}`,
  history: (vaultId: string, accountId: number, historyId: number) =>
    `keyholder/v1/${vaultId}/account/${accountId}/history/${historyId}`,
  auditKey: (vaultId: string) => `keyholder/v1/${vaultId}/audit-key`,
};

export const keyCheckPlaintext = 'keyholder key check';
/**
 * The key check of a vault whose audit log is sealed. Authenticated like any
 * secret, so nobody without the key can make a sealed vault look like one
 * from before sealing (and have its audit key quietly replaced).
 */
export const sealedKeyCheckPlaintext = 'keyholder key check; audit sealed';
