import { z } from 'zod';
import { isoDate } from '../../../../shared/contract';

/**
 * The contract's own rules with the words a person needs when an answer is
 * missing: "Choose who approved it" rather than a type error. Each dialog
 * extends its channel's input schema with these, so the form checks
 * exactly what the main process will.
 */

/** A person chosen from a list (the contract's id). */
export const chosenId = (message: string) => z.number({ error: message }).int().positive();

/** A date that must be given (the contract's yyyy-mm-dd); the date field gives '' until it is complete. */
export const givenDate = (message: string) => z.string().min(1, message).pipe(isoDate);

/** A select's value as the id it stands for; nothing chosen is undefined, so `chosenId` says what to do. */
export const asId = (value: unknown): number | undefined =>
  value === '' || value === undefined ? undefined : Number(value);
