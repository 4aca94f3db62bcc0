/** Plain-English names for audit actions; unknown ones are shown as recorded. */
const actionNames: Record<string, string> = {
  'vault.created': 'Vault created',
  'vault.unlocked': 'Vault unlocked',
  'vault.locked': 'Vault locked',
  'secret.set': 'Secret stored',
  'secret.changed': 'Secret changed',
  'secret.revealed': 'Secret revealed',
  'secret.copied': 'Secret copied',
  'settings.changed': 'Settings changed',
  'account.created': 'Account added',
};

export function describeAction(action: string): string {
  return actionNames[action] ?? action;
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
