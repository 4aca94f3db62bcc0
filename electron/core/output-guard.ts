import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';

/**
 * The check every answer passes before it leaves the main process: built
 * once per channel from the same zod schema, it copies only the fields the
 * schema names, at every level, so nothing outside the schema (a secret, a
 * database row's other columns) can reach the renderer, and it checks each
 * value's type as zod would. Plain and strict objects, arrays, nullables, optionals,
 * unions, enums, literals and records are walked here, which is many times
 * faster than zod over a 10,000-row register; anything else (strings with
 * formats or limits, numbers with bounds, transforms) is handed to zod
 * itself for that value, so the result is always exactly zod's.
 *
 * A frozen object or array whose contents are all frozen or scalar (what the
 * register and rotation caches hand out) cannot change, so its checked copy
 * is kept (frozen too) and handed out again: a repeat answer from a cache
 * costs one lookup rather than a walk over every row.
 *
 * KEYHOLDER_VERIFY_OUTPUT=1 (set for the whole test suite) also runs zod over
 * every answer and refuses any difference.
 */
export type Guard = (value: unknown) => Checked;
/** `stable`: the value came only from frozen objects and scalars, so it may be remembered. */
type Checked = { ok: true; value: unknown; stable?: boolean } | { ok: false };

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  values?: unknown[];
  entries?: Record<string, unknown>;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  checks?: unknown[];
  catchall?: z.ZodType;
  format?: string;
};

const fail = { ok: false } as const;
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** zod itself, for one value: the exact answer for whatever this compiler does not walk. */
function byZod(schema: z.ZodType): Guard {
  return (value) => {
    const result = schema.safeParse(value);
    return result.success
      ? { ok: true, value: result.data, stable: typeof value !== 'object' || value === null }
      : fail;
  };
}

const scalars: Record<string, (value: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  boolean: (v) => typeof v === 'boolean',
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  null: (v) => v === null,
};

export function compileGuard(schema: z.ZodType): Guard {
  const def = defOf(schema);
  const scalar = scalars[def.type];
  if (scalar)
    return def.checks?.length || def.format
      ? byZod(schema)
      : (v) => (scalar(v) ? { ok: true, value: v, stable: true } : fail);
  switch (def.type) {
    case 'unknown':
    case 'any':
      return (v) => ({ ok: true, value: v, stable: typeof v !== 'object' || v === null });
    case 'literal':
      return (v) => (def.values!.includes(v) ? { ok: true, value: v, stable: true } : fail);
    case 'enum': {
      const allowed = new Set(Object.values(def.entries!));
      return (v) => (allowed.has(v) ? { ok: true, value: v, stable: true } : fail);
    }
    case 'nullable': {
      const inner = compileGuard(def.innerType!);
      return (v) => (v === null ? { ok: true, value: null, stable: true } : inner(v));
    }
    case 'object':
      // .strict() is a catchall of never: every key must be one the shape names.
      if (def.catchall) return defOf(def.catchall).type === 'never' ? compileObject(def.shape!, true) : byZod(schema);
      return compileObject(def.shape!);
    case 'array':
      return def.checks?.length ? byZod(schema) : compileArray(compileGuard(def.element!));
    case 'union':
      return compileUnion(def.options!.map(compileGuard));
    case 'record':
      return compileRecord(compileGuard(def.keyType!), compileGuard(def.valueType!));
    default:
      return byZod(schema);
  }
}

/** Remembers the checked copy of a value that cannot change (see above); one memo per compiled guard. */
function remembered(walk: (value: object) => Checked): (value: object) => Checked {
  const memo = new WeakMap<object, Checked>();
  return (value) => {
    const known = memo.get(value);
    if (known) return known;
    const checked = walk(value);
    if (checked.ok && checked.stable && Object.isFrozen(value)) {
      Object.freeze(checked.value);
      memo.set(value, checked);
    }
    return checked;
  };
}

