// Development loop: build once, rebuild the renderer on change, run Electron.
// The CSP forbids the inline scripts a hot-reload dev server injects, so the
// window loads built files; press Ctrl+R (View > Reload) after a change.
// A development run keeps its vault in its own data folder (Keyholder-dev).
import { spawn, spawnSync } from 'node:child_process';

// Node refuses to spawn npm.cmd/npx.cmd on Windows without a shell (CVE-2024-27980).
const shell = process.platform === 'win32';
const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell });
if (build.status !== 0) process.exit(build.status ?? 1);
const watcher = spawn('npx', ['vite', 'build', '--watch'], { stdio: 'inherit', shell });
const electron = spawn('npx', ['electron', '.'], { stdio: 'inherit', shell });
electron.on('exit', (code) => {
  watcher.kill();
  process.exit(code ?? 0);
});
