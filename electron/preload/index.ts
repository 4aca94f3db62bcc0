import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { channelNames, eventNames, type EventName, type IpcResult } from '../../shared/contract';
import type { KeyholderBridge } from '../../shared/bridge';

/**
 * The only thing the renderer can reach: `window.keyholder.invoke` for the
 * contract's channels and `onEvent` for the push events. ipcRenderer itself
 * is never exposed, and names outside the contract are refused here as well
 * as in the main process.
 */
const allowedChannels = new Set<string>(channelNames);
const allowedEvents = new Set<string>(eventNames);

const bridge: KeyholderBridge = {
  invoke: (channel: string, payload: unknown): Promise<IpcResult<unknown>> => {
    if (!allowedChannels.has(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', message: `Keyholder does not know "${String(channel).slice(0, 80)}".` },
      });
    }
    return ipcRenderer.invoke(channel, payload) as Promise<IpcResult<unknown>>;
  },
  onEvent: (name: EventName, listener: () => void): (() => void) => {
    if (!allowedEvents.has(name)) return () => undefined;
    const wrapped = (_event: IpcRendererEvent): void => listener();
    ipcRenderer.on(`event:${name}`, wrapped);
    return () => ipcRenderer.removeListener(`event:${name}`, wrapped);
  },
};

contextBridge.exposeInMainWorld('keyholder', bridge);
