// Runs a TypeScript bench file through Vite's SSR loader, so it resolves the
// same way as the app and the tests (import.meta.glob for migrations included).
// Usage: node bench/launch.mjs bench/run.ts
import { createServer } from 'vite';

const entry = process.argv[2] ?? 'bench/run.ts';
const server = await createServer({
  configFile: false,
  root: process.cwd(),
  logLevel: 'error',
  server: { middlewareMode: true, hmr: false, ws: false },
  appType: 'custom',
  optimizeDeps: { noDiscovery: true, include: [] },
});
try {
  await server.ssrLoadModule(`/${entry}`);
} finally {
  await server.close();
}
