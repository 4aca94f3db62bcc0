import type { DomainHandlers } from '../core/dispatcher';
import type { ImportService } from './import-service';

/**
 * import.*: the school's spreadsheet, read in the main process and held in
 * memory only while the vault is unlocked (the dispatcher checks; the
 * service drops what it holds when the vault locks).
 */
export function importHandlers(imports: ImportService): DomainHandlers<'import'> {
  return {
    'import.open': () => imports.open(),
    'import.setHeaderRow': ({ importId, headerRowNumber }) => imports.setHeaderRow(importId, headerRowNumber),
    'import.preview': (request) => imports.preview(request),
    'import.commit': (request) => imports.commit(request),
    'import.cancel': ({ importId }) => imports.cancel(importId),
  };
}
