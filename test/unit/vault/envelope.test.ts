import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { aad, decryptSecret, encryptSecret } from '../../../electron/vault/envelope';
import { KeyholderError } from '../../../shared/contract';
import { useTempDirs } from '../../support/temp-dir';
import { addAccount, call, refused, setUpVault, useCores } from './core-harness';

/**
 * AES-256-GCM envelopes bound to where they belong: the vault, the account
 * and the field. Anything moved, altered or damaged must refuse to decrypt,
 * and the refusal must never quote the secret.
 */
const tempDir = useTempDirs('keyholder-envelope-');
const openCore = useCores();

const plaintext = 'Otter$Granite-6082-Beacon';
const binding = aad.secret('vault-1', 7, 'password');

interface Envelope {
  v: number;
  alg: string;
  iv: string;
  ct: string;
  tag: string;
}

function flipFirstByte(base64: string): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[0] = (bytes[0] ?? 0) ^ 0x01;
  return bytes.toString('base64');
}

function expectIntegrityFailure(attempt: () => string): void {
  let caught: unknown;
  try {
    attempt();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(KeyholderError);
  const error = caught as KeyholderError;
  expect(error.code).toBe('INTERNAL');
  expect(error.message).toMatch(/integrity check|damaged/i);
  expect(error.message).not.toContain(plaintext);
}

describe('encryptSecret and decryptSecret', () => {
  const key = randomBytes(32);

  it('round-trips text, including non-ASCII', () => {
    expect(decryptSecret(key, encryptSecret(key, plaintext, binding), binding)).toBe(plaintext);
    const welsh = 'Cyfrinair-ŵŷ-£9-🦉';
    expect(decryptSecret(key, encryptSecret(key, welsh, binding), binding)).toBe(welsh);
  });

  it('uses a fresh 12-byte nonce, so the same text encrypts differently each time', () => {
    const first = JSON.parse(encryptSecret(key, plaintext, binding)) as Envelope;
    const second = JSON.parse(encryptSecret(key, plaintext, binding)) as Envelope;
    expect(first).toMatchObject({ v: 1, alg: 'A256GCM' });
    expect(Buffer.from(first.iv, 'base64')).toHaveLength(12);
    expect(Buffer.from(first.tag, 'base64')).toHaveLength(16);
    expect(first.iv).not.toBe(second.iv);
    expect(first.ct).not.toBe(second.ct);
    expect(JSON.stringify(first)).not.toContain(plaintext);
  });

  it.each([4, 8, 12])('refuses a tag cut to %i bytes, which GCM would otherwise accept', (bytes) => {
    const envelope = JSON.parse(encryptSecret(key, plaintext, binding)) as Envelope;
    const short = { ...envelope, tag: Buffer.from(envelope.tag, 'base64').subarray(0, bytes).toString('base64') };
    expectIntegrityFailure(() => decryptSecret(key, JSON.stringify(short), binding));
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => encryptSecret(randomBytes(16), plaintext, binding)).toThrow(/32 bytes/);
  });

  it('refuses a different binding (another account, field or vault)', () => {
    const envelope = encryptSecret(key, plaintext, binding);
    expectIntegrityFailure(() => decryptSecret(key, envelope, aad.secret('vault-1', 8, 'password')));
    expectIntegrityFailure(() => decryptSecret(key, envelope, aad.secret('vault-1', 7, 'recoveryCodes')));
    expectIntegrityFailure(() => decryptSecret(key, envelope, aad.secret('vault-2', 7, 'password')));
    expectIntegrityFailure(() => decryptSecret(key, envelope, aad.history('vault-1', 7, 7)));
  });

  it('refuses a different key', () => {
    const envelope = encryptSecret(key, plaintext, binding);
    expectIntegrityFailure(() => decryptSecret(randomBytes(32), envelope, binding));
  });

  it.each(['ct', 'tag', 'iv'] as const)('refuses an envelope with one %s byte flipped', (part) => {
    const envelope = JSON.parse(encryptSecret(key, plaintext, binding)) as Envelope;
    envelope[part] = flipFirstByte(envelope[part]);
    expectIntegrityFailure(() => decryptSecret(key, JSON.stringify(envelope), binding));
  });

  it.each([
    ['garbage', 'not json at all'],
    ['an empty string', ''],
    ['a different version', JSON.stringify({ v: 2, alg: 'A256GCM', iv: '', ct: '', tag: '' })],
    ['missing fields', JSON.stringify({ v: 1, alg: 'A256GCM' })],
    ['a bare string', JSON.stringify(plaintext)],
  ])('refuses %s as an envelope', (_label, envelope) => {
    expectIntegrityFailure(() => decryptSecret(key, envelope, binding));
  });
});

