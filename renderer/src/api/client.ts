import {
  channelNames,
  type Channel,
  type ChannelInput,
  type ChannelOutput,
  type ErrorCode,
  type IpcResult,
} from '../../../shared/contract';
import type { KeyholderBridge } from '../../../shared/bridge';

/** A failed call, with the code to branch on and the message to show. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

type DomainOf<C> = C extends `${infer D}.${string}` ? D : never;
type ActionOf<C, D extends string> = C extends `${D}.${infer A}` ? A : never;
// Channels that take no input (the strict empty object) can be called with no argument.
type Method<C extends Channel> =
  ChannelInput<C> extends Record<string, never>
    ? (input?: ChannelInput<C>, options?: CallOptions) => Promise<ChannelOutput<C>>
    : (input: ChannelInput<C>, options?: CallOptions) => Promise<ChannelOutput<C>>;

export interface CallOptions {
  /** The caller shows the error itself (a form's inline message), so the global banner stays quiet. */
  handled?: boolean;
}

/** `api.accounts.list(...)` style access, one method per contract channel. */
export type Api = {
  [D in DomainOf<Channel>]: { [A in ActionOf<Channel, D>]: Method<Extract<`${D}.${A}`, Channel>> };
};

type ErrorListener = (error: ApiError, channel: string) => void;

export interface Client {
  api: Api;
  /** The raw result, for callers that want to branch without exceptions. */
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<IpcResult<ChannelOutput<C>>>;
  onError(listener: ErrorListener): () => void;
}

/**
 * Builds the typed client from the contract's channel names, so a channel
 * added to shared/contract appears here with its types and no new code.
 */
export function createClient(bridge: KeyholderBridge): Client {
  const listeners = new Set<ErrorListener>();
  const call = async <C extends Channel>(channel: C, input: ChannelInput<C>) =>
    (await bridge.invoke(channel, input ?? {})) as IpcResult<ChannelOutput<C>>;

  const api: Record<string, Record<string, (input?: unknown, options?: CallOptions) => Promise<unknown>>> = {};
  for (const channel of channelNames) {
    const [domain, action] = channel.split('.') as [string, string];
    api[domain] ??= {};
    api[domain][action] = async (input?: unknown, options?: CallOptions) => {
      const result = await call(channel, (input ?? {}) as never);
      if (result.ok) return result.value;
      const error = new ApiError(result.error.code, result.error.message);
      if (!options?.handled) listeners.forEach((listener) => listener(error, channel));
      throw error;
    };
  }

  return {
    api: api as unknown as Api,
    call,
    onError: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
