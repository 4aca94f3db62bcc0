/**
 * Every kind of audit entry Keyholder writes, with the words the Audit page
 * shows for it. appendAudit takes only these names, so a new kind of entry
 * cannot appear without its plain-English label.
 */
export const auditActions = {
  'vault.created': 'Vault created',
  'vault.unlocked': 'Vault unlocked',
  'vault.locked': 'Vault locked',
  'audit.sealed': 'Audit log sealed',
  'audit.key-replaced': "Audit log's key replaced",
  'secret.set': 'Secret stored',
  'secret.changed': 'Secret changed',
  'secret.revealed': 'Secret revealed',
  'secret.copied': 'Secret copied',
  'secret.reuse-refused': 'Earlier password refused',
  'settings.changed': 'Settings changed',
  'account.created': 'Account added',
  'account.updated': 'Account details changed',
  'account.approved': 'Approval recorded',
  'account.rejected': 'Application rejected',
  'account.status-changed': 'Account status changed',
  'account.lead-transferred': 'Lead changed at a handover',
  'account.closing': 'Account being closed',
  'person.added': 'Person added',
  'person.updated': 'Person changed',
  'person.leaving': 'Leaving date recorded',
  'person.left': 'Person left',
  'holder.added': 'Named holder added',
  'holder.authorised': "Holder's authorisation recorded",
  'holder.removed': 'Named holder removed',
  'holder.access-ended': 'Temporary access ended',
  'rotation.policy-set': 'Password change schedule set',
  'rotation.required': 'Password change required',
  'rotation.started': 'Password change started',
  'rotation.confirmed': 'Password change confirmed',
  'rotation.abandoned': 'Password change abandoned',
  'rotation.holder-told': 'Holder told the new password',
  'rotations.record-exported': 'Password change record saved',
  'calendar.saved': 'Term dates saved',
  'calendar.exported': 'Term dates saved as a file',
  'handover.executed': 'Handover applied',
  'handover.acknowledged': 'Handover gap acknowledged',
  'handover.step-done': 'Handover step done',
  'handover.step-undone': 'Handover step undone',
  'handover.record-printed': 'Handover record printed',
  'import.completed': 'Spreadsheet imported',
  'migrate.completed': 'Password manager export imported',
  'keepass.exported': 'KeePassXC file saved',
  'register.exported': 'Register saved as CSV',
  'register.printed': 'Register printed',
  'backup.created': 'Backup made',
  'backup.restored': 'Backup restored',
  'backup.automatic-on': 'Automatic backups turned on',
  'backup.automatic-off': 'Automatic backups turned off',
  'backup.kit-printed': 'Emergency kit printed',
  'figures.saved': 'Figures entered',
  'figures.updated': 'Figures changed',
  'figures.deleted': 'Figures deleted',
  'issue.logged': 'Comment logged',
  'issue.updated': 'Comment changed',
  'issue.resolved': 'Comment resolved',
  'issue.reopened': 'Comment reopened',
  'report.comments-saved': 'Report comments saved',
  'report.exported': 'Report saved',
} as const;

export type AuditAction = keyof typeof auditActions;

/** The label for an action; one written by a later version of Keyholder is shown as recorded. */
export function auditActionLabel(action: string): string {
  return (auditActions as Record<string, string>)[action] ?? action;
}
