/**
 * Over every labelled description, through the one-shot assessment: no reason rests on an assumed fact,
 * each names what it rests on in the team's own words, and every assumption says why it was assumed.
 */
import Keyv from 'keyv';
import { describe, expect, it } from 'vitest';
import { createConsultant } from '../../../src/core/create-consultant.js';
import { assessOrAsk, LABELLED_DESCRIPTIONS } from '../../eval/labelled-descriptions.js';
import { knowledge } from '../interview/harness.js';

const plain = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

describe('reasons a team can check', () => {
  it('over every labelled description: reasons rest on stated facts and quote them; assumptions say why', async () => {
    const consultant = createConsultant({ knowledge: await knowledge(), store: new Keyv() });
    let reasons = 0;
    let quoted = 0;
    for (const d of LABELLED_DESCRIPTIONS) {
      const result = await assessOrAsk(consultant, d.text);
      if (!result) continue;
      const { assessment: a, profile } = result;
      const stated = new Set(Object.keys(profile));
      const assumed = new Set(a.assumptions.map((x) => x.fact));
      for (const r of a.reasons) {
        reasons++;
        const factor = a.factors.find((f) => f.id === r.factorId)!;
        const deciding = factor.decidedBy ?? factor.facts;
        if (factor.facts.length === 0) continue;
        expect(r.facts?.length, `${d.id}: ${r.factorId} rests on no stated fact`).toBeGreaterThan(0);
        for (const k of r.facts ?? []) {
          expect(stated.has(k), `${d.id}: ${r.factorId} rests on ${k}`).toBe(true);
          expect(assumed.has(k)).toBe(false);
        }
        expect(deciding.some((k) => stated.has(k))).toBe(true);
        if (r.evidence?.length) {
          quoted++;
          // The quote is the team's words (compared without spacing and punctuation, which reading normalises).
          for (const e of r.evidence) {
            const words = /“(.+)”/.exec(e)?.[1]?.replace(/…$/, '');
            if (words) expect(plain(d.text), `${d.id}: ${e}`).toContain(plain(words));
          }
        }
      }
      for (const x of a.assumptions) expect(x.because, `${d.id}: ${x.fact} assumed without why`).toBeTruthy();
    }
    // Nearly every reason quotes the team (a reason on a fact read without words would not).
    expect(reasons).toBeGreaterThan(300);
    expect(quoted / reasons).toBeGreaterThan(0.9);
  }, 60_000);
});
