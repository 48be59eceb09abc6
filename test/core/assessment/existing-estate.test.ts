import { describe, expect, it } from 'vitest';
import { assessProfile } from '../../../src/core/assessment/assess-profile.js';
import { resolveProfile } from '../../../src/core/assessment/defaults.js';
import { preferOnTie } from '../../../src/core/assessment/score-profile.js';
import type { TeamProfile } from '../../../src/core/profile/profile.js';

// Many teams already running their own services on a working platform, adding LLM features in their domains.
const estate: TeamProfile = {
  engineers: 90,
  teams: 10,
  stage: 'production',
  currentArchitecture: 'microservices',
  containerPlatform: 'kubernetes',
  onCall: true,
  platformTeam: true,
  modelHosting: 'mixed',
  gpuInference: false,
  languages: ['Go', 'Python', 'TypeScript'],
};

describe('an existing, working microservices estate', () => {
  it('is assumed to be in production with someone on call, even when the team does not say so', () => {
    const { resolved, assumptions } = resolveProfile({ teams: 25, currentArchitecture: 'microservices' });
    expect(resolved).toMatchObject({ stage: 'production', onCall: true });
    expect(assumptions.find((a) => a.fact === 'stage')?.because).toBe('you already run separate services');
  });

  it('stays microservices, and its languages are not a new reason to extract a service', () => {
    const a = assessProfile(estate);
    expect(a.verdict).toBe('microservices');
    expect(a.factors.map((f) => f.id)).not.toContain('language-boundary');
    expect(a.factors.map((f) => f.id)).toContain('existing-services-working');
    expect(a.citations.map((c) => c.id)).toEqual(expect.arrayContaining(['uber-doma', 'monzo-microservices']));
  });

  it('still counts a language boundary for a team that runs one deployable', () => {
    const a = assessProfile({ ...estate, currentArchitecture: 'monolith', teams: 2, engineers: 12 });
    expect(a.factors.map((f) => f.id)).toContain('language-boundary');
  });
});

describe('a tie between two verdicts', () => {
  const resolved = (p: TeamProfile) => resolveProfile(p, { explain: false }).resolved;

  it('goes to the architecture the team already runs when it works', () => {
    expect(preferOnTie('hybrid', 'microservices', resolved(estate))).toBe('microservices');
  });

  it('goes to the simpler architecture when the current one hurts or is unknown', () => {
    expect(preferOnTie('hybrid', 'microservices', resolved({ ...estate, releaseFriction: true }))).toBe('hybrid');
    expect(preferOnTie('hybrid', 'microservices', resolved({ ...estate, pains: ['ops-overhead'] }))).toBe('hybrid');
    const { currentArchitecture: _, ...unknown } = estate;
    expect(preferOnTie('hybrid', 'microservices', resolved(unknown))).toBe('hybrid');
  });
});
