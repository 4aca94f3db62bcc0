import type { Db } from '../electron/db/open';
import { platformIds, type PlatformId } from '../shared/policy/platforms';

/**
 * A large, realistic register written straight into a vault's database in
 * one transaction: a few people left or leaving, some unsigned or
 * untrained, most accounts live with three holders, some with two or four,
 * a few personal login emails and pending rotations, most with a password.
 * Envelopes are dummy strings: listing and compliance never decrypt them.
 */
export interface SeedCounts {
  accounts: number;
  people: number;
  currentHolders: number;
  pastHolders: number;
  runners: number;
  secrets: number;
}

const schools = ['stmarys', 'oakfield', 'riverside', 'hillcrest', 'northgate', 'beechwood', 'kingsway', 'ashton'];
const clubs = (
  'news sport netball football choir drama music art science library ' +
  'pta eco chess robotics history french maths dance cricket rugby'
).split(' ');
const firstNames = ['Ava', 'Ben', 'Cara', 'Dev', 'Ella', 'Finn', 'Gita', 'Hugo', 'Isla', 'Jai', 'Kemi', 'Liam'];
const lastNames = ['Okafor', 'Smith', 'Patel', 'Jones', 'Nowak', 'Evans', 'Khan', 'Murphy', 'Chen', 'Reid'];
const atPlatforms: ReadonlySet<PlatformId> = new Set(['x', 'instagram', 'tiktok']);

