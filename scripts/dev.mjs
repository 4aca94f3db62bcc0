// Development loop: build once, rebuild the renderer on change, run Electron.
// The CSP forbids the inline scripts a hot-reload dev server injects, so the
// window loads built files; press Ctrl+R (View > Reload) after a change.
import { spawn, spawnSync } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
for (const script of ['build', 'native:electron']) {
  const result = spawnSync(npm, ['run', script], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
const watcher = spawn(npx, ['vite', 'build', '--watch'], { stdio: 'inherit' });
const electron = spawn(npx, ['electron', '.'], { stdio: 'inherit', env: { ...process.env, KEYHOLDER_DEV: '1' } });
electron.on('exit', (code) => {
  watcher.kill();
  process.exit(code ?? 0);
});
