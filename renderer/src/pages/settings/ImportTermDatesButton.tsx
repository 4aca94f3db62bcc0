import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useMutate } from '../../data/queries';
import { fileInWords } from '../../format';

/**
 * "Import from CSV" for the term dates, asking first: the file's terms
 * replace the saved ones for the same years, and rotation due dates and
 * term reports follow them.
 */
export function ImportTermDatesButton({
  unlocked,
  onImported,
}: {
  unlocked: boolean;
  onImported: (text: string) => void;
}) {
  const importCsv = useMutate('calendar.importCsv', { handled: true });
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button type="button" disabled={!unlocked} onClick={() => setAsking(true)}>
        Import from CSV
      </button>
      <ConfirmDialog
        title="Replace the term dates from a file?"
        isOpen={asking}
        confirmLabel="Choose the file and replace"
        onCancel={() => setAsking(false)}
        onConfirm={async () => {
          const result = await importCsv.mutateAsync({});
          setAsking(false);
          if (result.path) onImported(`Imported ${result.saved} terms from ${fileInWords(result.path)}.`);
        }}
      >
        <p>
          The terms in the file replace the dates saved for the same academic years. Termly password changes and term
          reports follow the new dates. Export the current dates as CSV first if you may want them back.
        </p>
      </ConfirmDialog>
    </>
  );
}
