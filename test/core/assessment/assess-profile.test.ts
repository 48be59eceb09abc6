import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessProfile, ENGINE_VERSION } from '../../../src/core/assessment/assess-profile.js';
import {
  CLOSE_CALL_POINTS,
  formatScore,
  recommendedPhrase,
  VERDICTS,
} from '../../../src/core/assessment/assessment.js';
import type { TeamProfile as TeamProfileForRead } from '../../../src/core/profile/profile.js';
import { readMessage } from '../../../src/core/reading/read-message.js';

/** Today's facts read from `text` (what the profile takes). */
const extractFacts = (text: string, known?: TeamProfileForRead) => readMessage(text, { known }).facts;

import { mergeFacts } from '../../../src/core/profile/merge-facts.js';
import { type TeamProfile, teamProfileSchema } from '../../../src/core/profile/profile.js';

const KNOWLEDGE = fileURLToPath(new URL('../../../knowledge', import.meta.url));
const DOC_IDS = new Set(
  readdirSync(KNOWLEDGE)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .map((f) => f.replace(/\.md$/, '')),
);

const fromText = (text: string) => {
  const { profile } = mergeFacts({}, {}, extractFacts(text), 'stated', '2026-01-01T00:00:00.000Z');
  return assessProfile(profile);
};

describe('assessProfile gives the answer an experienced architect would', () => {
  it('three engineers on a hosted API with no on-call → monolith', () => {
    const a = fromText("We're three engineers building a RAG assistant on the OpenAI API. Nobody is on call.");
    expect(a.verdict).toBe('monolith');
    expect(a.extractedServices).toEqual([]);
  });

  it('six teams on a mature Kubernetes platform blocked by a shared release → microservices', () => {
    const a = fromText(
      'Six teams share a mature Kubernetes platform (EKS) with a platform team, GitHub Actions, Datadog tracing and PagerDuty on-call. We are blocked by a shared release train every week.',
    );
    expect(a.verdict).toBe('microservices');
  });

  it('one team self-hosting a 70B model on GPUs with nightly ingestion of millions of PDFs → hybrid', () => {
    const a = fromText(
      'One team self-hosting Llama 3 70B on GPUs with vLLM, and nightly ingestion of millions of PDFs.',
    );
    expect(a.verdict).toBe('hybrid');
    expect(a.extractedServices.join(' ')).toMatch(/GPU inference/);
    expect(a.extractedServices.join(' ')).toMatch(/Ingestion workers/);
  });

  it('two teams with emerging boundaries and modest ops → modular monolith', () => {
    const a = fromText(
      'Two teams, 12 engineers; boundaries between ingestion and chat are emerging. GitHub Actions and basic monitoring, no tracing yet.',
    );
    expect(a.verdict).toBe('modular-monolith');
  });

  it('a compliance boundary or sandboxed code with a small team → hybrid that extracts just that boundary', () => {
    const hipaa = assessProfile({ engineers: 4, teams: 1, modelHosting: 'hosted-api', complianceBoundary: true });
    expect(hipaa.verdict).toBe('hybrid');
    expect(hipaa.extractedServices).toEqual([expect.stringMatching(/Compliance boundary/)]);
    const sandbox = assessProfile({ engineers: 5, teams: 1, modelHosting: 'hosted-api', untrustedCode: true });
    expect(sandbox.verdict).toBe('hybrid');
    expect(sandbox.extractedServices).toEqual([expect.stringMatching(/sandbox/)]);
  });

  it('personal data without an isolation requirement keeps the simple verdict and adds a data-protection risk', () => {
    const a = fromText(
      'Six engineers, one team; we store customer chat logs with PII in Postgres and call the OpenAI API.',
    );
    expect(a.verdict).toBe('monolith');
    expect(a.extractedServices).toEqual([]);
    expect(a.risks.map((r) => r.risk).join(' ')).toMatch(/Personal data leaks/);
    expect(a.nextSteps.join(' ')).toMatch(/redact/i);
    expect(a.changeTriggers.map((t) => t.condition).join(' ')).toMatch(/requires the personal data to be isolated/);
    const isolated = fromText(
      'Six engineers, one team; the PII must be kept in a separate VPC, and we call the OpenAI API.',
    );
    expect(isolated.verdict).toBe('hybrid');
    expect(isolated.risks.map((r) => r.risk).join(' ')).not.toMatch(/Personal data leaks/);
  });

  it('many teams without operational maturity → modular monolith, with the trigger to revisit', () => {
    const a = assessProfile({
      teams: 8,
      engineers: 60,
      ciCd: false,
      tracing: false,
      onCall: false,
      releaseFriction: true,
    });
    expect(a.verdict).toBe('modular-monolith');
    expect(a.changeTriggers.some((t) => t.wouldMoveTo === 'microservices')).toBe(true);
    expect(a.reasons.some((r) => r.factorId === 'ops-prerequisites-missing')).toBe(true);
  });

  it('existing microservices with a small team and ops pain → consolidate', () => {
    const a = assessProfile({ engineers: 5, teams: 1, currentArchitecture: 'microservices', pains: ['ops-overhead'] });
    expect(['monolith', 'modular-monolith']).toContain(a.verdict);
    expect(a.reasons.some((r) => r.factorId === 'consolidate-existing-services')).toBe(true);
  });

  it('does not treat a hosted model API as a reason to split, and says why', () => {
    const a = assessProfile({ engineers: 6, teams: 1, modelHosting: 'hosted-api', stage: 'production' });
    expect(a.verdict).toBe('monolith');
    const hosted = a.factors.find((f) => f.id === 'hosted-api-inference');
    expect(hosted?.explanation).toMatch(/500 µs/);
    expect(hosted?.contributions.hybrid ?? 0).toBeLessThanOrEqual(0);
    expect(hosted?.contributions.microservices ?? 0).toBeLessThanOrEqual(0);
  });
});

