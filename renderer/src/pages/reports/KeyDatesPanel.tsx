import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { contract, type KeyDate } from '../../../../shared/contract';
import type { TermName } from '../../../../shared/policy/term-calendar';
import { ukDate, weekdayName } from '../../../../shared/time';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataTable, useDataTable } from '../../components/DataTable';
import { DateField } from '../../components/DateField';
import { describedBy, FormField } from '../../components/FormField';
import { FormDialog } from '../../components/FormDialog';
import { SavedNotice } from '../../components/SavedNotice';
import { useChannel, useMutate } from '../../data/queries';

/**
 * The key dates the meeting pack lists under "Upcoming" (north-herts 3:
 * upcoming content is shared at the termly meeting "to ensure no key dates
 * or information is overlooked"): what is left of the chosen term and the
 * whole of the next, entered and changed here.
 */
interface RowActions {
  unlocked: boolean;
  edit: (d: KeyDate) => void;
  remove: (d: KeyDate) => void;
}

const dayOf = (d: KeyDate) => `${weekdayName(d.on)} ${ukDate(d.on)}`;
const column = createColumnHelper<KeyDate>();
const columns = [
  column.accessor('on', { header: 'Date', cell: (info) => dayOf(info.row.original) }),
  column.accessor('what', { header: 'What' }),
  column.display({
    id: 'change',
    header: () => <span className="sr-only">Change</span>,
    cell: ({ row: { original: d }, table }) => {
      const actions = table.options.meta as RowActions;
      return (
        <div className="actions">
          <button
            type="button"
            disabled={!actions.unlocked}
            aria-label={`Edit ${d.what}`}
            onClick={() => actions.edit(d)}
          >
            Edit
          </button>
          <button
            type="button"
            disabled={!actions.unlocked}
            aria-label={`Delete ${d.what}`}
            onClick={() => actions.remove(d)}
          >
            Delete
          </button>
        </div>
      );
    },
  }),
];

export function KeyDatesPanel({
  academicYear,
  term,
  unlocked,
}: {
  academicYear: number;
  term: TermName;
  unlocked: boolean;
}) {
  const list = useChannel('reports.keyDates', { academicYear, term });
  const remove = useMutate('reports.deleteKeyDate', { handled: true });
  const [editing, setEditing] = useState<KeyDate | 'new' | null>(null);
  const [deleting, setDeleting] = useState<KeyDate | null>(null);
  const [notice, setNotice] = useState<{ message: string } | null>(null);
  const table = useDataTable({
    data: list.data?.dates ?? [],
    columns,
    options: { getRowId: (d) => String(d.id), meta: { unlocked, edit: setEditing, remove: setDeleting } },
  });
  const ahead = list.data;
  const open = ahead !== undefined && ahead.from <= ahead.to;
  return (
    <section className="key-dates" aria-labelledby="key-dates-title">
      <div className="card-header">
        <h3 id="key-dates-title">Upcoming key dates</h3>
        <button type="button" disabled={!unlocked || !open} onClick={() => setEditing('new')}>
          Add a key date
        </button>
      </div>
      <p className="hint">
        {ahead
          ? open
            ? `Listed in the pack under “Upcoming”: from ${ukDate(ahead.from)} to ${ukDate(ahead.to)}, the rest of this term and ${ahead.nextTerm}.`
            : `This term and ${ahead.nextTerm} are over: choose a later term for its key dates.`
          : 'Reading the key dates…'}
      </p>
      <SavedNotice message={notice?.message ?? ''} token={notice} />
      <DataTable table={table} label="Upcoming key dates" height="rows" empty={<p>No key dates entered yet.</p>} />
      {editing ? (
        <KeyDateDialog
          keyDate={editing}
          academicYear={academicYear}
          term={term}
          onClose={() => setEditing(null)}
          onSaved={() => setNotice({ message: 'Key date saved.' })}
        />
      ) : null}
      <ConfirmDialog
        title="Delete this key date?"
        isOpen={deleting !== null}
        confirmLabel="Delete the key date"
        onCancel={() => setDeleting(null)}
        onConfirm={async () => {
          await remove.mutateAsync({ id: deleting!.id });
          setDeleting(null);
          setNotice({ message: 'Key date deleted.' });
        }}
      >
        {deleting ? (
          <p>
            “{deleting.what}” on {dayOf(deleting)} will no longer be listed in the meeting pack.
          </p>
        ) : null}
      </ConfirmDialog>
    </section>
  );
}

const schema = contract['reports.saveKeyDate'].input.shape.keyDate.pick({ on: true, what: true });

function KeyDateDialog({
  keyDate,
  academicYear,
  term,
  onClose,
  onSaved,
}: {
  keyDate: KeyDate | 'new';
  academicYear: number;
  term: TermName;
  onClose: () => void;
  onSaved: () => void;
}) {
  const save = useMutate('reports.saveKeyDate', { handled: true });
  const existing = keyDate === 'new' ? null : keyDate;
  return (
    <FormDialog
      title={existing ? 'Change the key date' : 'Add a key date'}
      isOpen
      onOpenChange={(isOpen) => (isOpen ? undefined : onClose())}
      schema={schema}
      defaultValues={{ on: existing?.on ?? '', what: existing?.what ?? '' }}
      submitLabel="Save the key date"
      onSubmit={async (values) => {
        await save.mutateAsync({ id: existing?.id ?? null, keyDate: { academicYear, term, ...values } });
        onSaved();
      }}
    >
      {({ control, register, formState: { errors } }) => (
        <>
          <DateField control={control} name="on" label="Date" />
          <FormField
            id="key-date-what"
            label="What"
            hint="For example: sports day, a trip, the open evening, a newsletter going out."
            error={errors.what?.message}
          >
            <input {...register('what')} {...describedBy('key-date-what', 'hint', errors.what?.message)} />
          </FormField>
        </>
      )}
    </FormDialog>
  );
}
