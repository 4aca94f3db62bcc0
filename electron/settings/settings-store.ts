import { defaultSettings, settingsSchema, type Settings } from '../../shared/policy/settings';
import type { Db } from '../db/open';

/**
 * Settings live as key -> JSON rows. Reading merges them over the policy
 * defaults and validates the whole set, so a hand-edited or older database
 * can never hand the app an invalid value.
 */
export function readSettings(db: Db): Settings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const stored: Record<string, unknown> = {};
  for (const row of rows) {
    if (!(row.key in defaultSettings)) continue;
    try {
      stored[row.key] = JSON.parse(row.value) as unknown;
    } catch {
      // A damaged value falls back to its default rather than blocking the app.
    }
  }
  const parsed = settingsSchema.safeParse(stored);
  if (parsed.success) return parsed.data;
  // Keep every valid key and default the rest.
  const merged: Record<string, unknown> = { ...defaultSettings };
  for (const [key, value] of Object.entries(stored)) {
    const single = settingsSchema.shape[key as keyof Settings].safeParse(value);
    if (single.success) merged[key] = single.data;
  }
  return settingsSchema.parse(merged);
}

/** Writes the given keys; call inside the caller's transaction. Returns what changed. */
export function writeSettings(db: Db, patch: Partial<Settings>): Record<string, { from: unknown; to: unknown }> {
  const before = readSettings(db);
  const next = settingsSchema.parse({ ...before, ...patch });
  const upsert = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(patch) as (keyof Settings)[]) {
    const from = before[key];
    const to = next[key];
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    upsert.run(key, JSON.stringify(to));
    changes[key] = { from, to };
  }
  return changes;
}

/** Stored values that are unreadable or invalid (and so fall back to their defaults), for the log. */
export function settingsProblems(db: Db): string[] {
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const problems: string[] = [];
  for (const row of rows) {
    if (!(row.key in defaultSettings)) continue;
    let value: unknown;
    try {
      value = JSON.parse(row.value) as unknown;
    } catch {
      problems.push(`${row.key} is unreadable`);
      continue;
    }
    if (!settingsSchema.shape[row.key as keyof Settings].safeParse(value).success)
      problems.push(`${row.key} is invalid`);
  }
  return problems;
}
