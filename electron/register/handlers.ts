import { KeyholderError } from '../../shared/contract';
import type { CoreContext } from '../core/context';
import type { Handlers } from '../core/dispatcher';
import { readSettings } from '../settings/settings-store';
import type { VaultService } from '../vault/vault-service';
import {
  approveAccount,
  createAccount,
  getAccount,
  listAccounts,
  requireAccount,
  setAccountStatus,
  updateAccount,
} from './accounts';
import { addHolder, authoriseHolder, listHolders, removeHolder } from './holders';
import { loadRegister } from './register-query';

type RegisterChannels =
  | 'accounts.list'
  | 'accounts.get'
  | 'accounts.create'
  | 'accounts.update'
  | 'accounts.approve'
  | 'accounts.setStatus'
  | 'accounts.openProfile'
  | 'holders.list'
  | 'holders.add'
  | 'holders.authorise'
  | 'holders.remove'
  | 'compliance.list'
  | 'compliance.forAccount';

export function registerHandlers(ctx: CoreContext, vault: VaultService): Pick<Handlers, RegisterChannels> {
  // Writes need the vault unlocked: every change is audited under the
  // administrator's name, and nothing is written while the key is missing.
  const writer = () => {
    vault.key();
    return { db: ctx.db, now: ctx.clock.now(), actor: vault.actor() };
  };
  return {
    // Reading the register needs no key: it stays viewable while locked.
    'accounts.list': () => listAccounts(ctx.db),
    'accounts.get': ({ id }) => getAccount(ctx.db, id),
    'accounts.create': (input) => createAccount(writer(), input),
    'accounts.update': ({ id, account }) => updateAccount(writer(), id, account),
    'accounts.approve': ({ id, approvedById, approvedOn }) => approveAccount(writer(), id, approvedById, approvedOn),
    'accounts.setStatus': ({ id, status, on, overrideReason }) =>
      setAccountStatus(writer(), id, status, on, overrideReason),
    'accounts.openProfile': async ({ id }) => {
      const account = requireAccount(ctx.db, id);
      if (!account.profile_url.startsWith('https://')) {
        throw new KeyholderError(
          'POLICY',
          `${account.handle} has no https profile link to open. Add one on the account page.`,
        );
      }
      await ctx.platform.openExternal(account.profile_url);
      return { opened: account.profile_url };
    },
    'holders.list': ({ accountId }) => listHolders(ctx.db, accountId),
    'holders.add': (input) => {
      const w = writer();
      return addHolder(w.db, w.now, w.actor, input);
    },
    'holders.authorise': (input) => {
      const w = writer();
      return authoriseHolder(w.db, w.now, w.actor, input);
    },
    'holders.remove': ({ holderId, reason, on }) => {
      const w = writer();
      return removeHolder(w.db, w.now, w.actor, holderId, reason, on);
    },
    'compliance.list': () => {
      const { accounts, breaches } = loadRegister(ctx.db, readSettings(ctx.db));
      const counts: Record<string, number> = {};
      for (const breach of breaches) counts[breach.code] = (counts[breach.code] ?? 0) + 1;
      return { breaches, counts, accountsChecked: accounts.length };
    },
    'compliance.forAccount': ({ accountId }) => loadRegister(ctx.db, readSettings(ctx.db), accountId).breaches,
  };
}
