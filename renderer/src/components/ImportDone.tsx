import { plural } from '../format';

/**
 * The end of an import (spreadsheet or password manager): what arrived, and
 * the advice on deleting the source file, which matters more than the count.
 */
export function ImportDone({
  created,
  passwords,
  advice,
  onDone,
}: {
  created: number;
  passwords: number;
  advice: string;
  onDone: () => void;
}) {
  return (
    <div role="status" className="import-done">
      <h3>
        Imported {plural(created, 'account')} and {plural(passwords, 'password')}
      </h3>
      <p className="warn-text">
        <strong>{advice}</strong>
      </p>
      <button type="button" className="primary" onClick={onDone}>
        Done
      </button>
    </div>
  );
}