describe('envelopes moved inside the database', () => {
  async function vaultWithTwoAccounts() {
    const harness = openCore(tempDir());
    await setUpVault(harness.core);
    const a = await addAccount(harness.core, '@stmarysnews');
    const b = await addAccount(harness.core, '@stmaryspe');
    for (const [account, value] of [
      [a, plaintext],
      [b, 'Puffin&Cobalt-3355-Harbour'],
    ] as const) {
      await call(harness.core, 'secrets.set', {
        accountId: account.id,
        field: 'password',
        value,
        source: 'typed',
        reason: 'Set up',
      });
    }
    await call(harness.core, 'secrets.set', {
      accountId: a.id,
      field: 'recoveryCodes',
      value: 'RC-1111-2222',
      source: 'typed',
      reason: 'Set up',
    });
    return { ...harness, a, b };
  }

  it("refuses to reveal account A's password copied into account B's row, and A still reveals", async () => {
    const { core, a, b } = await vaultWithTwoAccounts();
    const db = core.context.db;
    db.prepare(
      `UPDATE account_secrets SET envelope = (SELECT envelope FROM account_secrets WHERE account_id = ? AND field = 'password')
       WHERE account_id = ? AND field = 'password'`,
    ).run(a.id, b.id);
    const revealsBefore = (await call(core, 'audit.list', { action: 'secret.revealed' })).length;

    // Refused as damaged, with the fix (set a new password) in the message.
    const error = await refused(core, 'secrets.reveal', { accountId: b.id, field: 'password' }, 'VAULT_DAMAGED');
    expect(error.message).toMatch(/damaged and cannot be shown.*Set password/);
    expect(error.message).not.toContain(plaintext);
    await refused(core, 'secrets.copy', { accountId: b.id, field: 'password' }, 'VAULT_DAMAGED');
    expect((await call(core, 'audit.list', { action: 'secret.revealed' })).length).toBe(revealsBefore);

    expect((await call(core, 'secrets.reveal', { accountId: a.id, field: 'password' })).value).toBe(plaintext);
  });

  it("refuses a password copied into the same account's recovery codes", async () => {
    const { core, a } = await vaultWithTwoAccounts();
    core.context.db
      .prepare(
        `UPDATE account_secrets SET envelope = (SELECT envelope FROM account_secrets WHERE account_id = ? AND field = 'password')
         WHERE account_id = ? AND field = 'recoveryCodes'`,
      )
      .run(a.id, a.id);
    const error = await refused(core, 'secrets.reveal', { accountId: a.id, field: 'recoveryCodes' }, 'VAULT_DAMAGED');
    expect(error.message).toMatch(/damaged/);
  });

  it('refuses a damaged envelope in the database with a message saying it is damaged', async () => {
    const { core, b } = await vaultWithTwoAccounts();
    core.context.db
      .prepare("UPDATE account_secrets SET envelope = '{\"v\":1' WHERE account_id = ? AND field = 'password'")
      .run(b.id);
    const error = await refused(core, 'secrets.reveal', { accountId: b.id, field: 'password' }, 'VAULT_DAMAGED');
    expect(error.message).toMatch(/damaged/);
    const [summary] = (await call(core, 'secrets.summary', { accountId: b.id })).filter((s) => s.field === 'password');
    expect(summary?.damaged).toBe(true);
  });
});
