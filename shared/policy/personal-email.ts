/**
 * DOMAIN.md rule 6: an account's login email should be a generic school
 * mailbox, never a person's. Guessed from the address alone, so the guess
 * leans on what is certain: a consumer mail service is personal; an address
 * at the school's own domain is the school's whatever its mailbox is called
 * (pe@, y6trip@); elsewhere a first.last-shaped mailbox is a person's.
 */
const consumerDomains = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'ymail.com',
  'rocketmail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'btinternet.com',
  'btopenworld.com',
  'aol.com',
  'sky.com',
  'virginmedia.com',
  'blueyonder.co.uk',
  'ntlworld.com',
  'talktalk.net',
  'tiscali.co.uk',
  'plus.com',
  'protonmail.com',
  'proton.me',
  'pm.me',
  'gmx.com',
  'gmx.co.uk',
  'mail.com',
  'zoho.com',
  'yandex.com',
  'tutanota.com',
]);

/** The big services' country domains too: hotmail.co.uk, yahoo.fr, outlook.ie, live.co.uk, aol.co.uk. */
const consumerFamilies = /^(hotmail|outlook|live|yahoo|aol|gmx|icloud)\.[a-z]{2,3}(\.[a-z]{2})?$/;

export function isConsumerDomain(domain: string): boolean {
  const d = domain.toLowerCase();
  return consumerDomains.has(d) || consumerFamilies.test(d);
}

/** Words that make a mailbox a role rather than a person: social.media@, school.office@, pe.dept@. */
const roleWords =
  /^(office|admin|info|enquiries|enquiry|social|media|socialmedia|comms|communications|school|academy|trust|pe|sport|sports|news|team|dept|department|marketing|reception|head|headteacher|bursar|finance|hr|it|ict|support|help|contact|mail|account|accounts|web|website|events|music|art|drama|science|library|parents|pta|friends|year\d*|y\d+|class\d*|no-?reply)$/;

/** first.last, a.carter, anna_carter, anna-marie.smith2: a person's mailbox. */
function nameShaped(local: string): boolean {
  const parts = local.replace(/\d+$/, '').split(/[._-]+/);
  return parts.length >= 2 && parts.every((part) => /^[a-z]+$/.test(part)) && !parts.some((p) => roleWords.test(p));
}

export function emailDomain(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0 ? '' : email.slice(at + 1).toLowerCase();
}

/**
 * The school's own domain when the setting is empty: the most common domain
 * among the addresses Keyholder knows (login emails, staff work emails),
 * leaving out consumer mail services. Ties go to the alphabetically first.
 */
export function inferSchoolDomain(emails: Iterable<string>): string {
  const counts = new Map<string, number>();
  for (const email of emails) {
    const domain = emailDomain(email);
    if (domain && !isConsumerDomain(domain)) counts.set(domain, (counts.get(domain) ?? 0) + 1);
  }
  let best = '';
  let bestCount = 0;
  for (const [domain, count] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    if (count > bestCount) [best, bestCount] = [domain, count];
  }
  return best;
}

export interface PersonalEmailContext {
  /** The setting, or the inferred domain; '' when neither is known. */
  schoolDomain: string;
  genericMailboxNames: readonly string[];
  /** Staff work addresses: an account logged in with one of these is in that person's name. */
  staffEmails?: ReadonlySet<string>;
}

export function isPersonalEmail(email: string, ctx: PersonalEmailContext): boolean {
  const address = email.trim().toLowerCase();
  if (!address.includes('@')) return false;
  if (ctx.staffEmails?.has(address)) return true;
  const domain = emailDomain(address);
  if (isConsumerDomain(domain)) return true;
  const school = ctx.schoolDomain.toLowerCase().replace(/^@/, '');
  if (school && (domain === school || domain.endsWith(`.${school}`))) return false;
  const local = address.slice(0, address.lastIndexOf('@'));
  if (ctx.genericMailboxNames.includes(local)) return false;
  return nameShaped(local);
}
