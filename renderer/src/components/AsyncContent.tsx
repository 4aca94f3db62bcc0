import type { ReactNode } from 'react';

/**
 * One way to show data that is loading, failed, empty or here. A failure's
 * message is already in the ErrorBanner, so this only says what to do next.
 */
export function AsyncContent<T>({
  query,
  loading = 'Loading…',
  failed = 'This could not be loaded. The message at the top of the page says why.',
  isEmpty,
  empty,
  children,
}: {
  query: { data: T | undefined; isPending: boolean; isError: boolean };
  loading?: string;
  /** What to do next; a string is shown as a hint, anything else (a page of its own) as given. */
  failed?: ReactNode;
  /** When the data counts as empty (no rows), `empty` is shown instead: what to do next. */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.isError) return typeof failed === 'string' ? <p className="hint">{failed}</p> : <>{failed}</>;
  if (query.isPending || query.data === undefined) {
    return (
      <p className="hint" aria-busy="true">
        {loading}
      </p>
    );
  }
  if (isEmpty?.(query.data) && empty !== undefined) return <>{empty}</>;
  return <>{children(query.data)}</>;
}
