/** Adds `value` to the list kept under `key`, starting the list if there is none. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Findings (or anything else about an account) gathered by account, each list in the order given. */
export function byAccount<T extends { accountId: number }>(items: readonly T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const item of items) pushTo(out, item.accountId, item);
  return out;
}
