import type { HandoverPlan, PlanAccount } from '../../../../shared/contract';
import { shortfalls } from '../../../../shared/policy/handover-rules';
import { NotOffered } from './NotOffered';

export interface Decision {
  action: 'transfer' | 'close' | 'none';
  newLeadId?: number;
  reason?: string;
  /** Someone to take the leaver's place running it (and knowing the password, when authorised). */
  replacementId?: number;
  authorisedById?: number;
}

/** The gaps still left on an account with this decision: none once closed or a replacement fills them. */
export function gapsLeft(a: PlanAccount, d: Decision | undefined, minRunners: number): string[] {
  if (d?.action === 'close') return [];
  const chosen = a.candidates.find((c) => c.id === d?.replacementId);
  const replacement = chosen
    ? { runs: !chosen.runner, holds: d?.authorisedById !== undefined && !chosen.holder }
    : null;
  return shortfalls(a, minRunners, replacement);
}

/** One account in the departure plan: what will happen to it, and the choices it needs, in one place. */
export function PlanAccountCard({
  account: a,
  plan,
  minRunners,
  decision,
  onChange,
}: {
  account: PlanAccount;
  plan: HandoverPlan;
  minRunners: number;
  decision: Decision | undefined;
  onChange: (d: Decision) => void;
}) {
  const d = decision ?? { action: a.leads ? 'transfer' : 'none' };
  const id = `plan-${a.accountId}`;
  const left = gapsLeft(a, d, minRunners);
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>
        {a.label}{' '}
        <span className="muted">
          {[
            a.leads && 'leads it',
            a.holds && 'knows the password',
            a.runs && 'named to run it',
            a.emailIsTheirs && 'login email is theirs',
          ]
            .filter(Boolean)
            .join(', ')}
        </span>
      </h2>
      <h3 className="subhead">What this departure does</h3>
      <ul className="consequences">
        {a.consequences.map((c) => (
          <li key={c} className={a.blocking.includes(c) ? 'warn-text' : undefined}>
            {c}
          </li>
        ))}
      </ul>
      {a.leads ? <LeadChoice account={a} plan={plan} decision={d} onChange={onChange} /> : null}
      {a.blocking.length > 0 && d.action !== 'close' ? (
        <Replacement account={a} plan={plan} decision={d} onChange={onChange} left={left} />
      ) : null}
    </section>
  );
}

function LeadChoice({
  account: a,
  plan,
  decision: d,
  onChange,
}: {
  account: PlanAccount;
  plan: HandoverPlan;
  decision: Decision;
  onChange: (d: Decision) => void;
}) {
  const id = `plan-${a.accountId}`;
  return (
    <fieldset>
      <legend>New lead</legend>
      <label className="inline">
        <input
          type="radio"
          name={`${id}-lead`}
          checked={d.action === 'transfer'}
          onChange={() => onChange({ ...d, action: 'transfer' })}
        />{' '}
        Pass the lead to
      </label>{' '}
      <select
        aria-label={`New lead for ${a.label}`}
        value={d.newLeadId ?? ''}
        disabled={d.action !== 'transfer'}
        onChange={(e) =>
          onChange({ ...d, action: 'transfer', newLeadId: e.target.value ? Number(e.target.value) : undefined })
        }
      >
        <option value="">Choose a person</option>
        {a.candidates.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
            {c.holder ? ' (already knows the password)' : ''}
          </option>
        ))}
      </select>
      <NotOffered people={plan.notEligible} />
      <label className="inline">
        <input
          type="radio"
          name={`${id}-lead`}
          checked={d.action === 'close'}
          onChange={() => onChange({ ...d, action: 'close' })}
        />{' '}
        Close the account (download its archive, deactivate it, remove it from the website)
      </label>
    </fieldset>
  );
}

/** The leaver's place: someone to run it (and know the password), or a reason to go ahead short. */
function Replacement({
  account: a,
  plan,
  decision: d,
  onChange,
  left,
}: {
  account: PlanAccount;
  plan: HandoverPlan;
  decision: Decision;
  onChange: (d: Decision) => void;
  left: string[];
}) {
  const id = `plan-${a.accountId}`;
  const offered = a.candidates.filter((c) => !c.runner || (a.holds && !c.holder));
  return (
    <fieldset>
      <legend>Who takes their place</legend>
      <div className="field-grid">
        <div className="field">
          <label htmlFor={`${id}-replacement`}>Person</label>
          <select
            id={`${id}-replacement`}
            value={d.replacementId ?? ''}
            onChange={(e) => onChange({ ...d, replacementId: e.target.value ? Number(e.target.value) : undefined })}
          >
            <option value="">Nobody yet</option>
            {offered.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        {a.holds && !a.candidates.find((c) => c.id === d.replacementId)?.holder ? (
          <div className="field">
            <label htmlFor={`${id}-authoriser`}>Authorised to know the password by</label>
            <select
              id={`${id}-authoriser`}
              value={d.authorisedById ?? ''}
              disabled={!d.replacementId}
              onChange={(e) => onChange({ ...d, authorisedById: e.target.value ? Number(e.target.value) : undefined })}
            >
              <option value="">Not authorised yet</option>
              {plan.authorisers.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      {left.length > 0 ? (
        <div className="field">
          {left.map((b) => (
            <p key={b} className="warn-text">
              Still short: {b}
            </p>
          ))}
          <label htmlFor={`${id}-reason`}>Or give a reason to go ahead anyway</label>
          <textarea
            id={`${id}-reason`}
            rows={2}
            value={d.reason ?? ''}
            onChange={(e) => onChange({ ...d, reason: e.target.value })}
          />
        </div>
      ) : (
        <p className="ok-text">Nothing is left short on this account.</p>
      )}
    </fieldset>
  );
}
