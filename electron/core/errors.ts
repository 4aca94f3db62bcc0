import { ZodError } from 'zod';
import { KeyholderError, type IpcError } from '../../shared/contract';

/** Turns a zod failure into one sentence a person can act on. */
export function describeZodError(error: ZodError): string {
  const parts = error.issues.slice(0, 5).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join(' > ') : '';
    // Messages can quote the offending input (zod's unrecognised keys); keep them short.
    const text = where ? `${where}: ${issue.message}` : issue.message;
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  });
  const more = error.issues.length > 5 ? ` (and ${error.issues.length - 5} more)` : '';
  return `Keyholder could not accept that request, so nothing was changed. ${parts.join('; ')}${more}.`;
}

/**
 * Maps anything thrown by core code to the IPC error shape. Unexpected
 * errors get a generic message (their text may hold internal detail) and are
 * reported to `log` so the administrator can send the log to support.
 */
export function toIpcError(error: unknown, log: (message: string) => void): IpcError {
  if (error instanceof KeyholderError) return { code: error.code, message: error.message };
  if (error instanceof ZodError) return { code: 'INVALID_INPUT', message: describeZodError(error) };
  const name = error instanceof Error ? error.name : typeof error;
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  log(`Unexpected error (${name}): ${detail}`);
  return {
    code: 'INTERNAL',
    message:
      'Something went wrong inside Keyholder and nothing was changed. Try again; if it keeps happening, restart Keyholder and send the log file from Settings to your IT support.',
  };
}
