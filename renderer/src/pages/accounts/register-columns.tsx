import { createColumnHelper, type FilterFn } from '@tanstack/react-table';
import type { AccountListRow, AccountStateKind, AccountStatus } from '../../../../shared/contract';
import { stateOrder, stateWords } from '../../../../shared/policy/account-status';
import { platformLabels } from '../../../../shared/policy/platforms';
import { ukDateOf } from '../../../../shared/time';
import { StateBadge } from '../../components/AccountState';

/** A register row (accounts.list): what the register shows, with the account's one state. */
export type RegisterRow = AccountListRow;

const column = createColumnHelper<RegisterRow>();

/** The account's stage in its life (bebington: proposed, approved, active...). */
export const statusLabels: Record<AccountStatus, string> = {
  proposed: 'Proposed',
  approved: 'Approved',
  active: 'Active',
  suspended: 'Suspended',
  closed: 'Closed',
  transferred: 'Transferred',
};

/** The status filter's choices: the one status model's states. */
export const stateFilterLabels: Record<AccountStateKind, string> = stateWords;

/** Text that may be long: cut short with an ellipsis, the whole of it on hover and to a screen reader. */
function Clipped({ text, className }: { text: string; className?: string }) {
  return (
    <span className={`clip ${className ?? ''}`.trim()} title={text}>
      {text}
    </span>
  );
}

const haystacks = new WeakMap<RegisterRow, string>();

/**
 * The search box: handle, display name, lead and login email, in lower case,
 * worked out the first time an account is searched and kept with it, so a
 * keystroke over 10,000 accounts builds no strings.
 */
export const searchRegister: FilterFn<RegisterRow> = (row, _columnId, needle: string) => {
  if (!needle) return true;
  const a = row.original;
  let haystack = haystacks.get(a);
  if (haystack === undefined) {
    haystack = `${a.handle} ${a.displayName} ${a.leadName ?? ''} ${a.loginEmail}`.toLowerCase();
    haystacks.set(a, haystack);
  }
  return haystack.includes(needle);
};
searchRegister.resolveFilterValue = (value: string) => value.trim().toLowerCase();

/** The register's columns. `id`s are stable: column visibility is saved by id. */
export const registerColumns = [
  column.accessor((a) => stateOrder[a.state.kind], {
    id: 'state',
    header: 'Status',
    enableHiding: false,
    cell: (info) => <StateBadge state={info.row.original.state} />,
    filterFn: (row, _id, value) => row.original.state.kind === value,
  }),
  column.accessor('handle', {
    id: 'account',
    header: 'Account',
    enableHiding: false,
    cell: (info) => (
      <span className="clip" title={[info.getValue(), info.row.original.displayName].filter(Boolean).join(', ')}>
        <a href={`#/accounts/${info.row.original.id}`} tabIndex={-1}>
          {info.getValue()}
        </a>
        {info.row.original.displayName ? <span className="muted"> {info.row.original.displayName}</span> : null}
      </span>
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
  column.accessor((a) => a.leadName ?? '', {
    id: 'lead',
    header: 'Lead',
    cell: (info) => (info.getValue() ? <Clipped text={info.getValue()} /> : <span className="muted">None</span>),
  }),
  column.accessor('holderCount', { id: 'holders', header: 'Holders' }),
  column.accessor((a) => a.passwordSetAt ?? '', {
    id: 'password',
    header: 'Password set',
    cell: (info) => (info.getValue() ? ukDateOf(info.getValue()) : <span className="muted">Not stored</span>),
  }),
  column.accessor('status', {
    id: 'stage',
    header: 'Stage',
    cell: (info) => <span className={`badge status-${info.getValue()}`}>{statusLabels[info.getValue()]}</span>,
    filterFn: 'equals',
  }),
  column.accessor('loginEmail', {
    id: 'loginEmail',
    header: 'Login email',
    cell: (info) => <Clipped text={info.getValue()} />,
  }),
];

export const hideableColumns = [
  { id: 'platform', label: 'Platform' },
  { id: 'lead', label: 'Lead' },
  { id: 'holders', label: 'Holders' },
  { id: 'password', label: 'Password set' },
  { id: 'stage', label: 'Stage' },
  { id: 'loginEmail', label: 'Login email' },
];

/** Shown until the administrator chooses: what fits a 1366-pixel screen. */
export const defaultHidden = { loginEmail: false };
