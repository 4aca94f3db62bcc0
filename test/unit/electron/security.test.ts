import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  APP_ORIGIN,
  hardenSession,
  hardenWebContents,
  isSafeExternalUrl,
  isTrustedRendererUrl,
  forbiddenSwitches,
  printWebPreferences,
  secureWebPreferences,
} from '../../../electron/main/security';
import { fakeEvent, fakeSession, fakeWebContents } from './fakes';

// Electron's binary is not installed here; nothing in this file may load it.
vi.mock('electron', () => ({}));

const untrustedUrls = ['https://evil.example', 'file:///etc/passwd', 'http://keyholder/index.html', 'about:blank'];
const trustedUrl = `${APP_ORIGIN}/index.html`;

function hardened(allowDevTools: boolean) {
  const contents = fakeWebContents();
  hardenWebContents(contents as unknown as WebContents, { allowDevTools });
  return contents;
}

describe('secureWebPreferences', () => {
  const prefs = secureWebPreferences('/app/preload.cjs', { devTools: false });

  it('isolates and sandboxes the renderer', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.webSecurity).toBe(true);
  });

  it('gives Node to no renderer, worker or sub-frame', () => {
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('turns off webviews and insecure content', () => {
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
  });

  it('passes the preload path through unchanged', () => {
    expect(prefs.preload).toBe('/app/preload.cjs');
    expect(secureWebPreferences('C:\\Keyholder\\preload.cjs', { devTools: false }).preload).toBe(
      'C:\\Keyholder\\preload.cjs',
    );
  });

  it('turns DevTools off unless asked (development builds only)', () => {
    expect(prefs.devTools).toBe(false);
    expect(secureWebPreferences('/app/preload.cjs', { devTools: true }).devTools).toBe(true);
  });
});

describe('printWebPreferences', () => {
  const prefs = printWebPreferences();

  it('is the sandboxed renderer with no preload, no JavaScript and no DevTools', () => {
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true });
    expect('preload' in prefs).toBe(false);
    expect(prefs.javascript).toBe(false);
    expect(prefs.devTools).toBe(false);
  });
});

describe('forbiddenSwitches', () => {
  it.each([
    '--remote-debugging-port=9222',
    '--remote-debugging-pipe',
    '--inspect',
    '--inspect=9229',
    '--inspect-brk',
    '--inspect-brk=0',
    '--inspect-port=1234',
    '--js-flags=--allow-natives-syntax',
  ])('finds %s', (arg) => {
    expect(forbiddenSwitches(['/opt/Keyholder/keyholder', arg, '--other'])).toEqual([arg]);
  });

  it('lets ordinary arguments through', () => {
    expect(forbiddenSwitches(['keyholder', '--lang=en-GB', '--no-sandbox-x', '--inspector', 'inspect'])).toEqual([]);
  });
});

describe('hardenWebContents', () => {
  for (const eventName of ['will-navigate', 'will-redirect']) {
    describe(eventName, () => {
      it.each(untrustedUrls)('is prevented for %s', (url) => {
        const contents = hardened(false);
        const event = fakeEvent();
        contents.emit(eventName, event, url);
        expect(event.preventDefault).toHaveBeenCalledTimes(1);
      });

      it('is allowed within the bundled renderer', () => {
        const contents = hardened(false);
        const event = fakeEvent();
        contents.emit(eventName, event, trustedUrl);
        expect(contents.listeners.get(eventName)).toHaveLength(1);
        expect(event.preventDefault).not.toHaveBeenCalled();
      });
    });
  }

  it('prevents every webview from attaching', () => {
    const contents = hardened(true);
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
  });

  it('denies every new window, whatever its URL', () => {
    const contents = hardened(true);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledTimes(1);
    const handler = contents.setWindowOpenHandler.mock.calls[0]?.[0] as (details: { url: string }) => unknown;
    for (const url of [...untrustedUrls, trustedUrl]) {
      expect(handler({ url })).toEqual({ action: 'deny' });
    }
  });

  it('closes DevTools as soon as they open when they are not allowed', () => {
    const contents = hardened(false);
    contents.emit('devtools-opened');
    expect(contents.closeDevTools).toHaveBeenCalledTimes(1);
  });

  it('leaves DevTools open when they are allowed', () => {
    const contents = hardened(true);
    contents.emit('devtools-opened');
    expect(contents.closeDevTools).not.toHaveBeenCalled();
  });
});

describe('hardenSession', () => {
  function hardenedSession() {
    const session = fakeSession();
    hardenSession(session as unknown as Session);
    return session;
  }

  it.each(['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal'])(
    'refuses a %s permission request',
    (permission) => {
      const session = hardenedSession();
      const handler = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (
        contents: unknown,
        permission: string,
        callback: (granted: boolean) => void,
      ) => void;
      const callback = vi.fn();
      handler({}, permission, callback);
      expect(callback).toHaveBeenCalledTimes(1);
      expect(callback).toHaveBeenCalledWith(false);
    },
  );

  it('answers every permission check and device request with false', () => {
    const session = hardenedSession();
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (...args: unknown[]) => unknown;
    const device = session.setDevicePermissionHandler.mock.calls[0]?.[0] as (...args: unknown[]) => unknown;
    expect(check(null, 'media', APP_ORIGIN, {})).toBe(false);
    expect(check(null, 'notifications', APP_ORIGIN, {})).toBe(false);
    expect(device({ deviceType: 'usb', origin: APP_ORIGIN })).toBe(false);
  });

  it('prevents every download', () => {
    const session = hardenedSession();
    const event = fakeEvent();
    session.emit('will-download', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
  });
});

describe('isSafeExternalUrl', () => {
  it('accepts a plain https link', () => {
    expect(isSafeExternalUrl('https://x.com/school')).toBe(true);
    expect(isSafeExternalUrl('https://www.instagram.com/our.school/')).toBe(true);
  });

  it.each([
    'http://x.com/school',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'https://user:pass@host',
    'https://user:pass@x.com/school',
    'https://user@x.com/school',
    'https://localhost/',
    'not a url',
    '',
  ])('rejects %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });
});

describe('isTrustedRendererUrl', () => {
  it('trusts pages of the bundled renderer', () => {
    expect(isTrustedRendererUrl('app://keyholder/index.html')).toBe(true);
    expect(isTrustedRendererUrl('app://keyholder/')).toBe(true);
  });

  it.each([
    'app://evil/index.html',
    'app://keyholder.evil.example/index.html',
    'app://keyholder:8080/index.html',
    'https://keyholder/index.html',
    'file:///app/dist/renderer/index.html',
    'not a url',
    '',
    null,
    undefined,
  ])('does not trust %s', (url) => {
    expect(isTrustedRendererUrl(url)).toBe(false);
  });
});
