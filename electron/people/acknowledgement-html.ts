import type { PersonDetail } from '../../shared/contract';
import { personRoleLabels } from '../../shared/contract';
import { escapeHtml as escape, printDocument, type PrintInfo } from '../lib/print-html';

const style = `
@page { size: A4; margin: 20mm 18mm; }
body { font-family: 'Segoe UI', Arial, sans-serif; font-size: 11.5pt; color: #111; line-height: 1.45; }
h1 { font-size: 18pt; margin: 0 0 4pt; } h2 { font-size: 13pt; margin: 18pt 0 6pt; break-after: avoid; }
.muted { color: #444; } ul { margin: 4pt 0; }
.statement { border: 1px solid #777; padding: 10pt; margin-top: 14pt; break-inside: avoid; }
.sign { margin-top: 30pt; display: grid; grid-template-columns: 1fr 1fr; gap: 30pt 24pt; break-inside: avoid; }
.sign div { border-top: 1px solid #111; padding-top: 4pt; }
`;

/** What they do on each account: lead, run it, know the password. */
function accountLines(person: PersonDetail): string[] {
  const parts = new Map<number, { label: string; what: string[] }>();
  const add = (accountId: number, label: string, what: string) => {
    const entry = parts.get(accountId) ?? { label, what: [] };
    entry.what.push(what);
    parts.set(accountId, entry);
  };
  for (const a of person.leads) add(a.accountId, a.label, 'leads it');
  for (const a of person.runs) add(a.accountId, a.label, 'runs it');
  for (const a of person.holds) add(a.accountId, a.label, 'knows the password');
  return [...parts.values()].map((p) => `${escape(p.label)}: ${p.what.join(', ')}`);
}

/**
 * The acknowledgement sheet for one person (tpat 8, bebington "anyone
 * running a social media account on behalf of the school ... including
 * volunteers or parents"): the policy's title, the accounts they run, the
 * statement, and lines for their signature and the Headteacher's.
 */
export function acknowledgementHtml(person: PersonDetail, policyTitle: string, info: PrintInfo): string {
  const lines = accountLines(person);
  const roles = person.roles.map((r) => personRoleLabels[r]).join(', ');
  return printDocument({
    title: `${policyTitle}: acknowledgement by ${person.name}`,
    style,
    body: `<h1>${escape(policyTitle)}: acknowledgement</h1>
<p class="muted">${escape(info.schoolName)}. Printed on ${escape(info.printedAt)} by ${escape(info.printedBy)}.</p>
<p><strong>${escape(person.name)}</strong>${person.jobTitle ? `, ${escape(person.jobTitle)}` : ''} (${escape(roles)})</p>
<h2>The school's social media accounts they work on</h2>
${lines.length === 0 ? '<p>None yet.</p>' : `<ul>${lines.map((l) => `<li>${l}</li>`).join('')}</ul>`}
<p class="statement">By signing below, I acknowledge that I have fully read and understood the ${escape(policyTitle)}. I understand that if I have any questions or concerns about this policy, it is my responsibility to discuss this with the Headteacher.</p>
<div class="sign"><div>${escape(person.name)}: signature</div><div>Date</div><div>Headteacher: name and signature</div><div>Date</div></div>
<p class="muted">Once signed, return this sheet to the account administrator, who records the date it came back in Keyholder.</p>`,
  });
}
