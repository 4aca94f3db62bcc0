import type { Protocol } from 'electron';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { registerAppScheme, resolveAppFile, serveRenderer } from '../../../electron/main/protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/security';
import { useTempDirs } from '../../support/temp-dir';

// Electron's binary is not installed here; nothing in this file may load it.
vi.mock('electron', () => ({}));

const tempDir = useTempDirs('keyholder-protocol-');
const dir = join(sep, 'opt', 'keyholder', 'renderer');

type AppHandler = (request: Request) => Promise<Response>;

/** Serves a temp folder through a fake protocol.handle and returns the captured handler. */
function servedFrom(rendererDir: string): AppHandler {
  const handle = vi.fn();
  serveRenderer({ handle } as unknown as Pick<Protocol, 'handle'>, rendererDir);
  expect(handle).toHaveBeenCalledTimes(1);
  expect(handle.mock.calls[0]?.[0]).toBe('app');
  return handle.mock.calls[0]?.[1] as AppHandler;
}

/** A renderer folder inside a temp folder that also holds a secret file beside it. */
function rendererFolder(): string {
  const root = join(tempDir(), 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Keyholder</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'export {};');
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(root, '..', 'secret.txt'), 'secret');
  return root;
}

describe('resolveAppFile', () => {
  it('maps the bare origin to index.html', () => {
    expect(resolveAppFile(dir, 'app://keyholder/')).toBe(join(dir, 'index.html'));
  });

  it('maps a path to the same path inside the folder', () => {
    expect(resolveAppFile(dir, 'app://keyholder/index.html')).toBe(join(dir, 'index.html'));
    expect(resolveAppFile(dir, 'app://keyholder/assets/a.js')).toBe(join(dir, 'assets', 'a.js'));
    expect(resolveAppFile(dir, 'app://keyholder/assets/a.js?v=1#top')).toBe(join(dir, 'assets', 'a.js'));
  });

  it.each([
    'app://keyholder/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://keyholder/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    'app://keyholder/..%2f..%2f..%2fetc%2fpasswd',
    'app://keyholder/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://keyholder/..%2fsecret.txt',
    'app://keyholder/assets%5c..%5c..%5csecret.txt',
    'app://keyholder/assets%5cindex-abc.js',
    'app://keyholder/index.html%00.js',
  ])('refuses the encoded traversal %s', (url) => {
    expect(resolveAppFile(dir, url)).toBeNull();
  });

  it.each([
    'app://keyholder/../../etc/passwd',
    'app://keyholder/%2e%2e/%2e%2e/etc/passwd',
    'app://keyholder/a/../../x',
    'app://keyholder/%2e%2e',
  ])('keeps the plain traversal %s inside the folder (the URL parser removes the dots)', (url) => {
    const resolved = resolveAppFile(dir, url);
    expect(resolved === null || resolved.startsWith(dir + sep)).toBe(true);
    expect(resolved).not.toBe(join(sep, 'etc', 'passwd'));
  });

  it.each(['app://keyholder/%E0%A4%A', 'app://keyholder/%', 'app://keyholder/assets/%zz.js'])(
    'refuses the malformed escape in %s',
    (url) => {
      expect(resolveAppFile(dir, url)).toBeNull();
    },
  );

  it.each([
    'app://evil/index.html',
    'app://keyholder.evil/index.html',
    'app://keyholder:1234/index.html',
    'https://keyholder/index.html',
    'file:///opt/keyholder/renderer/index.html',
    'http://127.0.0.1/index.html',
  ])('refuses %s, which is another origin', (url) => {
    expect(resolveAppFile(dir, url)).toBeNull();
  });
});

describe('serveRenderer', () => {
  it('serves index.html with the CSP header, nosniff and the right type', async () => {
    const handler = servedFrom(rendererFolder());
    const response = await handler(new Request('app://keyholder/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    await expect(response.text()).resolves.toBe('<!doctype html><title>Keyholder</title>');
  });

  it('serves index.html for the bare origin', async () => {
    const handler = servedFrom(rendererFolder());
    const response = await handler(new Request('app://keyholder/'));
    expect(response.status).toBe(200);
    await expect(response.text()).resolves.toContain('<title>Keyholder</title>');
  });

  it('serves scripts and styles with their types and the same headers', async () => {
    const handler = servedFrom(rendererFolder());
    const script = await handler(new Request('app://keyholder/assets/index-abc.js'));
    expect(script.status).toBe(200);
    expect(script.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(script.headers.get('X-Content-Type-Options')).toBe('nosniff');
    const style = await handler(new Request('app://keyholder/assets/index-abc.css'));
    expect(style.headers.get('Content-Type')).toBe('text/css; charset=utf-8');
  });

  it('answers 404 for a missing file', async () => {
    const handler = servedFrom(rendererFolder());
    const response = await handler(new Request('app://keyholder/assets/missing.js'));
    expect(response.status).toBe(404);
  });

  it('answers 404 for a folder', async () => {
    const handler = servedFrom(rendererFolder());
    const response = await handler(new Request('app://keyholder/assets'));
    expect(response.status).toBe(404);
  });

  it('answers 404 for a traversal to a real file beside the folder', async () => {
    const handler = servedFrom(rendererFolder());
    for (const url of ['app://keyholder/..%2fsecret.txt', 'app://keyholder/assets/..%2f..%2fsecret.txt']) {
      const response = await handler(new Request(url));
      expect(response.status).toBe(404);
      await expect(response.text()).resolves.not.toContain('secret');
    }
  });

  it('answers 404, rather than throwing, for a malformed escape', async () => {
    const handler = servedFrom(rendererFolder());
    const response = await handler(new Request('app://keyholder/%E0%A4%A'));
    expect(response.status).toBe(404);
  });

  it('answers 404 for another host', async () => {
    const handler = servedFrom(rendererFolder());
    const response = await handler(new Request('app://evil/index.html'));
    expect(response.status).toBe(404);
  });
});

describe('registerAppScheme', () => {
  it("registers 'app' as a standard, secure scheme", () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerAppScheme({ registerSchemesAsPrivileged } as unknown as Pick<Protocol, 'registerSchemesAsPrivileged'>);
    expect(registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    const schemes = registerSchemesAsPrivileged.mock.calls[0]?.[0] as { scheme: string; privileges: object }[];
    expect(schemes).toHaveLength(1);
    expect(schemes[0]?.scheme).toBe('app');
    expect(schemes[0]?.privileges).toMatchObject({ standard: true, secure: true });
    expect(schemes[0]?.privileges).not.toHaveProperty('bypassCSP', true);
  });
});
