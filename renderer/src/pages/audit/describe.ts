import { auditActionLabel } from '../../../../shared/policy/audit-actions';

/** Plain-English names for audit actions, from the one catalogue the main process writes with. */
export function describeAction(action: string): string {
  return auditActionLabel(action);
}

const fieldNames: Record<string, string> = {
  password: 'password',
  recoveryCodes: 'recovery codes',
  twoFactorNotes: 'two-factor notes',
};

export function describeDetails(details: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(details)) {
    if (key === 'field' && typeof value === 'string') parts.push(fieldNames[value] ?? value);
    else if (value && typeof value === 'object' && 'from' in value && 'to' in value) {
      const change = value as { from: unknown; to: unknown };
      parts.push(`${key}: ${JSON.stringify(change.from)} → ${JSON.stringify(change.to)}`);
    } else parts.push(`${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  }
  return parts.join('; ');
}
