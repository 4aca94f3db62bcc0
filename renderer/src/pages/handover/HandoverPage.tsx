import { useCallback, useState } from 'react';
import type { Handover } from '../../../../shared/contract';
import { useApi } from '../../api/context';
import { formatDate, formatDateTime } from '../../format';
import { useLoad } from '../../hooks/use-load';
import { useVault } from '../../vault/VaultProvider';
import { stateText } from './HandoverList';

/** One handover: each account's outcome, the checklist, and the printable record. */
export function HandoverPage({ id }: { id: number }) {
  const api = useApi();
  const { status } = useVault();
  const load = useCallback(() => api.handover.get({ id }), [api, id]);
  const { data, failed } = useLoad(load);
  const [current, setCurrent] = useState<Handover | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const h = current ?? data;
  if (failed)
    return (
      <p>
        That handover does not exist. <a href="#/handover">Back to Handover</a>
      </p>
    );
  if (!h) return <p aria-busy="true">Loading…</p>;
  const unlocked = status?.state === 'unlocked';

  return (
    <section aria-labelledby="page-title" className="page">
      <p className="breadcrumb">
        <a href="#/handover">Handover</a> / {h.person.name}
      </p>
      <div className="page-header">
        <h1 id="page-title">
          {h.person.name} <span className={`badge ${h.state === 'closed' ? 'ok' : 'warn'}`}>{stateText[h.state]}</span>
        </h1>
        <button
          type="button"
          onClick={() =>
            void api.handover
              .exportPdf({ id: h.id })
              .then((r) => setSaved(r.path ? `Saved the handover record to ${r.path}` : null))
          }
        >
          Print the handover record (PDF)
        </button>
      </div>
      {saved ? (
        <p role="status" className="notice">
          {saved}
        </p>
      ) : null}
      <p>
        {h.state === 'scheduled' ? 'Leaves' : 'Left'} on {formatDate(h.leavingOn)}. Recorded{' '}
        {formatDateTime(h.createdAt)} by {h.createdBy}.{' '}
        {h.remaining === 0 ? <strong>Everything is done.</strong> : <strong>{h.remaining} still to do.</strong>}
      </p>
      {h.items.length === 0 ? <p className="hint">No accounts were affected.</p> : null}
      {h.items.map((item) => (
        <section
          key={item.id}
          className={`card handover-item ${item.done ? 'done' : ''}`}
          aria-labelledby={`item-${item.id}`}
        >
          <h2 id={`item-${item.id}`}>
            {item.accountId ? <a href={`#/accounts/${item.accountId}`}>{item.label}</a> : item.label}{' '}
            <span className={`badge ${item.done ? 'ok' : 'warn'}`}>{item.done ? 'Done' : 'To do'}</span>
          </h2>
          <p>{item.summary}</p>
          {item.kind === 'remove-holder' ? (
            item.rotation ? (
              <p className="ok-text">
                Password changed {formatDateTime(item.rotation.confirmedAt)} by {item.rotation.confirmedBy}.
              </p>
            ) : (
              <p>
                <a href={`#/accounts/${item.accountId}`}>Change the password on the account page</a>; this item
                completes when the change is confirmed.
              </p>
            )
          ) : null}
          {item.steps.length > 0 ? (
            <ul className="checklist">
              {item.steps.map((s) => (
                <li key={s.step}>
                  <label className="inline">
                    <input
                      type="checkbox"
                      checked={s.doneOn !== null}
                      disabled={!unlocked}
                      onChange={(e) =>
                        void api.handover
                          .tick({ itemId: item.id, step: s.step, done: e.target.checked })
                          .then(setCurrent)
                      }
                    />{' '}
                    {s.label}
                    {s.doneOn ? <span className="muted"> ({formatDate(s.doneOn)})</span> : null}
                  </label>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
    </section>
  );
}
