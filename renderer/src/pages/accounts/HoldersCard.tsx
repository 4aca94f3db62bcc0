import { useCallback, useState } from 'react';
import type { Account, Holder } from '../../../../shared/contract';
import { useApi } from '../../api/context';
import { formatDate } from '../../format';
import { useLoad } from '../../hooks/use-load';
import { AddHolderDialog } from './AddHolderDialog';
import { AuthoriseHolderDialog } from './AuthoriseHolderDialog';
import { RemoveHolderDialog } from './RemoveHolderDialog';

/** Who knows the password: named, authorised, dated; past holders stay as the record. */
export function HoldersCard({
  account,
  unlocked,
  onChanged,
}: {
  account: Account;
  unlocked: boolean;
  onChanged: () => void;
}) {
  const api = useApi();
  const load = useCallback(() => api.holders.list({ accountId: account.id }), [api, account.id]);
  const { data, reload } = useLoad(load);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Holder | null>(null);
  const [authorising, setAuthorising] = useState<Holder | null>(null);
  const current = (data ?? []).filter((h) => h.removedOn === null);
  const past = (data ?? []).filter((h) => h.removedOn !== null);
  const changed = () => {
    reload();
    onChanged();
  };

  return (
    <section className="card" aria-labelledby="holders-title">
      <div className="card-header">
        <h2 id="holders-title">Who knows the password ({current.length})</h2>
        <button type="button" onClick={() => setAdding(true)} disabled={!unlocked}>
          Add a named holder
        </button>
      </div>
      {current.length === 0 ? (
        <p className="hint">
          Nobody is recorded. The policy wants the password known to two or three named people, authorised by the
          Headteacher.
        </p>
      ) : (
        <table className="data-table" aria-label="Current holders">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Authorised by</th>
              <th scope="col">Since</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {current.map((h) => (
              <tr key={h.id}>
                <td>
                  <a href={`#/people/${h.person.id}`}>{h.person.name}</a>
                  {h.overrideReason ? <p className="hint">Over the limit: {h.overrideReason}</p> : null}
                  {h.warnings.map((w) => (
                    <p key={w} className="warn-text">
                      {w}
                    </p>
                  ))}
                </td>
                <td>
                  {h.authorisedBy ? (
                    `${h.authorisedBy.name}, ${formatDate(h.authorisedOn)}`
                  ) : (
                    <>
                      <span className="warn-text">Not recorded</span>{' '}
                      <button
                        type="button"
                        onClick={() => setAuthorising(h)}
                        disabled={!unlocked}
                        aria-label={`Record who authorised ${h.person.name}`}
                      >
                        Record
                      </button>
                    </>
                  )}
                </td>
                <td>{formatDate(h.addedOn)}</td>
                <td>
                  <button
                    type="button"
                    onClick={() => setRemoving(h)}
                    disabled={!unlocked}
                    aria-label={`Remove ${h.person.name}`}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {past.length > 0 ? (
        <details>
          <summary>Past holders ({past.length})</summary>
          <ul>
            {past.map((h) => (
              <li key={h.id}>
                {h.person.name}: {formatDate(h.addedOn)} to {formatDate(h.removedOn)} ({h.removedReason})
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <AddHolderDialog
        account={account}
        currentCount={current.length}
        isOpen={adding}
        onOpenChange={setAdding}
        onDone={changed}
      />
      {authorising ? (
        <AuthoriseHolderDialog
          holder={authorising}
          account={account}
          onClose={() => setAuthorising(null)}
          onDone={changed}
        />
      ) : null}
      {removing ? (
        <RemoveHolderDialog holder={removing} account={account} onClose={() => setRemoving(null)} onDone={changed} />
      ) : null}
    </section>
  );
}
