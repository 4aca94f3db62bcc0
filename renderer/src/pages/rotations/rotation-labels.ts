import type { RotationRow } from '../../../../shared/contract';

export const stateLabels: Record<RotationRow['state'], string> = {
  required: 'Change now',
  overdue: 'Overdue',
  due: 'Due',
  'due-soon': 'Due soon',
  ok: 'Up to date',
  manual: 'Manual only',
};

export const stateBadge: Record<RotationRow['state'], string> = {
  required: 'danger',
  overdue: 'danger',
  due: 'warn',
  'due-soon': 'warn',
  ok: 'ok',
  manual: '',
};

export function policyLabel(policy: RotationRow['policy']): string {
  switch (policy.kind) {
    case 'termly':
      return 'Every term';
    case 'half-termly':
      return 'Every half term';
    case 'days':
      return `Every ${policy.days} days`;
    case 'manual':
      return 'Manual only';
  }
}
