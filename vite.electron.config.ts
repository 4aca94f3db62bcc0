import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

/**
 * The main process and the preload, each one CommonJS file, built as Node
 * (SSR) bundles: packages resolve to their Node builds (exceljs, docx,
 * papaparse...), never the browser builds a client build would pick, so the
 * shipped code is the code the tests run. Everything is bundled except
 * Electron, the two native modules and Node's built-ins. The preload is built
 * on its own because a sandboxed preload cannot require other local files.
 * Usage: vite build -c vite.electron.config.ts --mode main|preload
 */
const entries = {
  main: { entry: 'electron/main/index.ts', fileName: 'main.cjs' },
  preload: { entry: 'electron/preload/index.ts', fileName: 'preload.cjs' },
} as const;

export const runtimeExternals = ['electron', 'better-sqlite3', 'keytar'];

export default defineConfig(({ mode }) => {
  const target = entries[mode as keyof typeof entries];
  if (!target) throw new Error(`Use --mode main or --mode preload (got ${mode})`);
  return {
    ssr: { noExternal: true, target: 'node' },
    build: {
      ssr: target.entry,
      outDir: 'dist-electron',
      emptyOutDir: false,
      target: 'node22',
      minify: false,
      sourcemap: false,
      rollupOptions: {
        external: [...runtimeExternals, ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
        // require() rather than import() for lazily loaded modules: the ESM
        // loader is not needed and behaves differently inside asar.
        output: {
          format: 'cjs',
          entryFileNames: target.fileName,
          inlineDynamicImports: true,
          dynamicImportInCjs: false,
        },
        // zod ships comments rollup cannot place; they are harmless.
        onwarn(warning, warn) {
          if (warning.code !== 'INVALID_ANNOTATION') warn(warning);
        },
      },
    },
  };
});
