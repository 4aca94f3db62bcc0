import './checks.css';
import { useState } from 'react';
import { weekLabel } from '../../../../shared/policy/weekly-checks';
import { addDays } from '../../../../shared/time';
import { AsyncContent } from '../../components/AsyncContent';
import { useChannel } from '../../data/queries';
import { isApprover, usePeople } from '../../hooks/use-people';
import { useVault } from '../../vault/VaultProvider';
import { ChecksTable } from './ChecksTable';
import { ChecksItemsDialog } from './ChecksItemsDialog';

/**
 * #/checks: each active account's weekly checks (north-herts 3 and 6.1,
 * sutton-manor), one week at a time, ticked by the person who did them.
 */
export function ChecksPage() {
  // Null until a week is chosen: this week, by the main process's clock.
  const [chosen, setChosen] = useState<string | null>(null);
  const [checkedById, setCheckedById] = useState<number | null>(null);
  const [editing, setEditing] = useState(false);
  const { status } = useVault();
  const unlocked = status?.state === 'unlocked';
  const query = useChannel('checks.week', { week: chosen });
  const week = query.data?.week ?? null;
  const thisWeek = query.data?.thisWeek ?? null;
  const staff = usePeople().people.filter((p) => p.status !== 'left');
  return (
    <section aria-labelledby="page-title" className="page">
      <div className="page-header">
        <h1 id="page-title">Weekly checks</h1>
        <button type="button" disabled={!unlocked} onClick={() => setEditing(true)}>
          Change what is checked
        </button>
      </div>
      <p className="hint">
        Each week, whoever runs an account checks it and ticks here. Last week&apos;s checks still to do are on the
        Dashboard.
      </p>
      <div className="filters" role="group" aria-label="Week">
        <button type="button" disabled={!week} onClick={() => week && setChosen(addDays(week, -7))}>
          Previous week
        </button>
        <h2 className="week-title" aria-live="polite">
          {week ? weekLabel(week) : 'This week'}
          {week && week === thisWeek ? ' (this week)' : ''}
        </h2>
        <button
          type="button"
          disabled={!week || !thisWeek || week >= thisWeek}
          onClick={() => week && setChosen(addDays(week, 7))}
        >
          Next week
        </button>
        <div className="field">
          <label htmlFor="checked-by">Checked by</label>
          <select
            id="checked-by"
            value={checkedById ?? ''}
            onChange={(e) => setCheckedById(e.target.value ? Number(e.target.value) : null)}
          >
            <option value="">Choose who did the checks</option>
            {staff.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
                {isApprover(p) ? ' (SLT)' : ''}
              </option>
            ))}
          </select>
        </div>
      </div>
      {!unlocked ? <p className="hint">Unlock Keyholder to tick checks.</p> : null}
      <AsyncContent
        query={query}
        loading="Loading the week’s checks…"
        isEmpty={(w) => w.accounts.length === 0 || w.items.length === 0}
        empty={
          query.data?.items.length === 0 ? (
            <p>The school has no weekly checks. Choose “Change what is checked” to add them.</p>
          ) : (
            <p>No account is in use yet. Weekly checks start once an account is made live on its page.</p>
          )
        }
      >
        {(data) => <ChecksTable week={data} checkedById={checkedById} unlocked={unlocked} />}
      </AsyncContent>
      <ChecksItemsDialog isOpen={editing} onOpenChange={setEditing} items={query.data?.items ?? []} />
    </section>
  );
}
