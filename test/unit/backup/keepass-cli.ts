import { spawnSync } from 'node:child_process';

/**
 * Reads a .kdbx the way an administrator's KeePassXC would: through Debian's
 * keepassxc-cli (installed in CI by .ci/run), never through kdbxweb, so the
 * test proves the file opens in KeePassXC itself. The password is typed on
 * standard input, as the cli asks for it.
 */
export function keepassCli(
  args: string[],
  password: string,
): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync('keepassxc-cli', args, { input: `${password}\n`, encoding: 'utf8', timeout: 60_000 });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) =>
    name.startsWith('#x')
      ? String.fromCodePoint(parseInt(name.slice(2), 16))
      : name.startsWith('#')
        ? String.fromCodePoint(Number(name.slice(1)))
        : (entities[name] ?? whole),
  );

/** Enough XML for KeePassXC's export: elements, attributes, text, entities; no CDATA or comments there. */
export function parseXml(xml: string): XmlNode {
  const root: XmlNode = { name: '#root', attrs: {}, children: [], text: '' };
  const stack = [root];
  const tag = /<(\/?)([\w:-]+)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>|<\?[^>]*\?>|([^<]+)/g;
  for (const match of xml.matchAll(tag)) {
    const [, closing, name, attrText, selfClosing, text] = match;
    const top = stack[stack.length - 1]!;
    if (text !== undefined) {
      top.text += decode(text);
    } else if (name && closing) {
      stack.pop();
    } else if (name) {
      const attrs: Record<string, string> = {};
      for (const [, key, value] of (attrText ?? '').matchAll(/([\w:-]+)="([^"]*)"/g)) attrs[key!] = decode(value!);
      const node: XmlNode = { name, attrs, children: [], text: '' };
      top.children.push(node);
      if (!selfClosing) stack.push(node);
    }
  }
  return root;
}

export const child = (node: XmlNode, name: string) => node.children.find((c) => c.name === name);
export const childrenNamed = (node: XmlNode, name: string) => node.children.filter((c) => c.name === name);

/** KDBX 4 times: base64 of a little-endian int64 of seconds since 0001-01-01. */
export function kdbxTime(base64: string): string {
  const seconds = Buffer.from(base64, 'base64').readBigInt64LE(0);
  return new Date(Number(seconds - 62_135_596_800n) * 1000).toISOString();
}

export interface KeepassEntry {
  group: string;
  strings: Record<string, string>;
  expires: boolean;
  expiry: string;
  modified: string;
  history: { password: string; modified: string }[];
}

function readEntry(node: XmlNode, group: string): KeepassEntry {
  const strings: Record<string, string> = {};
  for (const s of childrenNamed(node, 'String')) strings[child(s, 'Key')!.text] = child(s, 'Value')?.text ?? '';
  const times = child(node, 'Times')!;
  const history = child(node, 'History');
  return {
    group,
    strings,
    expires: child(times, 'Expires')!.text === 'True',
    expiry: kdbxTime(child(times, 'ExpiryTime')!.text),
    modified: kdbxTime(child(times, 'LastModificationTime')!.text),
    history: history
      ? childrenNamed(history, 'Entry').map((old) => {
          const entry = readEntry(old, group);
          return { password: entry.strings.Password ?? '', modified: entry.modified };
        })
      : [],
  };
}

/** Every entry in the database with the path of its group ("School/X (Twitter)"). */
export function readEntries(xml: string): { databaseName: string; entries: KeepassEntry[] } {
  const file = child(parseXml(xml), 'KeePassFile')!;
  const entries: KeepassEntry[] = [];
  const walk = (group: XmlNode, path: string) => {
    const here = path ? `${path}/${child(group, 'Name')!.text}` : child(group, 'Name')!.text;
    for (const entry of childrenNamed(group, 'Entry')) entries.push(readEntry(entry, here));
    for (const sub of childrenNamed(group, 'Group')) walk(sub, here);
  };
  walk(child(child(file, 'Root')!, 'Group')!, '');
  return { databaseName: child(child(file, 'Meta')!, 'DatabaseName')!.text, entries };
}
