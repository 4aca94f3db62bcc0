import { useState } from 'react';
import type { Account } from '../../../../shared/contract';
import { type ApiError } from '../../api/client';
import { useApi } from '../../api/context';
import { DateInput } from '../../components/DateInput';
import { FormField } from '../../components/FormField';
import { Modal } from '../../components/Modal';
import { isApprover, todayIso, usePeople } from '../../hooks/use-people';

/**
 * Adds a named holder, authorised by the Headteacher or SLT. At the limit
 * (policy: three) the main process refuses; the dialog then asks for the
 * written reason an override needs.
 */
export function AddHolderDialog({
  account,
  currentCount,
  isOpen,
  onOpenChange,
  onDone,
}: {
  account: Account;
  currentCount: number;
  isOpen: boolean;
  onOpenChange: (o: boolean) => void;
  onDone: () => void;
}) {
  const api = useApi();
  const { people } = usePeople();
  const [personId, setPersonId] = useState('');
  const [authoriserId, setAuthoriserId] = useState('');
  const [on, setOn] = useState(todayIso());
  const [needsOverride, setNeedsOverride] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const candidates = people.filter((p) => p.status === 'active');

  return (
    <Modal title={`Add a named holder to ${account.handle}`} isOpen={isOpen} onOpenChange={onOpenChange}>
      {(close) => (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setError(null);
            if (!personId || !authoriserId || !on)
              return setError('Choose the person, who authorised it and the date.');
            api.holders
              .add(
                {
                  accountId: account.id,
                  personId: Number(personId),
                  authorisedById: Number(authoriserId),
                  authorisedOn: on,
                  overrideReason: needsOverride ? reason : '',
                },
                { handled: true },
              )
              .then(
                () => {
                  setNeedsOverride(false);
                  setReason('');
                  setPersonId('');
                  onDone();
                  close();
                },
                (e: ApiError) => {
                  setError(e.message);
                  if (e.code === 'POLICY' && /allows/.test(e.message)) setNeedsOverride(true);
                },
              );
          }}
        >
          <p className="hint">
            {currentCount} named {currentCount === 1 ? 'person knows' : 'people know'} this password now.
          </p>
          <FormField id="holder-person" label="Person">
            <select id="holder-person" value={personId} onChange={(e) => setPersonId(e.target.value)}>
              <option value="">Choose a member of staff</option>
              {candidates.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                  {p.policyAcknowledgedOn && p.trainingCompletedOn ? '' : ' (policy or training not recorded)'}
                </option>
              ))}
            </select>
          </FormField>
          <FormField id="holder-authoriser" label="Authorised by" hint="The Headteacher or a member of the SLT.">
            <select
              id="holder-authoriser"
              aria-describedby="holder-authoriser-hint"
              value={authoriserId}
              onChange={(e) => setAuthoriserId(e.target.value)}
            >
              <option value="">Choose a person</option>
              {people.filter(isApprover).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </FormField>
          <DateInput label="Authorised on" value={on} onChange={setOn} />
          {error ? (
            <p className="field-error" role="alert">
              {error}
            </p>
          ) : null}
          {needsOverride ? (
            <FormField id="holder-override" label="Reason to go over the limit" hint="Recorded in the audit log.">
              <textarea
                id="holder-override"
                aria-describedby="holder-override-hint"
                rows={2}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            </FormField>
          ) : null}
          <div className="actions">
            <button type="button" onClick={close}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={needsOverride && reason.trim() === ''}>
              {needsOverride ? 'Add anyway, with this reason' : 'Add holder'}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
