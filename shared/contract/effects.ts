import type { Channel } from './index';

/**
 * What a successful call changes, by domain, so the renderer knows which of
 * its cached answers are now stale. A channel's own domain is always
 * included and so is the audit log (every change writes to it); this table
 * adds the other domains a change shows up in. One place, next to the
 * contract, so a new cross-domain effect is added here and nowhere else.
 */
export type Domain = Channel extends `${infer D}.${string}` ? D : never;

export const domainOf = (channel: Channel): Domain => channel.split('.')[0] as Domain;

/** Everything a person, an account or a holder change shows up in. */
const register: Domain[] = ['accounts', 'people', 'holders', 'compliance', 'rotations', 'handover', 'secrets'];
/** Where an account's handle or platform, or a person's name, also shows: the issues log, the figures, the report, the weekly checks. */
const named: Domain[] = ['issues', 'figures', 'reports', 'checks'];
/** Everything: the vault's key, the settings or the whole database changed. */
const everything = 'everything' as const;

export const crossDomainEffects: Partial<Record<Domain, Domain[] | typeof everything>> = {
  accounts: [...register, ...named],
  people: [...register, ...named],
  holders: register,
  // A leaver's handover plan lists the apps connected to the accounts they lead.
  integrations: ['handover'],
  secrets: ['accounts', 'compliance', 'rotations'],
  // A confirmed change completes a leaver's "change the password" handover item.
  rotations: ['accounts', 'compliance', 'secrets', 'handover'],
  // Term dates move password changes, and with them each account's state (on the register's rows too).
  calendar: ['rotations', 'compliance', 'accounts', 'reports'],
  handover: register,
  import: register,
  migrate: register,
  figures: ['reports'],
  issues: ['reports', 'compliance'],
  reports: ['figures', 'issues'],
  // The meeting pack shows the term's record of weekly checks.
  checks: ['reports'],
  backup: ['settings'],
  settings: everything,
  restore: everything,
  vault: everything,
};

/** The domains whose cached answers a successful call to `channel` makes stale, or 'everything'. */
export function staleAfter(channel: Channel): Domain[] | typeof everything {
  const own = domainOf(channel);
  const extra = crossDomainEffects[own] ?? [];
  if (extra === everything) return everything;
  return [...new Set<Domain>([own, 'audit', ...extra])];
}
