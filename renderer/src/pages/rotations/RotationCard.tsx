import { useState } from 'react';
import { contract, type Account, type RotationRow } from '../../../../shared/contract';
import { ukDate } from '../../../../shared/time';
import { describedBy, FormField } from '../../components/FormField';
import { FormDialog } from '../../components/FormDialog';
import { useChannel, useMutate } from '../../data/queries';
import { PendingRotation } from './PendingRotation';
import { policyLabel, rotationBadge } from './rotation-labels';

type PolicyKind = RotationRow['policy']['kind'];
const threatSchema = contract['rotations.reportThreat'].input.pick({ reason: true });

/**
 * On the account page: rotation policy and state, start a change, report a
 * threat. Everything here refreshes through the query cache.
 */
export function RotationCard({ account, unlocked }: { account: Account; unlocked: boolean }) {
  const row = useChannel('rotations.list', {}).data?.find((r) => r.accountId === account.id) ?? null;
  // The change last under way stays shown once it is confirmed, so the holders can be ticked off as told.
  const [lastPending, setLastPending] = useState<number | null>(null);
  const pendingId = row?.pending?.rotationId ?? null;
  if (pendingId !== null && pendingId !== lastPending) setLastPending(pendingId);
  const shownId = pendingId ?? lastPending;
  const detail = useChannel('rotations.get', { rotationId: shownId ?? 0 }, { enabled: shownId !== null }).data;
  const start = useMutate('rotations.start');
  const setPolicy = useMutate('rotations.setPolicy');
  const reportThreat = useMutate('rotations.reportThreat', { handled: true });
  const [threatOpen, setThreatOpen] = useState(false);
  if (!row) return null;

  const choosePolicy = (kind: PolicyKind) =>
    setPolicy.mutate({ accountId: account.id, policy: kind === 'days' ? { kind, days: 90 } : { kind } });

  return (
    <section className="card" aria-labelledby="rotation-title">
      <div className="card-header">
        <h2 id="rotation-title">Password changes</h2>
        <div className="actions">
          <button
            type="button"
            className={row.state === 'required' || row.state === 'overdue' ? 'primary' : ''}
            disabled={!unlocked || !account.hasPassword || row.pending !== null || start.isPending}
            onClick={() =>
              start.mutate({
                accountId: account.id,
                reason: row.state === 'required' ? row.reason : `${policyLabel(row.policy)} change`,
              })
            }
          >
            Change the password now
          </button>
          <button type="button" disabled={!unlocked} onClick={() => setThreatOpen(true)}>
            Report a security threat
          </button>
        </div>
      </div>
      <RotationFacts row={row} unlocked={unlocked} onPolicy={choosePolicy} />
      {!account.hasPassword ? (
        <p className="hint">Store the current password first; then Keyholder can guide a change.</p>
      ) : null}
      {detail && (detail.status === 'pending' || detail.status === 'confirmed') ? (
        <PendingRotation detail={detail} />
      ) : null}
      <ThreatDialog
        account={account}
        isOpen={threatOpen}
        onOpenChange={setThreatOpen}
        onReport={(reason) => reportThreat.mutateAsync({ accountId: account.id, reason })}
      />
    </section>
  );
}

/** State, last and next change, and how often the password changes (chosen here). */
function RotationFacts({
  row,
  unlocked,
  onPolicy,
}: {
  row: RotationRow;
  unlocked: boolean;
  onPolicy: (kind: PolicyKind) => void;
}) {
  return (
    <dl className="facts">
      <dt>State</dt>
      <dd>
        <span className={`badge ${rotationBadge(row).badge}`}>{rotationBadge(row).text}</span>{' '}
        {row.state === 'required' ? row.reason : null}
      </dd>
      <dt>Last changed</dt>
      <dd>{row.lastRotatedOn ? ukDate(row.lastRotatedOn) : 'No password stored yet'}</dd>
      <dt>Next due</dt>
      <dd>
        {row.lastRotatedOn === null && row.state !== 'required'
          ? 'Scheduled once the password is stored'
          : row.dueBy
            ? `by ${ukDate(row.dueBy)}`
            : 'Not scheduled'}
      </dd>
      <dt>
        <label htmlFor="rotation-policy">How often</label>
      </dt>
      <dd>
        <select
          id="rotation-policy"
          disabled={!unlocked}
          value={row.policy.kind}
          onChange={(e) => onPolicy(e.target.value as PolicyKind)}
        >
          <option value="termly">Every term (policy default)</option>
          <option value="half-termly">Every half term</option>
          <option value="days">Every 90 days</option>
          <option value="manual">Manual only</option>
        </select>
      </dd>
    </dl>
  );
}

/** A security threat: the password is marked to change at once, with what happened recorded. */
function ThreatDialog({
  account,
  isOpen,
  onOpenChange,
  onReport,
}: {
  account: Account;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onReport: (reason: string) => Promise<unknown>;
}) {
  return (
    <FormDialog
      title={`Report a security threat on ${account.handle}`}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      schema={threatSchema}
      defaultValues={{ reason: '' }}
      submitLabel="Report and require a change"
      onSubmit={({ reason }) => onReport(reason)}
    >
      {({ register, formState: { errors } }) => (
        <>
          <p>The password will be marked to change at once, as the school policy requires after any security threat.</p>
          <FormField
            id="threat-reason"
            label="What happened"
            hint="For example: phishing email clicked, suspicious sign-in, laptop lost."
            error={errors.reason?.message}
          >
            <textarea
              rows={3}
              {...register('reason')}
              {...describedBy('threat-reason', 'hint', errors.reason?.message)}
            />
          </FormField>
        </>
      )}
    </FormDialog>
  );
}
