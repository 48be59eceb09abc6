import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessProfile, ENGINE_VERSION } from '../../../src/core/assessment/assess-profile.js';
import { recommendedPhrase, VERDICTS } from '../../../src/core/assessment/assessment.js';
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
      expect(a.reasons.length).toBeGreaterThan(0);
      for (const reason of a.reasons) {
        expect(reason.citations.length).toBeGreaterThanOrEqual(1);
        for (const c of reason.citations) {
          expect(c.url).toMatch(/^https?:\/\//);
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

  it('says in words what it assumed, following what it was told', () => {
    const assumed = (profile: TeamProfile) =>
      Object.fromEntries(assessProfile(profile).assumptions.map((a) => [a.fact, a.assumed]));
    expect(assumed({})).toEqual({
      teams: 'one team',
      engineers: 'about 5 engineers',
      stage: 'a pilot with early users, not yet in production',
      modelHosting: 'a hosted model API (OpenAI, Anthropic, Bedrock, Gemini…)',
      ciCd: 'automated CI/CD (hosted CI such as GitHub Actions)',
      tracing: 'no distributed tracing yet',
      onCall: 'no on-call rotation yet',
      containerPlatform: 'containers without Kubernetes',
      platformTeam: 'no dedicated platform team',
      releaseFriction: 'teams are not blocked by a shared release',
      complianceBoundary: 'no regulated data that must be isolated',
      untrustedCode: 'no untrusted or generated code is executed',
      heavyIngestion: 'document ingestion is light (no multi-hour batch jobs)',
      currentArchitecture: 'a single deployable today',
    });
    expect(assumed({ engineers: 20 }).teams).toBe('about 3 teams (roughly 8 engineers per team)');
    expect(assumed({ platformTeam: true })).toMatchObject({
      teams: 'about 4 teams (you have a platform team)',
      engineers: 'about 28 engineers (about 7 per team)',
    });
    expect(assumed({ users: 500, gpuInference: true })).toMatchObject({
      stage: 'in production (you mention real traffic, on-call or services you already run)',
      modelHosting: 'self-hosted models (you mention GPUs or a model size)',
      onCall: 'someone is on call (the system is in production)',
    });
    expect(assumed({ stage: 'idea' }).currentArchitecture).toBe('nothing built yet');
    expect(
      assessProfile({ engineers: 3 })
        .assumptions.map((a) => a.fact)
        .slice(0, 3),
    ).toEqual(['teams', 'stage', 'modelHosting']);
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

  it('names a runner-up when the call is close', () => {
    const a = assessProfile({
      teams: 4,
      engineers: 30,
      ciCd: true,
      containerPlatform: 'kubernetes',
      releaseFriction: true,
    });
    expect(a.runnerUp).toBeDefined();
    expect(a.runnerUp?.verdict).not.toBe(a.verdict);
    expect(a.runnerUp?.why).toMatch(/Close call/);
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
        expect(a.reasons.length).toBeGreaterThan(0);
        expect(a.reasons.every((r) => r.citations.length > 0)).toBe(true);
        if (a.verdict === 'hybrid') expect(a.extractedServices.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});
