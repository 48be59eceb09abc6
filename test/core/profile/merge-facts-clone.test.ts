import { describe, expect, it } from 'vitest';
import { mergeFacts } from '../../../src/core/profile/merge-facts.js';
import type { Provenance, TeamProfile } from '../../../src/core/profile/profile.js';

describe('mergeFacts copies', () => {
  it('never shares arrays or records with its inputs', () => {
    const profile: TeamProfile = { engineers: 4, components: ['ui'], languages: ['Go'] };
    const provenance: Provenance = { engineers: { source: 'answered', at: 'x', evidence: 'four of us' } };
    const { profile: next, provenance: prov } = mergeFacts(profile, provenance, [], 'stated', 'y');
    expect(next).toEqual(profile);
    expect(prov).toEqual(provenance);
    expect(next.components).not.toBe(profile.components);
    expect(prov.engineers).not.toBe(provenance.engineers);
  });
});
