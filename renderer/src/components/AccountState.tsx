import type { AccountState, Finding, SetupStep, StateCounts } from '../../../shared/contract';
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
  // Setting-up steps are in the checklist above, each with its own detail.
  const shown = state.findings.filter((f) => f.severity !== 'setup');
  if (shown.length === 0) return null;
  return (
    <ul className="breaches">
      {shown.map((f, index) => (
        <li key={`${f.kind}-${index}`} className={`breach finding-${f.severity}`} data-code={f.kind}>
          <span className={`badge ${severityBadge[f.severity]}`}>{severityWords[f.severity]}</span> {f.message}
          {f.dueOn && f.severity === 'attention' ? <span className="muted"> By {ukDate(f.dueOn)}.</span> : null}{' '}
          <Fix fix={f.fix} accountId={state.accountId} />
        </li>
      ))}
    </ul>
  );
}

/** The finding each setting-up step answers, for its detail. */
const stepCodes: Partial<Record<SetupStep['id'], string>> = {
  'business-case': 'business-case-incomplete',
  approval: 'not-approved',
  holders: 'too-few-holders',
  password: 'password-not-set',
};

/** The setting-up checklist: business case, approval, lead, holders, password, live; each step left with its fix. */
export function SetupChecklist({ state }: { state: AccountState }) {
  if (state.steps.length === 0) return null;
  return (
    <ol className="setup-steps" aria-label="Steps to set up this account">
      {state.steps.map((step) => {
        const detail = step.done ? undefined : state.findings.find((f) => f.kind === stepCodes[step.id]);
        return (
          <li key={step.id} data-step={step.id} data-done={step.done ? 'yes' : 'no'}>
            <span aria-hidden="true" className="step-mark">
              {step.done ? '✓' : ''}
            </span>
            <span className={step.done ? 'muted' : undefined}>
              {step.label}
              <span className="sr-only">{step.done ? ': done' : ': to do'}</span>
              {detail ? <span className="muted"> {detail.message}</span> : null}
            </span>
            {step.done ? null : (
              <span className="step-fix">
                <Fix fix={step.fix} accountId={state.accountId} />
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** A link to the screen that fixes it; on the account's own page, the action's name (its button is below). */
function Fix({ fix, accountId }: { fix: Finding['fix']; accountId: number }) {
  if (fix.href === `#/accounts/${accountId}`) return <span className="fix-here">{fix.label}.</span>;
  return <a href={fix.href}>{fix.label}</a>;
}
