import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { isTrustedSender, registerIpc } from '../../../electron/main/ipc';
import type { Dispatch } from '../../../electron/core/dispatcher';
import { channelNames, type IpcResult } from '../../../shared/contract';

// Electron's binary is not installed here; nothing in this file may load it.
vi.mock('electron', () => ({}));

type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'>;
type Handler = (event: SenderEvent, payload: unknown) => Promise<IpcResult<unknown>>;

/** An invoke event from a frame with the given URL and parent. */
function eventFrom(url: string, parent: object | null = null): SenderEvent {
  return { senderFrame: { url, parent } } as unknown as SenderEvent;
}

const trusted = eventFrom('app://keyholder/index.html');

function registered(dispatch: Dispatch) {
  const handlers = new Map<string, Handler>();
  const handle = vi.fn((channel: string, handler: Handler) => {
    expect(handlers.has(channel), `${channel} registered twice`).toBe(false);
    handlers.set(channel, handler);
  });
  registerIpc({ handle } as unknown as Pick<IpcMain, 'handle'>, dispatch);
  return { handle, handlers };
}

describe('isTrustedSender', () => {
  it('refuses an event whose frame is gone', () => {
    expect(isTrustedSender({ senderFrame: null } as unknown as SenderEvent)).toBe(false);
    expect(isTrustedSender({ senderFrame: undefined } as unknown as SenderEvent)).toBe(false);
    expect(isTrustedSender({} as unknown as SenderEvent)).toBe(false);
  });

  it('refuses a sub-frame, even one showing the renderer', () => {
    expect(isTrustedSender(eventFrom('app://keyholder/index.html', { url: 'app://keyholder/index.html' }))).toBe(false);
  });

  it.each(['https://evil.example', 'file:///etc/passwd', 'app://evil/index.html', 'about:blank', ''])(
    'refuses a top frame showing %s',
    (url) => {
      expect(isTrustedSender(eventFrom(url))).toBe(false);
    },
  );

  it('accepts the top frame of the bundled renderer', () => {
    expect(isTrustedSender(trusted)).toBe(true);
  });
});

describe('registerIpc', () => {
  it('registers exactly one handler per contract channel and nothing else', () => {
    const { handle, handlers } = registered(vi.fn());
    expect(channelNames.length).toBeGreaterThan(0);
    expect(handle).toHaveBeenCalledTimes(channelNames.length);
    expect([...handlers.keys()].sort()).toEqual([...channelNames].sort());
  });

  it.each(channelNames)('%s refuses an untrusted sender without dispatching', async (channel) => {
    const dispatch = vi.fn<Dispatch>();
    const handler = registered(dispatch).handlers.get(channel);
    for (const event of [
      eventFrom('https://evil.example'),
      eventFrom('app://keyholder/index.html', {}),
      { senderFrame: null } as unknown as SenderEvent,
    ]) {
      const result = await handler?.(event, { any: 'thing' });
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      if (result && !result.ok) expect(result.error.message.length).toBeGreaterThan(0);
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it.each(channelNames)('%s passes a trusted call to the dispatcher and returns its answer', async (channel) => {
    const answer: IpcResult<unknown> = { ok: true, value: { marker: channel } };
    const dispatch = vi.fn<Dispatch>(async () => answer);
    const handler = registered(dispatch).handlers.get(channel);
    const payload = { some: 'payload' };
    await expect(handler?.(trusted, payload)).resolves.toBe(answer);
    expect(dispatch).toHaveBeenCalledTimes(1);
    expect(dispatch).toHaveBeenCalledWith(channel, payload);
  });

  it('checks the sender on every call, not only the first', async () => {
    const dispatch = vi.fn<Dispatch>(async () => ({ ok: true, value: null }));
    const [channel] = channelNames;
    const handler = registered(dispatch).handlers.get(channel ?? '');
    await handler?.(trusted, undefined);
    const second = await handler?.(eventFrom('https://evil.example'), undefined);
    expect(second).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dispatch).toHaveBeenCalledTimes(1);
  });
});
