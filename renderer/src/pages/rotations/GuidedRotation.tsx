import { useState } from 'react';
import type { RotationRow } from '../../../../shared/contract';
import { AsyncContent } from '../../components/AsyncContent';
import { useChannel, useMutate } from '../../data/queries';
import { PendingRotation } from './PendingRotation';
import { changeNeeded } from '../../../../shared/policy/account-status';
import { stateLabels } from './rotation-labels';

const isDue = (r: RotationRow) => changeNeeded(r) !== null;

/**
 * "Rotate all due": one account at a time, in order of urgency. Each change
 * is a full two-phase rotation; skipping leaves that account as it was.
 */
export function GuidedRotation() {
  const rows = useChannel('rotations.list', {});
  return (
    <section aria-labelledby="page-title" className="page">
      <p className="breadcrumb">
        <a href="#/rotations">Rotations</a> / Rotate all due
      </p>
      <h1 id="page-title">Rotate all due</h1>
      <AsyncContent query={rows} loading="Finding the accounts that are due…">
        {(list) => <Walkthrough rows={list} />}
      </AsyncContent>
    </section>
  );
}

function Walkthrough({ rows }: { rows: RotationRow[] }) {
  // The accounts due when the walk-through began: a confirmed change must not reshuffle what is left.
  const [queue] = useState(() => rows.filter(isDue));
  const [index, setIndex] = useState(0);
  const [rotationId, setRotationId] = useState<number | null>(null);
  const [done, setDone] = useState<string[]>([]);
  const detail = useChannel('rotations.get', { rotationId: rotationId ?? 0 }, { enabled: rotationId !== null }).data;
  const start = useMutate('rotations.start');
  const current = queue[index];
  // Whether a change is under way is read live: one may have been started since the walk-through began.
  const pending = rows.find((r) => r.accountId === current?.accountId)?.pending ?? current?.pending ?? null;
  const next = () => {
    setRotationId(null);
    setIndex((i) => i + 1);
  };

  if (!current) {
    return (
      <div className="empty-state">
        <p>
          <strong>All done.</strong> {done.length > 0 ? `Changed: ${done.join(', ')}.` : 'Nothing was changed.'}{' '}
          <a href="#/rotations">Back to Rotations</a>
        </p>
      </div>
    );
  }
  const shown = rotationId !== null && detail?.rotationId === rotationId ? detail : null;
  return (
    <section className="card" aria-labelledby="guided-account">
      <p className="hint">
        Account {index + 1} of {queue.length}
      </p>
      <h2 id="guided-account">
        {current.label} <span className="badge warn">{stateLabels[current.state]}</span>
      </h2>
      {shown ? (
        <PendingRotation
          detail={shown}
          onConfirmed={() => setDone((list) => [...list, current.label])}
          onAbandoned={next}
        />
      ) : (
        <p>{current.state === 'required' ? current.reason : 'The termly change is due.'}</p>
      )}
      <div className="actions">
        {rotationId === null && !pending ? (
          <button
            type="button"
            className="primary"
            disabled={start.isPending}
            onClick={() =>
              start.mutate(
                {
                  accountId: current.accountId,
                  reason: current.state === 'required' ? current.reason : 'Termly change',
                },
                { onSuccess: (started) => setRotationId(started.rotationId) },
              )
            }
          >
            Start the change
          </button>
        ) : null}
        {rotationId === null && pending ? (
          <button type="button" className="primary" onClick={() => setRotationId(pending.rotationId)}>
            Continue the change under way
          </button>
        ) : null}
        <button type="button" onClick={next}>
          {shown?.status === 'confirmed' ? 'Next account' : 'Skip this account'}
        </button>
      </div>
    </section>
  );
}
