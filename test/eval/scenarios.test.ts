import { describe, expect, it } from 'vitest';
import { VERDICTS } from '../../src/core/assessment/assessment.js';
import { evaluateScenarios } from './run-scenarios.js';
import { SCENARIOS } from './scenarios.js';
import { SCENARIO_THRESHOLDS } from './scenarios-thresholds.js';

describe('labelled architecture scenarios', () => {
  it('cover every verdict with at least six varied descriptions', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(53);
    for (const v of VERDICTS) expect(SCENARIOS.filter((s) => s.expected === v).length, v).toBeGreaterThanOrEqual(6);
    expect(new Set(SCENARIOS.map((s) => s.id)).size).toBe(SCENARIOS.length);
    for (const s of SCENARIOS) if (s.acceptable?.length) expect(s.why, s.id).toBeTruthy();
  });

  it(`the engine keeps accuracy ≥ ${SCENARIO_THRESHOLDS.accuracy} and strict accuracy ≥ ${SCENARIO_THRESHOLDS.strictAccuracy}`, () => {
    const report = evaluateScenarios();
    const summary = report.failures.map((f) => `${f.id}: expected ${f.expected}, got ${f.got}`).join('\n');
    expect(report.accuracy, summary).toBeGreaterThanOrEqual(SCENARIO_THRESHOLDS.accuracy);
    expect(report.strictAccuracy, summary).toBeGreaterThanOrEqual(SCENARIO_THRESHOLDS.strictAccuracy);
    const counted = Object.values(report.confusion).reduce(
      (n, row) => n + Object.values(row).reduce((a, b) => a + b, 0),
      0,
    );
    expect(counted).toBe(report.total);
  });
});
