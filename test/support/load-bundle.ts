import { createRequire } from 'node:module';
import Module from 'node:module';

/**
 * Loads a built CommonJS bundle (dist-electron/main.cjs or preload.cjs) in
 * this Node process as Electron would, with `electron` answered by a
 * stand-in. Every module the bundle asks for is recorded, including ones it
 * asks for later (lazily loaded native modules), until `restore()`.
 */
type Load = (request: string, parent: { filename?: string } | undefined, isMain: boolean) => unknown;

export interface LoadedBundle {
  /** Module names the bundle required, in order. */
  readonly requests: string[];
  restore(): void;
}

export function loadBundle(path: string, electron: unknown, argv?: string[]): LoadedBundle {
  const loader = Module as unknown as { _load: Load };
  const original = loader._load;
  const requests: string[] = [];
  loader._load = function (request, parent, isMain) {
    if (parent?.filename === path && request !== path) requests.push(request);
    if (request === 'electron') return electron;
    return original.call(this, request, parent, isMain);
  };
  const require = createRequire(path);
  delete require.cache[path];
  const savedArgv = process.argv;
  if (argv) process.argv = argv;
  try {
    require(path);
  } catch (error) {
    loader._load = original;
    throw error;
  } finally {
    process.argv = savedArgv;
  }
  return {
    requests,
    restore: () => {
      loader._load = original;
      delete require.cache[path];
    },
  };
}
