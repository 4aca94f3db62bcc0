import { normaliseHandle, type PlatformId } from '../../shared/policy/platforms';
import type { SourceEntry } from './migrate-read';

/**
 * A password manager holds far more than the school's social media logins
 * (email, the MIS, the school website), so each entry's platform and handle
 * are guessed from its address, title and folder, and the administrator
 * confirms or corrects them in the preview. An entry whose platform cannot
 * be guessed starts unticked.
 */
const hosts: [RegExp, PlatformId][] = [
  [/(^|\.)(x|twitter)\.com$/, 'x'],
  [/(^|\.)(facebook\.com|fb\.com|fb\.me)$/, 'facebook'],
  [/(^|\.)instagram\.com$/, 'instagram'],
  [/(^|\.)(youtube\.com|youtu\.be)$/, 'youtube'],
  [/(^|\.)linkedin\.com$/, 'linkedin'],
  [/(^|\.)tiktok\.com$/, 'tiktok'],
];

const words: [RegExp, PlatformId][] = [
  [/\b(twitter|x\.com)\b|(^|[\s(/])x([\s)/]|$)/i, 'x'],
  [/\b(facebook|fb)\b/i, 'facebook'],
  [/\b(instagram|insta)\b/i, 'instagram'],
  [/\b(youtube|yt)\b/i, 'youtube'],
  [/\blinked ?in\b/i, 'linkedin'],
  [/\btik ?tok\b/i, 'tiktok'],
];

/** Path parts that are pages of the site, not an account. */
const notHandles =
  /^(login|signin|sign-in|accounts|account|home|settings|profile\.php|channel|c|user|company|in|watch|pages)$/i;

function parseUrl(url: string): URL | null {
  const text = url.trim();
  if (text === '') return null;
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return null;
  }
}

function hostPlatform(url: URL | null): PlatformId | null {
  const host = url?.hostname.toLowerCase().replace(/^(www|m|mobile)\./, '') ?? '';
  return hosts.find(([pattern]) => pattern.test(host))?.[1] ?? null;
}

export function guessPlatform(entry: SourceEntry): PlatformId | null {
  for (const url of entry.urls) {
    const fromUrl = hostPlatform(parseUrl(url));
    if (fromUrl) return fromUrl;
  }
  for (const text of [entry.title, entry.group]) {
    const found = words.find(([pattern]) => pattern.test(text));
    if (found) return found[1];
  }
  return null;
}

/** The register's rule for links: https, a host with a dot, no spaces. */
const httpsUrl = /^https:\/\/[a-z0-9-]+(\.[a-z0-9-]+)+(:\d{1,5})?(\/[^\s]*)?$/i;

/**
 * Every address of the entry, sorted: the account's own page on the platform
 * (the profile URL), the first other https address (the login page, such as
 * a school blog's /admin), and the rest, which go into the account's notes.
 */
export function urlsOf(entry: SourceEntry, platform: PlatformId | null) {
  let profileUrl = '';
  let loginUrl = '';
  const others: string[] = [];
  for (const text of entry.urls) {
    const url = parseUrl(text);
    const usable = url !== null && url.protocol === 'https:' && httpsUrl.test(text.trim()) && text.length <= 500;
    if (!profileUrl && usable && platform && hostPlatform(url) === platform && handleFromUrl(url))
      profileUrl = text.trim();
    else if (!loginUrl && usable) loginUrl = text.trim();
    else others.push(text.trim());
  }
  return { profileUrl, loginUrl, others };
}

function handleFromUrl(url: URL): string {
  const parts = url.pathname.split('/').filter(Boolean);
  const last = [...parts].reverse().find((part) => !notHandles.test(part)) ?? '';
  return /^@?[\w.-]+$/.test(last) ? decodeURIComponent(last) : '';
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function loginEmailOf(entry: SourceEntry): string {
  const username = entry.username.trim();
  return emailPattern.test(username) ? username.toLowerCase() : '';
}

/** A user name that is not an email address is kept as the account's username. */
export function usernameOf(entry: SourceEntry): string {
  const username = entry.username.trim();
  return emailPattern.test(username) ? '' : username;
}

/** From the profile address, else a user name that is not an email, else a title that looks like a handle. */
export function guessHandle(entry: SourceEntry, platform: PlatformId | null): string {
  let handle = '';
  for (const text of entry.urls) {
    const url = parseUrl(text);
    if (!handle && platform && url && hostPlatform(url) === platform) handle = handleFromUrl(url);
  }
  const username = entry.username.trim();
  if (!handle && username && !emailPattern.test(username) && !/\s/.test(username)) handle = username;
  const title = entry.title.trim();
  if (!handle && /^@?[\w.-]{2,}$/.test(title)) handle = title;
  return platform && handle ? normaliseHandle(platform, handle) : handle;
}

/**
 * Everything secret that is not the password: the TOTP seed, custom fields
 * and notes. A password manager's notes often hold security answers or
 * recovery codes, so they go into the account's encrypted two-factor notes,
 * never into its plain notes.
 */
export function secretNotesOf(entry: SourceEntry, source: string): string {
  return [
    entry.totp.trim() ? `TOTP (authenticator) secret: ${entry.totp.trim()}` : '',
    entry.fields.trim() ? `Fields from ${source}:\n${entry.fields.trim()}` : '',
    entry.notes.trim() ? `Notes from ${source}:\n${entry.notes.trim()}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
}
