import {
  contract,
  isChannel,
  needsUnlocked,
  type Channel,
  type ChannelOutput,
  type Domain,
  type IpcResult,
  type ParsedInput,
} from '../../shared/contract';
import type { WriteContext } from './context';
import { describeZodError, toIpcError } from './errors';
import { outputGuard, type Guard } from './output-guard';
import { plainDataProblem } from './plain-data';

/** One compiled output guard per channel, built the first time the channel answers. */
const guards = new Map<Channel, Guard>();
const guardFor = (channel: Channel): Guard => {
  let guard = guards.get(channel);
  if (!guard) guards.set(channel, (guard = outputGuard(contract[channel].output as never)));
  return guard;
};

export type Handler<C extends Channel> = (
  input: ParsedInput<C>,
  call: WriteContext,
) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
export type Handlers = { [C in Channel]: Handler<C> };
/** The handlers of one domain: every channel whose name starts with `${D}.`, no more, no fewer. */
export type DomainHandlers<D extends Domain> = Pick<Handlers, Extract<Channel, `${D}.${string}`>>;

export type Dispatch = (channel: unknown, payload: unknown) => Promise<IpcResult<unknown>>;

export interface DispatchRules {
  /** Throws the vault's own VAULT_LOCKED (or SETUP_REQUIRED) error when it is not unlocked. */
  requireUnlocked(): void;
  /** The database, the time and the administrator for one call. */
  callContext(): WriteContext;
}

/**
 * The single entry point for every IPC call, in Electron and in the e2e
 * bridge alike: look up the channel, refuse anything that is not plain data,
 * parse the payload with its schema, refuse a channel that needs the vault
 * unlocked while it is locked (one table: shared/contract/access.ts), run
 * the handler, parse the output (so nothing outside the schema, such as a
 * secret field, can leak), and always resolve to a result object.
 */
export function createDispatcher(handlers: Handlers, log: (message: string) => void, rules: DispatchRules): Dispatch {
  return async (channel, payload) => {
    if (!isChannel(channel)) {
      const shown = typeof channel === 'string' ? `"${channel.slice(0, 80)}"` : 'a request with no name';
      return {
        ok: false,
        error: {
          code: 'UNKNOWN_CHANNEL',
          message: `Keyholder does not know ${shown}. Nothing was changed. If you see this after an update, restart Keyholder.`,
        },
      };
    }
    const problem = plainDataProblem(payload ?? {});
    if (problem) return { ok: false, error: { code: 'INVALID_INPUT', message: `${problem} Nothing was changed.` } };
    const schema = contract[channel];
    try {
      // Before the payload is even read: a locked vault answers "locked", whatever was sent.
      if (needsUnlocked(channel)) rules.requireUnlocked();
    } catch (error) {
      return { ok: false, error: toIpcError(error, log) };
    }
    const parsed = schema.input.safeParse(payload ?? {});
    if (!parsed.success) {
      return { ok: false, error: { code: 'INVALID_INPUT', message: describeZodError(parsed.error) } };
    }
    try {
      const handler = handlers[channel] as Handler<Channel>;
      const value: unknown = await handler(parsed.data as never, rules.callContext());
      const checked = guardFor(channel)(value);
      if (!checked.ok) {
        const zod = schema.output.safeParse(value);
        log(
          `Output of ${channel} did not match its schema: ${zod.success ? 'guard only' : describeZodError(zod.error)}`,
        );
        return toInternal(log);
      }
      return { ok: true, value: checked.value };
    } catch (error) {
      return { ok: false, error: toIpcError(error, log) };
    }
  };
}

function toInternal(log: (message: string) => void): IpcResult<never> {
  return { ok: false, error: toIpcError(new Error('output schema mismatch'), log) };
}
