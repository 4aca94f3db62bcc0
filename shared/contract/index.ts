import type { z } from 'zod';
import { accountsChannels } from './accounts';
import { appChannels } from './app';
import { auditChannels } from './audit';
import { backupChannels } from './backup';
import { complianceChannels } from './compliance';
import { handoverChannels } from './handover';
import { holdersChannels } from './holders';
import { peopleChannels } from './people';
import { reportsChannels } from './reports';
import { rotationsChannels } from './rotations';
import { secretsChannels } from './secrets';
import { settingsChannels } from './settings';
import { transferChannels } from './transfer';
import { vaultChannels } from './vault';

export * from './errors';
export * from './common';
export * from './app';
export * from './accounts';
export * from './audit';
export * from './backup';
export * from './compliance';
export * from './handover';
export * from './holders';
export * from './import-review';
export * from './people';
export * from './reports';
export * from './rotations';
export * from './secrets';
export * from './settings';
export * from './transfer';
export * from './vault';

/**
 * The IPC contract: every channel the renderer may call, named
 * 'domain.action', with the zod schema of its input and output. The
 * preload exposes exactly these names, the main process registers exactly
 * these, the dispatcher validates against these, and the renderer's typed
 * client is generated from these. Adding a channel here is the only way in.
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
  ...complianceChannels,
  ...rotationsChannels,
  ...handoverChannels,
  ...transferChannels,
  ...backupChannels,
  ...reportsChannels,
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
