import { z } from 'zod';

/**
 * Every failure that crosses IPC carries one of these codes. The renderer
 * branches on the code; the message is written for a school administrator
 * (what happened and what to do), never a stack trace.
 */
export const errorCodes = [
  'UNKNOWN_CHANNEL',
  'INVALID_INPUT',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'POLICY',
  'VAULT_LOCKED',
  'KEYCHAIN_UNAVAILABLE',
  'SETUP_REQUIRED',
  'DATABASE_TOO_NEW',
  'VAULT_DAMAGED',
  'ALREADY_OPEN',
  'INTERNAL',
] as const;

export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const ipcErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
});
export type IpcError = z.infer<typeof ipcErrorSchema>;

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** Thrown by core code; the dispatcher turns it into `{ ok: false, error }`. */
export class KeyholderError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'KeyholderError';
    this.code = code;
  }
}
