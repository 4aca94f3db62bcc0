import type { Control } from 'react-hook-form';
import type { ChannelOutput } from '../../../../shared/contract';
import type { TermDateField, TermProblem } from '../../../../shared/policy/term-calendar';
import { academicYearLabel, termYearLabel } from '../../../../shared/time';
import { DateField } from '../../components/DateField';

type Terms = ChannelOutput<'calendar.get'>['terms'];
export type TermValues = { terms: Terms };

const columns: readonly (readonly [TermDateField, string])[] = [
  ['startsOn', 'Starts'],
  ['halfTermStartsOn', 'Half term from'],
  ['halfTermEndsOn', 'Half term to'],
  ['endsOn', 'Ends'],
];

/**
 * One academic year's terms as a compact table: a row per term, named by the
 * calendar year it falls in ("Spring term 2027"), a column per date. Each
 * date's accessible name is its row and column ("Spring term 2027, starts");
 * a problem with a date is shown under that date.
 */
export function TermYearTable({
  year,
  terms,
  problems,
  control,
}: {
  year: number;
  terms: Terms;
  problems: TermProblem[];
  control: Control<TermValues>;
}) {
  const rows = terms.map((t, index) => ({ t, index })).filter(({ t }) => t.academicYear === year);
  const captionId = `terms-${year}`;
  return (
    <div className="term-year">
      <h3 id={captionId}>
        School year {academicYearLabel(year)}
        {rows.some(({ t }) => t.isDefault) ? <span className="badge warn">Usual dates: check these</span> : null}
      </h3>
      <table className="term-table" aria-labelledby={captionId}>
        <thead>
          <tr>
            <th scope="col">Term</th>
            {columns.map(([key, label]) => (
              <th key={key} scope="col">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ t, index }) => {
            const name = termYearLabel(t.academicYear, t.term);
            return (
              <tr key={t.term}>
                <th scope="row">{name}</th>
                {columns.map(([key, label]) => (
                  <td key={key}>
                    <DateField
                      control={control}
                      name={`terms.${index}.${key}`}
                      label={`${name}, ${label.toLowerCase()}`}
                      labelHidden
                      error={problems.find((p) => p.index === index && p.field === key)?.detail}
                    />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
