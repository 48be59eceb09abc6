import { describe, expect, it } from 'vitest';
import type { TeamProfile as TeamProfileForRead } from '../../../src/core/profile/profile.js';
import { readMessage } from '../../../src/core/reading/read-message.js';

/** Today's facts read from `text` (what the profile takes). */
const extractFacts = (text: string, known?: TeamProfileForRead) => readMessage(text, { known }).facts;

import { mergeFacts } from '../../../src/core/profile/merge-facts.js';
import type { Provenance, TeamProfile } from '../../../src/core/profile/profile.js';

const T1 = '2026-01-01T00:00:00.000Z';
const T2 = '2026-01-02T00:00:00.000Z';

describe('mergeFacts', () => {
  it('adds extracted facts with their evidence and reports what changed', () => {
    const r = mergeFacts({}, {}, extractFacts('We are 12 engineers on EKS.'), 'stated', T1);
    expect(r.profile).toEqual({ engineers: 12, containerPlatform: 'kubernetes' });
    expect(r.changed).toEqual(['engineers', 'containerPlatform']);
    expect(r.provenance.engineers).toMatchObject({
      source: 'stated',
      at: T1,
      evidence: 'We are 12 engineers on EKS.',
    });
  });

  it('does not let a later extracted value overwrite a direct answer', () => {
    const answered = mergeFacts({}, {}, [{ key: 'engineers', value: 12 }], 'answered', T1);
    const later = mergeFacts(answered.profile, answered.provenance, [{ key: 'engineers', value: 30 }], 'stated', T2);
    expect(later.profile.engineers).toBe(12);
    expect(later.changed).toEqual([]);
    expect(later.provenance.engineers?.source).toBe('answered');
  });

  it('lets a correction overwrite a direct answer', () => {
    const answered = mergeFacts({}, {}, [{ key: 'teams', value: 3 }], 'answered', T1);
    const fixed = mergeFacts(answered.profile, answered.provenance, extractFacts('sorry, 4 teams not 3'), 'stated', T2);
    expect(fixed.profile.teams).toBe(4);
    expect(fixed.provenance.teams?.source).toBe('corrected');
    expect(fixed.changed).toEqual(['teams']);
  });

  it('unions arrays', () => {
    const a = mergeFacts({}, {}, [{ key: 'components', value: ['retrieval'] }], 'answered', T1);
    const b = mergeFacts(
      a.profile,
      a.provenance,
      [{ key: 'components', value: ['retrieval', 'ingestion'] }],
      'stated',
      T2,
    );
    expect(b.profile.components).toEqual(['retrieval', 'ingestion']);
    expect(b.changed).toEqual(['components']);
  });

  it('drops invalid values instead of storing them', () => {
    const r = mergeFacts(
      {},
      {},
      [{ key: 'engineers', value: -3 } as never, { key: 'stage', value: 'galaxy' } as never],
      'model',
      T1,
    );
    expect(r.profile).toEqual({});
    expect(r.changed).toEqual([]);
  });

  it('is pure: the inputs are not mutated', () => {
    const profile: TeamProfile = { engineers: 5, components: ['retrieval'] };
    const provenance: Provenance = { engineers: { source: 'answered', at: T1 } };
    const before = JSON.stringify({ profile, provenance });
    mergeFacts(
      profile,
      provenance,
      [
        { key: 'engineers', value: 6, correction: true },
        { key: 'components', value: ['ui'] },
      ],
      'stated',
      T2,
    );
    expect(JSON.stringify({ profile, provenance })).toBe(before);
  });
});
