import { call } from '../../support/core-calls';
import type { AppSession } from './harness';

const first = ['Anna', 'Ben', 'Chloe', 'Dev', 'Ella', 'Finn', 'Grace', 'Harry', 'Isla', 'Jack'];
const last = ['Carter', 'Patel', 'Okafor', 'Nowak'];
const platforms = ['x', 'facebook', 'instagram', 'youtube', 'linkedin'] as const;
const teams = ['PE', 'Music', 'Drama', 'Library', 'Eco', 'Art', 'Science', 'Choir', 'Chess', 'Forest'];

/**
 * A primary school as the issue found one: 40 staff (a headteacher among
 * them) and 25 accounts, each approved with a lead and two or three holders.
 * Made through the core, the way the app would, so every screen has a full
 * register and a long list of people to show.
 */
export async function seedSchool(app: AppSession): Promise<{ people: string[]; handles: string[] }> {
  const ready = { policyAcknowledgedOn: '2025-09-01', trainingCompletedOn: '2025-09-02' };
  const head = await call(app.core, 'people.create', { name: 'Hannah Head', roles: ['headteacher'], ...ready });
  const staff = [];
  for (let i = 0; i < 39; i += 1) {
    const name = `${first[i % first.length]} ${last[Math.floor(i / first.length)]}`;
    staff.push(await call(app.core, 'people.create', { name, roles: ['staff'], ...ready }));
  }
  const handles: string[] = [];
  for (let i = 0; i < 25; i += 1) {
    const team = `${teams[i % teams.length]}${i >= teams.length ? Math.floor(i / teams.length) + 1 : ''}`;
    const handle = `oakfield_${team.toLowerCase()}`;
    const lead = staff[i % staff.length]!;
    const account = await call(app.core, 'accounts.create', {
      platform: platforms[i % platforms.length]!,
      handle,
      displayName: `Oakfield ${team}`,
      loginEmail: 'socialmedia@oakfield.sch.uk',
      leadPersonId: lead.id,
    });
    for (const holder of [lead, staff[(i + 7) % staff.length]!])
      await call(app.core, 'holders.add', {
        accountId: account.id,
        personId: holder.id,
        authorisedById: head.id,
        authorisedOn: '2025-09-01',
      });
    await call(app.core, 'accounts.approve', { id: account.id, approvedById: head.id, approvedOn: '2025-09-01' });
    handles.push(handle);
  }
  return { people: ['Hannah Head', ...staff.map((p) => p.name)], handles };
}
