import type { Session, WebContents, WebPreferences } from 'electron';

/**
 * Everything that keeps the (untrusted) renderer in its box lives here, so a
 * reviewer can check it in one place and the unit tests can assert each line.
 */

/** The renderer's origin: files are served by our own `app://` protocol, never file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'keyholder';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * No remote origins, no inline scripts or styles, no eval, no plugins, no
 * frames, no form posts. `data:` images only (inline SVG icons). The same
 * text is in renderer/index.html as a meta tag and is sent as a header by
 * the app protocol; test/unit/csp.test.ts keeps the two identical.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'none'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The application's id: electron-builder's appId and Windows' AppUserModelID (notifications). */
export const APP_ID = 'uk.sch.keyholder';

/**
 * A packaged build refuses to start with switches that open a debugger or
 * change V8: anyone who can start it that way could read the unlocked key.
 * (The fuses already stop NODE_OPTIONS and --inspect reaching Node; these
 * reach Chromium and V8.)
 */
const forbiddenSwitch = /^--(remote-debugging-port|remote-debugging-pipe|inspect(-[a-z-]+)?|js-flags)(=|$)/;

export function forbiddenSwitches(argv: readonly string[]): string[] {
  return argv.filter((arg) => forbiddenSwitch.test(arg));
}

export function secureWebPreferences(preloadPath: string, options: { devTools: boolean }): WebPreferences {
  return {
    preload: preloadPath,
    devTools: options.devTools,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
  };
}

/** The hidden print window: no preload, no JavaScript, no DevTools. */
export function printWebPreferences(): WebPreferences {
  const preferences = secureWebPreferences('', { devTools: false });
  delete preferences.preload;
  return { ...preferences, javascript: false };
}

/** True only for a top-level frame showing our own bundled renderer. */
export function isTrustedRendererUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * Links we will hand to the operating system: https only, no embedded
 * credentials, a real host name. Callers also make sure the person clicked
 * the link (see the accounts' "open profile" channel).
 */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && parsed.hostname.includes('.')
    );
  } catch {
    return false;
  }
}

/** Applied to every WebContents Electron creates, including any we did not expect. */
export function hardenWebContents(contents: WebContents, options: { allowDevTools: boolean }): void {
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedRendererUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedRendererUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  if (!options.allowDevTools) {
    contents.on('devtools-opened', () => contents.closeDevTools());
  }
}

/** No camera, microphone, notifications-from-web, geolocation, USB...: the renderer needs none. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
}
