import type { ReactNode } from 'react';
import { Dialog, Heading, Modal as AriaModal, ModalOverlay } from 'react-aria-components';

/**
 * A labelled modal dialog (react-aria: focus trapped, Escape closes, focus
 * returns to the opener). Content receives `close`.
 */
export function Modal({
  title,
  isOpen,
  onOpenChange,
  children,
  wide = false,
}: {
  wide?: boolean;
  title: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  children: (close: () => void) => ReactNode;
}) {
  return (
    <ModalOverlay isOpen={isOpen} onOpenChange={onOpenChange} isDismissable className="modal-overlay">
      <AriaModal className={wide ? 'modal wide' : 'modal'}>
        <Dialog className="dialog">
          {({ close }) => (
            <>
              <Heading slot="title">{title}</Heading>
              {children(close)}
            </>
          )}
        </Dialog>
      </AriaModal>
    </ModalOverlay>
  );
}
