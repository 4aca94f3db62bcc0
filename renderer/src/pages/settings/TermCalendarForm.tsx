import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { ChannelOutput } from '../../../../shared/contract';
import { termProblems } from '../../../../shared/policy/term-calendar';
import { AsyncContent } from '../../components/AsyncContent';
import { errorMessage } from '../../components/error-message';
import { SavedNotice } from '../../components/SavedNotice';
import { useChannel, useMutate } from '../../data/queries';
import { ImportTermDatesButton } from './ImportTermDatesButton';
import { TermYearTable, type TermValues } from './TermYearTable';
import { fileInWords } from '../../format';

type Calendar = ChannelOutput<'calendar.get'>;

/** The school's term dates for this year and next; defaults are marked until saved. */
export function TermCalendarForm({ unlocked }: { unlocked: boolean }) {
  const calendar = useChannel('calendar.get', {});
  return (
    <section className="card" aria-labelledby="terms-title">
      <h2 id="terms-title">Term dates</h2>
      <p className="hint term-hint">
        Termly password changes are due in the first week of each term. Check these against your school&apos;s published
        dates.
      </p>
      <AsyncContent query={calendar} loading="Reading the term dates…">
        {(data) => <TermDates saved={data.terms} unlocked={unlocked} />}
      </AsyncContent>
    </section>
  );
}

function TermDates({ saved, unlocked }: { saved: Calendar['terms']; unlocked: boolean }) {
  // Follows what is saved: after saving or importing, the form shows the stored dates again.
  const form = useForm<TermValues>({ values: { terms: saved } });
  const save = useMutate('calendar.save', { handled: true });
  const exportCsv = useMutate('calendar.exportCsv');
  const [message, setMessage] = useState<{ text: string } | null>(null);
  const terms = form.watch('terms');
  const problems = termProblems(terms);
  // Problems about one date show beside it; only those about the calendar as a whole show below.
  const general = problems.filter((p) => p.field === null);
  const years = [...new Set(terms.map((t) => t.academicYear))];
  const submit = form.handleSubmit(async (values) => {
    const result = await save.mutateAsync({ terms: values.terms.map(({ isDefault: _d, ...t }) => t) });
    setMessage({ text: `Saved ${result.saved} terms.` });
  });

  return (
    <form noValidate onSubmit={(event) => void submit(event).catch(() => undefined)}>
      {years.map((year) => (
        <TermYearTable key={year} year={year} terms={terms} problems={problems} control={form.control} />
      ))}
      {general.length > 0 ? (
        <ul className="field-error" role="alert">
          {general.map((p) => (
            <li key={p.message}>{p.message}</li>
          ))}
        </ul>
      ) : null}
      {save.isError ? (
        <p className="field-error" role="alert">
          {errorMessage(save.error)}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={!unlocked || problems.length > 0 || save.isPending}>
          Save term dates
        </button>
        <button
          type="button"
          onClick={() =>
            exportCsv.mutate(
              {},
              { onSuccess: (r) => r.path && setMessage({ text: `Saved as ${fileInWords(r.path)}.` }) },
            )
          }
        >
          Export as CSV
        </button>
        <ImportTermDatesButton unlocked={unlocked} onImported={(text) => setMessage({ text })} />
        <SavedNotice message={message?.text ?? ''} token={message} />
      </div>
    </form>
  );
}
