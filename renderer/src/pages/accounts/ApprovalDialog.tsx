import { useState } from 'react';
import type { Account } from '../../../../shared/contract';
import { useApi } from '../../api/context';
import { DateInput } from '../../components/DateInput';
import { FormField } from '../../components/FormField';
import { FormFooter } from '../../components/FormFooter';
import { Modal } from '../../components/Modal';
import { isApprover, todayIso, usePeople } from '../../hooks/use-people';

/** Records the Headteacher's or SLT's approval of the business case. */
export function ApprovalDialog({
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
  const { people } = usePeople();
  const approvers = people.filter(isApprover);
  const [approverId, setApproverId] = useState('');
  const [on, setOn] = useState(todayIso());
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal title={`Record approval of ${account.handle}`} isOpen={isOpen} onOpenChange={onOpenChange}>
      {(close) => (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!approverId || !on) return setError('Choose who approved it and the date.');
            api.accounts
              .approve({ id: account.id, approvedById: Number(approverId), approvedOn: on }, { handled: true })
              .then(
                () => {
                  onDone();
                  close();
                },
                (e: Error) => setError(e.message),
              );
          }}
        >
          <FormField id="approver" label="Approved by" hint="The Headteacher or a member of the SLT.">
            <select
              id="approver"
              aria-describedby="approver-hint"
              value={approverId}
              onChange={(e) => setApproverId(e.target.value)}
            >
              <option value="">Choose a person</option>
              {approvers.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </FormField>
          {approvers.length === 0 ? (
            <p className="hint">Nobody is recorded as Headteacher or SLT yet. Add them under People.</p>
          ) : null}
          <DateInput label="Approved on" value={on} onChange={setOn} />
          <FormFooter error={error} onCancel={close} submitLabel="Record approval" />
        </form>
      )}
    </Modal>
  );
}
