import type { CoreContext } from '../core/context';
import type { Handlers } from '../core/dispatcher';
import { readSettings } from '../settings/settings-store';
import { generatePassword } from './generator';
import { checkPassword } from '../../shared/policy/password-policy';
import type { SecretsService } from './secrets';
import type { VaultService } from './vault-service';

type VaultChannels =
  | 'vault.status'
  | 'vault.setup'
  | 'vault.unlock'
  | 'vault.lock'
  | 'vault.generatePassword'
  | 'vault.checkPassword'
  | 'secrets.set'
  | 'secrets.reveal'
  | 'secrets.copy'
  | 'secrets.summary'
  | 'secrets.history';

export function vaultHandlers(
  ctx: CoreContext,
  vault: VaultService,
  secrets: SecretsService,
): Pick<Handlers, VaultChannels> {
  return {
    'vault.status': () => vault.status(),
    'vault.setup': (input) => vault.setup(input),
    'vault.unlock': () => vault.unlock(),
    'vault.lock': async () => {
      await secrets.clearClipboardIfOurs();
      return vault.lock('manual');
    },
    'vault.generatePassword': ({ length }) => {
      const settings = readSettings(ctx.db);
      const password = generatePassword({
        length: Math.max(length ?? settings.generatedPasswordLength, settings.minGeneratedPasswordLength),
        avoidLookAlikes: settings.avoidLookAlikes,
      });
      return { password, score: checkPassword({ password, minLength: 0, forbiddenWords: [] }).score };
    },
    'vault.checkPassword': ({ accountId, password }) => secrets.checkNewPassword(accountId, password, 'typed'),
    'secrets.set': (input) => secrets.set(input),
    'secrets.reveal': ({ accountId, field }) => secrets.reveal(accountId, field),
    'secrets.copy': ({ accountId, field }) => secrets.copy(accountId, field),
    'secrets.summary': ({ accountId }) => secrets.summary(accountId),
    'secrets.history': ({ accountId }) => secrets.history(accountId),
  };
}
