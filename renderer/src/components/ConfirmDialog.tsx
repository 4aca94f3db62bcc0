import { useState, type ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { errorMessage } from './error-message';

/**
 * Asks before a change that cannot be taken back (deleting figures,
 * abandoning a password change, replacing the term dates): what will go,
 * then Cancel (focused, so Enter or Escape keeps everything) or the action.
 * An alert dialog (react-aria: focus trapped, returned to the opener).
 */
export function ConfirmDialog({
  title,
  isOpen,
  confirmLabel,
  onConfirm,
  onCancel,
  children,
}: {
  title: string;
  isOpen: boolean;
  /** Says what happens: "Delete the figures", not "OK". */
  confirmLabel: string;
  /** Runs the change; the dialog closes when it succeeds and shows the error when it fails. */
  onConfirm: () => Promise<unknown>;
  onCancel: () => void;
  children: ReactNode;
}) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const cancel = () => {
    if (busy) return;
    setFailure(null);
    onCancel();
  };
  const confirm = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await onConfirm();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <ModalOverlay
      isOpen={isOpen}
      onOpenChange={(open) => (open ? undefined : cancel())}
      isDismissable
      className="modal-overlay"
    >
      <Modal className="modal">
        <Dialog role="alertdialog" className="dialog confirm-dialog">
          <Heading slot="title">{title}</Heading>
          {children}
          {failure ? (
            <p className="field-error" role="alert">
              {errorMessage(failure, 'That did not work. Nothing was changed.')}
            </p>
          ) : null}
          <div className="actions">
            {/* The safe choice takes focus: Enter keeps everything. */}
            <button type="button" onClick={cancel} disabled={busy} autoFocus>
              Cancel
            </button>
            <button type="button" className="danger" onClick={() => void confirm()} disabled={busy}>
              {confirmLabel}
            </button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
