import type { HandoverPlan } from '../../../../shared/contract';

/** Who is not offered as a new lead or replacement, and why ("has not signed the policy"). */
export function NotOffered({ people }: { people: HandoverPlan['notEligible'] }) {
  if (people.length === 0) return null;
  return (
    <details className="not-offered">
      <summary>Why are some people not offered? ({people.length})</summary>
      <ul>
        {people.map((p) => (
          <li key={p.id}>
            {p.name} {p.reason}.
          </li>
        ))}
      </ul>
    </details>
  );
}
