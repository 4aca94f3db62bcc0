import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import type { Handover } from '../../../../shared/contract';
import { ukDate } from '../../../../shared/time';
import { AsyncContent } from '../../components/AsyncContent';
import { DataTable, useDataTable } from '../../components/DataTable';
import { useChannel } from '../../data/queries';
import { plural } from '../../format';
import { useRoute } from '../../hooks/use-route';

export const stateText: Record<Handover['state'], string> = {
  scheduled: 'Scheduled',
  open: 'Open',
  closed: 'Complete',
};

const stillToDo = (remaining: number) => (remaining === 0 ? 'Nothing' : plural(remaining, 'item'));

const column = createColumnHelper<Handover>();
const columns = [
  column.accessor((h) => h.person.name, {
    id: 'person',
    header: 'Person',
    cell: (info) => <a href={`#/handover/${info.row.original.id}`}>{info.getValue()}</a>,
  }),
  column.accessor('leavingOn', { header: 'Leaving on', cell: (info) => ukDate(info.getValue()) }),
  column.accessor('state', {
    header: 'State',
    cell: (info) => (
      <span className={`badge ${info.getValue() === 'closed' ? 'ok' : 'warn'}`}>{stateText[info.getValue()]}</span>
    ),
  }),
  column.accessor('remaining', { header: 'Still to do', cell: (info) => stillToDo(info.getValue()) }),
];

/** Every departure recorded, open ones first. */
export function HandoverList() {
  const handovers = useChannel('handover.list', {});
  return (
    <section aria-labelledby="page-title" className="page">
      <h1 id="page-title">Handover</h1>
      <p className="hint">
        To record that someone is leaving, open them under <a href="#/people">People</a> and choose &quot;Record
        departure&quot;.
      </p>
      <AsyncContent
        query={handovers}
        loading="Loading the handovers…"
        isEmpty={(list) => list.length === 0}
        empty={
          <div className="empty-state">
            <p>
              <strong>No departures recorded.</strong> When a lead or a holder leaves, record it here so their accounts
              are passed on or closed and the passwords they knew are changed.
            </p>
          </div>
        }
      >
        {(list) => <HandoverTable handovers={list} />}
      </AsyncContent>
    </section>
  );
}

function HandoverTable({ handovers }: { handovers: Handover[] }) {
  const { navigate } = useRoute();
  // Open and scheduled departures first, each group in the order they were recorded.
  const data = useMemo(
    () => [...handovers].sort((a, b) => Number(a.state === 'closed') - Number(b.state === 'closed')),
    [handovers],
  );
  const table = useDataTable({ data, columns, options: { getRowId: (h) => String(h.id) } });
  return (
    <DataTable
      table={table}
      label="Handovers"
      height="rows"
      onOpen={(h) => navigate(`/handover/${h.id}`)}
      empty={<p>No departures recorded.</p>}
    />
  );
}
