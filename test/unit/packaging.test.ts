import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { APP_ID } from '../../electron/main/security';

// Electron's binary is not installed here; nothing in this file may load it.
vi.mock('electron', () => ({}));

/**
 * The packaging settings a school's installer depends on, read through
 * electron-builder's own loader and schema (the same code `npm run package`
 * runs), so a setting that would fail or misbehave there fails here first.
 */
const root = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  main: string;
  homepage?: string;
  engines: { node: string };
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

interface BuilderConfig {
  appId: string;
  /** electron-builder's loader turns the list into one filter set. */
  files: { filter: string[] }[];
  npmRebuild: boolean;
  nodeGypRebuild: boolean;
  buildDependenciesFromSource: boolean;
  electronFuses: Record<string, boolean>;
  deb: { depends: string[] };
  mac: { hardenedRuntime: boolean };
}

async function builderConfig(): Promise<BuilderConfig> {
  const loader = require('app-builder-lib/out/util/config/config.js') as {
    getConfig(dir: string, path: string | null, options: null): Promise<unknown>;
    validateConfiguration(config: unknown, logger: { isEnabled: boolean }): Promise<void>;
  };
  const config = await loader.getConfig(root, null, null);
  await loader.validateConfiguration(config, { isEnabled: false });
  return config as BuilderConfig;
}

describe('electron-builder configuration', () => {
  it("passes electron-builder's own schema and names the app as Windows notifications need", async () => {
    const config = await builderConfig();
    expect(config.appId).toBe(APP_ID);
    expect(pkg.homepage).toMatch(/^https:\/\//); // the deb target fails without it
  });

  it('never rebuilds native modules (both are N-API) and never compiles anything', async () => {
    const config = await builderConfig();
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
    const keytar = require('keytar/package.json') as { binary?: { napi_versions?: number[] } };
    expect(keytar.binary?.napi_versions?.length).toBeGreaterThan(0);
  });

  it('adds the keyring to the deb dependencies instead of replacing the default list', async () => {
    const config = await builderConfig();
    const fpm = require('app-builder-lib/out/targets/FpmTarget.js') as {
      default: { prototype: { getDefaultDepends(target: string): string[] } };
    };
    const defaults = fpm.default.prototype.getDefaultDepends.call(null, 'deb');
    expect(defaults.length).toBeGreaterThan(5);
    expect(config.deb.depends).toEqual(expect.arrayContaining([...defaults, 'libsecret-1-0', 'gnome-keyring']));
  });

  it('sets the fuses and re-signs a macOS build ad hoc after flipping them', async () => {
    const { electronFuses: fuses } = await builderConfig();
    expect(fuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      resetAdHocDarwinSignature: true,
    });
  });

  it('ships the built main process, preload and renderer that package.json points at', async () => {
    const { files } = await builderConfig();
    expect(pkg.main).toBe('dist-electron/main.cjs');
    const patterns = files.flatMap((set) => set.filter);
    expect(patterns).toEqual(expect.arrayContaining(['dist/renderer/**', 'dist-electron/**', 'package.json']));
  });
});

describe('runtime and dependencies', () => {
  it('needs a supported Node (22.12 or later) and pins every version exactly', () => {
    expect(pkg.engines.node).toBe('>=22.12.0');
    for (const [name, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
      expect(version, name).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });

  it('has only the two native modules as runtime dependencies, on better-sqlite3 13 with prebuilt binaries', () => {
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['better-sqlite3', 'keytar']);
    expect(pkg.dependencies['better-sqlite3']).toMatch(/^13\./);
    const prebuilds = join(root, 'node_modules', 'better-sqlite3', 'prebuilds');
    for (const target of ['win32-x64', 'darwin-arm64', 'darwin-x64', 'linux-x64']) {
      expect(existsSync(join(prebuilds, `${target}.node`)), target).toBe(true);
    }
  });

  it('has no install step and no script that compiles for Electron or rewrites node_modules', () => {
    expect(Object.keys(pkg.scripts)).not.toEqual(expect.arrayContaining(['install', 'postinstall', 'preinstall']));
    for (const [name, script] of Object.entries(pkg.scripts)) {
      expect(script, name).not.toMatch(/electron-rebuild|@electron\/rebuild|install-app-deps|node-gyp|npm rebuild/);
    }
  });
});
