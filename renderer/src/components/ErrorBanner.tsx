import { useEffect, useState } from 'react';
import { useClient } from '../api/context';
import type { ApiError } from '../api/client';

/**
 * Shows the last failed call's message where the person will see it. Pages
 * may also show errors inline; this catches every one so none is silent.
 */
export function ErrorBanner() {
  const client = useClient();
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => client.onError((next) => setError(next)), [client]);
  if (!error) return <div role="alert" aria-live="assertive" className="sr-only" />;
  return (
    <div role="alert" aria-live="assertive" className="error-banner" data-code={error.code}>
      <p>
        <strong>That did not work.</strong> {error.message}
      </p>
      <button type="button" onClick={() => setError(null)}>
        Dismiss
      </button>
    </div>
  );
}
