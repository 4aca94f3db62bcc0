import type { z } from 'zod';
import { accountsChannels } from './accounts';
import { appChannels } from './app';
import { integrationsChannels } from './integrations';
import { auditChannels } from './audit';
import { backupChannels } from './backup';
import { calendarChannels } from './calendar';
import { checksChannels } from './checks';
import { complianceChannels } from './compliance';
import { figuresChannels } from './figures';
import { handoverChannels } from './handover';
import { holdersChannels } from './holders';
import { importChannels } from './import';
import { issuesChannels } from './issues';
import { migrateChannels } from './migrate';
import { peopleChannels } from './people';
import { reportsChannels } from './reports';
import { restoreChannels } from './restore';
import { rotationsChannels } from './rotations';
import { secretsChannels } from './secrets';
import { settingsChannels } from './settings';
import { vaultChannels } from './vault';

export * from './errors';
export * from './common';
export * from './accounts';
export * from './app';
export * from './integrations';
export * from './audit';
export * from './backup';
export * from './calendar';
export * from './checks';
export * from './compliance';
export * from './figures';
export * from './handover';
export * from './holders';
export * from './import';
export * from './issues';
export * from './migrate';
export * from './people';
export * from './reports';
export * from './restore';
export * from './rotations';
export * from './secrets';
export * from './settings';
export * from './vault';
export * from './import-review';

/**
 * The IPC contract: every channel the renderer may call, named
 * 'domain.action', with the zod schema of its input and output. The
 * preload exposes exactly these names, the main process registers exactly
 * these, the dispatcher validates against these, and the renderer's typed
 * client is generated from these. Adding a channel here is the only way in.
 * One file per domain, named as its channels' prefix ('accounts.*' is
 * ./accounts.ts, served by electron/accounts/).
 */
export const contract = {
  ...appChannels,
  ...vaultChannels,
  ...secretsChannels,
  ...settingsChannels,
  ...auditChannels,
  ...accountsChannels,
  ...peopleChannels,
  ...holdersChannels,
  ...integrationsChannels,
  ...complianceChannels,
  ...calendarChannels,
  ...rotationsChannels,
  ...handoverChannels,
  ...importChannels,
  ...migrateChannels,
  ...backupChannels,
  ...restoreChannels,
  ...figuresChannels,
  ...issuesChannels,
  ...reportsChannels,
  ...checksChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export const channelNames = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** Names of the push events main sends to the renderer (no payload secrets). */
export const eventNames = ['vault.locked'] as const;
export type EventName = (typeof eventNames)[number];
export * from './access';
export * from './effects';
