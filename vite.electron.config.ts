import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

/**
 * The main process and the preload, each one CommonJS file. The preload is
 * built on its own because a sandboxed preload cannot require other local
 * files. Native modules and Electron stay external.
 * Usage: vite build -c vite.electron.config.ts --mode main|preload
 */
const entries = {
  main: { entry: 'electron/main/index.ts', fileName: 'main.cjs' },
  preload: { entry: 'electron/preload/index.ts', fileName: 'preload.cjs' },
} as const;

export default defineConfig(({ mode }) => {
  const target = entries[mode as keyof typeof entries];
  if (!target) throw new Error(`Use --mode main or --mode preload (got ${mode})`);
  return {
    resolve: { conditions: ['node'] },
    build: {
      outDir: 'dist-electron',
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      sourcemap: false,
      lib: { entry: target.entry, formats: ['cjs'], fileName: () => target.fileName },
      rollupOptions: {
        external: [
          'electron',
          'better-sqlite3',
          'keytar',
          ...builtinModules,
          ...builtinModules.map((m) => `node:${m}`),
        ],
        // require() rather than import() for lazily loaded native modules:
        // the ESM loader is not needed and behaves differently inside asar.
        output: { inlineDynamicImports: true, dynamicImportInCjs: false },
        // zod ships comments rollup cannot place; they are harmless.
        onwarn(warning, warn) {
          if (warning.code !== 'INVALID_ANNOTATION') warn(warning);
        },
      },
    },
  };
});
