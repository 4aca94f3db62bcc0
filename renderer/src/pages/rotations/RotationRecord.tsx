import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import type { ChannelOutput } from '../../../../shared/contract';
import { academicYearOf } from '../../../../shared/policy/term-calendar';
import { ukDateOf } from '../../../../shared/time';
import { AsyncContent } from '../../components/AsyncContent';
import { DataTable, useDataTable } from '../../components/DataTable';
import { PeriodPicker, type TermRef } from '../../components/PeriodPicker';
import { SavedNotice } from '../../components/SavedNotice';
import { useChannel, useMutate } from '../../data/queries';
import { fileInWords } from '../../format';
import { appToday } from '../../clock';

type RecordRow = ChannelOutput<'rotations.record'>[number];

const column = createColumnHelper<RecordRow>();
const columns = [
  column.accessor('label', { header: 'Account' }),
  column.accessor('confirmedAt', { header: 'Changed on', cell: (info) => ukDateOf(info.getValue()) }),
  column.accessor('confirmedBy', { header: 'By' }),
  column.accessor('reason', { header: 'Why' }),
  column.accessor((r) => r.told.join('; ') || 'Not recorded', { id: 'told', header: 'Holders told' }),
];

/** Which accounts were rotated in a chosen term and by whom; exportable as CSV. */
export function RotationRecord() {
  const [thisYear] = useState(() => academicYearOf(appToday()));
  const [period, setPeriod] = useState<TermRef>({ kind: 'term', academicYear: thisYear, term: 'autumn' });
  const term = { academicYear: period.academicYear, term: period.term };
  const record = useChannel('rotations.record', term);
  const exportRecord = useMutate('rotations.exportRecord');
  const saved = exportRecord.data?.path ? exportRecord.data : null;
  return (
    <section className="card" aria-labelledby="record-title">
      <h2 id="record-title">Termly rotation record</h2>
      <div className="filters">
        <PeriodPicker
          termOnly
          idPrefix="record"
          value={period}
          onChange={setPeriod}
          years={[thisYear - 1, thisYear, thisYear + 1]}
        />
        <button type="button" disabled={exportRecord.isPending} onClick={() => exportRecord.mutate(term)}>
          Export as CSV
        </button>
      </div>
      <SavedNotice message={`Saved ${saved?.rows} rows as ${fileInWords(saved?.path ?? '')}.`} token={saved} />
      <AsyncContent
        query={record}
        isEmpty={(rows) => rows.length === 0}
        empty={<p className="hint">No password changes were confirmed in this term.</p>}
      >
        {(rows) => <RecordTable rows={rows} />}
      </AsyncContent>
    </section>
  );
}

function RecordTable({ rows }: { rows: RecordRow[] }) {
  const table = useDataTable({ data: rows, columns, options: { getRowId: (r) => String(r.rotationId) } });
  return (
    <DataTable
      table={table}
      label="Rotation record"
      height="rows"
      empty={<p>No password changes were confirmed in this term.</p>}
    />
  );
}
