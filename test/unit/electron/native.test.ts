import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { electronSqliteBinding } from '../../../electron/main/native';
import { useTempDirs } from '../../support/temp-dir';

// Electron's binary is not installed here; nothing in this file may load it.
vi.mock('electron', () => ({}));

const tempDir = useTempDirs('keyholder-native-');
const bindingParts = ['.native', 'electron', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'];

describe('electronSqliteBinding', () => {
  it('needs no override in a packaged app, even with no Electron build on disk', () => {
    expect(electronSqliteBinding(tempDir(), true)).toBeUndefined();
  });

  it('says how to build the binding when it is missing', () => {
    const root = tempDir();
    expect(() => electronSqliteBinding(root, false)).toThrow(/npm run native:electron/);
    expect(() => electronSqliteBinding(root, false)).toThrow(join(root, ...bindingParts));
  });

  it('returns the path of the Electron build when it exists', () => {
    const root = tempDir();
    const binding = join(root, ...bindingParts);
    mkdirSync(join(root, ...bindingParts.slice(0, -1)), { recursive: true });
    writeFileSync(binding, 'not really a native module');
    expect(electronSqliteBinding(root, false)).toBe(binding);
  });
});
