/**
 * The zod checks the output guard (./output-guard.ts) does itself, each as
 * zod does it: a pattern (regex strings and ISO dates and times, whose zod
 * check is that pattern alone), whole numbers, bounds and lengths. Every id,
 * count and date in a 10,000-row answer has one, and handing each to zod
 * costs many times the test. Anything else returns null, and the guard asks
 * zod. In verify mode (the whole test suite) every answer is also checked by
 * zod, so a difference here fails the tests.
 */
type CheckDef = {
  check?: string;
  format?: string;
  pattern?: RegExp;
  value?: number;
  inclusive?: boolean;
  maximum?: number;
  minimum?: number;
};

export interface ScalarDef {
  type: string;
  checks?: unknown[];
  format?: string;
  pattern?: RegExp;
}

type Test = (value: unknown) => boolean;

const types: Record<string, Test> = {
  string: (v) => typeof v === 'string',
  boolean: (v) => typeof v === 'boolean',
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  null: (v) => v === null,
};

/** Formats whose zod check is their pattern and nothing more. */
const patternFormats = new Set(['regex', 'datetime', 'date', 'time']);

const checkDef = (check: unknown) => (check as { _zod: { def: CheckDef } })._zod.def;

function matches(pattern: RegExp): Test {
  return (v) => {
    pattern.lastIndex = 0;
    return pattern.test(v as string);
  };
}

function compileCheck(def: CheckDef): Test | null {
  switch (def.check) {
    case 'string_format':
      return def.pattern && patternFormats.has(def.format ?? '') ? matches(def.pattern) : null;
    case 'number_format':
      return def.format === 'safeint' ? (v) => Number.isSafeInteger(v) : null;
    case 'greater_than':
      return def.inclusive ? (v) => (v as number) >= def.value! : (v) => (v as number) > def.value!;
    case 'less_than':
      return def.inclusive ? (v) => (v as number) <= def.value! : (v) => (v as number) < def.value!;
    case 'max_length':
      return (v) => (v as string).length <= def.maximum!;
    case 'min_length':
      return (v) => (v as string).length >= def.minimum!;
    default:
      return null;
  }
}

/** A test for a scalar schema (its type, format and checks), or null when the guard must ask zod. */
export function scalarPredicate(def: ScalarDef): Test | null {
  const type = types[def.type];
  if (!type) return null;
  const tests: Test[] = [type];
  if (def.format) {
    const own = compileCheck({ check: 'string_format', format: def.format, pattern: def.pattern });
    if (!own) return null;
    tests.push(own);
  }
  for (const check of def.checks ?? []) {
    const test = compileCheck(checkDef(check));
    if (!test) return null;
    tests.push(test);
  }
  if (tests.length === 1) return type;
  return (v) => tests.every((test) => test(v));
}
