import { useState } from 'react';
import { useApi } from '../../api/context';
import { describedBy, FormField } from '../../components/FormField';
import { ukDate } from './report-format';
import { isValidIsoDate } from '../../../../shared/time';

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

/** Bank holidays do not count as working days when a reply is due (a setting, England and Wales by default). */
export function BankHolidaysCard({ initial, unlocked }: { initial: string[]; unlocked: boolean }) {
  const api = useApi();
  const [text, setText] = useState(toText(initial));
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  const save = async () => {
    setSaved(false);
    const { dates, problem } = fromText(text);
    if (problem) return setError(problem);
    try {
      const next = await api.settings.update({ bankHolidays: dates }, { handled: true });
      setText(toText(next.bankHolidays));
      setError(undefined);
      setSaved(true);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'The bank holidays were not saved.');
    }
  };
  return (
    <section className="card bank-holidays" aria-labelledby="holidays-title">
      <h2 id="holidays-title">Bank holidays</h2>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <FormField
          id="bank-holidays"
          label="Bank holidays (one date a line, dd/mm/yyyy)"
          hint="Replies are not due on these days. Add next year's dates when they are announced."
          error={error}
        >
          <textarea
            value={text}
            onChange={(e) => setText(e.target.value)}
            {...describedBy('bank-holidays', 'hint', error)}
          />
        </FormField>
        <div className="actions">
          <button type="submit" disabled={!unlocked}>
            Save bank holidays
          </button>
          {saved ? (
            <span role="status" className="ok-text">
              Bank holidays saved.
            </span>
          ) : null}
        </div>
      </form>
    </section>
  );
}
