import { appendAudit } from '../audit/audit-log';
import type { CoreContext, WriteContext } from '../core/context';
import type { Db } from '../db/open';
import { writeFileAtomic } from '../lib/atomic-write';
import { printInfo } from '../lib/print-info';
import { readSettings } from '../settings/settings-store';
import { getAccount } from './accounts';
import { businessCaseHtml, type BusinessCaseRunner } from './business-case-html';
import type { Account } from '../../shared/contract';

/** The lead and the people named to run it, once each, with their policy and training dates. */
function runnersOf(db: Db, account: Account): BusinessCaseRunner[] {
  const roles = new Map<number, string[]>();
  const add = (id: number, role: string) => roles.set(id, [...(roles.get(id) ?? []), role]);
  if (account.lead) add(account.lead.id, 'lead');
  for (const r of account.businessCase.runners) add(r.id, 'runs it');
  const read = db.prepare('SELECT name, policy_acknowledged_on, training_completed_on FROM people WHERE id = ?');
  return [...roles].map(([id, what]) => {
    const p = read.get(id) as {
      name: string;
      policy_acknowledged_on: string | null;
      training_completed_on: string | null;
    };
    return {
      name: p.name,
      role: what.join(', ').replace(/^./, (c) => c.toUpperCase()),
      acknowledgedOn: p.policy_acknowledged_on,
      trainedOn: p.training_completed_on,
    };
  });
}

/**
 * accounts.printBusinessCase: the business case as a PDF for the Headteacher
 * to sign, saved where the administrator chooses (nothing is rendered if
 * they cancel), and audited with where it went.
 */
export async function printBusinessCase(
  ctx: CoreContext,
  call: WriteContext,
  id: number,
): Promise<{ path: string | null }> {
  const account = getAccount(call.db, id);
  const slug = account.handle
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const path = await ctx.platform.chooseSavePath({
    title: 'Save the business case for the Headteacher to sign',
    defaultName: `business-case-${slug || 'account'}.pdf`,
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (!path) return { path: null };
  const settings = readSettings(call.db);
  const html = businessCaseHtml(
    {
      account,
      runners: runnersOf(call.db, account),
      approvalRule: settings.approvalRule,
      minRunners: settings.minRunners,
      policyTitle: settings.policyTitle,
    },
    printInfo(ctx, call.actor),
  );
  writeFileAtomic(path, await ctx.platform.printToPdf(html));
  appendAudit(call.db, call.now, {
    actor: call.actor,
    action: 'account.business-case-printed',
    targetType: 'account',
    targetId: account.id,
    targetLabel: account.handle,
    details: { path },
  });
  return { path };
}
