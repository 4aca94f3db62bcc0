import type { EventName, IpcResult } from './contract';

/**
 * The shape of `window.keyholder`, provided by the Electron preload in the
 * app and by page.addInitScript in the end-to-end tests.
 */
export interface KeyholderBridge {
  invoke(channel: string, payload: unknown): Promise<IpcResult<unknown>>;
  onEvent(name: EventName, listener: () => void): () => void;
}
