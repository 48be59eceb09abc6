/**
 * "What would change this" is true to the engine: over every labelled description, each listed trigger,
 * applied to the profile, moves the engine's own verdict to the one it names; stated plans always give a
 * forward-looking entry; the README's example holds.
 */
import Keyv from 'keyv';
import { describe, expect, it } from 'vitest';
import { resolveProfile } from '../../../src/core/assessment/defaults.js';
import { scoreProfile } from '../../../src/core/assessment/score-profile.js';
import { triggerProfile } from '../../../src/core/assessment/triggers.js';
import { createConsultant } from '../../../src/core/create-consultant.js';
import { ArchieError } from '../../../src/core/errors.js';
import { LABELLED_DESCRIPTIONS } from '../../eval/labelled-descriptions.js';
import { knowledge } from '../interview/harness.js';

const consultantFor = async () => createConsultant({ knowledge: await knowledge(), store: new Keyv() });

async function assessOrSkip(consultant: Awaited<ReturnType<typeof consultantFor>>, text: string) {
  try {
    return await consultant.assess(text);
  } catch (error) {
    if (error instanceof ArchieError && error.code === 'insufficient_input') return undefined;
    throw error;
  }
}

describe('what would change this', () => {
  it('over every labelled description, every trigger moves the engine to the verdict it names', async () => {
    const consultant = await consultantFor();
    let checked = 0;
    let plans = 0;
    for (const d of LABELLED_DESCRIPTIONS) {
      const result = await assessOrSkip(consultant, d.text);
      if (!result) continue;
      const { profile, assessment: a } = result;
      const { resolved } = resolveProfile(profile, { explain: false });
      for (const t of a.changeTriggers) {
        if (t.plan) continue;
        const after = triggerProfile(t.condition, profile, resolved);
        expect(after, `${d.id}: "${t.condition}" has no what-if`).toBeDefined();
        expect(scoreProfile(after!).verdict, `${d.id}: "${t.condition}"`).toBe(t.wouldMoveTo);
        expect(t.wouldMoveTo).not.toBe(a.verdict);
        checked++;
      }
      // A stated plan always gives a forward-looking entry.
      if (result.plans.length) {
        plans++;
        expect(
          a.changeTriggers.some((t) => t.plan),
          `${d.id}: plans without an entry`,
        ).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(200);
    expect(plans).toBeGreaterThan(5);
  }, 60_000);

  it('a stated plan gets an entry with what the engine would then recommend', async () => {
    const consultant = await consultantFor();
    const { assessment: a } = await consultant.assess(
      '6 engineers, RAG assistant on the OpenAI API, one deployable. Next year we will move to a self-hosted open-weights model.',
    );
    const entry = a.changeTriggers.find((t) => t.plan);
    expect(entry?.condition).toMatch(/^Your plan: “Next year we will move to a self-hosted open-weights model\.?”/);
    expect(entry?.wouldMoveTo).toBe('hybrid');
    expect(a.changeTriggers).not.toContainEqual(
      expect.objectContaining({ condition: expect.stringMatching(/^Nothing/) }),
    );
  });

  it('the README example: three engineers on a hosted API get the GPU and second-team triggers, and they hold', async () => {
    const consultant = await consultantFor();
    const { profile, assessment: a } = await consultant.assess(
      "We're three engineers building a RAG assistant on the OpenAI API for about 2,000 internal users. We deploy from GitHub Actions, have basic monitoring but no tracing, and nobody is on call.",
    );
    expect(a.verdict).toBe('monolith');
    const { resolved } = resolveProfile(profile, { explain: false });
    const gpu = a.changeTriggers.find((t) => t.condition.startsWith('You start self-hosting a model on your own GPUs'));
    const team = a.changeTriggers.find((t) => t.condition.startsWith('A second team starts working in the codebase'));
    expect(gpu?.wouldMoveTo).toBe('hybrid');
    expect(team?.wouldMoveTo).toBe('modular-monolith');
    for (const t of [gpu!, team!])
      expect(scoreProfile(triggerProfile(t.condition, profile, resolved)!).verdict).toBe(t.wouldMoveTo);
  });
});
