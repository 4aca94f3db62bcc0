import type { AuditEntry } from '../../../../shared/contract';
import { personRoleLabels } from '../../../../shared/contract/people';
import { auditActionLabel } from '../../../../shared/policy/audit-actions';
import { platformLabels } from '../../../../shared/policy/platforms';
import { ukDate, ukDateTime } from '../../../../shared/time';
import { fileInWords } from '../../format';

/** Plain-English names for audit actions, from the one catalogue the main process writes with. */
export function describeAction(action: string): string {
  return auditActionLabel(action);
}

// What each stored detail is called on screen; anything not named here is spelt out from its name ("leftOn": "left on").
const fieldNames: Record<string, string> = {
  leavingOn: 'leaving date',
  leftOn: 'leaving date',
  leadPersonId: 'lead',
  loginEmail: 'login email',
  displayName: 'display name',
  profileUrl: 'profile link',
  jobTitle: 'job title',
  policyAcknowledgedOn: 'policy signed on',
  trainingCompletedOn: 'training on',
  approvedBy: 'approved by',
  approvedOn: 'approved on',
  authorisedBy: 'authorised by',
  authorisedOn: 'authorised on',
  recoveryCodes: 'recovery codes',
  twoFactorNotes: 'two-factor notes',
  schoolName: 'school name',
  schoolTown: 'town or village',
  schoolEmailDomain: 'school email domain',
  keyStore: 'key kept in',
  unreadable: 'unreadable',
  memberOfSlt: 'member of SLT',
};
// Bookkeeping that means nothing to a reader (row numbers of other tables).
const hidden = new Set(['rotationId', 'handoverId', 'issueId', 'figuresId', 'check', 'format', 'sltPersonId']);

function words(key: string): string {
  return fieldNames[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** A stored value as a person reads it: dates as dd/mm/yyyy, codes by their names, no JSON. */
export function valueInWords(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return 'nothing';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length ? value.map((v) => valueInWords(key, v)).join(', ') : 'none';
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${valueInWords(k, v)} ${words(k)}`)
      .join(', ');
  const text = String(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return ukDate(text);
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) return ukDateTime(text);
  if (key === 'platform' && text in platformLabels) return platformLabels[text as keyof typeof platformLabels];
  if (key === 'roles' && text in personRoleLabels) return personRoleLabels[text as keyof typeof personRoleLabels];
  if (key === 'field' || key === 'to' || key === 'kind') return words(text);
  if (key === 'path' || key === 'fileName') return fileInWords(text);
  return text;
}

type Change = { from: unknown; to: unknown };
const isChange = (value: unknown): value is Change =>
  typeof value === 'object' && value !== null && 'from' in value && 'to' in value;

function changeSentence(subject: string | null, key: string, change: Change): string {
  const what = subject ? `${subject}'s ${words(key)}` : capital(words(key));
  if (change.to === null || change.to === '') return `${what} cleared`;
  if (change.from === null || change.from === '' || change.from === undefined)
    return `${what} set to ${valueInWords(key, change.to)}`;
  return `${what} changed from ${valueInWords(key, change.from)} to ${valueInWords(key, change.to)}`;
}

/**
 * Every entry as one sentence: "Anna Carter's leaving date set to 23/10/2026",
 * "Secret revealed for @stmaryspe: password". Changes read as what was set;
 * anything else as the action, its subject and its details in words.
 */
export function describeEntry(entry: Pick<AuditEntry, 'action' | 'targetLabel' | 'details'>): string {
  const details = Object.entries(entry.details).filter(([key]) => !hidden.has(key));
  const changes = details.filter(([, value]) => isChange(value));
  const nested = details.find(
    ([key, value]) => ['changes', 'changed', 'diff'].includes(key) && typeof value === 'object',
  );
  if (nested) return describeEntry({ ...entry, details: nested[1] as Record<string, unknown> });
  if (changes.length > 0 && changes.length === details.length)
    return `${changes.map(([key, value]) => changeSentence(entry.targetLabel, key, value as Change)).join('; ')}.`;
  const subject = entry.targetLabel ? ` for ${entry.targetLabel}` : '';
  const rest = details
    .map(([key, value]) =>
      isChange(value) ? changeSentence(null, key, value) : `${words(key)} ${valueInWords(key, value)}`,
    )
    .join('; ');
  return `${auditActionLabel(entry.action)}${subject}${rest ? `: ${rest}` : ''}.`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
