import { useCallback, useEffect, useState } from 'react';

/**
 * Loads data from the API and reloads on demand; errors are already shown
 * by the ErrorBanner, so here they only mark the state as failed.
 */
export function useLoad<T>(load: () => Promise<T>): { data: T | null; failed: boolean; reload: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [failed, setFailed] = useState(false);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (value) => {
        if (!live) return;
        setData(value);
        setFailed(false);
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [load, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, failed, reload };
}
