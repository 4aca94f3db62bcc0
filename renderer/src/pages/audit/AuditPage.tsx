import { useCallback, useMemo, useState } from 'react';
import type { AuditVerify } from '../../../../shared/contract';
import { useApi } from '../../api/context';
import { DateInput } from '../../components/DateInput';
import { useLoad } from '../../hooks/use-load';
import { AuditTable } from './AuditTable';

/** The audit log with its chain check, filterable by account, action and date range. */
export function AuditPage() {
  const api = useApi();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [verify, setVerify] = useState<AuditVerify | null>(null);
  const load = useCallback(() => api.audit.list({ ...(from ? { from } : {}), ...(to ? { to } : {}) }), [api, from, to]);
  const { data } = useLoad(load);
  const loadVerify = useCallback(() => api.audit.verify(), [api]);
  const initial = useLoad(loadVerify).data;
  const chain = verify ?? initial;
  const entries = useMemo(() => data ?? [], [data]);

  return (
    <section aria-labelledby="page-title" className="page">
      <h1 id="page-title">Audit</h1>
      <section
        className={`card chain ${chain ? (chain.ok ? 'ok' : 'bad') : ''}`}
        aria-labelledby="chain-title"
        role="status"
      >
        <h2 id="chain-title">
          {chain
            ? chain.ok
              ? 'The audit log is intact'
              : 'The audit log has been altered'
            : 'Checking the audit log…'}
        </h2>
        {chain ? <p>{chain.message}</p> : null}
        <button type="button" onClick={() => void api.audit.verify().then(setVerify)}>
          Check again
        </button>
      </section>
      <div className="filters" role="group" aria-label="Date range">
        <DateInput label="From" value={from} onChange={setFrom} />
        <DateInput label="To" value={to} onChange={setTo} />
        {from || to ? (
          <button type="button" onClick={() => (setFrom(''), setTo(''))}>
            Clear dates
          </button>
        ) : null}
      </div>
      {data === null ? <p aria-busy="true">Loading the audit log…</p> : <AuditTable entries={entries} />}
    </section>
  );
}
