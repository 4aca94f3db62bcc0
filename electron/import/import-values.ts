import { isValid, parse } from 'date-fns';
import type { TwoFactorMethod } from '../../shared/contract';
import { normaliseHandle, platformLabels, type PlatformId } from '../../shared/policy/platforms';

/**
 * Reading one spreadsheet cell as one field of an account. Spreadsheets
 * typed by hand over years hold "Twitter", "X", "twitter.com" and "FB" for
 * the same things, dates as 1/9/24, and invisible non-breaking spaces; each
 * function here accepts what a person obviously meant and explains anything
 * else in words the administrator can act on.
 */
export type Read<T> = { ok: true; value: T; warning?: string } | { ok: false; error: string };

/** Zero-width characters and byte order marks pasted from web pages and Word. */
const invisible = /[\u200B-\u200D\u2060\uFEFF]/g;
/** Non-breaking and other fixed-width spaces that look like spaces but do not trim. */
const oddSpaces = /[\u00A0\u2007\u202F]/g;

/** Trims, dropping invisible characters; keeps line breaks inside (for notes). */
export function cleanText(value: string): string {
  return value.replace(invisible, '').replace(oddSpaces, ' ').trim();
}

/** cleanText, and every run of whitespace becomes one space (names, handles, emails). */
export function cleanLine(value: string): string {
  return cleanText(value).replace(/\s+/g, ' ');
}

const platformNames: Record<string, PlatformId> = {};
const platformWords: [PlatformId, string[]][] = [
  ['x', ['x', 'twitter', 'xcom', 'twittercom', 'xtwitter', 'twitterx', 'xformerlytwitter', 'tw']],
  ['facebook', ['facebook', 'fb', 'facebookcom', 'fbcom', 'fbme']],
  ['instagram', ['instagram', 'insta', 'ig', 'instagramcom', 'instagr']],
  ['youtube', ['youtube', 'yt', 'youtubecom', 'youtu']],
  ['linkedin', ['linkedin', 'linkedincom', 'lnkd', 'li']],
  ['tiktok', ['tiktok', 'tiktokcom', 'tt']],
  ['other', ['other']],
];
for (const [id, words] of platformWords) for (const word of words) platformNames[word] = id;

