import { complaintAcknowledgement } from '../../shared/policy/issue-rules';
import type { CoreContext } from '../core/context';
import type { DomainHandlers } from '../core/dispatcher';
import { issuesSummary, listIssues, reopenIssue, resolveIssue, saveIssue } from './issues-log';

/** issues.*: the issues-and-actions log, with the reply clock and the abuse procedure. */
export function issuesHandlers(ctx: CoreContext): DomainHandlers<'issues'> {
  return {
    'issues.list': ({ status, accountId }) => listIssues(ctx.db, ctx.clock.now(), { status, accountId }),
    'issues.summary': () => issuesSummary(ctx.db, ctx.clock.now()),
    'issues.create': (input, call) => saveIssue(call, null, input),
    'issues.update': ({ id, issue }, call) => saveIssue(call, id, issue),
    'issues.resolve': ({ id, notes }, call) => resolveIssue(call, id, notes),
    'issues.reopen': ({ id }, call) => reopenIssue(call, id),
    // The wording is public (north-herts 6.3), so it is copied without the vault and not cleared later.
    'issues.copyAcknowledgement': async () => {
      await ctx.platform.writeClipboard(complaintAcknowledgement);
      return { copied: complaintAcknowledgement };
    },
  };
}
