import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/security';

// Electron's binary is not installed here; nothing in this file may load it.
vi.mock('electron', () => ({}));

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const sourceHtmlPath = join(projectRoot, 'renderer', 'index.html');
const builtHtmlPath = join(projectRoot, 'dist', 'renderer', 'index.html');

const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The content of every CSP meta tag in a document, in order. */
function cspMetaContents(html: string): string[] {
  const tags = html.match(/<meta\b[^>]*>/gi) ?? [];
  return tags
    .filter((tag) => /http-equiv\s*=\s*["']Content-Security-Policy["']/i.test(tag))
    .map((tag) => /\bcontent\s*=\s*"([^"]*)"/i.exec(tag)?.[1] ?? '');
}

/** Directive name to its source list, e.g. "script-src" -> ["'self'"]. */
function parseDirectives(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = normalise(part).split(' ');
    if (!name) continue;
    const key = name.toLowerCase();
    expect(directives.has(key), `directive ${key} appears twice`).toBe(false);
    directives.set(key, sources);
  }
  return directives;
}

const forbiddenSources = ["'unsafe-inline'", "'unsafe-eval'", "'wasm-unsafe-eval'", "'unsafe-hashes'"];
const forbiddenSchemes = ['http:', 'https:', 'ws:', 'wss:'];

describe('the content security policy', () => {
  const directives = parseDirectives(CONTENT_SECURITY_POLICY);

  it('is the meta tag in renderer/index.html, word for word', () => {
    const contents = cspMetaContents(readFileSync(sourceHtmlPath, 'utf8'));
    expect(contents).toHaveLength(1);
    expect(normalise(contents[0] ?? '')).toBe(normalise(CONTENT_SECURITY_POLICY));
  });

  it('denies everything by default', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
  });

  it("allows scripts only from 'self'", () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
  });

  it('blocks plugins, base changes, form posts and frames', () => {
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('frame-src')).toEqual(["'none'"]);
  });

  it('has no unsafe keyword, remote scheme or wildcard in any directive', () => {
    expect(directives.size).toBeGreaterThan(5);
    for (const [name, sources] of directives) {
      for (const source of sources) {
        const lower = source.toLowerCase();
        expect(forbiddenSources, `${name} allows ${source}`).not.toContain(lower);
        expect(forbiddenSchemes, `${name} allows ${source}`).not.toContain(lower);
        expect(lower.startsWith('http://') || lower.startsWith('https://'), `${name} allows ${source}`).toBe(false);
        expect(lower.startsWith('ws://') || lower.startsWith('wss://'), `${name} allows ${source}`).toBe(false);
        expect(source.includes('*'), `${name} allows ${source}`).toBe(false);
      }
    }
  });

  it('lets the parser catch a weakened policy', () => {
    // A guard on the guard: the checks above must notice each kind of weakening.
    const weakened = parseDirectives("default-src 'none'; script-src 'self' 'unsafe-inline' https: *.example.com");
    const sources = weakened.get('script-src') ?? [];
    expect(sources).toContain("'unsafe-inline'");
    expect(sources).toContain('https:');
    expect(sources.some((source) => source.includes('*'))).toBe(true);
  });
});

describe('the built renderer', () => {
  let html = '';

  beforeAll(async () => {
    if (!existsSync(builtHtmlPath)) {
      const { build } = await import('vite');
      await build({
        configFile: join(projectRoot, 'vite.config.ts'),
        root: join(projectRoot, 'renderer'),
        logLevel: 'warn',
      });
    }
    html = readFileSync(builtHtmlPath, 'utf8');
  }, 180_000);

  it('carries the same CSP meta tag', () => {
    const contents = cspMetaContents(html);
    expect(contents).toHaveLength(1);
    expect(normalise(contents[0] ?? '')).toBe(normalise(CONTENT_SECURITY_POLICY));
  });

  it('has no inline script: every script tag loads a file and has no body', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)];
    const openings = html.match(/<script\b/gi) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts).toHaveLength(openings.length);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc\s*=\s*["'][^"']+["']/i);
      expect(body?.trim()).toBe('');
    }
  });

  it('has no inline event handlers or javascript: URLs', () => {
    expect(html).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
  });

  it('has no style tags or style attributes', () => {
    expect(html).not.toMatch(/<style\b/i);
    expect(html).not.toMatch(/<[^>]+\sstyle\s*=/i);
  });
});
