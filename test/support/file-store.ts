import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { SecretStore } from '../../electron/core/platform';

/**
 * A keychain stand-in that outlives a process: a JSON file, for the crash
 * tests only (the parent test and the child it kills share the vault key).
 * Writes go to a temporary file renamed into place, so a kill never leaves
 * half a file.
 */
export function createFileStore(path: string): SecretStore {
  const read = (): Record<string, string> =>
    existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>) : {};
  const write = (entries: Record<string, string>) => {
    writeFileSync(`${path}.tmp`, JSON.stringify(entries));
    renameSync(`${path}.tmp`, path);
  };
  const key = (service: string, account: string) => `${service}/${account}`;
  return {
    kind: 'test-file',
    get: async (service, account) => read()[key(service, account)] ?? null,
    set: async (service, account, secret) => write({ ...read(), [key(service, account)]: secret }),
    delete: async (service, account) => {
      const entries = read();
      const had = key(service, account) in entries;
      delete entries[key(service, account)];
      write(entries);
      return had;
    },
  };
}
