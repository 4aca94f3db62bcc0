import { describe, expect, it } from 'vitest';
import type { KeyholderBridge } from '../../../shared/bridge';
import { channelNames, type Channel, type ErrorCode, type IpcResult } from '../../../shared/contract';

/*
 * The client lives in the renderer's TypeScript project (tsconfig.web.json), and a static import
 * from here makes tsc -b fail with TS6307 because tsconfig.node.json does not list that file. So
 * Vite loads it at run time and this is the slice of its shape the tests rely on. Once
 * renderer/src/api is in tsconfig.node.json's include, swap this for a plain import.
 */
type ApiErrorLike = Error & { readonly code: ErrorCode };
type AnyMethod = (input?: unknown) => Promise<unknown>;
interface ClientModule {
  ApiError: new (code: ErrorCode, message: string) => ApiErrorLike;
  createClient(bridge: KeyholderBridge): {
    api: Record<string, Record<string, AnyMethod> | undefined>;
    call(channel: Channel, input: unknown): Promise<IpcResult<unknown>>;
    onError(listener: (error: ApiErrorLike, channel: string) => void): () => void;
  };
}
const loaded = Object.values(import.meta.glob<ClientModule>('../../../renderer/src/api/client.ts', { eager: true }));
if (loaded.length !== 1 || !loaded[0]) throw new Error('renderer/src/api/client.ts was not found');
const { ApiError, createClient } = loaded[0];

interface FakeBridge extends KeyholderBridge {
  calls: { channel: string; payload: unknown }[];
  /** What the next invoke resolves to. */
  reply: IpcResult<unknown>;
}

function fakeBridge(reply: IpcResult<unknown> = { ok: true, value: null }): FakeBridge {
  const bridge: FakeBridge = {
    calls: [],
    reply,
    invoke: async (channel, payload) => {
      bridge.calls.push({ channel, payload });
      return bridge.reply;
    },
    onEvent: () => () => {},
  };
  return bridge;
}

type Api = ReturnType<ClientModule['createClient']>['api'];

function methodFor(api: Api, channel: string): AnyMethod | undefined {
  const [domain, action] = channel.split('.') as [string, string];
  return api[domain]?.[action];
}

/** api.app.info, which every version of the contract has. */
function appInfo(api: Api): AnyMethod {
  const method = methodFor(api, 'app.info');
  if (!method) throw new Error('api.app.info is missing');
  return method;
}

const locked = { code: 'VAULT_LOCKED', message: 'The vault is locked. Unlock it to carry on.' } as const;

describe('createClient', () => {
  it('has one method per contract channel, grouped by domain', () => {
    const { api } = createClient(fakeBridge());
    expect(typeof api.app?.info).toBe('function');
    for (const channel of channelNames) expect(typeof methodFor(api, channel)).toBe('function');

    const exposed = Object.entries(api).flatMap(([domain, group]) =>
      Object.keys(group ?? {}).map((action) => `${domain}.${action}`),
    );
    expect(exposed.sort()).toEqual([...channelNames].sort());
  });

  it.each(channelNames)('sends {} on %s when called with no argument', async (channel) => {
    const bridge = fakeBridge();
    const { api } = createClient(bridge);
    await methodFor(api, channel)?.();
    expect(bridge.calls).toEqual([{ channel, payload: {} }]);
  });

  it('sends the argument it is given unchanged', async () => {
    const bridge = fakeBridge();
    const { api } = createClient(bridge);
    const input = { some: 'thing' };
    await appInfo(api)(input);
    expect(bridge.calls).toEqual([{ channel: 'app.info', payload: input }]);
  });

  it('resolves to the value of an ok result', async () => {
    const value = { name: 'Keyholder', version: '4.5.6', dataDir: '/d', databasePath: '/d/k.db', schemaVersion: 3 };
    const { api } = createClient(fakeBridge({ ok: true, value: { ...value, platform: 'test' } }));
    await expect(appInfo(api)()).resolves.toEqual({ ...value, platform: 'test' });
  });

  it('rejects with an ApiError carrying the code and message, and tells the listeners', async () => {
    const client = createClient(fakeBridge({ ok: false, error: locked }));
    const heard: { error: ApiErrorLike; channel: string }[] = [];
    client.onError((error, channel) => heard.push({ error, channel }));

    const failure = await appInfo(client.api)().then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toBeInstanceOf(Error);
    expect(failure).toMatchObject({ name: 'ApiError', code: locked.code, message: locked.message });
    expect(heard).toEqual([{ error: failure, channel: 'app.info' }]);
  });

  it('stops telling a listener once it has unsubscribed', async () => {
    const client = createClient(fakeBridge({ ok: false, error: locked }));
    let kept = 0;
    let dropped = 0;
    client.onError(() => (kept += 1));
    const unsubscribe = client.onError(() => (dropped += 1));

    await expect(appInfo(client.api)()).rejects.toBeInstanceOf(ApiError);
    unsubscribe();
    await expect(appInfo(client.api)()).rejects.toBeInstanceOf(ApiError);
    expect(kept).toBe(2);
    expect(dropped).toBe(1);
  });

  it('call() returns the raw result without throwing', async () => {
    const bridge = fakeBridge({ ok: false, error: locked });
    const client = createClient(bridge);
    await expect(client.call('app.info', {})).resolves.toEqual({ ok: false, error: locked });

    bridge.reply = { ok: true, value: { answer: 42 } };
    await expect(client.call('app.info', {})).resolves.toEqual({ ok: true, value: { answer: 42 } });
    expect(bridge.calls).toEqual([
      { channel: 'app.info', payload: {} },
      { channel: 'app.info', payload: {} },
    ]);
  });

  it('call() sends {} when given no input', async () => {
    const bridge = fakeBridge();
    await createClient(bridge).call('app.info', undefined);
    expect(bridge.calls).toEqual([{ channel: 'app.info', payload: {} }]);
  });
});
