import type { CoreContext } from '../core/context';
import type { Handlers } from '../core/dispatcher';
import type { VaultService } from '../vault/vault-service';
import type { ImportService } from './import-service';
import { exportRegisterCsv, printRegisterPdf } from './register-export';

type TransferChannels =
  | 'import.open'
  | 'import.setHeaderRow'
  | 'import.preview'
  | 'import.commit'
  | 'import.cancel'
  | 'register.exportCsv'
  | 'register.printPdf';

export function transferHandlers(
  ctx: CoreContext,
  vault: VaultService,
  imports: ImportService,
): Pick<Handlers, TransferChannels> {
  return {
    // Opening needs the vault unlocked too: the sheet's passwords are held in
    // memory only while the key is, and are dropped when it locks.
    'import.open': () => imports.open(),
    'import.setHeaderRow': ({ importId, headerRowNumber }) => imports.setHeaderRow(importId, headerRowNumber),
    'import.preview': (request) => {
      vault.key();
      return imports.preview(request);
    },
    'import.commit': (request) => imports.commit(request),
    'import.cancel': ({ importId }) => imports.cancel(importId),
    'register.exportCsv': () => exportRegisterCsv(ctx, vault),
    'register.printPdf': () => printRegisterPdf(ctx, vault),
  };
}
