/**
 * What may arrive over IPC: plain JSON-shaped data only. Structured clone
 * can carry typed arrays, Maps, Dates and class instances, and zod, given a
 * 10 MB typed array where it expects an object, describes every index (four
 * seconds of a frozen main process). This walk refuses anything else first,
 * with hard limits on size and depth, and any text that is not well-formed
 * Unicode (a lone surrogate would be stored as a different character).
 */
export const payloadLimits = {
  depth: 16,
  /** Values in the whole payload (objects, arrays and scalars). */
  values: 50_000,
  /** Characters in one text value; the schemas set tighter limits per field. */
  textLength: 2_000_000,
};

export function plainDataProblem(payload: unknown): string | null {
  let values = 0;
  const visit = (value: unknown, depth: number): string | null => {
    values += 1;
    if (values > payloadLimits.values) return 'The request is too large.';
    if (value === null || typeof value === 'boolean') return null;
    if (typeof value === 'number') return Number.isFinite(value) ? null : 'A number in the request is not a number.';
    if (typeof value === 'string') {
      if (value.length > payloadLimits.textLength) return 'A text in the request is too long.';
      return value.isWellFormed() ? null : 'A text in the request contains characters that are not valid text.';
    }
    if (typeof value !== 'object') return 'The request contains something that is not data.';
    if (depth >= payloadLimits.depth) return 'The request is nested too deeply.';
    if (Array.isArray(value)) {
      if (Object.getPrototypeOf(value) !== Array.prototype) return 'The request contains something that is not data.';
      if (value.length > payloadLimits.values) return 'The request is too large.';
      for (const item of value) {
        const problem = visit(item, depth + 1);
        if (problem) return problem;
      }
      return null;
    }
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) return 'The request contains something that is not data.';
    for (const key of Object.keys(value)) {
      if (!key.isWellFormed()) return 'A name in the request contains characters that are not valid text.';
      const problem = visit((value as Record<string, unknown>)[key], depth + 1);
      if (problem) return problem;
    }
    return null;
  };
  return visit(payload, 0);
}
