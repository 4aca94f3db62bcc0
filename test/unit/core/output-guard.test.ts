import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compileGuard, outputGuard } from '../../../electron/core/output-guard';
import { deepFreeze } from '../../../electron/lib/deep-freeze';
import { contract } from '../../../shared/contract';
import { id, isoDate, isoDateTime } from '../../../shared/contract/common';

/**
 * The compiled output guard must answer exactly as zod would (the whole suite
 * also runs with every answer cross-checked), and must never let a field the
 * schema does not name through.
 */
const account = z.object({
  id: z.number().int().positive(),
  handle: z.string(),
  email: z.string().max(20),
  status: z.enum(['proposed', 'active']),
  lead: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  note: z.string().optional(),
  tags: z.array(z.string()),
  details: z.record(z.string(), z.unknown()),
  kind: z.discriminatedUnion('k', [z.object({ k: z.literal('a') }), z.object({ k: z.literal('b'), n: z.number() })]),
  strictKind: z
    .object({ k: z.literal('a') })
    .strict()
    .optional(),
});

const sample = {
  id: 7,
  handle: '@stmarys',
  email: 'office@stmarys.uk',
  status: 'active',
  lead: { id: 2, name: 'Ann', password: 'Kestrel#1' },
  tags: ['x'],
  details: { from: 1 },
  kind: { k: 'b', n: 3, secret: 'hidden' },
  envelope: '{"v":1}',
};

