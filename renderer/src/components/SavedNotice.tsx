import { useEffect, useState } from 'react';

/**
 * "Saved." (or any short confirmation) announced politely after a change,
 * then cleared, so it never lingers beside a later, different state.
 * `token` changes each time there is something new to say (null: nothing yet).
 */
export function SavedNotice({
  message,
  token,
  seconds = 6,
  className = '',
}: {
  message: string;
  token: unknown;
  seconds?: number;
  /** Added to the notice while it shows (where it sits on the page). */
  className?: string;
}) {
  const [expired, setExpired] = useState<unknown>(null);
  useEffect(() => {
    if (token === null || token === undefined) return;
    const timer = setTimeout(() => setExpired(token), seconds * 1000);
    return () => clearTimeout(timer);
  }, [token, seconds]);
  const shown = token !== null && token !== undefined && expired !== token;
  return (
    <p role="status" className={shown ? `notice ${className}`.trim() : 'sr-only'}>
      {shown ? message : ''}
    </p>
  );
}
