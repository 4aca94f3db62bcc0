import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kdbx } from '../../../electron/migrate/kdbx-argon2';
import { keepassCli } from './keepass-cli';

/**
 * Exports with everything a password manager keeps, for checking that a move
 * into Keyholder loses nothing. The KeePassXC CSV is exported by
 * keepassxc-cli from a database that has a TOTP seed and a username that is
 * not an email (made with kdbxweb, which keepassxc-cli cannot add TOTP
 * with). The Bitwarden JSON follows Bitwarden's documented unencrypted export:
 * several URIs, password history, custom fields (text and hidden), TOTP.
 */
export const full = {
  kpPe: 'Keep#Kestrel-4410-Dune',
  kpBlog: 'Keep$Heron-7720-Maple',
  /** KeePassXC rewrites the otpauth address from the entry when it exports; the seed stays. */
  kpTotpSeed: 'JBSWY3DPEHPK3PXP',
  bwMusic: 'Bw#Otter-5521-Reed-Now',
  bwMusicOld1: 'Bw#Otter-OLD-2023-Reed',
  bwMusicOld2: 'Bw#Otter-OLD-2024-Reed',
  bwTotp: 'KRSXG5CTMVRXEZLU',
  bwPin: '448213',
  bwAnswer: 'Security answer Quillfeather',
  bwYt: 'Bw$Lark-3390-Moss-Now',
};

const kdbxPassword = 'Fixture-Pass#2024-Otter';

/** A KeePassXC database made with kdbxweb, then exported to CSV by keepassxc-cli itself. */
export async function keepassxcFullCsv(dir: string): Promise<string> {
  const kw = kdbx();
  const db = kw.Kdbx.create(new kw.Credentials(kw.ProtectedValue.fromString(kdbxPassword)), 'School');
  db.setVersion(4);
  db.setKdf(kw.Consts.KdfId.Aes);
  const social = db.createGroup(db.getDefaultGroup(), 'Social');
  const pe = db.createEntry(social);
  pe.fields.set('Title', "St Mary's PE Twitter");
  pe.fields.set('UserName', 'stmaryspe_admin');
  pe.fields.set('Password', kw.ProtectedValue.fromString(full.kpPe));
  pe.fields.set('URL', 'https://x.com/stmaryspe');
  pe.fields.set('Notes', 'Recovery phone is the office mobile');
  pe.fields.set(
    'otp',
    kw.ProtectedValue.fromString(`otpauth://totp/School:stmaryspe?secret=${full.kpTotpSeed}&period=30&digits=6`),
  );
  pe.times.lastModTime = new Date('2025-11-03T14:20:00Z');
  const blog = db.createEntry(social);
  blog.fields.set('Title', 'PE blog');
  blog.fields.set('UserName', 'peblog');
  blog.fields.set('Password', kw.ProtectedValue.fromString(full.kpBlog));
  blog.fields.set('URL', 'https://blog.stmarys.example.org/wp-admin');
  blog.times.lastModTime = new Date('2025-10-01T09:00:00Z');
  const file = join(dir, 'fixture-full.kdbx');
  writeFileSync(file, Buffer.from(await db.save()));
  const run = keepassCli(['export', '-q', '-f', 'csv', file], kdbxPassword);
  if (run.status !== 0) throw new Error(`keepassxc-cli export failed: ${run.stderr}`);
  const csv = join(dir, 'keepassxc-full.csv');
  writeFileSync(csv, run.stdout);
  return csv;
}

export function bitwardenFullJson(dir: string): string {
  const file = {
    encrypted: false,
    folders: [{ id: 'f1', name: 'School social media' }],
    items: [
      {
        id: 'music',
        organizationId: null,
        folderId: 'f1',
        type: 1,
        reprompt: 0,
        name: 'Music Instagram',
        notes: full.bwAnswer,
        favorite: false,
        fields: [
          { name: 'Backup phone PIN', value: full.bwPin, type: 1, linkedId: null },
          { name: 'Made by', value: 'Mr Jones', type: 0, linkedId: null },
        ],
        login: {
          uris: [
            { match: null, uri: 'https://www.instagram.com/stmarys.music/' },
            { match: null, uri: 'https://www.instagram.com/accounts/login/' },
            { match: null, uri: 'androidapp://com.instagram.android' },
          ],
          username: 'stmarys.music.admin',
          password: full.bwMusic,
          totp: full.bwTotp,
          passwordRevisionDate: '2025-10-01T12:00:00.000Z',
        },
        passwordHistory: [
          { lastUsedDate: '2025-10-01T12:00:00.000Z', password: full.bwMusicOld2 },
          { lastUsedDate: '2024-09-02T08:30:00.000Z', password: full.bwMusicOld1 },
        ],
        collectionIds: null,
      },
      {
        id: 'yt',
        organizationId: null,
        folderId: 'f1',
        type: 1,
        reprompt: 0,
        name: 'School YouTube',
        notes: null,
        favorite: false,
        login: {
          uris: [{ match: null, uri: 'https://www.youtube.com/@stmarysschool' }],
          username: 'socialmedia@stmarys.sch.uk',
          password: full.bwYt,
          totp: null,
        },
        collectionIds: null,
      },
    ],
  };
  const path = join(dir, 'bitwarden_full_export.json');
  writeFileSync(path, JSON.stringify(file, null, 2));
  return path;
}
