import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { AccountState, RotationRow } from '../../../../shared/contract';
import { changeNeeded, stateOrder } from '../../../../shared/policy/account-status';
import { ukDate } from '../../../../shared/time';
import { StateBadge, StateCountsLine } from '../../components/AccountState';
import { AsyncContent } from '../../components/AsyncContent';
import { AccountLink } from '../../components/AccountLink';
import { DataTable, useDataTable } from '../../components/DataTable';
import { useChannel } from '../../data/queries';
import { useRoute } from '../../hooks/use-route';
import { RotationRecord } from './RotationRecord';
import { policyLabel, rotationBadge } from './rotation-labels';

type Filter = 'all' | 'action' | 'pending';
const needsAction = (r: RotationRow) => changeNeeded(r) !== null;
/** Most urgent first when sorting by state. */
const urgency: RotationRow['state'][] = ['required', 'overdue', 'due', 'due-soon', 'ok', 'manual'];

/** A schedule row with its account's one state (compliance.status). */
type Row = RotationRow & { account: AccountState | null };

const column = createColumnHelper<Row>();
const columns = [
  column.accessor((r) => (r.account ? stateOrder[r.account.kind] : 9), {
    id: 'status',
    header: 'Status',
    cell: (info) => (info.row.original.account ? <StateBadge state={info.row.original.account} /> : null),
  }),
  column.accessor('label', {
    header: 'Account',
    cell: (info) => <AccountLink {...info.row.original} label={info.getValue()} />,
  }),
  column.accessor((r) => policyLabel(r.policy), { id: 'policy', header: 'How often' }),
  column.accessor((r) => r.lastRotatedOn ?? '', {
    id: 'lastRotatedOn',
    header: 'Last changed',
    cell: (info) => (info.getValue() ? ukDate(info.getValue()) : 'Not stored'),
  }),
  column.accessor((r) => (r.lastRotatedOn === null && r.state !== 'required' ? '' : (r.dueBy ?? '')), {
    id: 'dueBy',
    header: 'Due by',
    cell: (info) => ukDate(info.getValue()),
  }),
  column.accessor('state', {
    header: 'Password change',
    sortingFn: (a, b) => urgency.indexOf(a.original.state) - urgency.indexOf(b.original.state),
    cell: (info) => {
      const r = info.row.original;
      return (
        <>
          <span className={`badge ${rotationBadge(r).badge}`}>{rotationBadge(r).text}</span>
          {r.pending ? <span className="badge"> change under way</span> : null}
          {r.state === 'required' ? <p className="hint">{r.reason}</p> : null}
        </>
      );
    },
  }),
];

/** Every account's rotation, most urgent first, and the termly record. */
export function RotationsPage() {
  const { navigate } = useRoute();
  const rotations = useChannel('rotations.list', {});
  const states = useChannel('compliance.status', {});
  const [filter, setFilter] = useState<Filter>('all');
  const data = rotations.data ?? [];
  const due = data.filter(needsAction);
  const count = (state: RotationRow['state']) => data.filter((r) => r.state === state && r.lastRotatedOn).length;
  const now = data.filter((r) => changeNeeded(r) === 'now').length;

  return (
    <section aria-labelledby="page-title" className="page">
      <div className="page-header">
        <h1 id="page-title">Rotations</h1>
        <button
          type="button"
          className="primary"
          disabled={due.length === 0}
          onClick={() => navigate(`/rotations/guided`)}
        >
          Rotate all due ({due.length})
        </button>
      </div>
      {states.data ? <StateCountsLine counts={states.data.counts} /> : null}
      <ul className="tiles" aria-label="Rotation counts">
        <li className={now ? 'tile danger' : 'tile ok'} data-testid="rotations-overdue">
          <span className="count">{now}</span> overdue or required now
        </li>
        <li className="tile">
          <span className="count">{count('due')}</span> due
        </li>
        <li className="tile">
          <span className="count">{count('due-soon')}</span> due soon
        </li>
        <li className="tile">
          <span className="count">{data.filter((r) => r.pending).length}</span> under way
        </li>
      </ul>
      <div className="filters">
        <div className="field">
          <label htmlFor="rotation-filter">Show</label>
          <select id="rotation-filter" value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
            <option value="all">All accounts</option>
            <option value="action">Only those needing a change</option>
            <option value="pending">Only changes under way</option>
          </select>
        </div>
      </div>
      <AsyncContent
        query={rotations}
        loading="Loading the rotations…"
        isEmpty={(list) => list.length === 0}
        empty={
          <div className="empty-state">
            <p>No accounts to rotate yet. Add accounts and store their passwords first.</p>
          </div>
        }
      >
        {(list) => <RotationsTable rows={list} states={states.data?.accounts} filter={filter} />}
      </AsyncContent>
      <RotationRecord />
    </section>
  );
}

function RotationsTable({
  rows,
  states,
  filter,
}: {
  rows: RotationRow[];
  states: AccountState[] | undefined;
  filter: Filter;
}) {
  const { navigate } = useRoute();
  const data = useMemo(() => {
    const byId = new Map(states?.map((s) => [s.accountId, s]));
    return rows
      .filter((r) => filter === 'all' || (filter === 'action' ? needsAction(r) : r.pending !== null))
      .map((r): Row => ({ ...r, account: byId.get(r.accountId) ?? null }));
  }, [rows, states, filter]);
  const table = useDataTable({ data, columns, options: { getRowId: (r) => String(r.accountId) } });
  return (
    <DataTable
      table={table}
      label="Rotations"
      height="rows"
      rowProps={(r) => ({ 'data-state': r.state })}
      onOpen={(r) => navigate(`/accounts/${r.accountId}`)}
      empty={<p>No accounts match. Choose &quot;All accounts&quot; under Show to see every account.</p>}
    />
  );
}
