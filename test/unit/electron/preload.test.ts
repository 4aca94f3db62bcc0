import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { KeyholderBridge } from '../../../shared/bridge';
import { channelNames, eventNames, type EventName } from '../../../shared/contract';

type AnyMock = Mock<(...args: unknown[]) => unknown>;

/**
 * The preload runs as soon as it is imported, so each test resets the
 * module registry, swaps in fresh fakes and imports it again.
 */
const fakes = vi.hoisted(() => ({
  exposeInMainWorld: null as unknown as AnyMock,
  invoke: null as unknown as AnyMock,
  on: null as unknown as AnyMock,
  removeListener: null as unknown as AnyMock,
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (...args: unknown[]) => fakes.exposeInMainWorld(...args),
  },
  ipcRenderer: {
    invoke: (...args: unknown[]) => fakes.invoke(...args),
    on: (...args: unknown[]) => fakes.on(...args),
    removeListener: (...args: unknown[]) => fakes.removeListener(...args),
  },
}));

let bridge: KeyholderBridge;

beforeEach(async () => {
  fakes.exposeInMainWorld = vi.fn();
  fakes.invoke = vi.fn(async (...args: unknown[]) => ({ ok: true, value: `answer from ${String(args[0])}` }));
  fakes.on = vi.fn();
  fakes.removeListener = vi.fn();
  vi.resetModules();
  await import('../../../electron/preload/index');
  bridge = fakes.exposeInMainWorld.mock.calls[0]?.[1] as KeyholderBridge;
});

describe('the preload bridge', () => {
  it('exposes one key, keyholder, holding only invoke and onEvent', () => {
    expect(fakes.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(fakes.exposeInMainWorld.mock.calls[0]?.[0]).toBe('keyholder');
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onEvent']);
    expect(typeof bridge.invoke).toBe('function');
    expect(typeof bridge.onEvent).toBe('function');
  });

  it('never hands ipcRenderer itself to the page', () => {
    const exposed = fakes.exposeInMainWorld.mock.calls.flatMap((call) => call.slice(1));
    for (const value of exposed) {
      expect(Object.values(value as object).every((member) => typeof member === 'function')).toBe(true);
      expect(Object.keys(value as object)).not.toContain('ipcRenderer');
      expect(Object.keys(value as object)).not.toContain('send');
    }
  });

  it.each(channelNames)('forwards %s with its payload to ipcRenderer.invoke', async (channel) => {
    const payload = { nested: { value: 1 } };
    await expect(bridge.invoke(channel, payload)).resolves.toEqual({ ok: true, value: `answer from ${channel}` });
    expect(fakes.invoke).toHaveBeenCalledTimes(1);
    expect(fakes.invoke).toHaveBeenCalledWith(channel, payload);
  });

  it.each(['evil.channel', '__proto__', 'constructor', 'toString', 'event:vault.locked', ''])(
    'refuses the unknown channel "%s" without calling the main process',
    async (channel) => {
      const result = await bridge.invoke(channel, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
      expect(fakes.invoke).not.toHaveBeenCalled();
    },
  );

  it('subscribes to a contract event and unsubscribes the same listener', () => {
    const listener = vi.fn();
    const unsubscribe = bridge.onEvent('vault.locked', listener);
    expect(fakes.on).toHaveBeenCalledTimes(1);
    const [name, wrapped] = fakes.on.mock.calls[0] as [string, (event: unknown) => void];
    expect(name).toBe('event:vault.locked');

    wrapped({ sender: 'the ipc event, which must not reach the page' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([]);

    expect(fakes.removeListener).not.toHaveBeenCalled();
    unsubscribe();
    expect(fakes.removeListener).toHaveBeenCalledTimes(1);
    expect(fakes.removeListener).toHaveBeenCalledWith('event:vault.locked', wrapped);
  });

  it('subscribes to every contract event under its own name', () => {
    for (const name of eventNames) bridge.onEvent(name, vi.fn());
    expect(fakes.on.mock.calls.map(([name]) => name)).toEqual(eventNames.map((name) => `event:${name}`));
  });

  it.each(['evil.event', '__proto__', 'vault.unlocked'])('subscribes to nothing for the unknown event %s', (name) => {
    const unsubscribe = bridge.onEvent(name as EventName, vi.fn());
    expect(fakes.on).not.toHaveBeenCalled();
    expect(typeof unsubscribe).toBe('function');
    unsubscribe();
    expect(fakes.removeListener).not.toHaveBeenCalled();
  });
});
