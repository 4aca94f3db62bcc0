import type { CoreContext } from '../core/context';
import type { Handlers } from '../core/dispatcher';
import type { VaultService } from '../vault/vault-service';
import type { ImportService } from './import-service';
import { exportRegisterCsv, printRegisterPdf } from './register-export';

type TransferChannels =
  'import.open' | 'import.preview' | 'import.commit' | 'import.cancel' | 'register.exportCsv' | 'register.printPdf';

export function transferHandlers(
  ctx: CoreContext,
  vault: VaultService,
  imports: ImportService,
): Pick<Handlers, TransferChannels> {
  return {
    // Opening needs the vault unlocked too: the sheet's passwords are held in
    // memory only while the key is, and are dropped when it locks.
    'import.open': () => imports.open(),
    'import.preview': ({ importId, mapping }) => {
      vault.key();
      return imports.preview(importId, mapping);
    },
    'import.commit': ({ importId, mapping }) => imports.commit(importId, mapping),
    'import.cancel': ({ importId }) => imports.cancel(importId),
    'register.exportCsv': () => exportRegisterCsv(ctx, vault),
    'register.printPdf': () => printRegisterPdf(ctx, vault),
  };
}
