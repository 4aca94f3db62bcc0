import { useState } from 'react';
import type { Account } from '../../../../shared/contract';
import { launchDueOn, launchFixLabels, type LaunchStepId } from '../../../../shared/policy/launch-checklist';
import { ukDate } from '../../../../shared/time';
import { SltToldDialog, WebsiteLinkDialog } from './LaunchDialogs';

/** What the account page says before the steps, by where the account is in its life. */
function introOf(a: Account): string {
  const { launchedOn, sltTold, websiteLinked } = a.launch;
  const due = launchDueOn({ launchedOn, sltToldOn: null, websiteLinkedOn: null });
  if (launchedOn && due)
    return sltTold && websiteLinked
      ? `Went live on ${ukDate(launchedOn)}.`
      : `Went live on ${ukDate(launchedOn)}: both steps are due by ${ukDate(due)}.`;
  if (a.status === 'active' || a.status === 'suspended')
    return 'Live since before this checklist was kept: record each step once you have checked it.';
  return 'When the account goes live: send its address and identity to a member of SLT, and have it linked from the school website, so people can tell it is genuine.';
}

interface StepRow {
  id: LaunchStepId;
  title: string;
  /** What was recorded, in words, or null while it is still to do. */
  done: string | null;
  /** The button's name once done, for a screen reader: "Change who was told". */
  change: string;
}

function rowsOf(a: Account): StepRow[] {
  const { sltTold, websiteLinked } = a.launch;
  const by = (who: string) => (who ? `, recorded by ${who}` : '');
  return [
    {
      id: 'slt-told',
      title: 'URL and identity sent to SLT',
      done: sltTold ? `Sent to ${sltTold.person.name} on ${ukDate(sltTold.on)}${by(sltTold.recordedBy)}.` : null,
      change: 'Change who was told',
    },
    {
      id: 'website-linked',
      title: 'Linked from the school website',
      done: websiteLinked
        ? `Linked on ${ukDate(websiteLinked.on)}${websiteLinked.pageUrl ? ` from ${websiteLinked.pageUrl}` : ''}${by(websiteLinked.recordedBy)}.`
        : null,
      change: 'Change the website link',
    },
  ];
}

/**
 * The launch checklist (north-herts 5, sutton-manor 6.5): each step with
 * its date, to whom or where, and who recorded it. Recording one again
 * corrects it. Missing steps also show in the status above and on the
 * Dashboard (shared/policy/launch-checklist.ts).
 */
export function LaunchCard({ account: a, unlocked }: { account: Account; unlocked: boolean }) {
  const [dialog, setDialog] = useState<LaunchStepId | null>(null);
  const closed = a.status === 'closed' || a.status === 'transferred';
  return (
    <section className="card" aria-labelledby="launch-title" data-testid="launch-checklist">
      <h2 id="launch-title">Launch checklist</h2>
      {closed ? null : <p className="hint">{introOf(a)}</p>}
      <ol className="setup-steps" aria-label="Launch steps">
        {rowsOf(a).map((step) => (
          <li key={step.id} data-step={step.id} data-done={step.done ? 'yes' : 'no'}>
            <span aria-hidden="true" className="step-mark">
              {step.done ? '✓' : ''}
            </span>
            <span>
              <strong>{step.title}</strong>
              <span className="sr-only">{step.done ? ': done' : ': to do'}</span>{' '}
              <span className="muted">{step.done ?? 'Not recorded yet.'}</span>
            </span>
            <span className="step-fix">
              <button
                type="button"
                disabled={!unlocked || closed}
                onClick={() => setDialog(step.id)}
                aria-label={step.done ? step.change : undefined}
              >
                {step.done ? 'Change' : launchFixLabels[step.id]}
              </button>
            </span>
          </li>
        ))}
      </ol>
      {dialog === 'slt-told' ? <SltToldDialog account={a} onClose={() => setDialog(null)} /> : null}
      {dialog === 'website-linked' ? <WebsiteLinkDialog account={a} onClose={() => setDialog(null)} /> : null}
    </section>
  );
}
