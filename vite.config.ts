import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The renderer bundle. Relative base so the same files load from app://
 * in Electron and from 127.0.0.1 in the end-to-end tests. No inline
 * scripts are emitted, which the CSP requires.
 */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome140',
    sourcemap: false,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    // zxcvbn's dictionaries make one large chunk; it loads from disk, not a network.
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      // zod ships comments rollup cannot place; they are harmless.
      onwarn(warning, warn) {
        if (warning.code !== 'INVALID_ANNOTATION') warn(warning);
      },
    },
  },
});
