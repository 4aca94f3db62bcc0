import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import { scalarPredicate } from './guard-checks';

/**
 * The check every answer passes before it leaves the main process: built
 * once per channel from the same zod schema, it copies only the fields the
 * schema names, at every level, so nothing outside the schema (a secret, a
 * database row's other columns) can reach the renderer, and it checks each
 * value's type as zod would. Plain and strict objects, arrays, nullables, optionals,
 * unions, enums, literals, records and the common checks on text and numbers
 * (patterns, whole numbers, bounds, lengths: ./guard-checks.ts) are done
 * here, which is many times faster than zod over a 10,000-row register;
 * anything else (other string formats, transforms) is handed to zod itself
 * for that value, so the result is always exactly zod's.
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
  pattern?: RegExp;
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

const scalarTypes = new Set(['string', 'boolean', 'number', 'null']);

export function compileGuard(schema: z.ZodType): Guard {
  const def = defOf(schema);
  if (scalarTypes.has(def.type)) {
    const test = scalarPredicate(def);
    return test ? (v) => (test(v) ? { ok: true, value: v, stable: true } : fail) : byZod(schema);
  }
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

/**
 * For a field whose value is a plain scalar (text, number, true/false, null,
 * one of a list): a test that passes it as it is, with no result object
 * made for each of a register's 100,000 fields. Null for anything else.
 */
function scalarTest(schema: z.ZodType): ((value: unknown) => boolean) | null {
  const def = defOf(schema);
  if (scalarTypes.has(def.type)) return scalarPredicate(def);
  if (def.type === 'literal') return (v) => def.values!.includes(v);
  if (def.type === 'enum') {
    const allowed = new Set(Object.values(def.entries!));
    return (v) => allowed.has(v);
  }
  if (def.type === 'nullable') {
    const inner = scalarTest(def.innerType!);
    return inner && ((v) => v === null || inner(v));
  }
  return null;
}

function compileObject(shape: Record<string, z.ZodType>, strict = false): Guard {
  const fields = Object.entries(shape).map(([key, child]) => {
    const optional = defOf(child).type === 'optional';
    const inner = optional ? defOf(child).innerType! : child;
    return { key, optional, test: scalarTest(inner), guard: compileGuard(inner) };
  });
  const known = new Set(Object.keys(shape));
  const walk = remembered((value) => {
    const source = value as Record<string, unknown>;
    if (strict && Object.keys(source).some((key) => !known.has(key))) return fail;
    const out: Record<string, unknown> = {};
    let stable = Object.isFrozen(value);
    // Whether the copy would equal the value itself (see plain, below).
    let same = stable && plain(value);
    let copied = 0;
    for (const field of fields) {
      const v = source[field.key];
      if (v === undefined && field.optional) {
        same &&= !(field.key in source);
        continue;
      }
      copied += 1;
      if (field.test) {
        if (!field.test(v)) return fail;
        out[field.key] = v;
        continue;
      }
      const checked = field.guard(v);
      if (!checked.ok) return fail;
      stable &&= checked.stable === true;
      same &&= checked.value === v;
      out[field.key] = checked.value;
    }
    if (same && stable && keyCount(source) === copied) return { ok: true, value, stable };
    return { ok: true, value: out, stable };
  });
  return (value) => (typeof value !== 'object' || value === null || Array.isArray(value) ? fail : walk(value));
}

/**
 * A long frozen list is usually the last one with a few items replaced (the
 * register after a write): its last checked list is kept, and an item in
 * the same place as before is taken from it with one comparison, not a
 * lookup per item. Shorter lists are not worth holding on to.
 */
const keepAbove = 256;

/**
 * A frozen plain object (or array) whose every field the schema names, and
 * whose every value passes unchanged and cannot change, would be copied
 * field for field into an equal object: it is handed out as it is instead,
 * so a cached register passes the guard without a second copy of 10,000
 * rows. Anything else (an extra field, a value the guard changes, an object
 * that is not frozen all the way down) is still copied.
 */
function plain(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function keyCount(value: object): number {
  let count = 0;
  for (const key in value) if (Object.hasOwn(value, key)) count += 1;
  return count;
}

function compileArray(element: Guard): Guard {
  let last: { list: readonly unknown[]; checked: Checked[] } | null = null;
  const walk = remembered((value) => {
    const list = value as unknown[];
    const out = new Array<unknown>(list.length);
    const before = last;
    const checkedItems = new Array<Checked>(list.length);
    let stable = Object.isFrozen(value);
    let unchanged = stable;
    for (let i = 0; i < list.length; i += 1) {
      const item = list[i];
      const same = before !== null && i < before.list.length && before.list[i] === item;
      const checked = same ? before.checked[i]! : element(item);
      if (!checked.ok) return fail;
      stable &&= checked.stable === true;
      unchanged &&= checked.value === item;
      out[i] = checked.value;
      checkedItems[i] = checked;
    }
    if (stable && list.length > keepAbove) last = { list, checked: checkedItems };
    // A frozen list of items that all pass as they are (see plain) passes as it is too.
    return { ok: true, value: unchanged && stable ? value : out, stable };
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
