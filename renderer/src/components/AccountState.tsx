import type { AccountState, Finding, StateCounts } from '../../../shared/contract';
import { countsSentence } from '../../../shared/policy/account-status';
import { ukDate } from '../../../shared/time';
import './account-state.css';

/**
 * The one status model on screen (shared/policy/account-status.ts): the same
 * badge, wording and counts on the register, the account and person pages,
 * Rotations and the Dashboard.
 */
export function StateBadge({ state }: { state: Pick<AccountState, 'kind' | 'wording'> }) {
  return (
    <span className={`badge state state-${state.kind}`} data-state={state.kind}>
      {state.wording}
    </span>
  );
}

/** "25 accounts in use: 3 breaches, 2 need attention, ..." */
export function StateCountsLine({ counts }: { counts: StateCounts }) {
  return (
    <p className="state-counts" data-testid="state-counts">
      {countsSentence(counts)}
    </p>
  );
}

const severityWords: Record<Finding['severity'], string> = {
  breach: 'Breach',
  attention: 'To do',
  setup: 'Setting up',
};
const severityBadge: Record<Finding['severity'], string> = { breach: 'danger', attention: 'warn', setup: '' };

/**
 * An account's findings with what to do about each. "Meets the school
 * policy" is said only when the state says so.
 */
export function FindingList({ state }: { state: AccountState }) {
  if (state.kind === 'fine') return <p className="ok-text">Nothing found: this account meets the school policy.</p>;
  if (state.kind === 'closed')
    return <p className="hint">This account is {state.wording.toLowerCase()}: nothing is checked.</p>;
  const shown = state.findings;
  if (shown.length === 0) return null;
  return (
    <ul className="breaches">
      {shown.map((f, index) => (
        <li key={`${f.kind}-${index}`} className={`breach ${f.severity}`} data-code={f.kind}>
          <span className={`badge ${severityBadge[f.severity]}`}>{severityWords[f.severity]}</span> {f.message}
          {f.dueOn && f.severity === 'attention' ? <span className="muted"> By {ukDate(f.dueOn)}.</span> : null}{' '}
          <a href={f.fix.href}>{f.fix.label}</a>
        </li>
      ))}
    </ul>
  );
}

/** The setting-up checklist: business case, approval, lead, holders, password, live. */
export function SetupChecklist({ state }: { state: AccountState }) {
  if (state.steps.length === 0) return null;
  return (
    <ol className="setup-steps" aria-label="Steps to set up this account">
      {state.steps.map((step) => (
        <li key={step.id} data-step={step.id} data-done={step.done ? 'yes' : 'no'}>
          <span aria-hidden="true" className="step-mark">
            {step.done ? '✓' : ''}
          </span>
          <span className={step.done ? 'muted' : undefined}>
            {step.label}
            <span className="sr-only">{step.done ? ': done' : ': to do'}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}
