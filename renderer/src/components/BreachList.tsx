import type { Breach } from '../../../shared/contract';

/** Breaches with what to do about each; warnings are marked as such. */
export function BreachList({ breaches, showAccount = false }: { breaches: Breach[]; showAccount?: boolean }) {
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