/** "https://www.Twitter.com/school" and "X (Twitter)" both come down to a bare key. */
function platformKey(value: string): string {
  const lower = cleanLine(value).toLowerCase();
  const host = lower.replace(/^[a-z]+:\/\//, '').replace(/^(www|m|mobile)\./, '');
  const withoutPath = host.includes('/') || host.includes('.') ? (host.split('/')[0] ?? host) : host;
  return withoutPath.replace(/\.(be|me)$/, '').replace(/[^a-z0-9]/g, '');
}

export function readPlatform(value: string): Read<PlatformId> {
  const shown = cleanLine(value);
  if (shown === '')
    return { ok: false, error: 'Platform is empty. Write X, Facebook, Instagram, YouTube, LinkedIn, TikTok or Other.' };
  const key = platformKey(value);
  const known = platformNames[key];
  if (known) return { ok: true, value: known };
  // A near miss is a typo, not a new platform: "Facbook", "Instagarm".
  for (const [id, words] of platformWords) {
    if (id !== 'other' && words.some((word) => word.length >= 5 && distance(key, word) <= 2)) {
      return { ok: false, error: `Platform "${shown}" is not recognised. Did you mean ${platformLabels[id]}?` };
    }
  }
  return {
    ok: true,
    value: 'other',
    warning: `Keyholder has no platform called "${shown.slice(0, 50)}", so this account will be imported as Other with the name kept in its notes.`,
  };
}

/** Levenshtein distance, for spotting typos in platform names (short strings only). */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The handle, trimmed and with the platform's @ convention. A profile
 * address pasted into the handle column gives its last path segment, and the
 * address itself is offered as the profile URL.
 */
export function readHandle(platform: PlatformId | null, value: string): Read<{ handle: string; url: string | null }> {
  const text = cleanLine(value);
  if (text === '') return { ok: false, error: 'Handle is empty. Write the account name, for example @stmarysschool.' };
  let handle = text;
  let url: string | null = null;
  if (/^(https?:\/\/|www\.)/i.test(text)) {
    let parsed: URL;
    try {
      parsed = new URL(/^www\./i.test(text) ? `https://${text}` : text);
    } catch {
      return {
        ok: false,
        error: `Handle "${text.slice(0, 80)}" is a web address Keyholder cannot read. Write the handle, for example @stmarysschool.`,
      };
    }
    const segment = parsed.pathname.split('/').filter(Boolean).pop() ?? '';
    // instagram.com/st.marys.pe is a handle; facebook.com/profile.php?id=1 is not.
    if (!/^@?[\w.-]+$/.test(segment) || /\.(php|html?|aspx?)$/i.test(segment)) {
      return {
        ok: false,
        error: `Handle "${text.slice(0, 80)}" is a web address, not a handle. Put the handle (for example @stmarysschool) in this column and the address in the Profile URL column.`,
      };
    }
    handle = segment;
    url = parsed.protocol === 'https:' ? parsed.href : null;
  }
  const normalised = platform ? normaliseHandle(platform, handle) : handle.replace(/^@+/, '');
  if (normalised === '')
    return {
      ok: false,
      error: `Handle "${text.slice(0, 40)}" has no name in it. Write the account name, for example @stmarysschool.`,
    };
  if (normalised.length > 100)
    return { ok: false, error: 'Handle is longer than 100 characters; check the right column is chosen.' };
  return { ok: true, value: { handle: normalised, url } };
}

const profileUrlPattern = /^https:\/\/[a-z0-9-]+(\.[a-z0-9-]+)+(:\d{1,5})?(\/[^\s]*)?$/i;

/** https only (the app opens these in the browser); "x.com/school" gains its https://. */
export function readProfileUrl(value: string): Read<string> {
  let text = cleanLine(value);
  if (text === '') return { ok: true, value: '' };
  if (/^http:\/\//i.test(text))
    return {
      ok: false,
      error: `Profile URL "${text.slice(0, 80)}" starts with http://. Use the https:// address instead.`,
    };
  if (!/^[a-z]+:/i.test(text)) text = `https://${text}`;
  if (text.length > 500 || !profileUrlPattern.test(text))
    return {
      ok: false,
      error: `Profile URL "${text.slice(0, 80)}" is not a web address. Use a full https:// address, for example https://x.com/yourschool.`,
    };
  return { ok: true, value: text };
}

const emailPattern = /^[^\s@"<>(),;:]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/i;

export function readEmail(value: string): Read<string> {
  const text = cleanLine(value)
    .replace(/^mailto:/i, '')
    .toLowerCase();
  if (text === '') return { ok: true, value: '' };
  if (text.length > 254 || !emailPattern.test(text))
    return { ok: false, error: `Login email "${text.slice(0, 80)}" is not an email address.` };
  return { ok: true, value: text };
}

const twoFactorWords: [TwoFactorMethod, RegExp][] = [
  ['none', /^(|none|no|n|off|false|0|not set( up)?|disabled|-)$/],
  ['authenticator-app', /authenticat|^app$|totp|google auth|microsoft auth|authy/],
  ['sms', /sms|text|phone|mobile/],
  ['email', /e-?mail/],
  ['security-key', /security key|yubi|passkey|hardware|^key$/],
  ['other', /^(yes|y|on|true|1|enabled|other)$/],
];

export function readTwoFactor(value: string): Read<TwoFactorMethod> {
  const text = cleanLine(value).toLowerCase();
  for (const [method, pattern] of twoFactorWords) if (pattern.test(text)) return { ok: true, value: method };
  return {
    ok: true,
    value: 'other',
    warning: `Two-factor method "${cleanLine(value).slice(0, 50)}" is not one Keyholder knows, so it is recorded as Other.`,
  };
}

const months = 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ');

/**
 * UK dates: 03/09/2024, 3/9/24 (two-digit years are 20yy), 3.9.2024,
 * 2024-09-03, 3 Sept 2024; an Excel date cell arrives as yyyy-mm-dd.
 * Impossible dates (31/02/2024), American order and future dates are errors.
 */
export function readUkDate(value: string, today: string): Read<string> {
  const text = cleanLine(value).replace(/[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?Z?$/i, '');
  if (text === '') return { ok: true, value: '' };
  let day: number, month: number, year: number;
  let m: RegExpMatchArray | null;
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text))) [year, month, day] = [+m[1]!, +m[2]!, +m[3]!];
  else if ((m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})$/.exec(text))) [day, month, year] = [+m[1]!, +m[3]!, +m[4]!];
  else if ((m = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]+)\.?,?[\s-]+(\d{2}|\d{4})$/i.exec(text))) {
    const index = months.indexOf(m[2]!.slice(0, 3).toLowerCase());
    if (index < 0) return notADate(text);
    [day, month, year] = [+m[1]!, index + 1, +m[3]!];
  } else {
    return notADate(text);
  }
  if (year < 100) year += 2000;
  if (month > 12 && day <= 12)
    return {
      ok: false,
      error: `${text} is not a date in day/month/year order (it looks American, month first). Write it as ${pad(month)}/${pad(day)}/${year}.`,
    };
  // date-fns refuses impossible days (31/02) rather than rolling them over.
  const date = parse(`${pad(day)}/${pad(month)}/${year}`, 'dd/MM/yyyy', new Date(2000, 0, 1));
  if (!isValid(date))
    return { ok: false, error: `${text} is not a real date. Check the day and month (dates are day/month/year).` };
  const iso = `${year}-${pad(month)}-${pad(day)}`;
  if (iso > today) return { ok: false, error: `${text} is in the future. Check the date (dates are day/month/year).` };
  if (year < 2000) return { ok: false, error: `${text} is too long ago to be right. Check the date.` };
  return { ok: true, value: iso };
}

function notADate(text: string): Read<string> {
  return {
    ok: false,
    error: `"${text.slice(0, 40)}" is not a date. Write dates as day/month/year, for example 03/09/2024.`,
  };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
