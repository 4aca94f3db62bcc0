import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '../../../electron/core/create-core';
import type { Clock } from '../../../electron/core/platform';
import type { Db } from '../../../electron/db/open';
import {
  importTargets,
  type Channel,
  type ImportMapping,
  type ImportOpened,
  type IpcError,
} from '../../../shared/contract';
import { call, readTree, refused as refusedWith } from '../../support/core-calls';
import type { TestPlatform } from '../../support/test-platform';
import { useCoreSessions } from '../../support/open-core';

export { call, fullAccounts, readTree } from '../../support/core-calls';

/**
 * Set-up for the import and export tests: a real core over a real SQLite
 * file in a temp folder, the in-memory keychain, the test platform whose
 * dialogs the test answers, and a fixed clock (Monday 6 January 2025).
 */
export interface Harness {
  core: Core;
  platform: TestPlatform;
  dataDir: string;
  db: Db;
}

export const now = '2025-01-06T09:00:00.000Z';
export const fixedClock: Clock = { now: () => new Date(now) };

/** A clock the test moves by hand. */
export function movableClock(): Clock & { advance(ms: number): void } {
  let at = Date.parse(now);
  return {
    now: () => new Date(at),
    advance: (ms) => {
      at += ms;
    },
  };
}

/** Cores closed after each test (see test/support/open-core.ts), on the fixed clock unless one is given. */
export function useCores(): (dataDir: string, clock?: Clock) => Harness {
  const sessions = useCoreSessions();
  return (dataDir, clock = fixedClock) => sessions({ dir: dataDir, clock });
}

export async function setUp(harness: Harness): Promise<void> {
  await call(harness.core, 'vault.setup', {
    schoolName: "St Mary's Primary School",
    administratorName: 'Ms Priya Okafor',
  });
}

/** The shared refusal check, kept to the channels the core knows: every transfer test names a real one. */
export const refused: (core: Core, channel: Channel, input: unknown, code: string) => Promise<IpcError> = refusedWith;

export function writeFile(dir: string, name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Answers the open dialog with `path` and opens it for import. */
export async function openImport(harness: Harness, path: string): Promise<ImportOpened> {
  harness.platform.openPaths.push(path);
  const opened = await call(harness.core, 'import.open', {});
  if (opened.cancelled) throw new Error('import.open was cancelled');
  return opened;
}

/** Opens `path`, expecting a refusal, and returns the error message. */
export async function openRefused(harness: Harness, path: string, code = 'INVALID_INPUT'): Promise<string> {
  harness.platform.openPaths.push(path);
  return (await refused(harness.core, 'import.open', {}, code)).message;
}

export function mappingOf(partial: Partial<ImportMapping>): ImportMapping {
  const empty = Object.fromEntries(importTargets.map((target) => [target, null])) as ImportMapping;
  return { ...empty, ...partial };
}

/** Every row of every table and the schema, as one string (as in the contract fuzz test). */
export function snapshot(db: Db): string {
  const parts: string[] = [];
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
    name: string;
  }[];
  parts.push(JSON.stringify(db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY type, name').all()));
  for (const { name } of tables) {
    const columns = (db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string }[]).map((c) => `"${c.name}"`);
    parts.push(name, JSON.stringify(db.prepare(`SELECT * FROM "${name}" ORDER BY ${columns.join(', ')}`).all()));
  }
  return parts.join('\n');
}

/** The forms a secret could take on disk: UTF-8, UTF-16 and base64 at each alignment. */
export function secretForms(secret: string): Buffer[] {
  const utf8 = Buffer.from(secret, 'utf8');
  const found = [utf8, Buffer.from(secret, 'utf16le')];
  for (let shift = 0; shift < 3; shift += 1) {
    const encoded = Buffer.concat([Buffer.alloc(shift), utf8]).toString('base64');
    found.push(Buffer.from(encoded.slice(shift === 0 ? 0 : 4, -4), 'latin1'));
  }
  return found;
}

export function leaks(dir: string, secrets: string[]): string[] {
  const hits: string[] = [];
  for (const { path, bytes } of readTree(dir)) {
    for (const secret of secrets)
      if (secretForms(secret).some((form) => bytes.includes(form))) hits.push(`${path}: ${secret}`);
  }
  return hits;
}
