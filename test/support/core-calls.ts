import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Core } from '../../electron/core/create-core';
import type { Channel, ChannelInput, ChannelOutput, IpcError, IpcResult } from '../../shared/contract';

/**
 * Driving a real core the way the renderer does, through its dispatcher, for
 * the test harnesses that open a core over a vault in a temp folder. Kept in
 * one place so every suite reads a refusal the same way.
 */

/** Calls a channel and returns its value, failing the test with the error if it was refused. */
export async function call<C extends Channel>(
  core: Core,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const result = (await core.dispatch(channel, input)) as IpcResult<ChannelOutput<C>>;
  if (!result.ok) throw new Error(`${channel} was refused: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/**
 * Every account's whole record, in the register's order: the register's rows
 * (accounts.list) carry only what it shows, so a test that checks what an
 * import stored reads each account as the account page does (accounts.get).
 */
export async function fullAccounts(core: Core): Promise<ChannelOutput<'accounts.get'>[]> {
  const rows = await call(core, 'accounts.list', {});
  return Promise.all(rows.map((row) => call(core, 'accounts.get', { id: row.id })));
}

/**
 * Calls a channel that must be refused with `code`, and returns the error.
 * The channel is any string, so a test can also send one the core does not know.
 */
export async function refused(core: Core, channel: string, input: unknown, code: string): Promise<IpcError> {
  const result = await core.dispatch(channel, input);
  if (result.ok) throw new Error(`${channel} should have been refused with ${code}`);
  expect(result.error.code).toBe(code);
  return result.error;
}

/** Every file under `dir`, recursively, with its bytes: for scanning a vault folder for leaked secrets. */
export function readTree(dir: string): { path: string; bytes: Buffer }[] {
  const found: { path: string; bytes: Buffer }[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...readTree(path));
    else found.push({ path, bytes: readFileSync(path) });
  }
  return found;
}
