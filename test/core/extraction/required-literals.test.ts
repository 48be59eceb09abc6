import { describe, expect, it } from 'vitest';
import { LEXICON } from '../../../src/core/extraction/lexicon.js';
import { normalizeText } from '../../../src/core/extraction/numbers.js';
import { requiredLiterals } from '../../../src/core/extraction/required-literals.js';
import { ARCHITECTURE_RULES, STAGE_RULES } from '../../../src/core/extraction/stage-architecture.js';
import { SCENARIOS } from '../../eval/scenarios.js';

const lits = (source: string, flags = 'g') => requiredLiterals(new RegExp(source, flags))?.sort();

describe('requiredLiterals', () => {
  it('takes the longest literal run of a sequence and unions alternatives', () => {
    expect(lits(String.raw`\b(?:gpus?|gpu nodes?|vllm)\b`)).toEqual(['gpu', 'vllm']);
    expect(lits(String.raw`\bsolo (?:dev|developer)\b`)).toEqual(['solo ']);
    expect(lits('x(?:abc|de)')).toEqual(['abc', 'de']);
  });

  it('never joins across repeats, optional parts, classes or assertions', () => {
    expect(lits('ab+c')).toEqual(['ab']);
    expect(lits('ab(?:cd)?ef')).toEqual(['ab']);
    expect(lits('ab[xy]cd')).toEqual(['ab']);
    expect(lits('(?<!no )tracing(?! off)')).toEqual(['tracing']);
    expect(lits('on(?=call)call')).toEqual(['call']);
    expect(lits('x{2,}yz')).toEqual(['xyz']);
    expect(lits('abc+')).toEqual(['abc']);
  });

  it('gives up where any alternative needs nothing or the syntax is not handled', () => {
    expect(lits('abc|x?')).toBeUndefined();
    expect(lits('(a)\\1')).toBeUndefined();
    expect(lits('abc', 'gi')).toBeUndefined();
    expect(lits(String.raw`\u0041bc`)).toBeUndefined();
  });

  it('every match of every rule holds one of its literals (scenario texts, sentence by sentence)', () => {
    const rules = [...LEXICON, ...STAGE_RULES, ...ARCHITECTURE_RULES];
    const texts = SCENARIOS.map((s) => normalizeText(s.text).text);
    let matched = 0;
    for (const rule of rules) {
      const literals = requiredLiterals(rule.pattern);
      expect(literals, rule.id).toBeDefined();
      for (const text of texts) {
        for (const m of text.matchAll(rule.pattern)) {
          matched++;
          expect(
            literals!.some((l) => m[0].includes(l)),
            `${rule.id}: ${m[0]}`,
          ).toBe(true);
        }
      }
    }
    expect(matched).toBeGreaterThan(100);
  });
});
