import { describe, expect, it } from 'vitest';
import { assessProfile } from '../../../src/core/assessment/assess-profile.js';
import { applyUpdates } from '../../../src/core/interview/apply-updates.js';
import { chooseQuestion, rankQuestions } from '../../../src/core/interview/choose-question.js';
import type { TeamProfile } from '../../../src/core/profile/profile.js';
import { knowledge } from './harness.js';

describe('choosing the next question', () => {
  it('only proposes questions with an answer that changes the verdict', async () => {
    const kb = await knowledge();
    const assess = (p: TeamProfile) => assessProfile(p, kb);
    const profile: TeamProfile = { stage: 'prototype' };
    const baseline = assess(profile).verdict;
    const ranked = rankQuestions(profile, { assess, done: [] });
    expect(ranked.length).toBeGreaterThan(0);
    for (const r of ranked) {
      const verdicts = r.question.options.map((o) => assess(applyUpdates(profile, o.updates)).verdict);
      expect(verdicts.some((v) => v !== baseline)).toBe(true);
    }
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]!.flips).toBeGreaterThanOrEqual(ranked[i]!.flips);
  });

  it('asks nothing when the profile is complete, and stops at the cap', async () => {
    const kb = await knowledge();
    const assess = (p: TeamProfile) => assessProfile(p, kb);
    const full: TeamProfile = {
      engineers: 3,
      teams: 1,
      stage: 'pilot',
      modelHosting: 'hosted-api',
      gpuInference: false,
      heavyIngestion: false,
      ciCd: true,
      tracing: false,
      onCall: false,
      containerPlatform: 'none',
      platformTeam: false,
      releaseFriction: false,
      complianceBoundary: false,
      untrustedCode: false,
      currentArchitecture: 'monolith',
      reusedByOtherProducts: false,
    };
    expect(chooseQuestion(full, { assess, done: [], asked: 0 })).toBeUndefined();
    expect(chooseQuestion({}, { assess, done: [], asked: 3 })).toBeUndefined();
  });
});
