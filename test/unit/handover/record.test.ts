import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../support/temp-dir';
import { addAccount, addPerson, itemOf, rotate, today, useHandoverCores, type Session } from './world';

/**
 * The handover record: a printable document (platform.printToPdf) saved
 * where the administrator chooses, with every value HTML-escaped.
 */
const open = useHandoverCores();
const files = useTempDirs('keyholder-handover-pdf-');

const evil = '<b>Evil</b>';

async function world() {
  const s = await open();
  await s.call('settings.update', { schoolName: 'St Mary\'s <script>alert("school")</script>' });
  const head = await addPerson(s, 'Hana Head', { roles: ['headteacher'] });
  const leaver = await addPerson(s, evil, { workEmail: 'evil@stmarys.sch.uk' });
  const heir = await addPerson(s, 'Tom "Quote" & <Co>');
  const priya = await addPerson(s, 'Priya PE');
  const led = await addAccount(s, head, {
    handle: '<img src=x onerror=alert(1)>',
    platform: 'facebook',
    lead: leaver,
    holders: [leaver, heir, priya],
  });
  const closing = await addAccount(s, head, {
    handle: 'StMarysSports',
    platform: 'facebook',
    lead: leaver,
    holders: [leaver, priya, heir],
    loginEmail: 'evil@stmarys.sch.uk',
  });
  const handover = await s.call('handover.execute', {
    personId: leaver.id,
    leavingOn: today,
    leads: [
      { accountId: led.id, action: 'transfer', newLeadId: heir.id },
      { accountId: closing.id, action: 'close' },
    ],
    acknowledgements: [],
  });
  return { s, handover, led, closing };
}

/** Captures the HTML sent to printToPdf and answers with `bytes`. */
function capture(s: Session, bytes = Buffer.from('%PDF-1.7 test')): { html: () => string; calls: () => number } {
  const printed: string[] = [];
  s.platform.pdfRenderer = async (html) => {
    printed.push(html);
    return bytes;
  };
  return { html: () => printed.at(-1) ?? '', calls: () => printed.length };
}

describe('handover record', () => {
  it('is saved as a PDF where the administrator chooses', async () => {
    const { s, handover } = await world();
    const printed = capture(s);
    const path = join(files(), 'record.pdf');
    s.platform.savePaths.push(path);
    const result = await s.call('handover.exportPdf', { id: handover.id });
    expect(result).toEqual({ path });
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.toString()).toBe('%PDF-1.7 test');
    expect(printed.calls()).toBe(1);
    expect(s.platform.dialogs.map((d) => [d.kind, d.filters.flatMap((f) => f.extensions)])).toEqual([
      ['save', ['pdf']],
    ]);
  });

  it('writes nothing and prints nothing when the dialog is cancelled', async () => {
    const { s, handover } = await world();
    const printed = capture(s);
    const dir = files();
    s.platform.savePaths.push(null);
    const result = await s.call('handover.exportPdf', { id: handover.id });
    expect(result).toEqual({ path: null });
    expect(printed.calls()).toBe(0);
    expect(readdirSync(dir)).toEqual([]);
    expect(s.platform.dialogs).toHaveLength(1);
  });

  it('an unknown handover is NOT_FOUND, before any dialog', async () => {
    const { s } = await world();
    await s.refused('handover.exportPdf', { id: 9999 }, 'NOT_FOUND');
    expect(s.platform.dialogs).toEqual([]);
  });

  it('holds the person, the date, each account and what happened, what is outstanding, the reminder and signature lines', async () => {
    const { s, handover } = await world();
    const printed = capture(s);
    s.platform.savePaths.push(join(files(), 'record.pdf'));
    await s.call('handover.exportPdf', { id: handover.id });
    const html = printed.html();

    // Person and date.
    expect(html).toContain('<strong>&lt;b&gt;Evil&lt;/b&gt;</strong> left on 15/06/2026.');
    expect(html).toContain('<title>Handover record: &lt;b&gt;Evil&lt;/b&gt;</title>');
    // Each account and what happened to it.
    const ledLabel = '&lt;img src=x onerror=alert(1)&gt;';
    expect(html).toContain(
      `<td>${ledLabel}</td><td>Lead passed from &lt;b&gt;Evil&lt;/b&gt; to Tom &quot;Quote&quot; &amp; &lt;Co&gt;.</td>`,
    );
    expect(html).toContain(`<td>${ledLabel}</td><td>&lt;b&gt;Evil&lt;/b&gt; removed as a holder;`);
    expect(html).toContain('<td>StMarysSports</td><td>To be closed: &lt;b&gt;Evil&lt;/b&gt; led it');
    expect(html).toContain('The login email is &lt;b&gt;Evil&lt;/b&gt;&#39;s own address.');
    expect(html).toContain('&#9744; Download the account&#39;s archive from the platform');
    // Outstanding: every item still to do is listed.
    const outstanding = html.slice(html.indexOf('<h2>Outstanding</h2>'), html.indexOf('<p class="note">'));
    const todo = handover.items.filter((i) => !i.done);
    expect(todo.length).toBe(4);
    expect(outstanding.match(/<li>/g)).toHaveLength(todo.length);
    expect(outstanding).toContain(`<li>${ledLabel}: &lt;b&gt;Evil&lt;/b&gt; removed as a holder;`);
    expect(outstanding).toContain('<li>StMarysSports: To be closed:');
    expect(outstanding).toContain('<li>StMarysSports: The login email is');
    expect(outstanding).not.toContain('Lead passed');
    expect(html).toContain('Password change outstanding');
    // The confidentiality reminder and the signature lines.
    expect(html).toContain('Confidentiality continues after leaving: &lt;b&gt;Evil&lt;/b&gt; must not use, share');
    expect(html).toContain('<div>Headteacher: signature and date</div>');
    expect(html).toContain('<div>Account administrator: signature and date</div>');
    expect(html).toContain('St Mary&#39;s &lt;script&gt;alert(&quot;school&quot;)&lt;/script&gt;');
    expect(html).toContain('by Alex Admin.');

    // Nothing anyone typed reaches the document unescaped.
    for (const raw of [evil, '<img', '<script>', '<Co>', '"Quote"', "Mary's"]) expect(html).not.toContain(raw);
    expect(html.match(/<b>/g)).toBeNull();
  });

  it('shows progress as it is made, and "nothing outstanding" once complete', async () => {
    const { s, handover, led, closing } = await world();
    const printed = capture(s);
    s.clock.set('2026-06-16T10:00:00.000Z');
    await rotate(s, led.id);
    for (const step of ['archive-downloaded', 'deactivated', 'website-links-removed'])
      await s.call('handover.tick', { itemId: itemOf(handover, 'close-account', closing.id).id, step, done: true });
    await s.call('handover.tick', {
      itemId: itemOf(handover, 'move-email', closing.id).id,
      step: 'email-moved',
      done: true,
    });
    expect((await s.call('handover.get', { id: handover.id })).state).toBe('closed');
    const path = join(files(), 'complete.pdf');
    s.platform.savePaths.push(path);
    await s.call('handover.exportPdf', { id: handover.id });
    const html = printed.html();
    expect(existsSync(path)).toBe(true);
    expect(html).toContain('Password changed 16/06/2026 by Alex Admin');
    expect(html).toContain('Not needed: the account is closed');
    expect(html).toContain('&#10003; Deactivate or delete the account on the platform (16/06/2026)');
    expect(html).toContain('Nothing outstanding: this handover is complete.');
    expect(html).not.toContain('Password change outstanding');
  });
});
