import { KeyholderError } from '../../shared/contract';
import { shortfalls } from '../../shared/policy/handover-rules';
import type { ExecuteInput } from './handover-service';
import type { planHandover } from './plan';

type Plan = ReturnType<typeof planHandover>;
type PlanAccount = Plan['accounts'][number];

/**
 * Refuses, with the fix, a plan that leaves an account without a lead, a
 * breach nobody replaced or acknowledged, or a new lead, replacement or
 * successor who cannot take over (saying why).
 */
export function checkHandover(plan: Plan, input: ExecuteInput, minRunners: number): void {
  const decisions = new Map(input.leads.map((d) => [d.accountId, d]));
  const acks = new Map(input.acknowledgements.map((a) => [a.accountId, a.reason]));
  const replacements = new Map((input.replacements ?? []).map((r) => [r.accountId, r]));
  const why = (personId: number) => {
    const p = plan.notEligible.find((n) => n.id === personId);
    return p ? `${p.name} ${p.reason}` : undefined;
  };
  for (const account of plan.accounts) {
    const decision = decisions.get(account.accountId);
    if (account.leads && !decision)
      throw new KeyholderError('INVALID_INPUT', `Choose a new lead for ${account.label}, or choose to close it.`);
    if (decision?.action === 'transfer' && !account.candidates.some((c) => c.id === decision.newLeadId)) {
      const reason = why(decision.newLeadId);
      throw new KeyholderError(
        'POLICY',
        reason
          ? `${reason}, so cannot lead ${account.label}.`
          : `The new lead for ${account.label} must be at the school, have signed the policy and be trained.`,
      );
    }
    const replacement = replacements.get(account.accountId);
    if (replacement) checkReplacement(plan, account, replacement, why(replacement.personId));
    const left = decision?.action === 'close' ? [] : shortfalls(account, minRunners, filled(account, replacement));
    if (left.length > 0 && !acks.get(account.accountId)) {
      throw new KeyholderError(
        'POLICY',
        `${account.label}: ${left.join(' ')} Choose someone to take their place, or give a reason to go ahead.`,
      );
    }
  }
  if (input.successorId !== null && !plan.successorCandidates.some((c) => c.id === input.successorId)) {
    throw new KeyholderError(
      'POLICY',
      'The new account administrator must be someone else at the school who has signed the policy and is trained.',
    );
  }
}

/** What a replacement adds: a runner and, when authorised, a holder, unless they already were. */
export function filled(
  account: PlanAccount,
  replacement: { personId: number; authorisedById: number | null } | undefined,
): { runs: boolean; holds: boolean } | null {
  const person = replacement && account.candidates.find((c) => c.id === replacement.personId);
  if (!person) return null;
  return { runs: !person.runner, holds: replacement.authorisedById !== null && !person.holder };
}

function checkReplacement(
  plan: Plan,
  account: PlanAccount,
  replacement: { personId: number; authorisedById: number | null },
  reason: string | undefined,
): void {
  const person = account.candidates.find((c) => c.id === replacement.personId);
  if (!person)
    throw new KeyholderError(
      'POLICY',
      reason
        ? `${reason}, so cannot take the leaver's place on ${account.label}.`
        : `The person taking the leaver's place on ${account.label} must be at the school, have signed the policy and be trained.`,
    );
  if (replacement.authorisedById !== null && !plan.authorisers.some((a) => a.id === replacement.authorisedById))
    throw new KeyholderError(
      'POLICY',
      `Only the Headteacher or a member of SLT can authorise ${person.name} to know the password of ${account.label}.`,
    );
}
