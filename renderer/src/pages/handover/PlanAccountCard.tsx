import type { PlanAccount } from '../../../../shared/contract';

export interface Decision {
  action: 'transfer' | 'close' | 'none';
  newLeadId?: number;
  reason?: string;
}

/** One account in the departure plan, with the choices it needs. */
export function PlanAccountCard({
  account: a,
  decision,
  onChange,
}: {
  account: PlanAccount;
  decision: Decision | undefined;
  onChange: (d: Decision) => void;
}) {
  const d = decision ?? { action: a.leads ? 'transfer' : 'none' };
  const id = `plan-${a.accountId}`;
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
      {a.leads ? (
        <fieldset>
          <legend>Lead</legend>
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
          <br />
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
      ) : null}
      {a.holds ? <p>They will be removed as a holder and the password marked to change by the leaving date.</p> : null}
      {a.emailIsTheirs ? (
        <p className="warn-text">The login email is their own address: move it to a generic school mailbox.</p>
      ) : null}
      {a.connectedApps.length > 0 ? (
        <p className="warn-text">
          Remove the apps they connected, or have the Headteacher approve them again: {a.connectedApps.join('; ')}.
        </p>
      ) : null}
      {a.blocking.length > 0 && d.action !== 'close' ? (
        <div className="field">
          {a.blocking.map((b) => (
            <p key={b} className="warn-text">
              {b}
            </p>
          ))}
          <label htmlFor={`${id}-reason`}>Reason to go ahead anyway</label>
          <textarea
            id={`${id}-reason`}
            rows={2}
            value={d.reason ?? ''}
            onChange={(e) => onChange({ ...d, reason: e.target.value })}
          />
        </div>
      ) : null}
    </section>
  );
}
