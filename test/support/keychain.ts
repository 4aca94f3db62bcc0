import { createKeytarStore } from '../../electron/vault/keytar-store';
import type { SecretStore } from '../../electron/core/platform';

/**
 * The real OS keychain (GNOME Keyring under the CI's D-Bus session), with a
 * record of every entry written so the test can remove them afterwards.
 */
export function createTrackedKeychain(): SecretStore & { cleanup(): Promise<void> } {
  const real = createKeytarStore();
  const written = new Set<string>();
  return {
    kind: real.kind,
    get: (service, account) => real.get(service, account),
    set: async (service, account, secret) => {
      written.add(JSON.stringify([service, account]));
      await real.set(service, account, secret);
    },
    delete: (service, account) => real.delete(service, account),
    cleanup: async () => {
      for (const entry of written) {
        const [service, account] = JSON.parse(entry) as [string, string];
        await real.delete(service, account).catch(() => false);
      }
      written.clear();
    },
  };
}
