import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * better-sqlite3 is a native module and Electron has its own ABI. The copy in
 * node_modules is built for Node (so the tests run); `npm start` builds an
 * Electron copy into .native/electron (scripts/electron-native.mjs) and the
 * main process loads that through better-sqlite3's `nativeBinding` option.
 * A packaged app has node_modules rebuilt for Electron by electron-builder,
 * so it needs no override.
 */
export function electronSqliteBinding(appRoot: string, isPackaged: boolean): string | undefined {
  if (isPackaged) return undefined;
  const binding = join(appRoot, '.native', 'electron', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(binding)) {
    throw new Error(
      `The Electron build of better-sqlite3 is missing (${binding}). Run "npm start", which builds it, or "npm run native:electron".`,
    );
  }
  return binding;
}
