/** Who runs the system: a product customers install (or devices at the edge) ships as few processes as possible. */
import { describe, expect, it } from 'vitest';
import { assessProfile } from '../../../src/core/assessment/assess-profile.js';
import type { TeamProfile } from '../../../src/core/profile/profile.js';

const org: TeamProfile = {
  engineers: 40,
  teams: 5,
  ciCd: true,
  tracing: true,
  onCall: true,
  containerPlatform: 'kubernetes',
  platformTeam: true,
  releaseFriction: true,
};

describe('deployment topology', () => {
  it('moves a team that would split towards modules when customers run every service', () => {
    const hosted = assessProfile({ ...org, deploymentTopology: 'hosted' });
    expect(hosted.verdict).toBe('microservices');
    for (const topology of ['customer-installed', 'edge'] as const) {
      const shipped = assessProfile({ ...org, deploymentTopology: topology });
      expect(shipped.scores.microservices).toBeLessThan(hosted.scores.microservices);
      expect(shipped.factors.map((f) => f.id)).toContain('customer-operated');
    }
    const installed = assessProfile({
      ...org,
      engineers: 22,
      teams: 3,
      releaseFriction: false,
      deploymentTopology: 'customer-installed',
    });
    expect(installed.verdict).toBe('modular-monolith');
    expect(installed.reasons.map((r) => r.factorId)).toContain('customer-operated');
  });

  it('keeps a model server as its own process when the hardware differs', () => {
    const a = assessProfile({
      engineers: 8,
      teams: 1,
      gpuInference: true,
      modelSizeB: 8,
      deploymentTopology: 'customer-installed',
    });
    expect(a.verdict).toBe('hybrid');
    expect(a.factors.find((f) => f.id === 'customer-operated')?.contributions.microservices).toBeLessThan(0);
  });

  it('is not assumed: without a stated topology nothing changes', () => {
    const a = assessProfile(org);
    expect(a.factors.map((f) => f.id)).not.toContain('customer-operated');
  });
});
