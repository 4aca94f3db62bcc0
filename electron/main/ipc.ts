import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channelNames, type IpcResult } from '../../shared/contract';
import type { Dispatch } from '../core/dispatcher';
import { isTrustedRendererUrl } from './security';

const forbidden: IpcResult<never> = {
  ok: false,
  error: {
    code: 'FORBIDDEN',
    message: 'This request did not come from the Keyholder window, so it was refused. Nothing was changed.',
  },
};

/**
 * Rejects any call whose sending frame is gone, is a sub-frame, or is not
 * showing our bundled renderer. Checked on every call, before parsing.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isTrustedRendererUrl(frame.url);
}

/** Registers one handler per contract channel, all through the same checks. */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch): void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, async (event, payload: unknown) => {
      if (!isTrustedSender(event)) return forbidden;
      return dispatch(channel, payload);
    });
  }
}
