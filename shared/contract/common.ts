import { z } from 'zod';

/** Channels that take no arguments still receive `{}`, so every input is an object. */
export const noInput = z.object({}).strict();

/** Calendar date as the renderer sends it: ISO yyyy-mm-dd (shown to people as dd/mm/yyyy). */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date in the form yyyy-mm-dd');

/** Timestamp as stored and sent: ISO 8601 in UTC. */
export const isoDateTime = z.iso.datetime({ offset: true });

export const id = z.number().int().positive();

/**
 * Text a person typed: trimmed, in one Unicode form (NFC, so "é" typed as
 * one character or as "e" and an accent is the same name), bounded so a
 * pasted novel cannot fill the database. Secrets are never normalised.
 */
export const shortText = (max = 200) => z.string().trim().normalize('NFC').max(max);
export const requiredText = (label: string, max = 200) =>
  z
    .string()
    .trim()
    .normalize('NFC')
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`);
