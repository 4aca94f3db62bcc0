/**
 * What a wizard is doing now (with an indeterminate progress bar, so long
 * work visibly moves) and what went wrong last, announced to screen readers.
 */
export function BusyStatus({ busy, error }: { busy: string | null; error: string | null }) {
  return (
    <>
      {busy ? (
        <p className="busy-progress" role="status" aria-live="polite">
          <progress aria-label={busy} /> {busy}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