/** Mulberry32: the same register on every run, so runs can be compared. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedRegister(db: Db, accounts = 10_000, people = 2_000, now = new Date()): SeedCounts {
  const rnd = random(20250310);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const at = now.toISOString();
  const counts: SeedCounts = { accounts, people, currentHolders: 0, pastHolders: 0, runners: 0, secrets: 0 };

  db.transaction(() => {
    const firstPerson = ((db.prepare('SELECT MAX(id) AS id FROM people').get() as { id: number | null }).id ?? 0) + 1;
    const firstAccount =
      ((db.prepare('SELECT MAX(id) AS id FROM accounts').get() as { id: number | null }).id ?? 0) + 1;
    const insertPerson = db.prepare(
      `INSERT INTO people (id, name, job_title, work_email, roles, status, leaving_on, left_on, policy_acknowledged_on,
         training_completed_on, created_at, updated_at)
       VALUES (@id, @name, @job, @email, @roles, @status, @leaving, @left, @ack, @trained, @at, @at)`,
    );
    const approvers: number[] = [];
    const active: number[] = [];
    const notActive: number[] = [];
    for (let i = 0; i < people; i += 1) {
      const id = firstPerson + i;
      const role = i === 0 ? 'headteacher' : i <= 20 ? 'slt' : i <= 25 ? 'administrator' : 'staff';
      const roll = rnd();
      const status = i <= 20 ? 'active' : roll < 0.05 ? 'left' : roll < 0.1 ? 'leaving' : 'active';
      const name = `${pick(firstNames)} ${pick(lastNames)} ${i}`;
      insertPerson.run({
        id,
        name,
        job: role === 'staff' ? 'Teacher' : 'Leader',
        email: `${name.toLowerCase().replace(/\W+/g, '.')}@school.sch.uk`,
        roles: JSON.stringify(role === 'staff' ? ['staff'] : [role, 'staff']),
        status,
        leaving: status === 'active' ? null : '2025-07-18',
        left: status === 'left' ? '2025-07-18' : null,
        ack: rnd() < 0.85 ? '2024-09-02' : null,
        trained: rnd() < 0.8 ? '2024-09-03' : null,
        at,
      });
      if (role === 'headteacher' || role === 'slt') approvers.push(id);
      (status === 'active' ? active : notActive).push(id);
    }

    const insertAccount = db.prepare(
      `INSERT INTO accounts (id, platform, handle, display_name, profile_url, login_email, status, created_at, updated_at,
         two_factor_method, notes, bc_aim, bc_audience, bc_promotion, bc_visibility, approved_by, approved_on,
         status_changed_on, status_override_reason, lead_person_id, rotation_required_reason, rotation_required_since)
       VALUES (@id, @platform, @handle, @display, @url, @email, @status, @at, @at, 'authenticator-app', '', @aim,
         'Parents and carers', 'Newsletter', @visibility, @approvedBy, @approvedOn, @changedOn, '', @lead, @rotation,
         @rotationSince)`,
    );
    const insertRunner = db.prepare('INSERT INTO account_runners (account_id, person_id) VALUES (?, ?)');
    const insertHolder = db.prepare(
      `INSERT INTO account_holders (account_id, person_id, authorised_by, authorised_on, added_on, override_reason,
         removed_on, removed_reason) VALUES (?, ?, ?, '2024-09-05', '2024-09-05', ?, ?, ?)`,
    );
    const insertSecret = db.prepare(
      `INSERT INTO account_secrets (account_id, field, envelope, set_at, set_by, reason)
       VALUES (?, ?, '{"v":1,"dummy":true}', ?, 'Bench', 'Seeded')`,
    );
    const statuses = [
      ...Array<string>(70).fill('active'),
      ...Array<string>(10).fill('approved'),
      ...Array<string>(8).fill('proposed'),
      ...Array<string>(5).fill('suspended'),
      ...Array<string>(5).fill('closed'),
      ...Array<string>(2).fill('transferred'),
    ];
    for (let i = 0; i < accounts; i += 1) {
      const id = firstAccount + i;
      const platform = platformIds[i % platformIds.length]!;
      const school = pick(schools);
      const club = pick(clubs);
      const bare = `${school}${club}${String(i).padStart(5, '0')}`;
      const status = pick(statuses);
      const approved = status !== 'proposed' && rnd() < 0.97;
      // Six different people: the lead, two runners, three holders; now and then one who is leaving or left.
      const chosen = new Set<number>();
      while (chosen.size < 6) chosen.add(pick(rnd() < 0.97 || notActive.length === 0 ? active : notActive));
      const [lead, r1, r2, h1, h2, h3] = [...chosen] as number[];
      insertAccount.run({
        id,
        platform,
        handle: atPlatforms.has(platform) ? `@${bare}` : bare,
        display: `${school[0]!.toUpperCase()}${school.slice(1)} ${club}`,
        url: `https://example.com/${bare}`,
        email: rnd() < 0.85 ? `${pick(['office', 'socialmedia'])}@school.sch.uk` : `${bare}@gmail.com`,
        status,
        aim: rnd() < 0.9 ? 'Share news and celebrate pupils’ work' : '',
        visibility: pick(['open', 'open', 'private']),
        approvedBy: approved ? pick(approvers) : null,
        approvedOn: approved ? '2024-09-04' : null,
        changedOn: status === 'proposed' ? null : '2024-09-05',
        lead: rnd() < 0.95 ? lead! : null,
        rotation: rnd() < 0.03 ? 'A holder left the school' : null,
        rotationSince: at,
        at,
      });
      insertRunner.run(id, r1!);
      insertRunner.run(id, r2!);
      counts.runners += 2;
      // 3 holders each on average: one in 20 has four (the fourth overridden), one in 20 has two.
      const holders = i % 20 === 0 ? [h1!, h2!, h3!, lead!] : i % 20 === 1 ? [h1!, h2!] : [h1!, h2!, h3!];
      holders.forEach((person, n) => {
        insertHolder.run(id, person, pick(approvers), n >= 3 ? 'Cover during the tournament' : '', null, null);
      });
      counts.currentHolders += holders.length;
      if (i % 5 === 0) {
        insertHolder.run(id, r1!, pick(approvers), '', '2025-01-10', 'Changed role');
        counts.pastHolders += 1;
      }
      if (rnd() < 0.92) {
        insertSecret.run(id, 'password', at);
        counts.secrets += 1;
        if (i % 3 === 0) {
          insertSecret.run(id, 'recoveryCodes', at);
          counts.secrets += 1;
        }
      }
    }
  })();
  return counts;
}
