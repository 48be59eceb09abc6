import { describe, expect, it } from 'vitest';
import { isFactKey, validFactValue } from '../../../src/core/profile/valid-fact.js';

describe('validFactValue', () => {
  it('keeps values that fit the fact and drops the rest', () => {
    expect(validFactValue('engineers', 12)).toBe(12);
    expect(validFactValue('engineers', 0)).toBeUndefined();
    expect(validFactValue('engineers', 2.5)).toBeUndefined();
    expect(validFactValue('services', 14)).toBe(14);
    expect(validFactValue('documentsPerDay', 200_000)).toBe(200_000);
    expect(validFactValue('corpusDocuments', -1)).toBeUndefined();
    expect(validFactValue('deploymentTopology', 'customer-installed')).toBe('customer-installed');
    expect(validFactValue('deploymentTopology', 'on-prem')).toBeUndefined();
    expect(validFactValue('components', ['ui', 'nope'])).toBeUndefined();
    expect(validFactValue('languages', ['x'.repeat(41)])).toBeUndefined();
  });

  it('returns arrays copied and rejects unknown or inherited keys', () => {
    const list = ['ui'];
    expect(validFactValue('components', list)).toEqual(['ui']);
    expect(validFactValue('components', list)).not.toBe(list);
    expect(validFactValue('nonsense', 1)).toBeUndefined();
    expect(validFactValue('toString', 'x')).toBeUndefined();
    expect(isFactKey('__proto__')).toBe(false);
    expect(isFactKey('services')).toBe(true);
  });
});
