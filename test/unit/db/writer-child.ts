import { join } from 'node:path';
import { appendAudit } from '../../../electron/audit/audit-log';
import { setAuditKey } from '../../../electron/audit/audit-seal';
import { createCore } from '../../../electron/core/create-core';
import { openDatabase } from '../../../electron/db/open';
import { KeyholderError } from '../../../shared/contract';
import { createMemoryStore } from '../../../electron/vault/keytar-store';
import { createTestPlatform } from '../../support/test-platform';

/**
 * A second process on a vault's folder, for one-writer.test.ts.
 * MODE=open: opens Keyholder's core there and says whether it was allowed.
 * MODE=append: skips the folder lock (as on a share where locks fail) and
 * appends APPENDS audit entries as fast as it can from START (a time in ms),
 * so two such processes race to extend the chain.
 */
const dataDir = process.env.DATA_DIR ?? '';

if (process.env.MODE === 'open') {
  try {
    const core = createCore({
      dataDir,
      secretStore: createMemoryStore(),
      platform: createTestPlatform(),
      log: () => {},
    });
    console.log('opened');
    void core.close();
  } catch (error) {
    console.log(`refused ${error instanceof KeyholderError ? error.code : 'other'} ${String(error)}`);
  }
} else {
  const { db } = openDatabase(join(dataDir, 'keyholder.db'));
  setAuditKey(db, Buffer.from(process.env.AUDIT_KEY ?? '', 'hex'));
  const start = Number(process.env.START);
  while (Date.now() < start) {
    // Both writers start together.
  }
  for (let i = 0; i < Number(process.env.APPENDS); i += 1) {
    appendAudit(db, new Date(), { actor: `writer ${process.env.WRITER}`, action: 'secret.revealed', details: { i } });
  }
  db.close();
  console.log('done');
}
