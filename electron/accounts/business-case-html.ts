import { repliesLabels, type Account } from '../../shared/contract';
import type { ApprovalRule } from '../../shared/policy/approval-rules';
import { businessCaseGaps } from '../../shared/policy/compliance';
import { platformLabels } from '../../shared/policy/platforms';
import { ukDate } from '../../shared/time';
import { breakable, escapeHtml as escape, printDocument, type PrintInfo } from '../lib/print-html';

/** Someone who will run the account, with the two records the SLT must be satisfied of (bebington). */
export interface BusinessCaseRunner {
  name: string;
  role: string;
  acknowledgedOn: string | null;
  trainedOn: string | null;
}

export interface BusinessCaseSheet {
  account: Account;
  runners: BusinessCaseRunner[];
  approvalRule: ApprovalRule;
  minRunners: number;
  policyTitle: string;
}

const style = `
@page { size: A4; margin: 14mm 16mm; }
body { font-family: 'Segoe UI', Arial, sans-serif; font-size: 10pt; color: #111; line-height: 1.35; }
h1 { font-size: 16pt; margin: 0 0 3pt; } h2 { font-size: 12pt; margin: 10pt 0 4pt; }
.muted { color: #444; } p { margin: 3pt 0; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 0.5pt solid #888; padding: 2pt 5pt; text-align: left; vertical-align: top; }
th { background: #eee; font-weight: 600; }
table.facts th { width: 46mm; }
.gaps { border: 2px solid #111; padding: 6pt 8pt; margin: 8pt 0; }
.statement { border: 1px solid #777; padding: 8pt 10pt; margin-top: 8pt; break-inside: avoid; }
.decision { margin-top: 8pt; } .decision span { margin-right: 22pt; }
.sign { margin-top: 30pt; display: grid; grid-template-columns: 2fr 1fr; gap: 30pt 24pt; break-inside: avoid; }
.sign div { border-top: 1px solid #111; padding-top: 3pt; }
`;

const visibilityWords = { '': '', open: 'Open', private: 'Private or closed' } as const;

/** Who signs, by the school's approval rule (shared/policy/approval-rules.ts). */
function signers(rule: ApprovalRule): string[] {
  if (rule === 'headteacher-or-slt') return ['Headteacher or member of SLT'];
  if (rule === 'headteacher-and-governor') return ['Headteacher', 'Governor'];
  return ['Headteacher'];
}

const notGiven = '<span class="muted">Not given yet</span>';
const row = (label: string, value: string) =>
  `<tr><th scope="row">${escape(label)}</th><td>${value || notGiven}</td></tr>`;

function identityTable(a: Account): string {
  return `<table class="facts">
${row('Platform', escape(platformLabels[a.platform]))}
${row('Handle', breakable(a.handle))}
${row('Full name', escape(a.fullName))}
${row('Display name', escape(a.displayName))}
${row('Profile link', breakable(a.profileUrl))}
${row('Registered (login) email', breakable(a.loginEmail))}
${row('Comments', escape(repliesLabels[a.replies]))}
</table>`;
}

function caseTable(a: Account): string {
  const bc = a.businessCase;
  return `<table class="facts">
${row('Aim of the account', escape(bc.aim))}
${row('Intended audience', escape(bc.audience))}
${row('How it will be promoted', escape(bc.promotion))}
${row('Open or private', escape(visibilityWords[bc.visibility]))}
${row('Lead member of staff', escape(a.lead?.name ?? ''))}
</table>`;
}

function runnersTable(sheet: BusinessCaseSheet): string {
  if (sheet.runners.length === 0) return `<p>${notGiven}: nobody is named to run it.</p>`;
  const rows = sheet.runners
    .map(
      (r) =>
        `<tr><td>${escape(r.name)}</td><td>${escape(r.role)}</td><td>${r.acknowledgedOn ? ukDate(r.acknowledgedOn) : 'Not yet'}</td><td>${r.trainedOn ? ukDate(r.trainedOn) : 'Not yet'}</td></tr>`,
    )
    .join('\n');
  return `<table>
<thead><tr><th scope="col">Name</th><th scope="col">On this account</th><th scope="col">Read the policy (signed)</th><th scope="col">Trained</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

function approvalPart(sheet: BusinessCaseSheet): string {
  const a = sheet.account;
  const lines = signers(sheet.approvalRule)
    .map((who) => `<div>${escape(who)}: name and signature</div><div>Date</div>`)
    .join('');
  const recorded = a.approvedBy
    ? `<p class="muted">Approval already recorded in Keyholder: ${escape(a.approvedBy.name)}${a.governorApprovedBy ? ` and ${escape(a.governorApprovedBy.name)} (governor)` : ''}, ${ukDate(a.approvedOn)}.</p>`
    : '';
  return `<h2>Decision</h2>
${recorded}
<p class="muted">Once signed, return this sheet to the account administrator, who records the decision in Keyholder.</p>
<div class="statement">
<p>I have considered this business case. I am satisfied that everyone named to run ${escape(a.handle)} has read and understood the ${escape(sheet.policyTitle)} and received appropriate training.</p>
<p class="decision"><span>&#9744; Approved</span><span>&#9744; Rejected. Reason: ______________________________</span></p>
</div>
<div class="sign">${lines}</div>`;
}

/**
 * The business case on paper (bebington "Process for Creating New Accounts"):
 * the account's identity (north-herts 6.0), its aim, audience, promotion and
 * visibility, who will run it with their policy and training records, and
 * lines for the Headteacher's signature (and a governor's, when the school's
 * rule asks for one). No password or secret is ever read for it.
 */
export function businessCaseHtml(sheet: BusinessCaseSheet, info: PrintInfo): string {
  const a = sheet.account;
  const gaps = businessCaseGaps({ ...a.businessCase, runnerCount: a.businessCase.runners.length }, sheet.minRunners);
  const title = `Business case: ${a.handle} on ${platformLabels[a.platform]}`;
  return printDocument({
    title,
    style,
    body: `<h1>${escape(title)}</h1>
<p class="muted">${escape(info.schoolName || 'School')}: a new official social media account, for the Headteacher's decision. Printed on ${escape(info.printedAt)} by ${escape(info.printedBy)}.</p>
${gaps.length ? `<p class="gaps"><strong>Not complete yet:</strong> the business case does not say ${escape(gaps.join(', '))}.</p>` : ''}
<h2>The account</h2>
${identityTable(a)}
<h2>The business case</h2>
${caseTable(a)}
<h2>Who will run it</h2>
<p>At least ${sheet.minRunners} named members of staff should run the account.</p>
${runnersTable(sheet)}
${approvalPart(sheet)}`,
  });
}
