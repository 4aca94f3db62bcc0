import { useState } from 'react';
import { AsyncContent } from '../../components/AsyncContent';
import { DateInput } from '../../components/DateInput';
import { useChannel, useMutate } from '../../data/queries';
import { AuditTable } from './AuditTable';

/** The audit log with its chain check, filterable by account, action and date range. */
export function AuditPage() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const entries = useChannel('audit.list', { ...(from ? { from } : {}), ...(to ? { to } : {}) });
  const initial = useChannel('audit.verify', {});
  const recheck = useMutate('audit.verify');
  const chain = recheck.data ?? initial.data;

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
        <button type="button" disabled={recheck.isPending} onClick={() => recheck.mutate({})}>
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
      <AsyncContent query={entries} loading="Loading the audit log…">
        {(data) => <AuditTable entries={data} />}
      </AsyncContent>
    </section>
  );
}
