import { describe, expect, it } from 'vitest';
import { channelNames, crossDomainEffects, domainOf, staleAfter } from '../../../shared/contract';

/** Which cached answers a change makes stale: the table the renderer's query cache follows. */
describe('what a change makes stale', () => {
  const domains = new Set(channelNames.map(domainOf));

  it('names only domains the contract has', () => {
    for (const [domain, effects] of Object.entries(crossDomainEffects)) {
      expect(domains.has(domain as never), domain).toBe(true);
      if (effects !== 'everything') for (const effect of effects) expect(domains.has(effect), effect).toBe(true);
    }
  });

  it("always includes the channel's own domain and the audit log", () => {
    for (const channel of channelNames) {
      const stale = staleAfter(channel);
      if (stale === 'everything') continue;
      expect(stale).toEqual(expect.arrayContaining([domainOf(channel), 'audit']));
    }
  });

  it('after a departure, every screen that shows people, accounts, breaches and rotations refreshes', () => {
    expect(staleAfter('handover.execute')).toEqual(
      expect.arrayContaining(['people', 'accounts', 'holders', 'compliance', 'rotations', 'handover']),
    );
    expect(staleAfter('rotations.confirm')).toEqual(
      expect.arrayContaining(['accounts', 'compliance', 'secrets', 'handover']),
    );
    expect(staleAfter('import.commit')).toEqual(expect.arrayContaining(['accounts', 'people', 'compliance']));
  });

  it("a confirmed password change completes a leaver's handover item, so the Handover pages refresh", () => {
    expect(staleAfter('rotations.confirm')).toContain('handover');
  });

  it("an account's or a person's new name shows in the issues log, the figures and the report", () => {
    for (const channel of ['accounts.update', 'people.update'] as const) {
      expect(staleAfter(channel)).toEqual(expect.arrayContaining(['issues', 'figures', 'reports']));
    }
  });

  it('a restore, a settings change or the vault locking makes everything stale', () => {
    for (const channel of ['restore.commit', 'settings.update', 'vault.unlock'] as const) {
      expect(staleAfter(channel)).toBe('everything');
    }
  });
});
