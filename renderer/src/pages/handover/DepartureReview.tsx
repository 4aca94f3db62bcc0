import type { HandoverPlan, PersonDetail } from '../../../../shared/contract';
import { londonToday, ukDate } from '../../../../shared/time';
import type { DepartureValues } from './DepartureWizard';

/** "Check before recording": what will happen to the person and to each account, then Record. */
export function DepartureReview({
  person,
  plan,
  values,
  onBack,
  busy,
}: {
  person: PersonDetail;
  plan: HandoverPlan;
  values: DepartureValues;
  onBack: () => void;
  busy: boolean;
}) {
  const { leavingOn, decisions } = values;
  const outcome = (index: number) => {
    const a = plan.accounts[index]!;
    const d = decisions[index];
    return (
      [
        a.leads
          ? d?.action === 'close'
            ? 'to be closed'
            : `lead passes to ${a.candidates.find((c) => c.id === d?.newLeadId)?.name}`
          : null,
        a.holds ? `removed as holder; the password must change by ${ukDate(leavingOn)}` : null,
        a.emailIsTheirs ? 'move the login email to a school mailbox' : null,
      ]
        .filter(Boolean)
        .join('; ') || 'removed from the business case'
    );
  };
  return (
    <section className="card review" aria-labelledby="review-title">
      <h2 id="review-title">Check before recording</h2>
      <ul>
        <li>
          {person.name} will be recorded as{' '}
          {leavingOn > londonToday(new Date())
            ? `leaving on ${ukDate(leavingOn)}`
            : `having left on ${ukDate(leavingOn)}`}
          .
        </li>
        {plan.accounts.map((a, index) => (
          <li key={a.accountId}>
            {a.label}: {outcome(index)}
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" onClick={onBack}>
          Back
        </button>
        <button type="submit" className="primary" disabled={busy}>
          Record the departure
        </button>
      </div>
    </section>
  );
}
