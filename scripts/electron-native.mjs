// Builds an Electron-ABI copy of better-sqlite3 into .native/electron, leaving
// the Node-ABI copy in node_modules for the tests. The main process loads the
// copy through better-sqlite3's `nativeBinding` option (electron/main/native.ts).
// Needs the internet the first time (node-gyp fetches Electron's headers);
// skipped when the copy is already built for this Electron version.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const sqliteVersion = require('better-sqlite3/package.json').version;
const target = join(root, '.native', 'electron', 'better-sqlite3');
const stampFile = join(target, 'keyholder-build.json');
const stamp = JSON.stringify({ electronVersion, sqliteVersion, arch: process.arch, platform: process.platform });
const binding = join(target, 'build', 'Release', 'better_sqlite3.node');

if (existsSync(binding) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
  console.log(`better-sqlite3 for Electron ${electronVersion} is already built.`);
  process.exit(0);
}

console.log(`Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${process.arch})...`);
rmSync(target, { recursive: true, force: true });
mkdirSync(dirname(target), { recursive: true });
const source = dirname(require.resolve('better-sqlite3/package.json'));
cpSync(source, target, { recursive: true, filter: (path) => !path.includes(`${join(source, 'build')}`) });

// npm hands its own config to child processes as npm_config_* variables; a
// nodedir there would make node-gyp build against Node's headers instead.
const env = { ...process.env };
for (const key of Object.keys(env)) if (key.toLowerCase().startsWith('npm_config_')) delete env[key];

const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
const result = spawnSync(
  process.execPath,
  [
    nodeGyp,
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    `--arch=${process.arch}`,
    '--runtime=electron',
    '--dist-url=https://electronjs.org/headers',
  ],
  { cwd: target, env, stdio: 'inherit' },
);
if (result.status !== 0) {
  console.error('Could not build better-sqlite3 for Electron. This step needs the internet the first time.');
  process.exit(result.status ?? 1);
}
writeFileSync(stampFile, stamp);
console.log(`Built ${binding}`);
