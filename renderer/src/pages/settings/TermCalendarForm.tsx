import { useCallback, useState } from 'react';
import { validateTerms, termLabels, type Term } from '../../../../shared/policy/term-calendar';
import { useApi } from '../../api/context';
import { DateInput } from '../../components/DateInput';
import { useLoad } from '../../hooks/use-load';

type EditableTerm = Term & { isDefault: boolean };
const fields = [
  ['startsOn', 'Starts'],
  ['halfTermStartsOn', 'Half term starts'],
  ['halfTermEndsOn', 'Half term ends'],
  ['endsOn', 'Ends'],
] as const;

/** The school's term dates for this year and next; defaults are marked until saved. */
export function TermCalendarForm({ unlocked }: { unlocked: boolean }) {
  const api = useApi();
  const load = useCallback(() => api.calendar.get(), [api]);
  const { data, reload } = useLoad(load);
  // Unsaved edits; until the first edit the form shows what is stored.
  const [edited, setTerms] = useState<EditableTerm[] | null>(null);
  const terms = edited ?? data?.terms ?? [];
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const problems = validateTerms(terms);
  const update = (index: number, key: (typeof fields)[number][0], value: string) =>
    setTerms(terms.map((t, i) => (i === index ? { ...t, [key]: value } : t)));
  const save = () => {
    setError(null);
    api.calendar
      .save({ terms: terms.map(({ isDefault: _d, ...t }) => t) }, { handled: true })
      .then((r) => {
        setMessage(`Saved ${r.saved} terms.`);
        setTerms(null);
        reload();
      })
      .catch((e: Error) => setError(e.message));
  };
  const years = [...new Set(terms.map((t) => t.academicYear))];
  return (
    <section className="card" aria-labelledby="terms-title">
      <h2 id="terms-title">Term dates</h2>
      <p className="hint">
        Termly password changes are due in the first week of each term. Check these against your school&apos;s published
        dates.
      </p>
      {years.map((year) => (
        <fieldset key={year}>
          <legend>
            {year}/{String((year + 1) % 100).padStart(2, '0')}
            {terms.some((t) => t.academicYear === year && t.isDefault) ? (
              <span className="badge warn"> Defaults: check these</span>
            ) : null}
          </legend>
          {terms.map((t, index) =>
            t.academicYear === year ? (
              <div key={t.term} className="term-row" role="group" aria-label={`${termLabels[t.term]} ${year}`}>
                <strong>{termLabels[t.term]}</strong>
                {fields.map(([key, label]) => (
                  <DateInput
                    key={key}
                    label={`${termLabels[t.term]} ${year}: ${label.toLowerCase()}`}
                    value={t[key]}
                    onChange={(v) => update(index, key, v)}
                  />
                ))}
              </div>
            ) : null,
          )}
        </fieldset>
      ))}
      {problems.length > 0 ? (
        <ul className="field-error" role="alert">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="actions">
        <button type="button" className="primary" disabled={!unlocked || problems.length > 0} onClick={save}>
          Save term dates
        </button>
        <button
          type="button"
          onClick={() => void api.calendar.exportCsv().then((r) => r.path && setMessage(`Saved to ${r.path}`))}
        >
          Export as CSV
        </button>
        <button
          type="button"
          disabled={!unlocked}
          onClick={() =>
            void api.calendar.importCsv().then((r) => {
              if (r.path) {
                setMessage(`Imported ${r.saved} terms from ${r.path}`);
                setTerms(null);
                reload();
              }
            })
          }
        >
          Import from CSV
        </button>
        {message ? <span role="status">{message}</span> : null}
      </div>
    </section>
  );
}
