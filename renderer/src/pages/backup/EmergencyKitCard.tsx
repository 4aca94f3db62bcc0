import { fileInWords } from '../../format';
import { useState } from 'react';
import { ukDateTime } from '../../../../shared/time';
import { AsyncContent } from '../../components/AsyncContent';
import { BusyStatus } from '../../components/BusyStatus';
import { errorMessage } from '../../components/error-message';
import { SavedNotice } from '../../components/SavedNotice';
import { useChannel, useMutate } from '../../data/queries';

/**
 * The emergency kit for the school safe: if the administrator is off sick or
 * leaves suddenly, it tells the Headteacher which computer holds the vault,
 * where the backups are and how to restore one, with a box for the backup
 * passphrase written by hand (never printed).
 */
export function EmergencyKitCard({ unlocked }: { unlocked: boolean }) {
  const status = useChannel('backup.kitStatus', {});
  const print = useMutate('backup.printKit', { handled: true });
  const [saved, setSaved] = useState<{ text: string } | null>(null);
  return (
    <section className="card" aria-labelledby="kit-title">
      <h2 id="kit-title">Emergency kit</h2>
      <p>
        A printed sheet for the school safe, so the Headteacher can reach the accounts if you are away: which computer
        holds the vault, where the automatic backups go, and how to restore one on another computer. Write the backup
        passphrase on it by hand; Keyholder never prints it.
      </p>
      <AsyncContent query={status} loading="Checking…">
        {({ printedAt, needed }) => (
          <>
            {printedAt ? <p data-testid="kit-printed">Last printed: {ukDateTime(printedAt)}.</p> : null}
            {needed ? <p className="warn-text">{needed}</p> : null}
          </>
        )}
      </AsyncContent>
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={!unlocked || print.isPending}
          onClick={() =>
            print.mutate(
              {},
              {
                onSuccess: (result) =>
                  result.cancelled
                    ? undefined
                    : setSaved({
                        text: `Kit saved as ${fileInWords(result.path)}. Print it, write the passphrase in the box, and put it in the safe.`,
                      }),
              },
            )
          }
        >
          Print the emergency kit…
        </button>
      </div>
      <BusyStatus
        busy={print.isPending ? 'Preparing the kit…' : null}
        error={print.isError ? errorMessage(print.error, 'The kit could not be saved.') : null}
      />
      <SavedNotice message={saved?.text ?? ''} token={saved} seconds={20} />
    </section>
  );
}
