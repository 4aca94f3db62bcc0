import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { SetupInput, VaultStatus } from '../../../shared/contract';
import { useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/context';

interface VaultContextValue {
  status: VaultStatus | null;
  /** Bumped whenever the vault locks: anything showing a secret hides it. */
  lockEpoch: number;
  refresh(): Promise<void>;
  setup(input: SetupInput): Promise<void>;
  unlock(): Promise<void>;
  lock(): Promise<void>;
}

const VaultContext = createContext<VaultContextValue | null>(null);

export function VaultProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<VaultStatus | null>(null);
  const [lockEpoch, setLockEpoch] = useState(0);

  // Locking or unlocking changes what may be shown (secrets' state, what needs the key): every cached answer is stale.
  // Locked, the cache is emptied: the lock screen hides every page, and nothing read before the lock may show after it.
  const changed = useCallback(
    (next: VaultStatus) => {
      if (next.state === 'locked') queryClient.clear();
      else void queryClient.invalidateQueries();
      setStatus(next);
    },
    [queryClient],
  );
  const refresh = useCallback(async () => changed(await api.vault.status()), [api, changed]);

  useEffect(() => {
    void api.vault.status().then(setStatus);
    return window.keyholder?.onEvent('vault.locked', () => {
      setLockEpoch((epoch) => epoch + 1);
      void refresh();
    });
  }, [api, refresh]);

  const value = useMemo<VaultContextValue>(
    () => ({
      status,
      lockEpoch,
      refresh,
      setup: async (input) => changed(await api.vault.setup(input, { handled: true })),
      unlock: async () => changed(await api.vault.unlock()),
      lock: async () => {
        setLockEpoch((epoch) => epoch + 1);
        changed(await api.vault.lock());
      },
    }),
    [api, status, lockEpoch, refresh, changed],
  );
  return <VaultContext.Provider value={value}>{children}</VaultContext.Provider>;
}

export function useVault(): VaultContextValue {
  const value = useContext(VaultContext);
  if (!value) throw new Error('useVault must be used inside <VaultProvider>');
  return value;
}
