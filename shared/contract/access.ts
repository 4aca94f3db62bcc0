import type { Channel } from './index';

/**
 * What each channel needs and does, in one table the dispatcher enforces
 * for every call (so no handler has to remember):
 * - `read`: works while the vault is locked (the register stays readable).
 * - `unlocked`: needs the vault unlocked, changes nothing worth recording
 *   (opening a file to preview it, checking a password).
 * - `write`: needs the vault unlocked and records an audit entry, in the
 *   same transaction, whenever it changes, reveals or exports something.
 * - `vault`: the vault's own life (set-up, unlock, lock, restore onto a
 *   computer whose key is gone), which manages its own state.
 * Every channel must be listed: TypeScript refuses a new one that is not.
 */
export type Access = 'read' | 'unlocked' | 'write' | 'vault';

export const channelAccess = {
  'app.info': 'read',
  'vault.status': 'vault',
  'vault.setup': 'vault',
  'vault.unlock': 'vault',
  'vault.lock': 'vault',
  'vault.generatePassword': 'read',
  'vault.checkPassword': 'unlocked',
  'secrets.set': 'write',
  'secrets.reveal': 'write',
  'secrets.copy': 'write',
  'secrets.summary': 'read',
  'secrets.history': 'read',
  'settings.get': 'read',
  'settings.update': 'write',
  'audit.list': 'read',
  'audit.verify': 'read',
  'accounts.list': 'read',
  'accounts.get': 'read',
  'accounts.create': 'write',
  'accounts.update': 'write',
  'accounts.approve': 'write',
  'accounts.reject': 'write',
  'accounts.setStatus': 'write',
  'accounts.openProfile': 'read',
  'people.list': 'read',
  'people.get': 'read',
  'people.create': 'write',
  'people.update': 'write',
  'holders.list': 'read',
  'holders.temporary': 'read',
  'holders.add': 'write',
  'holders.remove': 'write',
  'holders.authorise': 'write',
  'compliance.list': 'read',
  'compliance.forAccount': 'read',
  'rotations.list': 'read',
  'rotations.get': 'read',
  'rotations.record': 'read',
  'rotations.setPolicy': 'write',
  'rotations.reportThreat': 'write',
  'rotations.start': 'write',
  'rotations.confirm': 'write',
  'rotations.abandon': 'write',
  'rotations.markTold': 'write',
  'rotations.exportRecord': 'write',
  'calendar.get': 'read',
  'calendar.save': 'write',
  'calendar.exportCsv': 'write',
  'calendar.importCsv': 'write',
  'handover.plan': 'read',
  'handover.list': 'read',
  'handover.get': 'read',
  'handover.execute': 'write',
  'handover.tick': 'write',
  'handover.exportPdf': 'write',
  'import.open': 'unlocked',
  'import.preview': 'unlocked',
  'import.setHeaderRow': 'unlocked',
  'import.cancel': 'unlocked',
  'import.commit': 'write',
  'accounts.exportCsv': 'write',
  'accounts.printPdf': 'write',
  'backup.status': 'read',
  'backup.create': 'write',
  'backup.setAutomatic': 'write',
  'backup.stopAutomatic': 'write',
  'backup.runNow': 'write',
  'restore.open': 'vault',
  'restore.inspect': 'vault',
  'restore.commit': 'vault',
  'restore.cancel': 'vault',
  'migrate.exportKeepass': 'write',
  'migrate.open': 'unlocked',
  'migrate.preview': 'unlocked',
  'migrate.cancel': 'unlocked',
  'migrate.commit': 'write',
  'figures.list': 'read',
  'figures.save': 'write',
  'figures.update': 'write',
  'figures.delete': 'write',
  'figures.openCsv': 'unlocked',
  'figures.previewCsv': 'unlocked',
  'figures.importCsv': 'write',
  'issues.list': 'read',
  'issues.summary': 'read',
  'issues.create': 'write',
  'issues.update': 'write',
  'issues.resolve': 'write',
  'issues.reopen': 'write',
  'issues.copyAcknowledgement': 'read',
  'reports.get': 'read',
  'reports.saveComments': 'write',
  'reports.exportPdf': 'write',
  'reports.exportDocx': 'write',
  'reports.exportCsv': 'write',
  'reports.meetingPackPdf': 'write',
} as const satisfies Record<Channel, Access>;

export const needsUnlocked = (channel: Channel): boolean => {
  const access: Access = channelAccess[channel];
  return access === 'unlocked' || access === 'write';
};
