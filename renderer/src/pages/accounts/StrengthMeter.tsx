import type { PasswordCheck } from '../../../../shared/policy/password-policy';

const words = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'];

/** zxcvbn's score as a bar and a word, plus every reason the policy refuses it. */
export function StrengthMeter({ check }: { check: PasswordCheck }) {
  return (
    <div className="strength" aria-live="polite">
      <meter min={0} max={4} low={2} high={3} optimum={4} value={check.score} aria-label="Password strength" />
      <span className={check.ok ? 'ok' : 'warn'}>
        {words[check.score]}
        {check.ok ? ': meets the school policy' : ', but it does not meet the school policy yet:'}
      </span>
      {check.reasons.length > 0 ? (
        <ul className="reasons">
          {check.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
