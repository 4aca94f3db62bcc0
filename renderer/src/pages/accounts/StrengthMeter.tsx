import type { PasswordCheck } from '../../../../shared/policy/password-policy';

/**
 * One verdict in one sentence, then what to change: a password the school's
 * rule refuses is never called strong, whatever its score (the bar stops
 * short of strong too).
 */
export function StrengthMeter({ check }: { check: PasswordCheck }) {
  const verdict = check.ok
    ? check.score >= 4
      ? 'Very strong: this meets the school policy.'
      : 'Strong: this meets the school policy.'
    : 'Not strong enough yet.';
  return (
    <div className="strength" aria-live="polite">
      <meter
        min={0}
        max={4}
        low={2}
        high={3}
        optimum={4}
        value={check.ok ? check.score : Math.min(check.score, 2)}
        aria-label="Password strength"
      />
      <span className={check.ok ? 'ok' : 'warn'}>{verdict}</span>
      {check.reasons.length > 0 ? (
        <ul className="reasons" aria-label="What to change">
          {check.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
