import type { Breach } from '../../../shared/contract';

/**
 * Breaches with what to do about each; warnings are marked as such. "Meets
 * the school policy" is said only when there is nothing at all, warnings
 * included: an account still waiting for its approval or holders does not.
 */
export function BreachList({
  breaches,
  showAccount = false,
  warningsElsewhere = 0,
}: {
  breaches: Breach[];
  showAccount?: boolean;
  /** Warnings listed separately (the Dashboard): no breaches then does not mean "meets the policy". */
  warningsElsewhere?: number;
}) {
  if (breaches.length === 0 && warningsElsewhere > 0)
    return (
      <p className="hint">
        No breaches.{' '}
        {warningsElsewhere === 1 ? 'One warning below still needs' : `${warningsElsewhere} warnings below still need`}{' '}
        attention before this meets the school policy.
      </p>
    );
  if (breaches.length === 0) return <p className="ok-text">No breaches: this meets the school policy.</p>;
  return (
    <ul className="breaches">
      {breaches.map((breach, index) => (
        <li
          key={`${breach.accountId}-${breach.code}-${index}`}
          className={`breach ${breach.severity}`}
          data-code={breach.code}
        >
          <span className={`badge ${breach.severity === 'breach' ? 'danger' : 'warn'}`}>
            {breach.severity === 'breach' ? 'Breach' : 'Warning'}
          </span>{' '}
          {showAccount ? <strong>{breach.accountLabel}: </strong> : null}
          {breach.message} <a href={breach.fix.href}>{breach.fix.label}</a>
        </li>
      ))}
    </ul>
  );
}
