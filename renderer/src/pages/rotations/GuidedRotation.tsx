import { useCallback, useState } from 'react';
import type { RotationDetail } from '../../../../shared/contract';
import { useApi } from '../../api/context';
import { useLoad } from '../../hooks/use-load';
import { PendingRotation } from './PendingRotation';
import { stateLabels } from './rotation-labels';

/**
 * "Rotate all due": one account at a time, in order of urgency. Each change
 * is a full two-phase rotation; skipping leaves that account as it was.
 */
export function GuidedRotation() {
  const api = useApi();
  const load = useCallback(
    () =>
      api.rotations
        .list()
        .then((rows) => rows.filter((r) => r.state === 'required' || r.state === 'overdue' || r.state === 'due')),
    [api],
  );
  const { data: queue } = useLoad(load);
  const [index, setIndex] = useState(0);
  const [detail, setDetail] = useState<RotationDetail | null>(null);
  const [done, setDone] = useState<string[]>([]);
  if (!queue) return <p aria-busy="true">Finding the accounts that are due…</p>;
  const current = queue[index];
  const next = () => {
    setDetail(null);
    setIndex((i) => i + 1);
  };

  return (
    <section aria-labelledby="page-title" className="page">
      <p className="breadcrumb">
        <a href="#/rotations">Rotations</a> / Rotate all due
      </p>
      <h1 id="page-title">Rotate all due</h1>
      {!current ? (
        <div className="empty-state">
          <p>
            <strong>All done.</strong> {done.length > 0 ? `Changed: ${done.join(', ')}.` : 'Nothing was changed.'}{' '}
            <a href="#/rotations">Back to Rotations</a>
          </p>
        </div>
      ) : (
        <section className="card" aria-labelledby="guided-account">
          <p className="hint">
            Account {index + 1} of {queue.length}
          </p>
          <h2 id="guided-account">
            {current.label} <span className="badge warn">{stateLabels[current.state]}</span>
          </h2>
          {detail ? (
            <PendingRotation
              detail={detail}
              onChanged={(d) => {
                if (d.status === 'confirmed' && detail.status === 'pending')
                  setDone((list) => [...list, current.label]);
                if (d.status === 'abandoned') next();
                else setDetail(d);
              }}
            />
          ) : (
            <p>{current.state === 'required' ? current.reason : 'The termly change is due.'}</p>
          )}
          <div className="actions">
            {!detail && !current.pending ? (
              <button
                type="button"
                className="primary"
                onClick={() =>
                  void api.rotations
                    .start({
                      accountId: current.accountId,
                      reason: current.state === 'required' ? current.reason : 'Termly change',
                    })
                    .then(setDetail)
                }
              >
                Start the change
              </button>
            ) : null}
            {!detail && current.pending ? (
              <button
                type="button"
                className="primary"
                onClick={() => void api.rotations.get({ rotationId: current.pending!.rotationId }).then(setDetail)}
              >
                Continue the change under way
              </button>
            ) : null}
            <button type="button" onClick={next}>
              {detail?.status === 'confirmed' ? 'Next account' : 'Skip this account'}
            </button>
          </div>
        </section>
      )}
    </section>
  );
}
