import type { CoreContext } from '../core/context';
import type { DomainHandlers } from '../core/dispatcher';
import { readSettings } from '../settings/settings-store';
import { generatePassword } from './generator';
import { checkPassword } from '../../shared/policy/password-policy';
import type { SecretsService } from '../secrets/secrets';
import type { VaultService } from './vault-service';

/** vault.*: setting the vault up, unlocking and locking it, and making or checking a password. */
export function vaultHandlers(ctx: CoreContext, vault: VaultService, secrets: SecretsService): DomainHandlers<'vault'> {
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
  };
}
