import { useState } from 'react';
import type { Account, AccountStatus } from '../../../../shared/contract';
import { useApi } from '../../api/context';
import { DateInput } from '../../components/DateInput';
import { FormField } from '../../components/FormField';
import { Modal } from '../../components/Modal';
import { todayIso } from '../../hooks/use-people';
import { statusTransitions } from '../../../../shared/policy/account-lifecycle';
import { FormFooter } from '../../components/FormFooter';
import { statusLabels } from './register-columns';

/** Moves an account along its lifecycle; activating without approval needs a written reason. */
export function StatusDialog({
  account,
  isOpen,
  onOpenChange,
  onDone,
}: {
  account: Account;
  isOpen: boolean;
  onOpenChange: (o: boolean) => void;
  onDone: () => void;
}) {
  const api = useApi();
  const options = statusTransitions[account.status];
  const [status, setStatus] = useState<AccountStatus | ''>('');
  const [on, setOn] = useState(todayIso());
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal title={`Change the status of ${account.handle}`} isOpen={isOpen} onOpenChange={onOpenChange}>
      {(close) => (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!status) return setError('Choose the new status.');
            api.accounts.setStatus({ id: account.id, status, on, overrideReason: reason }, { handled: true }).then(
              () => {
                onDone();
                close();
              },
              (e: Error) => setError(e.message),
            );
          }}
        >
          <p>
            Now <strong>{statusLabels[account.status]}</strong>.
          </p>
          <FormField id="new-status" label="New status">
            <select id="new-status" value={status} onChange={(e) => setStatus(e.target.value as AccountStatus)}>
              <option value="">Choose</option>
              {options.map((s) => (
                <option key={s} value={s}>
                  {statusLabels[s]}
                </option>
              ))}
            </select>
          </FormField>
          <DateInput label="Date of the change" value={on} onChange={setOn} />
          <FormField
            id="override"
            label="Reason to override (only if the policy's conditions are not met)"
            hint="Activating needs the Headteacher's approval and a complete business case. If you must go ahead without them, say why."
          >
            <textarea
              id="override"
              aria-describedby="override-hint"
              rows={2}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </FormField>
          <FormFooter error={error} onCancel={close} submitLabel="Change status" />
        </form>
      )}
    </Modal>
  );
}
