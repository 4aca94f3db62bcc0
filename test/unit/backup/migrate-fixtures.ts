import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { keepassCli } from './keepass-cli';

/**
 * Export files as the other password managers write them. The KeePassXC CSV
 * is made by keepassxc-cli itself (db-create, add, rm, export -f csv); the
 * Bitwarden files follow Bitwarden's documented unencrypted .json and .csv
 * export formats (help article "Condition a Bitwarden .csv or .json").
 */
export const imported = {
  pe: 'Imported#Kestrel-4410-Dune',
  fb: 'Imported$Heron-7720-Maple',
  mail: 'Imported&Email-9001-Birch',
  old: 'Imported!Deleted-1188-Fern',
  insta: 'Bitwarden#Otter-5521-Reed',
  yt: 'Bitwarden$Lark-3390-Moss',
  blog: 'Bitwarden%Wren-6642-Sand',
  totp: 'JBSWY3DPEHPK3PXP',
  answer: 'Security answer Quillfeather',
};

const kdbxPassword = 'Fixture-Pass#2024-Otter';

function cli(args: string[], input: string): void {
  const run = keepassCli(args, input);
  if (run.status !== 0) throw new Error(`keepassxc-cli ${args[0]} failed: ${run.stderr}`);
}

/** A KeePassXC database made with keepassxc-cli, exported to CSV by keepassxc-cli. */
export function keepassCsv(dir: string): string {
  const db = join(dir, 'fixture.kdbx');
  cli(['db-create', '-q', '-p', db], `${kdbxPassword}\n${kdbxPassword}`);
  for (const group of ['Social', 'General']) cli(['mkdir', '-q', db, group], kdbxPassword);
  const add = (path: string, user: string, url: string, password: string, notes = '') =>
    cli(
      ['add', '-q', '-u', user, '--url', url, ...(notes ? ['--notes', notes] : []), '-p', db, path],
      `${kdbxPassword}\n${password}`,
    );
  add("Social/St Mary's PE Twitter", 'stmaryspe', 'https://twitter.com/stmaryspe', imported.pe, imported.answer);
  add('Social/School Facebook', 'office@stmarys.sch.uk', 'https://www.facebook.com/StMarysSchool', imported.fb);
  add('General/School email', 'office@stmarys.sch.uk', 'https://outlook.office.com', imported.mail);
  add('Social/Old Twitter', 'oldpe', 'https://x.com/oldpe', imported.old);
  cli(['rm', '-q', db, 'Social/Old Twitter'], kdbxPassword); // to the recycle bin
  const run = keepassCli(['export', '-q', '-f', 'csv', db], kdbxPassword);
  if (run.status !== 0) throw new Error(run.stderr);
  const file = join(dir, 'keepassxc-export.csv');
  writeFileSync(file, run.stdout);
  return file;
}

const folderId = 'a1b2c3d4-0000-4000-8000-000000000001';

export function bitwardenJson(dir: string, encrypted = false): string {
  const login = (name: string, uri: string, username: string, password: string, extra: object = {}) => ({
    id: `item-${name.length}-${uri.length}`,
    organizationId: null,
    folderId,
    type: 1,
    reprompt: 0,
    name,
    notes: null,
    favorite: false,
    login: { uris: [{ match: null, uri }], username, password, totp: null },
    collectionIds: null,
    ...extra,
  });
  const file = {
    encrypted,
    folders: [{ id: folderId, name: 'School social media' }],
    items: [
      {
        ...login(
          'Music Instagram',
          'https://www.instagram.com/stmarys.music/',
          'office@stmarys.sch.uk',
          imported.insta,
        ),
        notes: imported.answer,
        fields: [{ name: 'Backup phone PIN', value: '448213', type: 1, linkedId: null }],
        login: {
          uris: [{ match: null, uri: 'https://www.instagram.com/stmarys.music/' }],
          username: 'office@stmarys.sch.uk',
          password: imported.insta,
          totp: imported.totp,
          passwordRevisionDate: '2025-10-01T12:00:00.000Z',
        },
      },
      login('School YouTube', 'https://www.youtube.com/@stmarysschool', 'socialmedia@stmarys.sch.uk', imported.yt),
      login('PE blog', 'https://pe.example.org/admin', 'peblog', imported.blog),
      { id: 'card', type: 3, name: 'School card', card: { number: '4111111111111111' }, folderId: null },
      { id: 'note', type: 2, name: 'Wi-Fi', notes: 'guest wifi', secureNote: { type: 0 }, folderId: null },
    ],
  };
  const path = join(dir, encrypted ? 'bitwarden_encrypted_export.json' : 'bitwarden_export.json');
  writeFileSync(path, JSON.stringify(file, null, 2));
  return path;
}

export function bitwardenCsv(dir: string): string {
  const q = (value: string) => `"${value.replace(/"/g, '""')}"`;
  const rows = [
    'folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp',
    [
      'School social media',
      '',
      'login',
      'Music Instagram',
      imported.answer,
      'Backup phone PIN: 448213',
      '0',
      'https://www.instagram.com/stmarys.music/,https://instagram.com',
      'office@stmarys.sch.uk',
      imported.insta,
      imported.totp,
    ]
      .map(q)
      .join(','),
    [
      '',
      '',
      'login',
      'School YouTube',
      '',
      '',
      '0',
      'https://www.youtube.com/@stmarysschool',
      'socialmedia@stmarys.sch.uk',
      imported.yt,
      '',
    ]
      .map(q)
      .join(','),
    ['', '', 'note', 'Wi-Fi', 'guest wifi', '', '0', '', '', '', ''].map(q).join(','),
  ];
  const path = join(dir, 'bitwarden_export.csv');
  writeFileSync(path, `${rows.join('\n')}\n`);
  return path;
}
