/**
 * The end of every dialog form: the error (announced), Cancel, and the
 * primary action. One place, so every dialog reads and behaves the same.
 */
export function FormFooter({
  error,
  onCancel,
  submitLabel,
  disabled = false,
}: {
  error?: string | null;
  onCancel: () => void;
  submitLabel: string;
  disabled?: boolean;
}) {
  return (
    <>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={disabled}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}
