import { KeyholderError } from '../../shared/contract';
import type { CoreContext } from '../core/context';
import type { DomainHandlers } from '../core/dispatcher';
import type { VaultService } from '../vault/vault-service';
import { createAccount, getAccount, requireAccount, setAccountStatus, updateAccount } from './accounts';
import { approveAccount, rejectAccount } from './approval';
import { printBusinessCase } from './business-case';
import { recordSltTold, recordWebsiteLink } from './launch';
import { exportRegisterCsv, printRegisterPdf } from './register-export';
import { registerRows } from './register-list';

/**
 * accounts.*: the register. Reading needs no key (it stays viewable while
 * locked); every change needs the vault unlocked, which the dispatcher
 * checks (shared/contract/access.ts), and is audited under the administrator.
 */
export function accountsHandlers(ctx: CoreContext, vault: VaultService): DomainHandlers<'accounts'> {
  return {
    'accounts.list': () => registerRows(ctx.db, ctx.clock.now()),
    'accounts.get': ({ id }) => getAccount(ctx.db, id),
    'accounts.create': (input, call) => createAccount(call, input),
    'accounts.update': ({ id, account }, call) => updateAccount(call, id, account),
    'accounts.approve': (input, call) => approveAccount(call, input),
    'accounts.reject': (input, call) => rejectAccount(call, input),
    'accounts.setStatus': ({ id, status, on, overrideReason }, call) =>
      setAccountStatus(call, id, status, on, overrideReason),
    'accounts.recordSltTold': (input, call) => recordSltTold(call, input),
    'accounts.recordWebsiteLink': (input, call) => recordWebsiteLink(call, input),
    'accounts.printBusinessCase': ({ id }, call) => printBusinessCase(ctx, call, id),
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
    'accounts.exportCsv': () => exportRegisterCsv(ctx, vault),
    'accounts.printPdf': () => printRegisterPdf(ctx, vault),
  };
}
