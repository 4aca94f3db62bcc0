import { useState } from 'react';
import type { PeriodRefInput } from '../../../shared/contract';
import { periodProblems } from '../../../shared/policy/report-period';
import { termLabels, termNames, type TermName } from '../../../shared/policy/term-calendar';
import { academicYearLabel } from '../../../shared/time';
import { DateInput } from './DateInput';

export type TermRef = Extract<PeriodRefInput, { kind: 'term' }>;

type Props = { years: number[]; idPrefix?: string; legend?: string } & (
  | { termOnly?: false; value: PeriodRefInput; onChange: (next: PeriodRefInput) => void }
  | { termOnly: true; value: TermRef; onChange: (next: TermRef) => void }
);

/**
 * The one year-and-term picker: a term (the default) or any date range. A
 * range is passed on only once it is valid; until then its problem is shown
 * beside the dates. `termOnly` leaves out the range, for what is kept by
 * term (the rotation record, the meeting pack).
 */
export function PeriodPicker(props: Props) {
  const { value, years, idPrefix = 'period', termOnly = false } = props;
  const legend = props.legend ?? (termOnly ? 'Which term' : 'Period');
  // Term-only pickers never offer a range, so they only ever pass on a term.
  const onChange = props.onChange as (next: PeriodRefInput) => void;
  const [range, setRange] = useState(
    value.kind === 'range' ? { from: value.from, to: value.to } : { from: '', to: '' },
  );
  const [lastTerm, setLastTerm] = useState(
    value.kind === 'term'
      ? { academicYear: value.academicYear, term: value.term }
      : { academicYear: years[0]!, term: 'autumn' as TermName },
  );
  const problem = range.from && range.to ? (periodProblems(range.from, range.to)[0] ?? null) : null;
  const setDates = (next: { from: string; to: string }) => {
    setRange(next);
    if (next.from && next.to && periodProblems(next.from, next.to).length === 0) onChange({ kind: 'range', ...next });
  };
  const setTerm = (next: { academicYear: number; term: TermName }) => {
    setLastTerm(next);
    onChange({ kind: 'term', ...next });
  };
  return (
    <fieldset className={termOnly ? 'period-picker term-only' : 'period-picker'}>
      <legend className={termOnly ? 'sr-only' : undefined}>{legend}</legend>
      {termOnly ? null : (
        <div className="field">
          <label htmlFor={`${idPrefix}-kind`}>Cover</label>
          <select
            id={`${idPrefix}-kind`}
            value={value.kind}
            onChange={(e) => (e.target.value === 'term' ? setTerm(lastTerm) : setDates(range))}
          >
            <option value="term">A term</option>
            <option value="range">Dates I choose</option>
          </select>
        </div>
      )}
      {value.kind === 'term' ? (
        <>
          <div className="field">
            <label htmlFor={`${idPrefix}-year`}>Academic year</label>
            <select
              id={`${idPrefix}-year`}
              value={value.academicYear}
              onChange={(e) => setTerm({ ...lastTerm, academicYear: Number(e.target.value) })}
            >
              {years.map((y) => (
                <option key={y} value={y}>
                  {academicYearLabel(y)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${idPrefix}-term`}>Term</label>
            <select
              id={`${idPrefix}-term`}
              value={value.term}
              onChange={(e) => setTerm({ ...lastTerm, term: e.target.value as TermName })}
            >
              {termNames.map((t) => (
                <option key={t} value={t}>
                  {termLabels[t]}
                </option>
              ))}
            </select>
          </div>
        </>
      ) : (
        <>
          <DateInput label="From" value={range.from} onChange={(from) => setDates({ ...range, from })} />
          <DateInput label="To" value={range.to} onChange={(to) => setDates({ ...range, to })} />
          {problem ? (
            <p className="field-error" role="alert">
              {problem}
            </p>
          ) : null}
        </>
      )}
    </fieldset>
  );
}
