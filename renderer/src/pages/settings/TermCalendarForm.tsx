import { useState } from 'react';
import { useForm, type UseFormReturn } from 'react-hook-form';
import type { ChannelOutput } from '../../../../shared/contract';
import { validateTerms, termLabels } from '../../../../shared/policy/term-calendar';
import { academicYearLabel } from '../../../../shared/time';
import { AsyncContent } from '../../components/AsyncContent';
import { DateField } from '../../components/DateField';
import { errorMessage } from '../../components/error-message';
import { SavedNotice } from '../../components/SavedNotice';
import { useChannel, useMutate } from '../../data/queries';
import { ImportTermDatesButton } from './ImportTermDatesButton';

type Calendar = ChannelOutput<'calendar.get'>;
type TermValues = { terms: Calendar['terms'] };
const fields = [
  ['startsOn', 'Starts'],
  ['halfTermStartsOn', 'Half term starts'],
  ['halfTermEndsOn', 'Half term ends'],
  ['endsOn', 'Ends'],
] as const;

/** The school's term dates for this year and next; defaults are marked until saved. */
export function TermCalendarForm({ unlocked }: { unlocked: boolean }) {
  const calendar = useChannel('calendar.get', {});
  return (
    <section className="card" aria-labelledby="terms-title">
      <h2 id="terms-title">Term dates</h2>
      <p className="hint">
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
  const problems = validateTerms(terms);
  const years = [...new Set(terms.map((t) => t.academicYear))];
  const submit = form.handleSubmit(async (values) => {
    const result = await save.mutateAsync({ terms: values.terms.map(({ isDefault: _d, ...t }) => t) });
    setMessage({ text: `Saved ${result.saved} terms.` });
  });

  return (
    <form noValidate onSubmit={(event) => void submit(event).catch(() => undefined)}>
      {years.map((year) => (
        <YearTerms key={year} year={year} terms={terms} form={form} />
      ))}
      {problems.length > 0 ? (
        <ul className="field-error" role="alert">
          {problems.map((p) => (
            <li key={p}>{p}</li>
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
            exportCsv.mutate({}, { onSuccess: (r) => r.path && setMessage({ text: `Saved to ${r.path}` }) })
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

/** One academic year's three terms, each with its four dates. */
function YearTerms({ year, terms, form }: { year: number; terms: Calendar['terms']; form: UseFormReturn<TermValues> }) {
  return (
    <fieldset>
      <legend>
        {academicYearLabel(year)}
        {terms.some((t) => t.academicYear === year && t.isDefault) ? (
          <span className="badge warn"> Defaults: check these</span>
        ) : null}
      </legend>
      {terms.map((t, index) =>
        t.academicYear === year ? (
          <div key={t.term} className="term-row" role="group" aria-label={`${termLabels[t.term]} ${year}`}>
            <strong>{termLabels[t.term]}</strong>
            {fields.map(([key, label]) => (
              <DateField
                key={key}
                control={form.control}
                name={`terms.${index}.${key}`}
                label={`${termLabels[t.term]} ${year}: ${label.toLowerCase()}`}
              />
            ))}
          </div>
        ) : null,
      )}
    </fieldset>
  );
}
