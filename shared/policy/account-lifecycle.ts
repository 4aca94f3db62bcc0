import type { AccountStatus } from '../contract/accounts';

/**
 * Where an account may go next (bebington: proposed, approved by SLT, then
 * active; later suspended, closed or transferred). Approval itself is its
 * own action (who and when), so no status moves *to* approved here.
 */
export const statusTransitions: Record<AccountStatus, readonly AccountStatus[]> = {
  proposed: ['active', 'closed'],
  approved: ['active', 'closed'],
  active: ['suspended', 'closed', 'transferred'],
  suspended: ['active', 'closed', 'transferred'],
  closed: [],
  transferred: [],
};
