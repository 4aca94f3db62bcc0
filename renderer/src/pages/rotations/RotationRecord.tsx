import { useCallback, useState } from 'react';
import { termLabels, termNames, type TermName } from '../../../../shared/policy/term-calendar';
import { useApi } from '../../api/context';
import { formatDate } from '../../format';
import { useLoad } from '../../hooks/use-load';
import { todayIso } from '../../hooks/use-people';

function currentAcademicYear(): number {
  const [y, m] = todayIso().split('-').map(Number) as [number, number];
  return m >= 9 ? y : y - 1;
}

/** Which accounts were rotated in a chosen term and by whom; exportable as CSV. */
export function RotationRecord() {
  const api = useApi();
  const [year, setYear] = useState(currentAcademicYear());
  const [term, setTerm] = useState<TermName>('autumn');
  const [saved, setSaved] = useState<string | null>(null);
  const load = useCallback(() => api.rotations.record({ academicYear: year, term }), [api, year, term]);
  const { data } = useLoad(load);
  return (
    <section className="card" aria-labelledby="record-title">
      <h2 id="record-title">Termly rotation record</h2>
      <div className="filters">
        <div className="field">
          <label htmlFor="record-year">Academic year</label>
          <select id="record-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {[currentAcademicYear() - 1, currentAcademicYear(), currentAcademicYear() + 1].map((y) => (
              <option key={y} value={y}>
                {y}/{String((y + 1) % 100).padStart(2, '0')}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="record-term">Term</label>
          <select id="record-term" value={term} onChange={(e) => setTerm(e.target.value as TermName)}>
            {termNames.map((t) => (
              <option key={t} value={t}>
                {termLabels[t]}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          onClick={() =>
            void api.rotations
              .exportRecord({ academicYear: year, term })
              .then((r) => setSaved(r.path ? `Saved ${r.rows} rows to ${r.path}` : null))
          }
        >
          Export as CSV
        </button>
      </div>
      {saved ? (
        <p role="status" className="notice">
          {saved}
        </p>
      ) : null}
      {!data || data.length === 0 ? (
        <p className="hint">No password changes were confirmed in this term.</p>
      ) : (
        <table className="data-table" aria-label="Rotation record">
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Changed on</th>
              <th scope="col">By</th>
              <th scope="col">Why</th>
              <th scope="col">Holders told</th>
            </tr>
          </thead>
          <tbody>
            {data.map((r) => (
              <tr key={r.rotationId}>
                <td>{r.label}</td>
                <td>{formatDate(r.confirmedAt)}</td>
                <td>{r.confirmedBy}</td>
                <td>{r.reason}</td>
                <td>{r.told.join('; ') || 'Not recorded'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
