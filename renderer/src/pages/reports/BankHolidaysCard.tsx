import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { isValidIsoDate, ukDate } from '../../../../shared/time';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { errorMessage } from '../../components/error-message';
import { describedBy, FormField } from '../../components/FormField';
import { SavedNotice } from '../../components/SavedNotice';
import { useMutate } from '../../data/queries';

/** dd/mm/yyyy, one a line, both ways; the setting stores ISO dates. */
const toText = (dates: string[]) => dates.map(ukDate).join('\n');

function fromText(text: string): { dates: string[]; problem: string | null } {
  const dates: string[] = [];
  for (const line of text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)) {
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(line);
    const iso = m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : '';
    if (!isValidIsoDate(iso)) return { dates, problem: `“${line}” is not a date in the form dd/mm/yyyy.` };
    dates.push(iso);
  }
  return { dates: [...new Set(dates)].sort(), problem: null };
}

/** The text typed, read as the sorted list of dates it names; a line that is not a date is refused by name. */
const schema = z.object({
  bankHolidays: z.string().transform((text, ctx) => {
    const { dates, problem } = fromText(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
    return dates;
  }),
});

/** Bank holidays do not count as working days when a reply is due (a setting, England and Wales by default). */
export function BankHolidaysCard({ saved, unlocked }: { saved: string[]; unlocked: boolean }) {
  const update = useMutate('settings.update', { handled: true });
  const { register, handleSubmit, formState } = useForm({
    resolver: zodResolver(schema),
    // Follows the saved setting, so after saving the dates show sorted and without repeats.
    values: { bankHolidays: toText(saved) },
  });
  const error =
    formState.errors.bankHolidays?.message ??
    (update.isError ? errorMessage(update.error, 'The bank holidays were not saved.') : undefined);
  // Saving a list that drops dates asks first, naming them: replies would fall due on those days.
  const [dropping, setDropping] = useState<{ dates: string[]; removed: string[] } | null>(null);
  const submit = handleSubmit((values) => {
    const removed = saved.filter((d) => !values.bankHolidays.includes(d));
    if (removed.length > 0) return setDropping({ dates: values.bankHolidays, removed });
    return update.mutateAsync(values).catch(() => undefined);
  });
  return (
    <section className="card bank-holidays" aria-labelledby="holidays-title">
      <h2 id="holidays-title">Bank holidays</h2>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <FormField
          id="bank-holidays"
          label="Bank holidays (one date a line, dd/mm/yyyy)"
          hint="Replies are not due on these days. Add next year's dates when they are announced."
          error={error}
        >
          <textarea {...register('bankHolidays')} {...describedBy('bank-holidays', 'hint', error)} />
        </FormField>
        <div className="actions">
          <button type="submit" disabled={!unlocked || formState.isSubmitting}>
            Save bank holidays
          </button>
          <SavedNotice message="Bank holidays saved." token={update.isSuccess ? update.data : null} />
        </div>
      </form>
      <ConfirmDialog
        title={`Remove ${dropping?.removed.length === 1 ? 'a bank holiday' : `${dropping?.removed.length ?? 0} bank holidays`}?`}
        isOpen={dropping !== null}
        confirmLabel="Save without them"
        onCancel={() => setDropping(null)}
        onConfirm={async () => {
          await update.mutateAsync({ bankHolidays: dropping!.dates });
          setDropping(null);
        }}
      >
        <p>Replies to comments will be due on {dropping?.removed.length === 1 ? 'this day' : 'these days'} again:</p>
        <ul>
          {dropping?.removed.map((d) => (
            <li key={d}>{ukDate(d)}</li>
          ))}
        </ul>
      </ConfirmDialog>
    </section>
  );
}
