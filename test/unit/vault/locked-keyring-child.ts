import { execFileSync } from 'node:child_process';
import { createCore } from '../../../electron/core/create-core';
import { createKeytarStore } from '../../../electron/vault/keytar-store';
import { createTestPlatform } from '../../support/test-platform';

/**
 * Run inside its own D-Bus session and GNOME Keyring (scripts/with-keyring.sh),
 * so locking the keyring here cannot disturb other tests: sets a vault up,
 * locks the login keyring as the screen locker would, reopens the vault and
 * prints what Keyholder says.
 */
const dataDir = process.env.DATA_DIR ?? '';
const open = () =>
  createCore({ dataDir, secretStore: createKeytarStore(), platform: createTestPlatform(), log: () => {} });

const first = open();
const setup = await first.dispatch('vault.setup', {
  schoolName: 'Locked Keyring Primary',
  administratorName: 'Ms Lock',
});
await first.close();
execFileSync('dbus-send', [
  '--session',
  '--dest=org.freedesktop.secrets',
  '--type=method_call',
  '/org/freedesktop/secrets',
  'org.freedesktop.Secret.Service.Lock',
  'array:objpath:/org/freedesktop/secrets/collection/login',
]);
const again = open();
await again.start();
console.log(JSON.stringify({ setup: setup.ok, status: again.vault.status() }));
await again.close();
