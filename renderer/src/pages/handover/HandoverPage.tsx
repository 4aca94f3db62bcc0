import type { Handover, HandoverItem } from '../../../../shared/contract';
import { ukDate, ukDateTime } from '../../../../shared/time';
import { AsyncContent } from '../../components/AsyncContent';
import { SavedNotice } from '../../components/SavedNotice';
import { useChannel, useMutate } from '../../data/queries';
import { useVault } from '../../vault/VaultProvider';
import { stateText } from './HandoverList';
import './handover.css';

/** One handover: each account's outcome, the checklist, and the printable record. */
export function HandoverPage({ id }: { id: number }) {
  const handover = useChannel('handover.get', { id });
  return (
    <AsyncContent
      query={handover}
      failed={
        <>
          That handover does not exist. <a href="#/handover">Back to Handover</a>
        </>
      }
    >
      {(h) => <HandoverView handover={h} />}
    </AsyncContent>
  );
}

function HandoverView({ handover: h }: { handover: Handover }) {
  const exportPdf = useMutate('handover.exportPdf');
  const saved = exportPdf.data?.path ?? null;
  return (
    <section aria-labelledby="page-title" className="page">
      <p className="breadcrumb">
        <a href="#/handover">Handover</a> / {h.person.name}
      </p>
      <div className="page-header">
        <h1 id="page-title">
          {h.person.name} <span className={`badge ${h.state === 'closed' ? 'ok' : 'warn'}`}>{stateText[h.state]}</span>
        </h1>
        <button type="button" disabled={exportPdf.isPending} onClick={() => exportPdf.mutate({ id: h.id })}>
          Print the handover record (PDF)
        </button>
      </div>
      <SavedNotice message={`Saved the handover record to ${saved}`} token={saved ? exportPdf.data : null} />
      <p>
        {h.state === 'scheduled' ? 'Leaves' : 'Left'} on {ukDate(h.leavingOn)}. Recorded {ukDateTime(h.createdAt)} by{' '}
        {h.createdBy}. {h.remaining === 0 ? <strong>Everything is done.</strong> : null}
      </p>
      {h.remaining > 0 ? (
        <section className="card still-to-do" aria-labelledby="left-title">
          <h2 id="left-title">Still to do ({h.remaining})</h2>
          <ul data-testid="still-to-do">
            {h.items
              .filter((item) => !item.done)
              .map((item) => (
                <li key={item.id}>{whatIsLeft(item)}</li>
              ))}
          </ul>
        </section>
      ) : null}
      {h.items.length === 0 ? <p className="hint">No accounts were affected.</p> : null}
      {h.items.map((item) => (
        <HandoverItemCard key={item.id} item={item} />
      ))}
    </section>
  );
}

/** One open item in a sentence, for the "Still to do" list. */
function whatIsLeft(item: HandoverItem): string {
  const open = item.steps.filter((s) => s.doneOn === null);
  switch (item.kind) {
    case 'remove-holder':
      return `Change the password of ${item.label}.`;
    case 'close-account':
      return `Close ${item.label}: ${open.length} of ${item.steps.length} steps left.`;
    case 'acknowledged':
      return `${item.label}: ${item.summary.split(' Acknowledged:')[0]}`;
    default:
      return `${item.label}: ${open.map((s) => s.label).join('; ') || item.summary}.`;
  }
}

function HandoverItemCard({ item }: { item: HandoverItem }) {
  const { status } = useVault();
  const tick = useMutate('handover.tick');
  const unlocked = status?.state === 'unlocked';
  return (
    <section className={`card handover-item ${item.done ? 'done' : ''}`} aria-labelledby={`item-${item.id}`}>
      <h2 id={`item-${item.id}`}>
        {item.accountId ? <a href={`#/accounts/${item.accountId}`}>{item.label}</a> : item.label}{' '}
        <span className={`badge ${item.done ? 'ok' : 'warn'}`}>{item.done ? 'Done' : 'To do'}</span>
      </h2>
      <p>{item.summary}</p>
      {item.kind === 'remove-holder' ? (
        item.rotation ? (
          <p className="ok-text">
            Password changed {ukDateTime(item.rotation.confirmedAt)} by {item.rotation.confirmedBy}.
          </p>
        ) : (
          <p>
            <a href={`#/accounts/${item.accountId}`}>Change the password on the account page</a>; this item completes
            when the change is confirmed.
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
                  onChange={(e) => tick.mutate({ itemId: item.id, step: s.step, done: e.target.checked })}
                />{' '}
                {s.label}
                {s.doneOn ? <span className="muted"> ({ukDate(s.doneOn)})</span> : null}
              </label>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
