import { describe, expect, it } from 'vitest';
import { LEXICON } from '../../../src/core/extraction/lexicon.js';
import { normalizeText } from '../../../src/core/extraction/numbers.js';
import { requiredLiterals } from '../../../src/core/extraction/required-literals.js';
import { RuleFilter } from '../../../src/core/extraction/rule-filter.js';
import { splitSentences } from '../../../src/core/extraction/sentences.js';
import { ARCHITECTURE_RULES, STAGE_RULES } from '../../../src/core/extraction/stage-architecture.js';
import { SCENARIOS } from '../../eval/scenarios.js';

const RULES = [...LEXICON, ...STAGE_RULES, ...ARCHITECTURE_RULES];

describe('RuleFilter', () => {
  it('never skips a rule whose pattern matches the sentence, and skips most that do not', () => {
    const filter = new RuleFilter(RULES.map((r) => requiredLiterals(r.pattern)));
    let skipped = 0;
    let checked = 0;
    for (const scenario of SCENARIOS) {
      for (const sentence of splitSentences(scenario.text)) {
        const t = normalizeText(sentence.text).text;
        filter.read(t);
        RULES.forEach((rule, i) => {
          checked++;
          const matches = [...t.matchAll(rule.pattern)].length > 0;
          if (matches) expect(filter.mayMatch(i), `${rule.id} in "${t}"`).toBe(true);
          else if (!filter.mayMatch(i)) skipped++;
        });
      }
    }
    expect(skipped / checked).toBeGreaterThan(0.5);
  });

  it('always runs rules without usable literals', () => {
    const filter = new RuleFilter([undefined, ['ab'], ['abc']]);
    filter.read('nothing here');
    expect([0, 1, 2].map((i) => filter.mayMatch(i))).toEqual([true, true, false]);
    filter.read('xabcx');
    expect(filter.mayMatch(2)).toBe(true);
  });
});
