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

/** The state's words and badge for one row; "No password stored" rather than "Overdue, last changed never". */
export function rotationBadge(row: Pick<RotationRow, 'state' | 'lastRotatedOn'>): { text: string; badge: string } {
  if (row.lastRotatedOn === null && row.state !== 'required' && row.state !== 'manual')
    return { text: 'No password stored', badge: '' };
  return { text: stateLabels[row.state], badge: stateBadge[row.state] };
}
