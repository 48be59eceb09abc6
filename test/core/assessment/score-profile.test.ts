import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessProfile } from '../../../src/core/assessment/assess-profile.js';
import { scoreProfile } from '../../../src/core/assessment/score-profile.js';
import {
  ARCHITECTURES,
  COMPONENTS,
  CONTAINER_PLATFORMS,
  MODEL_HOSTING,
  PAINS,
  STAGES,
  type TeamProfile,
  TRAFFIC_SHAPES,
} from '../../../src/core/profile/profile.js';

const subset = <T>(values: readonly T[]) => fc.subarray([...values]);
const profileArb: fc.Arbitrary<TeamProfile> = fc.record(
  {
    engineers: fc.integer({ min: 1, max: 400 }),
    teams: fc.integer({ min: 1, max: 40 }),
    stage: fc.constantFrom(...STAGES),
    users: fc.integer({ min: 0, max: 5_000_000 }),
    requestsPerDay: fc.integer({ min: 0, max: 20_000_000 }),
    trafficShape: fc.constantFrom(...TRAFFIC_SHAPES),
    modelHosting: fc.constantFrom(...MODEL_HOSTING),
    gpuInference: fc.boolean(),
    modelSizeB: fc.integer({ min: 1, max: 400 }),
    components: subset(COMPONENTS),
    independentScaling: subset(COMPONENTS),
    differentChangePace: subset(COMPONENTS),
    heavyIngestion: fc.boolean(),
    ciCd: fc.boolean(),
    deploysPerWeek: fc.integer({ min: 0, max: 500 }),
    tracing: fc.boolean(),
    onCall: fc.boolean(),
    containerPlatform: fc.constantFrom(...CONTAINER_PLATFORMS),
    platformTeam: fc.boolean(),
    releaseFriction: fc.boolean(),
    complianceBoundary: fc.boolean(),
    sensitiveData: fc.boolean(),
    untrustedCode: fc.boolean(),
    languages: subset(['Python', 'Go', 'TypeScript', 'Java', 'Ruby', 'Rust', 'Kotlin']),
    reusedByOtherProducts: fc.boolean(),
    currentArchitecture: fc.constantFrom(...ARCHITECTURES),
    pains: subset(PAINS),
  },
  { requiredKeys: [] },
);

describe('fast scoring for question choice', () => {
  it('always reaches the same verdict and scores as the full assessment', () => {
    fc.assert(
      fc.property(profileArb, (profile) => {
        const full = assessProfile(profile);
        const fast = scoreProfile(profile);
        expect(fast.verdict).toBe(full.verdict);
        expect(fast.scores).toEqual(full.scores);
        if (full.runnerUp) expect(fast.runnerUp).toBe(full.runnerUp.verdict);
      }),
      { numRuns: 2000 },
    );
  });
});
