import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import type { Week } from '../../../../shared/contract';
import { ukDateOf } from '../../../../shared/time';
import { AccountLink } from '../../components/AccountLink';
import { DataTable, useDataTable } from '../../components/DataTable';
import { useMutate } from '../../data/queries';

type Row = Week['accounts'][number];
const column = createColumnHelper<Row>();

/** One row per active account, one column per check: a box to tick, and who ticked it when. */
export function ChecksTable({
  week,
  checkedById,
  unlocked,
}: {
  week: Week;
  checkedById: number | null;
  unlocked: boolean;
}) {
  const tick = useMutate('checks.tick');
  const untick = useMutate('checks.untick');
  const busy = tick.isPending || untick.isPending;
  const columns = useMemo(
    () => [
      column.accessor('label', {
        header: 'Account',
        cell: (info) => <AccountLink {...info.row.original} label={info.getValue()} />,
      }),
      ...week.items.map((item, index) =>
        column.display({
          id: `check-${index}`,
          header: item,
          cell: (info) => {
            const row = info.row.original;
            const done = row.ticks.find((t) => t.item === item);
            const change = (checked: boolean) => {
              const input = { accountId: row.accountId, week: week.week, item };
              if (!checked) untick.mutate(input);
              else if (checkedById !== null) tick.mutate({ ...input, checkedById });
            };
            return (
              <label className="check-cell">
                <input
                  type="checkbox"
                  checked={done !== undefined}
                  disabled={!unlocked || busy || (done === undefined && checkedById === null)}
                  onChange={(e) => change(e.target.checked)}
                />
                <span className="sr-only">
                  {item} for {row.label}
                </span>
                {done ? (
                  <span className="muted">
                    {done.checkedBy.name}, {ukDateOf(done.checkedAt)}
                  </span>
                ) : null}
              </label>
            );
          },
        }),
      ),
    ],
    [week, checkedById, unlocked, busy, tick, untick],
  );
  const table = useDataTable({ data: week.accounts, columns });
  return (
    <>
      {checkedById === null && unlocked ? (
        <p className="hint">Choose who did the checks above; then tick each one done.</p>
      ) : null}
      <DataTable table={table} label="Weekly checks" height="page" empty={<p>No account is in use yet.</p>} />
    </>
  );
}
