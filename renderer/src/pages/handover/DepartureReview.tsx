import type { HandoverPlan, PersonDetail, PlanAccount } from '../../../../shared/contract';
import { ukDate } from '../../../../shared/time';
import type { DepartureValues } from './DepartureWizard';
import { gapsLeft, type Decision } from './PlanAccountCard';
import { appToday } from '../../clock';

/** What recording does to one account, as the administrator decided it. */
function outcome(a: PlanAccount, d: Decision | undefined, leavingOn: string): string[] {
  const name = (id: number | undefined) => a.candidates.find((c) => c.id === id)?.name ?? 'someone';
  const out: string[] = [];
  if (a.leads) out.push(d?.action === 'close' ? 'to be closed' : `lead passes to ${name(d?.newLeadId)}`);
  if (d?.action !== 'close' && d?.replacementId && a.blocking.length > 0)
    out.push(
      `${name(d.replacementId)} takes their place running it${a.holds && d.authorisedById ? ' and will know the password' : ''}`,
    );
  if (a.holds) out.push(`removed as a holder; the password must change by ${ukDate(leavingOn)}`);
  else if (a.runs) out.push('taken off the people named to run it');
  if (a.emailIsTheirs) out.push('move the login email to a school mailbox');
  return out;
}

/** What will still be to do once recorded: the handover page tracks each until done. */
function leftToDo(plan: HandoverPlan, values: DepartureValues, minRunners: number): string[] {
  const todo = plan.accounts.flatMap((a, index) => {
    const d = values.decisions[index];
    const closing = a.leads && d?.action === 'close';
    return [
      ...(closing ? [`Close ${a.label}: download its archive, deactivate it, remove it from the website.`] : []),
      ...(a.holds && !closing ? [`Change the password of ${a.label}.`] : []),
      ...(a.emailIsTheirs ? [`Move the login email of ${a.label} to a school mailbox.`] : []),
      ...gapsLeft(a, d, minRunners).map((gap) => `${a.label}: ${gap} Going ahead with a reason; put it right later.`),
    ];
  });
  if (plan.person.isAdministrator)
    todo.push(
      values.successorId
        ? 'Give the new account administrator an encrypted backup.'
        : 'Choose a new account administrator and give them an encrypted backup.',
    );
  return todo;
}

/** "Check before recording": every consequence, what will be left to do, then Record. */
export function DepartureReview({
  person,
  plan,
  minRunners,
  values,
  onBack,
  busy,
}: {
  person: PersonDetail;
  plan: HandoverPlan;
  minRunners: number;
  values: DepartureValues;
  onBack: () => void;
  busy: boolean;
}) {
  const { leavingOn, decisions } = values;
  const todo = leftToDo(plan, values, minRunners);
  return (
    <section className="card review" aria-labelledby="review-title">
      <h2 id="review-title">Check before recording</h2>
      <ul>
        <li>
          {person.name} will be recorded as{' '}
          {leavingOn > appToday() ? `leaving on ${ukDate(leavingOn)}` : `having left on ${ukDate(leavingOn)}`}.
        </li>
        {plan.accounts.map((a, index) => (
          <li key={a.accountId}>
            {a.label}: {outcome(a, decisions[index], leavingOn).join('; ')}.
          </li>
        ))}
      </ul>
      <h3 className="subhead">Left to do after recording</h3>
      {todo.length > 0 ? (
        <ul data-testid="left-to-do">
          {todo.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
      ) : (
        <p>Nothing: every account stays within the policy.</p>
      )}
      <div className="actions">
        <button type="button" onClick={onBack}>
          Back
        </button>
        <button type="submit" className="primary" disabled={busy}>
          Record the departure
        </button>
        {/* Nothing is recorded until the button beside it: leaving here leaves the person as they were. */}
        <a className="button" href={`#/people/${person.id}`}>
          Cancel
        </a>
      </div>
    </section>
  );
}