describe('assessProfile explains itself with sources', () => {
  it('names each verdict as a sentence needs it ("a hybrid", but "microservices")', () => {
    expect(VERDICTS.map(recommendedPhrase)).toEqual(['a monolith', 'a modular monolith', 'a hybrid', 'microservices']);
  });

  const samples: TeamProfile[] = [
    {},
    { engineers: 3, modelHosting: 'hosted-api', onCall: false },
    {
      teams: 6,
      containerPlatform: 'kubernetes',
      platformTeam: true,
      tracing: true,
      onCall: true,
      ciCd: true,
      releaseFriction: true,
    },
    { teams: 1, gpuInference: true, modelSizeB: 70, heavyIngestion: true },
    { teams: 2, engineers: 12 },
  ];

  it.each(samples.map((p) => [JSON.stringify(p), p]))(
    'every reason cites a known document with a URL: %s',
    (_label, profile) => {
      const a = assessProfile(profile as TeamProfile);
      // Nothing stated, nothing to give as a reason: every fact of the empty profile is an assumption.
      if (Object.keys(profile as TeamProfile).length === 0) expect(a.reasons).toEqual([]);
      else expect(a.reasons.length).toBeGreaterThan(0);
      for (const reason of a.reasons) {
        expect(reason.citations.length).toBeGreaterThanOrEqual(1);
        for (const c of reason.citations) {
          // A source links to its public page; a synthesis to its own knowledge page, with its public sources.
          if (c.basedOn) {
            expect(c.url).toBe(`/knowledge/${c.id}`);
            expect(c.basedOn.length).toBeGreaterThan(0);
            for (const s of c.basedOn) expect(s.url).toMatch(/^https?:\/\//);
          } else {
            expect(c.url).toMatch(/^https?:\/\//);
          }
          expect(DOC_IDS.has(c.id)).toBe(true);
        }
      }
      const distinct = new Set(a.citations.filter((c) => c.url).map((c) => c.id));
      expect(distinct.size).toBeGreaterThanOrEqual(2);
      for (const risk of a.risks) expect(risk.citations.length).toBeGreaterThanOrEqual(1);
    },
  );

  it('every document the catalogue refers to exists in knowledge/', () => {
    const all = new Set<string>();
    const everything = assessProfile({
      teams: 12,
      engineers: 200,
      gpuInference: true,
      heavyIngestion: true,
      complianceBoundary: true,
      untrustedCode: true,
      languages: ['Python', 'Go'],
      reusedByOtherProducts: true,
      independentScaling: ['embedding'],
      differentChangePace: ['inference', 'ingestion'],
      currentArchitecture: 'microservices',
      pains: ['ops-overhead', 'distributed-monolith'],
      releaseFriction: true,
      requestsPerDay: 1e8,
      stage: 'idea',
    });
    for (const f of everything.factors) for (const c of f.citations) all.add(c.id);
    for (const id of all) expect(DOC_IDS.has(id), id).toBe(true);
  });

  it('lists assumptions for missing facts and none for facts it was told', () => {
    const empty = assessProfile({});
    const assumed = empty.assumptions.map((a) => a.fact);
    expect(assumed).toEqual(
      expect.arrayContaining(['engineers', 'teams', 'stage', 'modelHosting', 'ciCd', 'tracing', 'onCall']),
    );
    const told = assessProfile({ engineers: 4, teams: 1, stage: 'production', onCall: true });
    const toldAssumed = told.assumptions.map((a) => a.fact);
    expect(toldAssumed).not.toContain('engineers');
    expect(toldAssumed).not.toContain('onCall');
    expect(told.assumptions.every((a) => a.assumed.length > 0)).toBe(true);
  });

  it('says in words what it assumed and why, following what it was told', () => {
    const assumed = (profile: TeamProfile) =>
      Object.fromEntries(assessProfile(profile).assumptions.map((a) => [a.fact, a.assumed]));
    expect(assumed({})).toEqual({
      teams: 'one team (no team size was given)',
      engineers: 'about 5 engineers (no team size was given)',
      stage: 'a pilot with early users, not yet in production (nothing you said shows users in production yet)',
      modelHosting:
        'a hosted model API (OpenAI, Anthropic, Bedrock, Gemini…) (most genAI teams call a provider’s model API)',
      ciCd: 'automated CI/CD (most teams build and deploy from hosted CI such as GitHub Actions)',
      tracing: 'no distributed tracing yet (nothing you said mentions tracing)',
      onCall: 'no on-call rotation yet (a pilot rarely has a rotation; nothing you said mentions one)',
      containerPlatform:
        'containers without Kubernetes (most teams ship containers; nothing you said mentions Kubernetes)',
      platformTeam: 'no dedicated platform team (nothing you said mentions one)',
      releaseFriction:
        'teams are not blocked by a shared release (nothing you said mentions teams waiting on each other)',
      complianceBoundary: 'no regulated data that must be isolated (nothing you said requires isolating data)',
      untrustedCode: 'no untrusted or generated code is executed (nothing you said mentions running generated code)',
      heavyIngestion:
        'light document ingestion, no multi-hour batch jobs (nothing you said mentions large ingestion jobs)',
      currentArchitecture: 'a single deployable today (nothing you said mentions separate services)',
    });
    // The numbers add up: 12 engineers are about 2 teams, never "2 teams of 8".
    expect(assumed({ engineers: 12 }).teams).toBe(
      'about 2 teams (12 engineers usually work as about 2 teams of 5–9 people)',
    );
    expect(assumed({ platformTeam: true })).toMatchObject({
      teams: 'about 4 teams (a platform team usually serves several product teams)',
      engineers: 'about 28 engineers (4 teams of 5–9 people)',
    });
    expect(assumed({ users: 500, gpuInference: true })).toMatchObject({
      stage: 'in production with real users (you have 500 users)',
      modelHosting: 'self-hosted models (you operate GPUs for inference)',
      onCall: 'someone is on call (you have 500 users)',
    });
    expect(assumed({ stage: 'idea' }).currentArchitecture).toBe('nothing built yet (the product is still an idea)');
    expect(
      assessProfile({ engineers: 3 })
        .assumptions.map((a) => a.fact)
        .slice(0, 3),
    ).toEqual(['teams', 'stage', 'modelHosting']);
  });

  it('defaults an unknown fact to what is most likely given what is known, and says why', () => {
    const why = (profile: TeamProfile) =>
      Object.fromEntries(assessProfile(profile).assumptions.map((a) => [a.fact, a.because]));
    const value = (profile: TeamProfile) =>
      Object.fromEntries(assessProfile(profile).assumptions.map((a) => [a.fact, a.assumed]));
    // 200 engineers running 80 services on Kubernetes: a platform team and tracing, not 25 teams on one deployable.
    const estate: TeamProfile = { engineers: 200, services: 80, containerPlatform: 'kubernetes' };
    expect(value(estate).platformTeam).toMatch(/^a platform team runs shared infrastructure/);
    expect(why(estate).platformTeam).toBe('organisations of 200 engineers almost always have one');
    expect(value(estate).tracing).toMatch(/^distributed tracing is in place/);
    expect(why(estate).tracing).toBe('you already run 80 services');
    expect(value(estate).currentArchitecture).toMatch(/^separately deployed services today/);
    // Deploying ten times a day is production with someone on call, not a pilot.
    const shipping: TeamProfile = { engineers: 40, teams: 5, deploysPerWeek: 50 };
    expect(value(shipping).stage).toMatch(/^in production/);
    expect(why(shipping).onCall).toBe('you deploy to production about 50 times a week');
    expect(why(shipping).ciCd).toBe('you deploy about 50 times a week');
    // What was assumed is never told back as fact: "one deployable" only when the team said so.
    const text = (profile: TeamProfile) => {
      const a = assessProfile(profile);
      return [...a.reasons.map((r) => r.text), ...a.nextSteps].join('\n');
    };
    expect(text(shipping)).not.toContain('sharing one deployable');
    expect(text(shipping)).toMatch(/not mentioned, so assumed missing: distributed tracing/);
    expect(text({ ...shipping, currentArchitecture: 'monolith' })).toContain('5 teams sharing one deployable');
    // 200,000 documents a night is light ingestion, said beside the threshold that matters.
    expect(why({ documentsPerDay: 200_000 }).heavyIngestion).toBe(
      '200,000 documents a day is below the ~1M a day where separate ingestion workers usually pay off',
    );
  });

  it('is more confident when more is known', () => {
    const vague = assessProfile({ engineers: 3 });
    const detailed = assessProfile({
      engineers: 3,
      teams: 1,
      stage: 'prototype',
      modelHosting: 'hosted-api',
      ciCd: true,
      tracing: false,
      onCall: false,
      containerPlatform: 'none',
      releaseFriction: false,
      complianceBoundary: false,
      heavyIngestion: false,
    });
    expect(detailed.verdict).toBe(vague.verdict);
    expect(detailed.confidence).toBeGreaterThan(vague.confidence);
  });

  it('names a runner-up only when the call is close: within one point, on the scores as shown', () => {
    const a = assessProfile({
      teams: 4,
      engineers: 30,
      ciCd: true,
      containerPlatform: 'kubernetes',
      releaseFriction: true,
    });
    const ranked = Object.values(a.scores).sort((x, y) => y - x);
    const gap = Number(formatScore(ranked[0]!)) - Number(formatScore(ranked[1]!));
    expect(Boolean(a.runnerUp)).toBe(gap <= CLOSE_CALL_POINTS);
    for (const profile of [
      {},
      { engineers: 12 },
      { teams: 3, engineers: 20, ciCd: true },
      { teams: 2, gpuInference: true },
    ]) {
      const b = assessProfile(profile);
      const [first, second] = Object.values(b.scores).sort((x, y) => y - x);
      if (!b.runnerUp) continue;
      expect(b.runnerUp.why).toContain(`Close call (score ${formatScore(first!)} vs ${formatScore(second!)}`);
      expect(Number(formatScore(first!)) - Number(formatScore(second!))).toBeLessThanOrEqual(CLOSE_CALL_POINTS);
    }
  });

  it('gives next steps, risks and change triggers for the chosen path', () => {
    const a = assessProfile({ teams: 1, gpuInference: true, heavyIngestion: true });
    expect(a.nextSteps[0]).toMatch(/Extract only/);
    expect(a.risks.length).toBeGreaterThan(0);
    expect(a.changeTriggers.every((t) => t.condition.length > 10 && VERDICTS.includes(t.wouldMoveTo))).toBe(true);
  });

  it('resolves citations through the lookup it is given', () => {
    const lookup = (id: string) => ({ id, title: `T:${id}`, url: `https://example.test/${id}` });
    const a = assessProfile({ engineers: 3 }, lookup);
    expect(a.citations.every((c) => c.title.startsWith('T:'))).toBe(true);
  });
});

describe('assessProfile is deterministic and total', () => {
  it('same input → identical JSON', () => {
    const profile: TeamProfile = { teams: 3, engineers: 20, gpuInference: true, pains: ['slow-releases'] };
    const first = JSON.stringify(assessProfile(profile));
    expect(JSON.stringify(assessProfile(structuredClone(profile)))).toBe(first);
    expect(JSON.stringify(assessProfile(profile))).toBe(first);
    expect(assessProfile(profile).engineVersion).toBe(ENGINE_VERSION);
  });

  it('any valid profile yields a well-formed assessment', () => {
    const arb = fc.record(
      {
        engineers: fc.integer({ min: 1, max: 5000 }),
        teams: fc.integer({ min: 1, max: 500 }),
        stage: fc.constantFrom('idea', 'prototype', 'pilot', 'production', 'scale'),
        modelHosting: fc.constantFrom('hosted-api', 'self-hosted', 'mixed'),
        gpuInference: fc.boolean(),
        heavyIngestion: fc.boolean(),
        ciCd: fc.boolean(),
        tracing: fc.boolean(),
        onCall: fc.boolean(),
        containerPlatform: fc.constantFrom('none', 'containers', 'kubernetes'),
        platformTeam: fc.boolean(),
        releaseFriction: fc.boolean(),
        complianceBoundary: fc.boolean(),
        untrustedCode: fc.boolean(),
        currentArchitecture: fc.constantFrom('none', 'monolith', 'modular-monolith', 'hybrid', 'microservices'),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(arb, (raw) => {
        const profile = teamProfileSchema.parse(raw);
        const a = assessProfile(profile);
        expect(VERDICTS).toContain(a.verdict);
        expect(a.confidence).toBeGreaterThanOrEqual(0);
        expect(a.confidence).toBeLessThanOrEqual(1);
        // A reason rests only on stated facts: a profile too thin to give one says what it assumed instead.
        if (a.reasons.length === 0) expect(a.assumptions.length).toBeGreaterThan(0);
        expect(a.reasons.every((r) => r.citations.length > 0)).toBe(true);
        if (a.verdict === 'hybrid') expect(a.extractedServices.length).toBeGreaterThan(0);
      }),
      { numRuns: 200, examples: [[{}]] },
    );
  });
});
