/** "1 account", "3 accounts": counts read as a person would say them. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
