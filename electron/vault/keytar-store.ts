import type { SecretStore } from '../core/platform';

import type * as KeytarModule from 'keytar';

type Keytar = Pick<typeof KeytarModule, 'getPassword' | 'setPassword' | 'deletePassword'>;

/**
 * The OS keychain through keytar: Windows Credential Manager, macOS
 * Keychain, or the Secret Service (GNOME Keyring, KWallet) on Linux.
 * keytar is loaded lazily so a missing native build shows up as a locked
 * vault with a message, not a crash at start-up.
 */
export function createKeytarStore(load: () => Promise<Keytar> = loadKeytar): SecretStore {
  let keytar: Promise<Keytar> | null = null;
  const get = (): Promise<Keytar> => (keytar ??= load());
  return {
    kind: 'keychain',
    get: async (service, account) => (await get()).getPassword(service, account),
    set: async (service, account, secret) => (await get()).setPassword(service, account, secret),
    delete: async (service, account) => (await get()).deletePassword(service, account),
  };
}

async function loadKeytar(): Promise<Keytar> {
  const module = (await import('keytar')) as Keytar & { default?: Keytar };
  return module.default ?? module;
}

/**
 * An in-memory store for unit tests only; it forgets everything when the
 * process ends. `locked` behaves as a locked Secret Service does: reads
 * answer "nothing here" without an error, writes are refused.
 */
export function createMemoryStore(): SecretStore & {
  entries: Map<string, string>;
  failWith: Error | null;
  locked: boolean;
} {
  const entries = new Map<string, string>();
  const lockedError = () => new Error('Cannot create an item in a locked collection');
  const store = {
    kind: 'memory',
    entries,
    failWith: null as Error | null,
    locked: false,
    get: async (service: string, account: string) => {
      if (store.failWith) throw store.failWith;
      if (store.locked) return null;
      return entries.get(`${service}/${account}`) ?? null;
    },
    set: async (service: string, account: string, secret: string) => {
      if (store.failWith) throw store.failWith;
      if (store.locked) throw lockedError();
      entries.set(`${service}/${account}`, secret);
    },
    delete: async (service: string, account: string) => {
      if (store.failWith) throw store.failWith;
      if (store.locked) throw lockedError();
      return entries.delete(`${service}/${account}`);
    },
  };
  return store;
}
