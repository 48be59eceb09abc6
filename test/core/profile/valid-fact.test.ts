import { describe, expect, it } from 'vitest';
import { FACT_KEYS, teamProfileSchema } from '../../../src/core/profile/profile.js';
import { FACT_CHECKS, validFactValue } from '../../../src/core/profile/valid-fact.js';

// Values at and around every kind of field's edges.
const VALUES: unknown[] = [
  undefined,
  null,
  true,
  false,
  0,
  -0,
  1,
  -1,
  1.5,
  2,
  10_000,
  10_001,
  100_000,
  100_001,
  2 ** 53,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  1e308,
  '',
  '3',
  'x',
  'idea',
  'scale',
  'hosted-api',
  'mixed',
  'spiky',
  'kubernetes',
  'none',
  'hybrid',
  'microservices',
  'ui',
  'gpu-cost',
  'toString',
  {},
  [],
  ['ui'],
  ['ui', 'retrieval'],
  ['ui', 'nope'],
  ['gpu-cost'],
  ['Python'],
  [''],
  ['x'.repeat(40)],
  ['x'.repeat(41)],
  Array.from({ length: 20 }, () => 'Go'),
  Array.from({ length: 21 }, () => 'Go'),
  [1],
  [null],
  [undefined],
  // biome-ignore lint/suspicious/noSparseArray: a hole must fail as zod fails it
  [, 'ui'],
  new Date(0),
  () => 1,
];

describe('validFactValue', () => {
  it('has a cheap check for every fact', () => {
    expect(FACT_KEYS.filter((k) => !FACT_CHECKS[k])).toEqual([]);
  });

  it('agrees with the zod schema on every field', () => {
    for (const key of FACT_KEYS) {
      for (const value of VALUES) {
        const parsed = teamProfileSchema.shape[key].safeParse(value);
        const expected = parsed.success ? parsed.data : undefined;
        expect([key, validFactValue(key, value)]).toEqual([key, expected]);
      }
    }
  });

  it('returns arrays copied and rejects unknown keys', () => {
    const list = ['ui'];
    expect(validFactValue('components', list)).not.toBe(list);
    expect(validFactValue('nonsense', 1)).toBeUndefined();
  });
});
