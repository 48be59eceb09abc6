import { describe, expect, it } from 'vitest';
import { mergeFacts } from '../../../src/core/profile/merge-facts.js';
import type { Provenance, TeamProfile } from '../../../src/core/profile/profile.js';

describe('mergeFacts copies', () => {
  it('never shares arrays or records with its inputs', () => {
    const profile: TeamProfile = { engineers: 4, components: ['ui'], languages: ['Go'] };
    const provenance: Provenance = { engineers: { source: 'answer', at: 'x', evidence: 'four of us' } };
    const { profile: next, provenance: prov } = mergeFacts(profile, provenance, [], 'extracted', 'y');
    expect(next).toEqual(profile);
    expect(prov).toEqual(provenance);
    expect(next.components).not.toBe(profile.components);
    expect(prov.engineers).not.toBe(provenance.engineers);
  });

  it('keeps unknown keys and undefined values as structuredClone does', () => {
    const profile = { engineers: undefined, teams: 2 } as TeamProfile;
    const { profile: next } = mergeFacts(profile, {}, [], 'extracted', 'y');
    expect(Object.keys(next)).toEqual(['engineers', 'teams']);
  });

  it('falls back to structuredClone for data that is not plain', () => {
    const odd = { engineers: 3, when: new Date(0) } as unknown as TeamProfile;
    const { profile: next } = mergeFacts(odd, {}, [], 'extracted', 'y');
    expect((next as unknown as { when: Date }).when).toEqual(new Date(0));
    expect((next as unknown as { when: Date }).when).not.toBe((odd as unknown as { when: Date }).when);
    const withFunction = { engineers: 3, f: () => 1 } as unknown as TeamProfile;
    expect(() => mergeFacts(withFunction, {}, [], 'extracted', 'y')).toThrow();
  });
});
