import { useState } from 'react';
import type { Account, Holder } from '../../../../shared/contract';
import { useApi } from '../../api/context';
import { DateInput } from '../../components/DateInput';
import { FormField } from '../../components/FormField';
import { FormFooter } from '../../components/FormFooter';
import { Modal } from '../../components/Modal';
import { todayIso } from '../../hooks/use-people';

/** Removing a holder means the password must change: they still know it. */
export function RemoveHolderDialog({
  holder,
  account,
  onClose,
  onDone,
}: {
  holder: Holder;
  account: Account;
  onClose: () => void;
  onDone: () => void;
}) {
  const api = useApi();
  const [reason, setReason] = useState('');
  const [on, setOn] = useState(todayIso());
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal
      title={`Remove ${holder.person.name} from ${account.handle}`}
      isOpen
      onOpenChange={(open) => (open ? undefined : onClose())}
    >
      {(close) => (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            api.holders.remove({ holderId: holder.id, reason, on }, { handled: true }).then(
              () => {
                onDone();
                close();
              },
              (e: Error) => setError(e.message),
            );
          }}
        >
          <p>
            {holder.person.name} will still know the current password, so Keyholder will mark {account.handle} as
            needing a new password.
          </p>
          <FormField id="remove-reason" label="Reason" hint="For example: no longer runs the account, left the school.">
            <input
              id="remove-reason"
              aria-describedby="remove-reason-hint"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </FormField>
          <DateInput label="Removed on" value={on} onChange={setOn} />
          <FormFooter error={error} onCancel={close} submitLabel="Remove holder" disabled={reason.trim() === ''} />
        </form>
      )}
    </Modal>
  );
}
