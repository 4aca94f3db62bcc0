import { useState } from 'react';
import type { Account, Holder } from '../../../../shared/contract';
import { useApi } from '../../api/context';
import { DateInput } from '../../components/DateInput';
import { FormField } from '../../components/FormField';
import { FormFooter } from '../../components/FormFooter';
import { Modal } from '../../components/Modal';
import { isApprover, todayIso, usePeople } from '../../hooks/use-people';

/**
 * A holder brought in by an import has no recorded authorisation (the
 * spreadsheet only said who knew the password): this records who of the
 * Headteacher or SLT authorised them, and when.
 */
export function AuthoriseHolderDialog({
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
  const { people } = usePeople();
  const [authoriserId, setAuthoriserId] = useState('');
  const [on, setOn] = useState(todayIso());
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal
      title={`Record who authorised ${holder.person.name}`}
      isOpen
      onOpenChange={(open) => (open ? undefined : onClose())}
    >
      {(close) => (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            api.holders
              .authorise(
                { holderId: holder.id, authorisedById: Number(authoriserId), authorisedOn: on },
                { handled: true },
              )
              .then(
                () => {
                  onDone();
                  close();
                },
                (e: Error) => setError(e.message),
              );
          }}
        >
          <p>
            {holder.person.name} knows the password of {account.handle}. Record the Headteacher or SLT member who
            authorised that.
          </p>
          <FormField id="authorise-by" label="Authorised by" hint="The Headteacher or a member of the SLT.">
            <select
              id="authorise-by"
              aria-describedby="authorise-by-hint"
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
          <FormFooter error={error} onCancel={close} submitLabel="Record authorisation" disabled={!authoriserId} />
        </form>
      )}
    </Modal>
  );
}
