import type { Finding, SetupStep } from '../contract';
import { addDays, ukDate, type IsoDate } from '../time';

/**
 * What the school does when a new account goes live (DOMAIN.md rule 16):
 * - north-herts 5: "the URL and identity of the site is notified to the
 *   appropriate member of the SLT";
 * - sutton-manor 6.5: every account officially used is "explicitly referred
 *   to" on the school website, so people can tell it is genuine.
 *
 * Neither stops an account going live (the account must exist before its
 * address can be sent or linked), so before it is live they are the last
 * setting-up steps; once it is live, each one missing is something to do
 * within a week of going live ("Needs attention"), never a breach. An
 * account that was live before Keyholder kept this checklist has no launch
 * date and is not chased for a launch long past.
 */
export interface LaunchState {
  /** The day the account first went live in Keyholder, or null. */
  launchedOn: IsoDate | null;
  sltToldOn: IsoDate | null;
  websiteLinkedOn: IsoDate | null;
}

/** Days after going live by which both launch steps are due. */
export const launchDueDays = 7;

export type LaunchStepId = Extract<SetupStep['id'], 'slt-told' | 'website-linked'>;

export const launchStepLabels: Record<LaunchStepId, string> = {
  'slt-told': 'Send the address and identity to SLT',
  'website-linked': 'Link it from the school website',
};

export const launchFixLabels: Record<LaunchStepId, string> = {
  'slt-told': 'Record who you told',
  'website-linked': 'Record the website link',
};

function done(launch: LaunchState): Record<LaunchStepId, boolean> {
  return { 'slt-told': launch.sltToldOn !== null, 'website-linked': launch.websiteLinkedOn !== null };
}

/** The two launch steps as setting-up steps, after "Make the account live". */
export function launchSteps(accountId: number, launch: LaunchState): SetupStep[] {
  const finished = done(launch);
  return (Object.keys(launchStepLabels) as LaunchStepId[]).map((id) => ({
    id,
    label: launchStepLabels[id],
    done: finished[id],
    fix: { label: launchFixLabels[id], href: `#/accounts/${accountId}` },
  }));
}

/** The day both launch steps are due, or null when the account has no launch date. */
export function launchDueOn(launch: LaunchState): IsoDate | null {
  return launch.launchedOn ? addDays(launch.launchedOn, launchDueDays) : null;
}

/** A live account's missing launch steps as "Needs attention" findings, due a week after it went live. */
export function launchFindings(accountId: number, launch: LaunchState): Finding[] {
  const dueOn = launchDueOn(launch);
  if (!dueOn || !launch.launchedOn) return [];
  const finished = done(launch);
  const since = ukDate(launch.launchedOn);
  const fix = (id: LaunchStepId) => ({ label: launchFixLabels[id], href: `#/accounts/${accountId}` });
  const out: Finding[] = [];
  if (!finished['slt-told'])
    out.push({
      kind: 'launch-slt-not-told',
      severity: 'attention',
      dueOn,
      message: `It went live on ${since}, and its address and identity have not been sent to a member of SLT.`,
      fix: fix('slt-told'),
    });
  if (!finished['website-linked'])
    out.push({
      kind: 'launch-website-not-linked',
      severity: 'attention',
      dueOn,
      message: `It went live on ${since}, and no link to it from the school website is recorded.`,
      fix: fix('website-linked'),
    });
  return out;
}