function compileObject(shape: Record<string, z.ZodType>, strict = false): Guard {
  const fields = Object.entries(shape).map(([key, child]) => ({
    key,
    optional: defOf(child).type === 'optional',
    guard: compileGuard(defOf(child).type === 'optional' ? defOf(child).innerType! : child),
  }));
  const known = new Set(Object.keys(shape));
  const walk = remembered((value) => {
    const source = value as Record<string, unknown>;
    if (strict && Object.keys(source).some((key) => !known.has(key))) return fail;
    const frozen = Object.isFrozen(value);
    let stable = frozen;
    // Made only once a field differs from the source's: see asItIs.
    let out: Record<string, unknown> | null = frozen ? null : {};
    let copied = 0;
    for (let i = 0; i < fields.length; i += 1) {
      const field = fields[i]!;
      const v = source[field.key];
      if (v === undefined && field.optional) {
        if (out === null && field.key in source) out = copyOf(source, fields, i);
        continue;
      }
      const checked = field.guard(v);
      if (!checked.ok) return fail;
      stable &&= checked.stable === true;
      if (out === null && checked.value !== v) out = copyOf(source, fields, i);
      if (out === null) copied += 1;
      else out[field.key] = checked.value;
    }
    if (out === null && !asItIs(source, copied)) out = copyOf(source, fields, fields.length);
    return { ok: true, value: out ?? source, stable };
  });
  return (value) => (typeof value !== 'object' || value === null || Array.isArray(value) ? fail : walk(value));
}

/** The fields before `end` as the source has them (each already checked and the same). */
function copyOf(source: Record<string, unknown>, fields: { key: string; optional: boolean }[], end: number) {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < end; i += 1) {
    const { key, optional } = fields[i]!;
    if (!(optional && source[key] === undefined)) out[key] = source[key];
  }
  return out;
}

/**
 * A frozen plain object whose every field checked out as itself, with no
 * other own enumerable key, is already exactly what a copy would be: it is
 * handed out as it is rather than copied, so a cache's rows are not held
 * twice (once in the cache, once as the guard's remembered copy).
 */
function asItIs(source: Record<string, unknown>, fields: number): boolean {
  if (Object.getPrototypeOf(source) !== Object.prototype) return false;
  let keys = 0;
  for (const key in source) if (Object.hasOwn(source, key)) keys += 1;
  return keys === fields;
}

function compileArray(element: Guard): Guard {
  const walk = remembered((value) => {
    const list = value as unknown[];
    const out = new Array<unknown>(list.length);
    let stable = Object.isFrozen(value);
    for (let i = 0; i < list.length; i += 1) {
      const checked = element(list[i]);
      if (!checked.ok) return fail;
      stable &&= checked.stable === true;
      out[i] = checked.value;
    }
    return { ok: true, value: out, stable };
  });
  return (value) => (Array.isArray(value) ? walk(value) : fail);
}

function compileUnion(options: Guard[]): Guard {
  return (value) => {
    for (const option of options) {
      const checked = option(value);
      if (checked.ok) return checked;
    }
    return fail;
  };
}

function compileRecord(key: Guard, item: Guard): Guard {
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (!key(k).ok) return fail;
      const checked = item(v);
      if (!checked.ok) return fail;
      out[k] = checked.value;
    }
    return { ok: true, value: out };
  };
}

/** The guard for a schema, compiled once; in verify mode each answer is also checked against zod's. */
export function outputGuard(schema: z.ZodType, verify = process.env.KEYHOLDER_VERIFY_OUTPUT === '1'): Guard {
  const guard = compileGuard(schema);
  if (!verify) return guard;
  return (value) => {
    const mine = guard(value);
    const zods = schema.safeParse(value);
    if (mine.ok !== zods.success || (mine.ok && !isDeepStrictEqual(mine.value, zods.data))) {
      throw new Error('The compiled output guard disagrees with zod');
    }
    return mine;
  };
}
