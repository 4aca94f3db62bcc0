import type { Db } from '../electron/db/open';

/**
 * What each channel's answer costs at the least, measured beside it in the
 * same run: the SQLite-only floor steps every query the channel needs to its
 * end reading one column a row (pluck), so it is SQLite's own work with
 * next to nothing built in JavaScript; the needed-columns floor reads only
 * the columns the answer needs, as plain arrays (raw), which is the least a
 * JavaScript answer can be built from.
 */
export type Measured = 'accounts.list' | 'compliance.list' | 'rotations.list';

export interface Floor {
  sqlite(): void;
  arrays(): void;
}

const accountJoins = `FROM accounts a
  LEFT JOIN account_secrets s ON s.account_id = a.id AND s.field = 'password'
  LEFT JOIN people lp ON lp.id = a.lead_person_id`;

// The register's rows (electron/accounts/register-rows.ts): what the register shows and the checks read.
// Each row also carries its state, which needs the password change schedule (rotationColumns, terms).
const accountColumns = `SELECT a.id, a.platform, a.handle, a.display_name, a.status, a.approved_on, a.login_email,
    a.password_weakness, a.rotation_required_reason, a.bc_aim, a.bc_audience, a.bc_promotion, a.bc_visibility,
    lp.name, lp.status, lp.policy_acknowledged_on, lp.training_completed_on, s.set_at,
    a.launched_on, a.slt_told_on, a.website_linked_on
  ${accountJoins} ORDER BY a.platform, a.handle COLLATE NOCASE, a.id`;

// What the policy checks read (shared/policy/compliance.ts): no names or dates it does not look at.
const complianceColumns = `SELECT a.id, a.handle, a.status, a.approved_on, a.bc_aim, a.bc_audience, a.bc_promotion,
    a.bc_visibility, a.lead_person_id, lp.name, lp.status, a.login_email, s.set_at IS NOT NULL,
    a.password_weakness, a.rotation_required_reason
  ${accountJoins} ORDER BY a.platform, a.handle COLLATE NOCASE, a.id`;

// The whole register's runners and holders (register-rows.ts): every person once, the links as ids.
const people = `SELECT id, name, status, leaving_on, policy_acknowledged_on, training_completed_on
  FROM people ORDER BY name, id`;
const runners = 'SELECT account_id, person_id FROM account_runners';
const holders = `SELECT account_id, person_id, override_reason, authorised_by IS NOT NULL
  FROM account_holders WHERE removed_on IS NULL ORDER BY id`;
const staffEmails = "SELECT lower(work_email) FROM people WHERE work_email != ''";

// electron/rotations/due.ts: already only the columns it needs.
const rotationColumns = `SELECT a.id, a.handle, a.platform, a.status, a.created_at, a.rotation_policy, a.rotation_days,
    a.rotation_required_reason, a.rotation_required_since, s.set_at, r.id, r.started_at
  FROM accounts a
  LEFT JOIN account_secrets s ON s.account_id = a.id AND s.field = 'password'
  LEFT JOIN rotations r ON r.account_id = a.id AND r.status = 'pending'
  WHERE a.status NOT IN ('closed', 'transferred')`;
const terms = 'SELECT * FROM term_dates ORDER BY starts_on';

const queries: Record<Measured, string[]> = {
  'accounts.list': [accountColumns, people, runners, holders, staffEmails, rotationColumns, terms],
  'compliance.list': [complianceColumns, people, runners, holders, staffEmails],
  'rotations.list': [rotationColumns, terms],
};

export function floors(db: Db): Record<Measured, Floor> {
  const build = (channel: Measured): Floor => {
    const stepped = queries[channel].map((sql) => db.prepare(sql).pluck());
    const arrays = queries[channel].map((sql) => db.prepare(sql).raw());
    return {
      sqlite: () => {
        for (const statement of stepped) for (const _ of statement.iterate()) void _;
      },
      arrays: () => {
        for (const statement of arrays) statement.all();
      },
    };
  };
  return {
    'accounts.list': build('accounts.list'),
    'compliance.list': build('compliance.list'),
    'rotations.list': build('rotations.list'),
  };
}
