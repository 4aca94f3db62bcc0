import { ukDate } from '../time';

/**
 * What a departure does to an account, and who can take over (bebington:
 * the administrator "controls the process for managing an account after the
 * lead staff member has left"; DOMAIN rules 1 and 3). Pure, so the plan, the
 * check before anything is written, and the wizard's live summary agree.
 */
export interface Departing {
  holds: boolean;
  runs: boolean;
  /** Named holders left once the leaver is removed. */
  holdersAfter: number;
  /** People named to run it (the business case) once the leaver is removed. */
  runnersAfter: number;
}

/** A replacement chosen in the same step: they run it, and know the password when someone authorises it. */
export interface Replacement {
  runs: boolean;
  holds: boolean;
}

const people = (n: number) => `${n} named ${n === 1 ? 'person' : 'people'}`;

/**
 * The breaches the departure leaves on the account: fewer than the policy's
 * minimum knowing the password or named to run it, once the leaver is gone
 * and after any replacement chosen (whether it met the minimum before or
 * not: the departure makes it worse). Empty when it stays within the policy.
 */
export function shortfalls(a: Departing, minRunners: number, replacement: Replacement | null = null): string[] {
  const holders = a.holdersAfter + (replacement?.holds ? 1 : 0);
  const runners = a.runnersAfter + (replacement?.runs ? 1 : 0);
  const found: string[] = [];
  if (a.holds && holders < minRunners)
    found.push(`Only ${people(holders)} will know the password; the policy wants at least ${minRunners}.`);
  if (a.runs && runners < minRunners)
    found.push(`Only ${people(runners)} will run it; the business case needs at least ${minRunners}.`);
  return found;
}

export interface Candidate {
  status: 'active' | 'leaving' | 'left';
  leavingOn: string | null;
  policyAcknowledgedOn: string | null;
  trainingCompletedOn: string | null;
}

/**
 * Why someone cannot take over as lead, run the account or be the new
 * account administrator, in words; null when they can (at the school, not
 * leaving, signed the policy, trained: bebington, tpat 8).
 */
export function cannotTakeOver(p: Candidate): string | null {
  if (p.status === 'left') return 'has left the school';
  if (p.status === 'leaving') return `is leaving${p.leavingOn ? ` on ${ukDate(p.leavingOn)}` : ''}`;
  if (!p.policyAcknowledgedOn && !p.trainingCompletedOn) return 'has not signed the policy or been trained';
  if (!p.policyAcknowledgedOn) return 'has not signed the policy';
  if (!p.trainingCompletedOn) return 'has no training recorded';
  return null;
}
