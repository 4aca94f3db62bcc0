import type { PersonRole } from '../contract/people';

/**
 * Who may approve a new account: the school's own rule, a setting.
 * - tpat 5 and sutton-manor: the Headteacher (the default).
 * - bebington "Organisational Control": the Headteacher or the SLT.
 * - wentworth "Usage Policy": "the Headteacher and Governors": the
 *   Headteacher and a governor, both recorded.
 */
export const approvalRules = ['headteacher', 'headteacher-or-slt', 'headteacher-and-governor'] as const;
export type ApprovalRule = (typeof approvalRules)[number];

export const approvalRuleLabels: Record<ApprovalRule, string> = {
  headteacher: 'The Headteacher',
  'headteacher-or-slt': 'The Headteacher or a member of the SLT',
  'headteacher-and-governor': 'The Headteacher and a governor, both recorded',
};

interface Approver {
  name: string;
  roles: readonly PersonRole[];
}

/** Who may give (or refuse) the school's approval under `rule`: the first signature. */
export function mayApprove(rule: ApprovalRule, roles: readonly PersonRole[]): boolean {
  if (roles.includes('headteacher')) return true;
  return rule === 'headteacher-or-slt' && roles.includes('slt');
}

/** The rule in a sentence, for messages: "the Headteacher approves new accounts". */
export const approvalRuleSentence: Record<ApprovalRule, string> = {
  headteacher: 'the Headteacher approves new accounts',
  'headteacher-or-slt': 'the Headteacher or a member of the SLT approves new accounts',
  'headteacher-and-governor': 'the Headteacher and a governor approve new accounts',
};

/** Who approves under the rule, as the subject of a sentence ("… has not approved it"). */
export const approversPhrase: Record<ApprovalRule, { who: string; has: 'has' | 'have' }> = {
  headteacher: { who: 'the Headteacher', has: 'has' },
  'headteacher-or-slt': { who: 'the Headteacher or a member of the SLT', has: 'has' },
  'headteacher-and-governor': { who: 'the Headteacher and a governor', has: 'have' },
};

/** Why this person cannot approve or reject an application under the school's rule, or null. */
export function approverProblem(rule: ApprovalRule, approver: Approver): string | null {
  if (mayApprove(rule, approver.roles)) return null;
  const choose = rule === 'headteacher-or-slt' ? 'the Headteacher or an SLT member' : 'the Headteacher';
  const not = rule === 'headteacher-or-slt' ? 'the Headteacher or on the SLT' : 'the Headteacher';
  return `${approver.name} is not ${not}, and the school's rule is that ${approvalRuleSentence[rule]}. Choose ${choose}, or change the rule in Settings.`;
}

/** Why this approval does not meet the school's rule, or null when it does. */
export function approvalProblem(rule: ApprovalRule, approver: Approver, governor: Approver | null): string | null {
  const problem = approverProblem(rule, approver);
  if (problem || rule !== 'headteacher-and-governor') return problem;
  if (!governor)
    return `The school's rule is that ${approvalRuleSentence[rule]}. Choose the governor who approved it as well.`;
  if (!governor.roles.includes('governor'))
    return `${governor.name} is not recorded as a governor. Choose a governor, or give them the Governor role under People.`;
  return null;
}

/**
 * sutton-manor: "only the SLT will have access" to the passwords. When the
 * school chooses that rule, only the Headteacher or SLT members may hold one.
 */
export function mayHold(holdersMustBeSlt: boolean, roles: readonly PersonRole[]): boolean {
  return !holdersMustBeSlt || roles.includes('slt') || roles.includes('headteacher');
}
