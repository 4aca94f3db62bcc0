import { Fragment, useState } from 'react';
import type { NeedGroup, NeedItem, NeedsYou } from '../../../../shared/policy/needs-you';
import { ukDate } from '../../../../shared/time';
import { StateCountsLine } from '../../components/AccountState';
import { AsyncContent } from '../../components/AsyncContent';
import { useChannel } from '../../data/queries';
import { formatCount } from '../../format';
import { needRuns } from './need-runs';
import { useNeedsYou } from './use-needs-you';
import './dashboard.css';

/**
 * "Needs you": one list of what to do, most urgent first (threats and
 * leavers, overdue password changes by name, replies, abuse, breaches, the
 * termly report, the backup), each with its date and the screen that fixes
 * it; then the next four weeks. Built by shared/policy/needs-you.ts.
 */
export function DashboardPage() {
  // Every line only once "Show all" asks for a kind the main process folded (shared/policy/needs-you-fold.ts).
  const [full, setFull] = useState(false);
  const status = useChannel('compliance.needsYou', full ? { full: true } : {}, { keepPrevious: true });
  const needs = useNeedsYou(status.data);
  return (
    <section aria-labelledby="page-title" className="page">
      <h1 id="page-title">Dashboard</h1>
      <AsyncContent
        query={status}
        loading="Checking the register…"
        isEmpty={(data) => data.counts.total === 0}
        empty={
          <div className="empty-state">
            <p>
              <strong>Nothing to check yet.</strong> Start under <a href="#/people">People</a> (Headteacher and SLT
              first), then add or import your <a href="#/accounts">accounts</a>.
            </p>
          </div>
        }
      >
        {(data) => (
          <>
            <StateCountsLine counts={data.counts} />
            {needs ? (
              <NeedsYouLists
                needs={needs}
                today={data.today}
                notSent={data.foldedAccountItems}
                onShowAll={() => setFull(true)}
              />
            ) : null}
          </>
        )}
      </AsyncContent>
    </section>
  );
}

interface ListsProps {
  needs: NeedsYou;
  today: string;
  notSent: Partial<Record<NeedGroup, number>>;
  onShowAll: () => void;
}

function NeedsYouLists({ needs, today, notSent, onShowAll }: ListsProps) {
  return (
    <>
      <section className="card needs-you" aria-labelledby="needs-title">
        <h2 id="needs-title">Needs you</h2>
        {needs.now.length === 0 ? (
          <div className="all-clear" data-testid="all-clear">
            <p className="ok-text">Nothing needs you today. Checked:</p>
            <ul>
              {needs.checked.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        ) : (
          <NeedList
            items={needs.now}
            label="Needs you, most urgent first"
            today={today}
            notSent={notSent}
            onShowAll={onShowAll}
          />
        )}
      </section>
      <section className="card" aria-labelledby="coming-title">
        <h2 id="coming-title">Coming up in the next four weeks</h2>
        {needs.comingUp.length === 0 ? (
          <p className="hint">Nothing is due in the next four weeks.</p>
        ) : (
          <NeedList items={needs.comingUp} label="Coming up" today={today} notSent={{}} onShowAll={onShowAll} />
        )}
      </section>
    </>
  );
}

interface NeedListProps extends Omit<ListsProps, 'needs'> {
  items: NeedItem[];
  label: string;
}

function NeedList({ items, label, today, notSent, onShowAll }: NeedListProps) {
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const open = (group: string) => {
    setOpened(new Set([...opened, group]));
    if (notSent[group as NeedGroup]) onShowAll();
  };
  return (
    <ol className="need-list" aria-label={label}>
      {needRuns(items, opened, notSent).map((run) => (
        <Fragment key={`${run.group}-${run.shown[0]!.id}`}>
          {run.shown.map((item) => (
            <NeedRow key={item.id} item={item} today={today} />
          ))}
          {run.waiting ? (
            <li className={`need need-${run.group} need-more`} role="status">
              <span className="need-text">Fetching the other {formatCount(run.folded)}…</span>
            </li>
          ) : run.folded > 0 ? (
            <li className={`need need-${run.group} need-more`}>
              <span className="need-text">{formatCount(run.folded)} more like these, each with its own fix.</span>
              <button type="button" onClick={() => open(run.group)}>
                Show all {run.shown.length + run.folded}
              </button>
            </li>
          ) : null}
        </Fragment>
      ))}
    </ol>
  );
}

function dueWords(dueOn: string | null, today: string): string {
  if (!dueOn) return '';
  if (dueOn < today) return `Overdue since ${ukDate(dueOn)}`;
  if (dueOn === today) return 'Due today';
  return `Due by ${ukDate(dueOn)}`;
}

function NeedRow({ item, today }: { item: NeedItem; today: string }) {
  const due = dueWords(item.dueOn, today);
  return (
    <li
      className={`need need-${item.group}`}
      data-group={item.group}
      data-code={item.code}
      data-testid={item.group === 'backup' ? 'backup-warning' : undefined}
    >
      <span className="need-text">{item.text}</span>
      <span className={`need-due ${item.dueOn !== null && item.dueOn < today ? 'late' : ''}`}>{due}</span>
      <a className="button need-fix" href={item.fix.href}>
        {item.fix.label}
      </a>
    </li>
  );
}
