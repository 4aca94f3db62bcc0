/**
 * Freezes a plain value and everything in it. The caches freeze what they
 * hold, so nothing can change a cached answer behind their back, and the
 * output guard may reuse its checked copy of a frozen value
 * (electron/core/output-guard.ts).
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const child of Object.values(value)) deepFreeze(child);
  return Object.freeze(value);
}
