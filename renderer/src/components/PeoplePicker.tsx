import { useId, useState } from 'react';

interface Pickable {
  id: number;
  name: string;
}

/**
 * Choose several people from a long staff list: a box to find someone by
 * name over a short scrolling list of checkboxes, with those already chosen
 * always shown first and named above the list.
 */
export function PeoplePicker({
  legend,
  people,
  value,
  onChange,
}: {
  legend: string;
  people: Pickable[];
  value: number[];
  onChange: (ids: number[]) => void;
}) {
  const [search, setSearch] = useState('');
  const searchId = useId();
  const chosen = new Set(value);
  const wanted = search.trim().toLowerCase();
  const shown = people
    .filter((p) => chosen.has(p.id) || p.name.toLowerCase().includes(wanted))
    .sort((a, b) => Number(chosen.has(b.id)) - Number(chosen.has(a.id)));
  const names = people.filter((p) => chosen.has(p.id)).map((p) => p.name);
  return (
    <fieldset className="people-picker">
      <legend>{legend}</legend>
      <p className="hint" aria-live="polite">
        {names.length ? `Chosen: ${names.join(', ')}.` : 'Nobody chosen yet.'}
      </p>
      {people.length === 0 ? <p className="hint">Add staff under People first.</p> : null}
      {people.length > 8 ? (
        <div className="field">
          <label htmlFor={searchId}>Find a person</label>
          <input id={searchId} type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
        </div>
      ) : null}
      <div className="picker-list">
        {shown.map((p) => (
          <label key={p.id} className="inline">
            <input
              type="checkbox"
              checked={chosen.has(p.id)}
              onChange={(event) =>
                onChange(event.target.checked ? [...value, p.id] : value.filter((id) => id !== p.id))
              }
            />{' '}
            {p.name}
          </label>
        ))}
        {shown.length === 0 ? <p className="hint">Nobody matches “{search}”.</p> : null}
      </div>
    </fieldset>
  );
}