describe('the compiled output guard', () => {
  it('copies only the fields the schema names, at every level, exactly as zod does', () => {
    const guard = compileGuard(account);
    const result = guard(sample);
    expect(result.ok && result.value).toEqual(account.parse(sample));
    expect(JSON.stringify(result)).not.toMatch(/password|secret|envelope/);
  });

  it('refuses what zod refuses: a wrong type, a value out of an enum, a number that is not whole, a string too long', () => {
    const guard = compileGuard(account);
    for (const bad of [
      { ...sample, id: '7' },
      { ...sample, status: 'closed' },
      { ...sample, id: 7.5 },
      { ...sample, email: 'x'.repeat(21) },
      { ...sample, lead: undefined },
      { ...sample, kind: { k: 'c' } },
      { ...sample, strictKind: { k: 'a', extra: 1 } },
    ]) {
      expect(guard(bad).ok).toBe(account.safeParse(bad).success);
      expect(guard(bad).ok).toBe(false);
    }
  });

  it('agrees with zod on random values for every channel output in the contract', () => {
    for (const [channel, { output }] of Object.entries(contract)) {
      const guard = outputGuard(output as never, true);
      fc.assert(
        fc.property(fc.anything({ maxDepth: 3 }), (value) => {
          expect(() => guard(value), channel).not.toThrow();
        }),
        { numRuns: 20 },
      );
    }
  });

  it('reuses its checked copy of a value that cannot change, and only of such a value', () => {
    const guard = compileGuard(z.array(account.omit({ details: true })));
    const value = (list: unknown) => {
      const result = guard(list);
      if (!result.ok) throw new Error('refused');
      return result.value;
    };
    const { details: _details, ...row } = sample;
    const frozen = deepFreeze([structuredClone(row), structuredClone(row)]);
    const first = value(frozen);
    expect(value(frozen)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(JSON.stringify(first)).not.toMatch(/password|secret|envelope/);
    // Not frozen all the way down: the child could change, so the list is walked again each time.
    const open = Object.freeze([Object.freeze({ ...row, lead: { id: 2, name: 'Ann' } })]);
    const before = value(open);
    (open[0]!.lead as { name: string }).name = 'Changed';
    expect(value(open)).not.toBe(before);
    expect((value(open) as { lead: { name: string } }[])[0]!.lead.name).toBe('Changed');
  });

  it('hands out a frozen value that passes unchanged as it is, and copies one with anything the schema does not name', () => {
    const guard = compileGuard(z.array(z.object({ id: z.number(), lead: z.object({ name: z.string() }).nullable() })));
    const exact = deepFreeze([
      { id: 1, lead: { name: 'Ann' } },
      { id: 2, lead: null },
    ]);
    const passed = guard(exact);
    expect(passed.ok && passed.value).toBe(exact);
    const extra = deepFreeze([{ id: 1, lead: { name: 'Ann', password: 'Kestrel#1' } }]);
    const copied = guard(extra);
    expect(copied.ok && copied.value).not.toBe(extra);
    expect(JSON.stringify(copied.ok && copied.value)).toBe('[{"id":1,"lead":{"name":"Ann"}}]');
    // Not frozen: copied, so a later change to it cannot reach what was handed out.
    const open = [{ id: 3, lead: null }];
    const fresh = guard(open);
    expect(fresh.ok && fresh.value).not.toBe(open);
  });

  it("does the common checks on text and numbers itself, with zod's answer for each", () => {
    const schemas = {
      isoDate,
      isoDateTime,
      id,
      count: z.number().int().nonnegative(),
      below: z.number().lt(10),
      short: z.string().max(5),
      long: z.string().min(2),
      email: z.string().email(),
    };
    const edges = [
      '2026-11-30',
      '2026-02-30',
      '2026-11-30T09:00:00.000Z',
      '2026-11-30T09:00:00+01:00',
      '30/11/2026',
      '',
      'abcdef',
      'ab',
      'a',
      'a@b.uk',
      0,
      -1,
      1,
      1.5,
      10,
      9.99,
      Number.MAX_SAFE_INTEGER + 2,
      NaN,
      Infinity,
      null,
      true,
    ];
    for (const [name, schema] of Object.entries(schemas)) {
      const guard = compileGuard(schema);
      for (const value of edges)
        expect(guard(value).ok, `${name} ${String(value)}`).toBe(schema.safeParse(value).success);
      fc.assert(
        fc.property(fc.oneof(fc.string(), fc.double(), fc.integer()), (value) => {
          expect(guard(value).ok).toBe(schema.safeParse(value).success);
        }),
        { numRuns: 200 },
      );
    }
  });

  it('hands out a frozen plain row that has exactly the named fields as it is, and copies one with anything more', () => {
    const row = z.object({ id: z.number(), handle: z.string(), note: z.string().optional() });
    const guard = compileGuard(z.array(row));
    const value = (list: unknown) => {
      const result = guard(list);
      if (!result.ok) throw new Error('refused');
      return result.value as unknown[];
    };
    const exact = deepFreeze({ id: 1, handle: '@stmarys' });
    const withNote = deepFreeze({ id: 2, handle: '@oakfield', note: 'Cover' });
    const extra = deepFreeze({ id: 3, handle: '@riverside', envelope: '{"v":1}' });
    const undefinedNote = deepFreeze({ id: 4, handle: '@hillcrest', note: undefined });
    const hidden = Object.freeze(Object.defineProperty({ id: 5, handle: '@kingsway' }, 'secret', { value: 'x' }));
    const open = { id: 6, handle: '@ashton' };
    const classy = deepFreeze(
      Object.assign(Object.create({ inherited: 'secret' }) as object, { id: 7, handle: '@beech' }),
    );
    const out = value(Object.freeze([exact, withNote, extra, undefinedNote, hidden, open, classy]));
    expect(out[0]).toBe(exact);
    expect(out[1]).toBe(withNote);
    // A non-enumerable key is not sent over IPC (structured clone copies own enumerable keys only).
    expect(out[4]).toBe(hidden);
    for (const [i, source] of [
      [2, extra],
      [3, undefinedNote],
      [5, open],
      [6, classy],
    ] as const)
      expect(out[i]).not.toBe(source);
    expect(out[2]).toEqual({ id: 3, handle: '@riverside' });
    expect(Object.keys(out[3] as object)).toEqual(['id', 'handle']);
    expect(out[5]).toEqual(open);
    expect(Object.getPrototypeOf(out[6])).toBe(Object.prototype);
    expect(JSON.stringify(structuredClone(out))).not.toMatch(/envelope|secret/);
  });
});
