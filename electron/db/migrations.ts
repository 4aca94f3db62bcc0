/**
 * The numbered migrations, discovered at build time: every file in
 * ./migrations named NNNN-description.sql. Vite inlines them into the main
 * bundle, so a packaged app needs no loose SQL files.
 */
const files = import.meta.glob('./migrations/*.sql', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function loadMigrations(source: Record<string, string> = files): Migration[] {
  const migrations = Object.entries(source).map(([path, sql]) => {
    const file = path.split('/').pop() ?? path;
    const match = /^(\d{4})-([a-z0-9-]+)\.sql$/.exec(file);
    if (!match) throw new Error(`Migration file name must look like 0001-name.sql: ${file}`);
    return { version: Number(match[1]), name: match[2] ?? file, sql };
  });
  migrations.sort((a, b) => a.version - b.version);
  migrations.forEach((m, index) => {
    if (m.version !== index + 1)
      throw new Error(`Migrations must be numbered 1, 2, 3... without gaps; found ${m.version}`);
  });
  return migrations;
}

export const migrations = loadMigrations();
export const latestSchemaVersion = migrations.length;
