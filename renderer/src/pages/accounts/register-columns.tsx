import { createColumnHelper } from '@tanstack/react-table';
import type { Account } from '../../../../shared/contract';
import { platformLabels } from '../../../../shared/policy/platforms';
import { ukDateOf } from '../../../../shared/time';

const column = createColumnHelper<Account>();

export const statusLabels: Record<Account['status'], string> = {
  proposed: 'Proposed',
  approved: 'Approved',
  active: 'Active',
  suspended: 'Suspended',
  closed: 'Closed',
  transferred: 'Transferred',
};

/** The register's columns. `id`s are stable: column visibility is saved by id. */
export const registerColumns = [
  column.accessor('handle', {
    id: 'account',
    header: 'Account',
    enableHiding: false,
    cell: (info) => (
      <>
        <a href={`#/accounts/${info.row.original.id}`} tabIndex={-1}>
          {info.getValue()}
        </a>
        {info.row.original.displayName ? <span className="muted"> {info.row.original.displayName}</span> : null}
      </>
    ),
    // Global search reads handle and display name together.
    filterFn: 'includesString',
  }),
  column.accessor('platform', {
    id: 'platform',
    header: 'Platform',
    cell: (info) => platformLabels[info.getValue()],
    filterFn: 'equals',
  }),
  column.accessor('status', {
    id: 'status',
    header: 'Status',
    cell: (info) => <span className={`badge status-${info.getValue()}`}>{statusLabels[info.getValue()]}</span>,
    filterFn: 'equals',
  }),
  column.accessor((a) => a.lead?.name ?? '', { id: 'lead', header: 'Lead' }),
  column.accessor('holderCount', { id: 'holders', header: 'Holders' }),
  column.accessor((a) => a.passwordSetAt ?? '', {
    id: 'password',
    header: 'Password set',
    cell: (info) => (info.getValue() ? ukDateOf(info.getValue()) : <span className="badge warn">Not set</span>),
  }),
  column.accessor('loginEmail', { id: 'loginEmail', header: 'Login email' }),
  column.accessor('breachCount', {
    id: 'breaches',
    header: 'Breaches',
    cell: (info) =>
      info.getValue() > 0 ? (
        <span className="badge danger">{info.getValue()}</span>
      ) : (
        <span className="badge ok">None</span>
      ),
    filterFn: (row, id, value) => (value === 'with' ? (row.getValue<number>(id) ?? 0) > 0 : true),
  }),
];

export const hideableColumns = [
  { id: 'platform', label: 'Platform' },
  { id: 'status', label: 'Status' },
  { id: 'lead', label: 'Lead' },
  { id: 'holders', label: 'Holders' },
  { id: 'password', label: 'Password set' },
  { id: 'loginEmail', label: 'Login email' },
  { id: 'breaches', label: 'Breaches' },
];
