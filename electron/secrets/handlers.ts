import type { DomainHandlers } from '../core/dispatcher';
import type { SecretsService } from './secrets';

/** secrets.*: an account's password, recovery codes and two-factor notes; revealing and copying are audited. */
export function secretsHandlers(secrets: SecretsService): DomainHandlers<'secrets'> {
  return {
    'secrets.set': (input) => secrets.set(input),
    'secrets.reveal': ({ accountId, field }) => secrets.reveal(accountId, field),
    'secrets.copy': ({ accountId, field }) => secrets.copy(accountId, field),
    'secrets.summary': ({ accountId }) => secrets.summary(accountId),
    'secrets.history': ({ accountId }) => secrets.history(accountId),
  };
}
