import { useCallback, useState } from 'react';
import type { HandoverPlan } from '../../../../shared/contract';
import { useApi } from '../../api/context';
import { DateInput } from '../../components/DateInput';
import { formatDate } from '../../format';
import { useLoad } from '../../hooks/use-load';
import { todayIso } from '../../hooks/use-people';
import { useRoute } from '../../hooks/use-route';
import { PlanAccountCard, type Decision } from './PlanAccountCard';

/**
 * Record a departure: choose the date, decide for each account (new lead or
 * close; acknowledge anything that leaves it short), review, then apply
 * everything in one go.
 */
export function DepartureWizard({ personId }: { personId: number }) {
  const api = useApi();
  const { navigate } = useRoute();
  const loadPerson = useCallback(() => api.people.get({ id: personId }), [api, personId]);
  const person = useLoad(loadPerson).data;
  const [leavingOn, setLeavingOn] = useState(todayIso());
  const [plan, setPlan] = useState<HandoverPlan | null>(null);
  const [decisions, setDecisions] = useState<Record<number, Decision>>({});
  const [successorId, setSuccessorId] = useState('');
  const [reviewing, setReviewing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!person) return <p aria-busy="true">Loading…</p>;

  const build = () => {
    setError(null);
    setReviewing(false);
    api.handover.plan({ personId, leavingOn }, { handled: true }).then(
      (p) => {
        setPlan(p);
        setDecisions({});
      },
      (e: Error) => setError(e.message),
    );
  };
  const missing =
    plan?.accounts.filter((a) => {
      const d = decisions[a.accountId];
      if (a.leads && (!d || (d.action === 'transfer' && !d.newLeadId))) return true;
      return a.blocking.length > 0 && d?.action !== 'close' && !(d?.reason ?? '').trim();
    }) ?? [];
  const execute = () => {
    if (!plan) return;
    setError(null);
    const leads = plan.accounts
      .filter((a) => a.leads)
      .map((a) => {
        const d = decisions[a.accountId]!;
        return d.action === 'close'
          ? { accountId: a.accountId, action: 'close' as const }
          : { accountId: a.accountId, action: 'transfer' as const, newLeadId: d.newLeadId! };
      });
    const acknowledgements = plan.accounts
      .filter((a) => a.blocking.length > 0 && (decisions[a.accountId]?.reason ?? '').trim())
      .map((a) => ({ accountId: a.accountId, reason: decisions[a.accountId]!.reason!.trim() }));
    api.handover
      .execute(
        { personId, leavingOn, leads, acknowledgements, successorId: successorId ? Number(successorId) : null },
        { handled: true },
      )
      .then(
        (h) => navigate(`/handover/${h.id}`),
        (e: Error) => setError(e.message),
      );
  };

  return (
    <section aria-labelledby="page-title" className="page">
      <p className="breadcrumb">
        <a href={`#/people/${personId}`}>{person.name}</a> / Record departure
      </p>
      <h1 id="page-title">Record the departure of {person.name}</h1>
      <div className="filters">
        <DateInput label="Leaving on" value={leavingOn} onChange={(v) => (setLeavingOn(v), setPlan(null))} />
        <button type="button" className="primary" onClick={build} disabled={!leavingOn}>
          Plan the handover
        </button>
      </div>
      {plan ? (
        <>
          {plan.accounts.length === 0 ? (
            <p>{person.name} leads, holds and runs no accounts. Recording the departure only updates their record.</p>
          ) : null}
          {plan.accounts.map((a) => (
            <PlanAccountCard
              key={a.accountId}
              account={a}
              decision={decisions[a.accountId]}
              onChange={(d) => setDecisions((all) => ({ ...all, [a.accountId]: d }))}
            />
          ))}
          {plan.person.isAdministrator ? (
            <section className="card" aria-labelledby="admin-title">
              <h2 id="admin-title">The account administrator role</h2>
              <div className="field">
                <label htmlFor="successor">Successor</label>
                <select id="successor" value={successorId} onChange={(e) => setSuccessorId(e.target.value)}>
                  <option value="">Choose later</option>
                  {plan.successorCandidates.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
              </div>
              <p className="hint">
                Then give them an encrypted backup from Settings, Backup and restore, so they can open the vault on
                their own computer.
              </p>
            </section>
          ) : null}
          {reviewing ? (
            <section className="card review" aria-labelledby="review-title">
              <h2 id="review-title">Check before recording</h2>
              <ul>
                <li>
                  {person.name} will be recorded as{' '}
                  {leavingOn > todayIso()
                    ? `leaving on ${formatDate(leavingOn)}`
                    : `having left on ${formatDate(leavingOn)}`}
                  .
                </li>
                {plan.accounts.map((a) => (
                  <li key={a.accountId}>
                    {a.label}:{' '}
                    {[
                      a.leads
                        ? decisions[a.accountId]?.action === 'close'
                          ? 'to be closed'
                          : `lead passes to ${a.candidates.find((c) => c.id === decisions[a.accountId]?.newLeadId)?.name}`
                        : null,
                      a.holds ? `removed as holder; the password must change by ${formatDate(leavingOn)}` : null,
                      a.emailIsTheirs ? 'move the login email to a school mailbox' : null,
                    ]
                      .filter(Boolean)
                      .join('; ') || 'removed from the business case'}
                  </li>
                ))}
              </ul>
              <div className="actions">
                <button type="button" onClick={() => setReviewing(false)}>
                  Back
                </button>
                <button type="button" className="primary" onClick={execute}>
                  Record the departure
                </button>
              </div>
            </section>
          ) : (
            <div className="actions">
              {missing.length > 0 ? (
                <p className="hint">Still to decide: {missing.map((a) => a.label).join(', ')}.</p>
              ) : null}
              <button
                type="button"
                className="primary"
                disabled={missing.length > 0}
                onClick={() => setReviewing(true)}
              >
                Review
              </button>
            </div>
          )}
        </>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
