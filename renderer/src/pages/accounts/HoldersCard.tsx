import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { Account, Holder } from '../../../../shared/contract';
import { ukDate } from '../../../../shared/time';
import { AsyncContent } from '../../components/AsyncContent';
import { DataTable, useDataTable } from '../../components/DataTable';
import { useChannel } from '../../data/queries';
import { AddHolderDialog } from './AddHolderDialog';
import { AuthoriseHolderDialog } from './AuthoriseHolderDialog';
import { RemoveHolderDialog } from './RemoveHolderDialog';

/** Who knows the password: named, authorised, dated; past holders stay as the record. */
export function HoldersCard({ account, unlocked }: { account: Account; unlocked: boolean }) {
  const holders = useChannel('holders.list', { accountId: account.id });
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Holder | null>(null);
  const [authorising, setAuthorising] = useState<Holder | null>(null);
  const current = (holders.data ?? []).filter((h) => h.removedOn === null);
  const past = (holders.data ?? []).filter((h) => h.removedOn !== null);

  return (
    <section className="card" aria-labelledby="holders-title">
      <div className="card-header">
        <h2 id="holders-title">Who knows the password ({current.length})</h2>
        <button type="button" onClick={() => setAdding(true)} disabled={!unlocked}>
          Add a named holder
        </button>
      </div>
      <AsyncContent
        query={holders}
        loading="Loading the named holders…"
        isEmpty={() => current.length === 0}
        empty={
          <p className="hint">
            Nobody is recorded. The policy wants the password known to two or three named people, authorised by the
            Headteacher.
          </p>
        }
      >
        {() => (
          <CurrentHolders holders={current} unlocked={unlocked} onAuthorise={setAuthorising} onRemove={setRemoving} />
        )}
      </AsyncContent>
      {past.length > 0 ? (
        <details>
          <summary>Past holders ({past.length})</summary>
          <ul>
            {past.map((h) => (
              <li key={h.id}>
                {h.person.name}: {ukDate(h.addedOn)} to {ukDate(h.removedOn)} ({h.removedReason})
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <AddHolderDialog account={account} currentCount={current.length} isOpen={adding} onOpenChange={setAdding} />
      {authorising ? (
        <AuthoriseHolderDialog holder={authorising} account={account} onClose={() => setAuthorising(null)} />
      ) : null}
      {removing ? <RemoveHolderDialog holder={removing} account={account} onClose={() => setRemoving(null)} /> : null}
    </section>
  );
}

const column = createColumnHelper<Holder>();

function CurrentHolders({
  holders,
  unlocked,
  onAuthorise,
  onRemove,
}: {
  holders: Holder[];
  unlocked: boolean;
  onAuthorise: (holder: Holder) => void;
  onRemove: (holder: Holder) => void;
}) {
  const columns = useMemo(
    () => [
      column.accessor((h) => h.person.name, {
        id: 'name',
        header: 'Name',
        cell: ({ row: { original: h } }) => (
          <>
            <a href={`#/people/${h.person.id}`}>{h.person.name}</a>
            {h.overrideReason ? <p className="hint">Over the limit: {h.overrideReason}</p> : null}
            {h.accessEndsOn ? <p className="hint">Temporary access: ends on {ukDate(h.accessEndsOn)}</p> : null}
            {h.warnings.map((w) => (
              <p key={w} className="warn-text">
                {w}
              </p>
            ))}
          </>
        ),
      }),
      column.accessor((h) => h.authorisedBy?.name ?? '', {
        id: 'authorised',
        header: 'Authorised by',
        cell: ({ row: { original: h } }) =>
          h.authorisedBy ? (
            `${h.authorisedBy.name}, ${ukDate(h.authorisedOn)}`
          ) : (
            <>
              <span className="warn-text">Not recorded</span>{' '}
              <button
                type="button"
                onClick={() => onAuthorise(h)}
                disabled={!unlocked}
                aria-label={`Record who authorised ${h.person.name}`}
              >
                Record
              </button>
            </>
          ),
      }),
      column.accessor('addedOn', { header: 'Since', cell: (info) => ukDate(info.getValue()) }),
      column.display({
        id: 'actions',
        header: () => <span className="sr-only">Actions</span>,
        cell: ({ row: { original: h } }) => (
          <button type="button" onClick={() => onRemove(h)} disabled={!unlocked} aria-label={`Remove ${h.person.name}`}>
            Remove
          </button>
        ),
      }),
    ],
    [unlocked, onAuthorise, onRemove],
  );
  const table = useDataTable({ data: holders, columns });
  return <DataTable table={table} label="Current holders" height="rows" empty={<p>Nobody is recorded.</p>} />;
}
