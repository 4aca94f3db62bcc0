import { useCallback, useState } from 'react';
import { errorMessage } from '../components/error-message';

/**
 * Long work in a wizard: one thing at a time, a label to show while it runs
 * ("Reading the backup…"), and the error message if it fails. Errors are
 * shown by the wizard, so its API calls pass `{ handled: true }`.
 */
export function useBusy(): {
  busy: string | null;
  error: string | null;
  guard: (label: string, work: () => Promise<void>) => Promise<void>;
} {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const guard = useCallback(async (label: string, work: () => Promise<void>) => {
    setBusy(label);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(errorMessage(e, 'That did not work.'));
    } finally {
      setBusy(null);
    }
  }, []);
  return { busy, error, guard };
}
