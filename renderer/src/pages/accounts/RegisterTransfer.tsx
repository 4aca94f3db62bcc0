import { useState } from 'react';
import { useApi } from '../../api/context';
import { ImportWizard } from './ImportWizard';

/** Import the old spreadsheet; export the register as CSV or a printable PDF (never secrets). */
export function RegisterTransfer({ unlocked, onImported }: { unlocked: boolean; onImported: () => void }) {
  const api = useApi();
  const [importing, setImporting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const run = (label: string, work: () => Promise<string | null>) => {
    setBusy(label);
    setNotice(null);
    work()
      .then(setNotice, () => undefined)
      .finally(() => setBusy(null));
  };
  return (
    <>
      <button type="button" disabled={!unlocked} onClick={() => setImporting(true)}>
        Import a spreadsheet
      </button>
      <button
        type="button"
        disabled={busy !== null}
        onClick={() =>
          run('Exporting…', async () => {
            const r = await api.accounts.exportCsv();
            return r.cancelled ? null : `Saved ${r.rows} accounts to ${r.path}. It holds no passwords.`;
          })
        }
      >
        Export CSV
      </button>
      <button
        type="button"
        disabled={busy !== null}
        onClick={() =>
          run('Printing…', async () => {
            const r = await api.accounts.printPdf();
            return r.cancelled ? null : `Saved the printable register (${r.rows} accounts) to ${r.path}.`;
          })
        }
      >
        Print the register (PDF)
      </button>
      {busy || notice ? (
        <p role="status" className="notice transfer-notice">
          {busy ?? notice}
        </p>
      ) : null}
      {importing ? (
        <ImportWizard
          onClose={() => setImporting(false)}
          onImported={() => {
            onImported();
          }}
        />
      ) : null}
    </>
  );
}
