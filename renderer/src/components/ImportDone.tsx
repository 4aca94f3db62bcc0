import { plural } from '../format';

/**
 * The end of an import (spreadsheet or password manager): what arrived, and
 * the advice on deleting the source file, which matters more than the count.
 */
export function ImportDone({
  created,
  passwords,
  advice,
  details = [],
  onDone,
}: {
  created: number;
  passwords: number;
  advice: string;
  /** What else the import did (holders recorded, people added...), one sentence each. */
  details?: string[];
  onDone: () => void;
}) {
  return (
    <div role="status" className="import-done">
      <h3>
        Imported {plural(created, 'account')} and {plural(passwords, 'password')}
      </h3>
      {details.length > 0 ? (
        <ul>
          {details.map((d) => (
            <li key={d}>{d}.</li>
          ))}
        </ul>
      ) : null}
      <p className="warn-text">
        <strong>{advice}</strong>
      </p>
      <button type="button" className="primary" onClick={onDone}>
        Done
      </button>
    </div>
  );
}
