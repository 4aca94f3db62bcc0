import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createCore, type Core } from '../../../electron/core/create-core';
import { type Db } from '../../../electron/db/open';
import { createMemoryStore } from '../../../electron/vault/keytar-store';
import { channelNames, errorCodes, isChannel } from '../../../shared/contract';
import { createTestPlatform } from '../../support/test-platform';

const resultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }).strict(),
  z
    .object({ ok: z.literal(false), error: z.object({ code: z.enum(errorCodes), message: z.string().min(1) }) })
    .strict(),
]);

// Per channel, every run: with some 118 channels that is over 17,000 hostile payloads, and
// fast-check's seed changes each run, so coverage grows across runs while CI stays under 20 minutes.
const numRuns = 150;

/** Every row of every table, the schema itself and the data version, as one string. */
function snapshot(db: Db): string {
  const parts: string[] = [JSON.stringify(db.pragma('user_version', { simple: true }))];
  const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
    name: string;
    sql: string | null;
  }[];
  parts.push(JSON.stringify(db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY type, name').all()));
  for (const { name, sql } of tables) {
    const quoted = `"${name.replace(/"/g, '""')}"`;
    // WITHOUT ROWID tables (settings) have no rowid; their primary key orders them instead.
    const order = /WITHOUT\s+ROWID/i.test(sql ?? '') ? primaryKeyOrder(db, quoted) : 'rowid';
    parts.push(name, JSON.stringify(db.prepare(`SELECT * FROM ${quoted} ORDER BY ${order}`).all()));
  }
  return parts.join('\n');
}

function primaryKeyOrder(db: Db, quoted: string): string {
  const columns = db.prepare(`PRAGMA table_info(${quoted})`).all() as { name: string; pk: number }[];
  return columns
    .filter((column) => column.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((column) => `"${column.name.replace(/"/g, '""')}"`)
    .join(', ');
}

const pollutionAttempts = fc.constantFrom(
  JSON.parse('{"__proto__":{"polluted":1}}') as unknown,
  JSON.parse('{"constructor":{"prototype":{"polluted":1}}}') as unknown,
  { constructor: { prototype: {} } },
  JSON.parse('{"a":{"__proto__":{"polluted":1}}}') as unknown,
  JSON.parse('[{"__proto__":{"polluted":1}}]') as unknown,
);

const payloads: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({
    maxDepth: 3,
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
  }),
  fc.dictionary(fc.string(), fc.anything({ maxDepth: 2 })),
  // Huge strings by repetition: generating 100k random characters one by one is slow.
  fc
    .tuple(fc.string({ minLength: 1, maxLength: 8 }), fc.integer({ min: 10_000, max: 200_000 }))
    .map(([chunk, length]) => chunk.repeat(Math.ceil(length / chunk.length))),
  fc.dictionary(fc.string({ minLength: 1000, maxLength: 5000 }), fc.string(), { maxKeys: 3 }),
  fc.array(fc.array(fc.array(fc.anything({ maxDepth: 1 })))),
  fc.constantFrom(undefined, null, {}, [], '', 0, Number.NaN, Symbol('payload')),
  pollutionAttempts,
);

const channelStrings: fc.Arbitrary<unknown> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '', ' app.info', 'APP.INFO'),
  fc.constantFrom(...channelNames).map((name) => `${name}.extra`),
  fc.anything({ maxDepth: 1 }),
);

const prototypeKeysBefore = Object.getOwnPropertyNames(Object.prototype).sort();
let dataDir: string;
let core: Core;
let rejections: unknown[];
const onRejection = (reason: unknown) => rejections.push(reason);

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'keyholder-fuzz-'));
  core = createCore({ dataDir, secretStore: createMemoryStore(), platform: createTestPlatform(), log: () => {} });
});
afterAll(() => {
  core.close();
  rmSync(dataDir, { recursive: true, force: true });
});
beforeEach(() => {
  rejections = [];
  process.on('unhandledRejection', onRejection);
});
afterEach(async () => {
  // Give any stray promise a turn to reject before the listener goes.
  await new Promise((resolve) => setTimeout(resolve, 10));
  process.off('unhandledRejection', onRejection);
  expect(rejections).toEqual([]);
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeysBefore);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

async function checkOne(channel: unknown, payload: unknown): Promise<z.infer<typeof resultSchema>> {
  const before = snapshot(core.context.db);
  const raw: unknown = await core.dispatch(channel, payload);
  const result = resultSchema.parse(raw);
  if (!result.ok) expect(snapshot(core.context.db)).toBe(before);
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeysBefore);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  return result;
}

describe('every contract channel survives arbitrary payloads', () => {
  it('has channels to fuzz', () => {
    expect(channelNames.length).toBeGreaterThan(0);
    expect(channelNames.every((name) => isChannel(name))).toBe(true);
  });

  for (const channel of channelNames) {
    it(`${channel} always resolves to a well-formed result`, async () => {
      await fc.assert(
        fc.asyncProperty(payloads, async (payload) => {
          await checkOne(channel, payload);
        }),
        { numRuns },
      );
    });
  }

  it('random channel names are refused with UNKNOWN_CHANNEL', async () => {
    await fc.assert(
      fc.asyncProperty(channelStrings, payloads, async (channel, payload) => {
        const result = await checkOne(channel, payload);
        if (!isChannel(channel)) expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
      }),
      { numRuns },
    );
  });
});
