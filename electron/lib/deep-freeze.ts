/**
 * Freezes a plain value and everything in it. The caches freeze what they
 * hold, so nothing can change a cached answer behind their back, and the
 * output guard may reuse its checked copy of a frozen value
 * (electron/core/output-guard.ts).
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  // Index and key loops: Object.values would make an array per object, 100,000s of them at 10,000 accounts.
  // Only objects are visited: a register entry is mostly text and numbers, and a call for each is most of the cost.
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const item: unknown = value[i];
      if (typeof item === 'object' && item !== null) deepFreeze(item);
    }
  } else {
    for (const key in value) {
      const item: unknown = value[key];
      if (typeof item === 'object' && item !== null) deepFreeze(item);
    }
  }
  return Object.freeze(value);
}
