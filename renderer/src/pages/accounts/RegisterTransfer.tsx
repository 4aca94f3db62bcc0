import { useState } from 'react';
import { SavedNotice } from '../../components/SavedNotice';
import { useMutate } from '../../data/queries';
import { fileInWords } from '../../format';
import { ImportWizard } from './ImportWizard';

/** Import the old spreadsheet; export the register as CSV or a printable PDF (never secrets). */
export function RegisterTransfer({ unlocked }: { unlocked: boolean }) {
  const [importing, setImporting] = useState(false);
  const [saved, setSaved] = useState<{ message: string } | null>(null);
  // Exports are recorded in the audit log, so they go through the cache like any change.
  const exportCsv = useMutate('accounts.exportCsv');
  const printPdf = useMutate('accounts.printPdf');
  const busy = exportCsv.isPending ? 'Exporting…' : printPdf.isPending ? 'Printing…' : null;
  const say = (message: string | null) => setSaved(message ? { message } : null);
  return (
    <>
      <button type="button" disabled={!unlocked} onClick={() => setImporting(true)}>
        Import a spreadsheet
      </button>
      <button
        type="button"
        disabled={busy !== null}
        onClick={() => {
          setSaved(null);
          exportCsv.mutate(
            {},
            {
              onSuccess: (r) =>
                say(r.cancelled ? null : `Saved ${r.rows} accounts as ${fileInWords(r.path)}. It holds no passwords.`),
            },
          );
        }}
      >
        Export CSV
      </button>
      <button
        type="button"
        disabled={busy !== null}
        onClick={() => {
          setSaved(null);
          printPdf.mutate(
            {},
            {
              onSuccess: (r) =>
                say(
                  r.cancelled ? null : `Saved the printable register (${r.rows} accounts) as ${fileInWords(r.path)}.`,
                ),
            },
          );
        }}
      >
        Print the register (PDF)
      </button>
      {busy ? (
        <p role="status" className="notice transfer-notice">
          {busy}
        </p>
      ) : (
        <SavedNotice message={saved?.message ?? ''} token={saved} seconds={30} className="transfer-notice" />
      )}
      {importing ? <ImportWizard onClose={() => setImporting(false)} /> : null}
    </>
  );
}
