import type { ImportPersonChoice, ImportPreview } from '../../../../shared/contract';

/**
 * The names in the "who knows it" column: who each one is. A name matched
 * to one person in People is shown; a name that could be several people is
 * asked; a name nobody has is added to People as staff (marked "added by
 * import: check") unless the administrator says not to record it.
 */
export function ImportPeople({
  preview,
  disabled,
  onChoose,
}: {
  preview: ImportPreview;
  disabled: boolean;
  onChoose: (choice: ImportPersonChoice) => void;
}) {
  const asked = preview.people.filter((p) => p.status !== 'matched');
  const matched = preview.people.filter((p) => p.status === 'matched');
  if (preview.people.length === 0) return null;
  const rowsOf = (rows: number[]) => `row${rows.length === 1 ? '' : 's'} ${rows.join(', ')}`;
  return (
    <section className="card" aria-labelledby="import-people-title">
      <h3 id="import-people-title">People named in the sheet</h3>
      {asked.length > 0 ? (
        <ul className="import-people">
          {asked.map((person, index) => {
            const id = `import-person-${index}`;
            const value =
              person.personId !== null
                ? String(person.personId)
                : person.decision === 'skip'
                  ? 'skip'
                  : person.decision === 'new'
                    ? 'new'
                    : '';
            return (
              <li key={person.name}>
                <label htmlFor={id}>
                  <strong>{person.name}</strong> ({rowsOf(person.rows)})
                </label>{' '}
                <select
                  id={id}
                  value={value}
                  disabled={disabled}
                  onChange={(e) => {
                    const v = e.target.value;
                    onChoose({
                      name: person.name,
                      personId: /^\d+$/.test(v) ? Number(v) : null,
                      create: v !== 'skip',
                    });
                  }}
                >
                  {person.decision === 'ask' ? <option value="">Choose who this is…</option> : null}
                  {person.candidates.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                  <option value="new">Add to People as staff (marked “added by import: check”)</option>
                  <option value="skip">Do not record them (keep the name in the account’s notes)</option>
                </select>
                {person.decision === 'ask' ? <span className="field-error"> Choose who this is.</span> : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {matched.length > 0 ? (
        <p className="hint">
          Found in People:{' '}
          {matched
            .map((p) => {
              const name = p.candidates.find((c) => c.id === p.personId)?.name;
              return name && name !== p.name ? `${p.name} (${name})` : p.name;
            })
            .join(', ')}
          .
        </p>
      ) : null}
    </section>
  );
}
