import { describe, expect, it } from 'vitest';
import type { TeamProfile as TeamProfileForRead } from '../../../src/core/profile/profile.js';
import { readMessage } from '../../../src/core/reading/read-message.js';

/** Today's facts read from `text` (what the profile takes). */
const extractFacts = (text: string, known?: TeamProfileForRead) => readMessage(text, { known }).facts;

import type { FactKey, FactUpdate } from '../../../src/core/profile/profile.js';

/** The facts as a plain object (what a user would see in "what Archie understood"). */
const facts = (text: string) => Object.fromEntries(extractFacts(text).map((u) => [u.key, u.value]));
const update = (text: string, key: FactKey): FactUpdate | undefined => extractFacts(text).find((u) => u.key === key);

describe('extractFacts understands numbers the way people write them', () => {
  it.each([
    ['We are a dozen engineers', 'engineers', 12],
    ['half a dozen devs work on it', 'engineers', 6],
    ['two squads own the product', 'teams', 2],
    ['We have ~40 engineers', 'engineers', 40],
    ['about twenty-five developers', 'engineers', 25],
    ['we are a team of 8', 'engineers', 8],
    ["we're 12", 'engineers', 12],
    ['a 5-person team', 'engineers', 5],
    ['3 teams of 5 engineers', 'engineers', 15],
    ['200k MAU', 'users', 200_000],
    ['about 1.5M monthly active users', 'users', 1_500_000],
    ['2M requests a day', 'requestsPerDay', 2_000_000],
    ['50 rps on average', 'requestsPerDay', 50 * 86_400],
    ['we handle 3,000 queries per hour', 'requestsPerDay', 72_000],
    ['we deploy 10 times a day', 'deploysPerWeek', 50],
    ['Llama 3 70B', 'modelSizeB', 70],
    ['a 70 billion parameter model', 'modelSizeB', 70],
  ])('%s → %s = %s', (text, key, value) => {
    expect(facts(text)[key]).toBe(value);
  });

  it('takes the midpoint of a range and keeps the range as evidence', () => {
    const u = update('We have 3-5 engineers on the assistant.', 'engineers');
    expect(u?.value).toBe(4);
    expect(u?.evidence).toContain('3-5 engineers');
    expect(update('three to five engineers', 'engineers')?.value).toBe(4);
    expect(update('between 10 and 20 developers', 'engineers')?.value).toBe(15);
  });

  it('reads a change of headcount as the new figure, not a range', () => {
    expect(facts('We grew from 5 to 12 engineers this year').engineers).toBe(12);
  });

  it('does not mistake users for engineers', () => {
    const f = facts('Millions of people use it every day.');
    expect(f.engineers).toBeUndefined();
    expect(f.users).toBe(2_000_000);
  });
});

describe('extractFacts understands synonyms and jargon', () => {
  it('maps GPUs and serving stacks to self-hosted GPU inference', () => {
    for (const text of [
      'We run vLLM on H100s',
      'TGI on A100s',
      'Triton inference server',
      'llama.cpp on our boxes',
      'we self-host Mistral',
      'Ollama for everything',
    ]) {
      const f = facts(text);
      expect(f.modelHosting, text).toBe('self-hosted');
      expect(f.gpuInference, text).toBe(true);
    }
  });

  it('maps model vendors to a hosted API, and both together to mixed', () => {
    for (const text of ['We call OpenAI', 'Azure OpenAI', 'Claude via Anthropic', 'Bedrock', 'the Gemini API']) {
      expect(facts(text).modelHosting, text).toBe('hosted-api');
    }
    expect(facts('GPT-4o for chat, and we self-host embeddings with TGI on A10Gs').modelHosting).toBe('mixed');
  });

  it.each([
    ['We run on EKS', 'containerPlatform', 'kubernetes'],
    ['k8s everywhere', 'containerPlatform', 'kubernetes'],
    ['Docker containers on ECS', 'containerPlatform', 'containers'],
    ['PagerDuty rotation', 'onCall', true],
    ['two SREs', 'onCall', undefined],
    ['Honeycomb for observability', 'tracing', true],
    ['OpenTelemetry traces into Jaeger', 'tracing', true],
    ['GitHub Actions deploys on merge', 'ciCd', true],
    ['we deploy by hand', 'ciCd', false],
    ['manual deploys over ssh', 'ciCd', false],
    ['HIPAA-regulated patient data', 'complianceBoundary', true],
    ['PCI scope for card data', 'complianceBoundary', true],
    ['GDPR data residency: EU data must stay in the EU', 'complianceBoundary', true],
    ['the agent runs user code in a code interpreter', 'untrustedCode', true],
    ['we are stuck on a release train', 'releaseFriction', true],
    ['teams wait for each other to deploy', 'releaseFriction', true],
    ['we have a platform team', 'platformTeam', true],
    ['we have a monolith', 'currentArchitecture', 'monolith'],
    ['we run 30 microservices', 'currentArchitecture', 'microservices'],
    ['honestly it is a modular monolith', 'currentArchitecture', 'modular-monolith'],
  ])('%s → %s = %s', (text, key, value) => {
    expect(facts(text)[key]).toEqual(value);
  });

  it('recognises components from tools', () => {
    const f = facts(
      'pgvector for retrieval, LangGraph agents with tools, NeMo Guardrails for moderation, nightly ingestion of millions of PDFs',
    );
    expect(f.components).toEqual(expect.arrayContaining(['retrieval', 'orchestration', 'guardrails', 'ingestion']));
    expect(f.heavyIngestion).toBe(true);
  });

  it('recognises a distributed monolith as services with that pain', () => {
    const f = facts('Honestly we have a distributed monolith');
    expect(f.currentArchitecture).toBe('microservices');
  });

  it('recognises languages in the order they are mentioned, including Go only as a language', () => {
    expect(facts('Services in Python and Go, frontend in TypeScript').languages).toEqual([
      'Python',
      'Go',
      'TypeScript',
    ]);
    expect(facts('We go live next week').languages).toBeUndefined();
    expect(facts('Rails app with a C# billing system').languages).toEqual(['Ruby', 'C#']);
  });

  it.each([
    ['just an idea so far', 'idea'],
    ['we built a POC', 'prototype'],
    ['our MVP', 'prototype'],
    ['in beta with 30 customers', 'pilot'],
    ['it has been in production for a year', 'production'],
    ['we run it at scale', 'scale'],
    ['the prototype is now in production', 'production'],
  ])('stage: %s → %s', (text, stage) => {
    expect(facts(text).stage).toBe(stage);
  });
});

describe('extractFacts honours negation, intent and questions', () => {
  it.each([
    ['no tracing', 'tracing', false],
    ['nobody is on call', 'onCall', false],
    ['no one carries a pager', 'onCall', false],
    ["we don't have CI", 'ciCd', false],
    ['we run without Kubernetes', 'containerPlatform', 'none'],
    ['there is no platform team', 'platformTeam', false],
    ['we have no PII at all', 'complianceBoundary', false],
    ['monitoring? none', 'tracing', false],
  ])('%s → %s = %s', (text, key, value) => {
    expect(facts(text)[key]).toEqual(value);
  });

  it('keeps a denial inside its clause', () => {
    const f = facts('No CI yet, but we have Datadog tracing and PagerDuty.');
    expect(f).toMatchObject({ ciCd: false, tracing: true, onCall: true });
  });

  it('reads "not yet in production" as before production', () => {
    expect(facts('We are not yet in production.').stage).toBe('prototype');
    expect(facts('We are not yet in production, but the beta has 200 users.').stage).toBe('pilot');
  });

  it('treats plans and hypotheticals as intents, not facts', () => {
    expect(facts('We plan to adopt Kubernetes next quarter.').containerPlatform).toBeUndefined();
    expect(facts('We are hiring 10 more engineers.').engineers).toBeUndefined();
    expect(facts('If we had 10 teams, would you say microservices?')).toEqual({});
  });

  it('does not take an architecture from a question', () => {
    expect(facts('Should we move to microservices?').currentArchitecture).toBeUndefined();
    expect(facts("We're migrating from a monolith to microservices.").currentArchitecture).toBe('monolith');
  });
});

describe('extractFacts flags corrections', () => {
  it.each([
    ["actually we're 12", 'engineers', 12],
    ['sorry, 4 teams not 3', 'teams', 4],
    ['correction: we do have on-call', 'onCall', true],
    ['Oops, I meant 6 engineers', 'engineers', 6],
  ])('%s', (text, key, value) => {
    const u = extractFacts(text).find((x) => x.key === key);
    expect(u?.value).toBe(value);
    expect(u?.correction).toBe(true);
  });

  it('treats "we are now 15" as a correction only when it contradicts what is known', () => {
    expect(
      extractFacts("We're now 15 engineers", { engineers: 12 }).find((u) => u.key === 'engineers')?.correction,
    ).toBe(true);
    expect(extractFacts("We're now 15 engineers").find((u) => u.key === 'engineers')?.correction).toBeUndefined();
  });

  it('lets a later correction win over an earlier statement in the same message', () => {
    expect(facts('Nobody is on call. Correction: we do have on-call.').onCall).toBe(true);
  });
});

describe('extractFacts quotes evidence', () => {
  it('trims evidence to 120 characters around the fact', () => {
    const long = `${'We care a lot about quality and we spend a long time on design reviews and careful planning. '.repeat(3)}Our platform has 12 engineers working across the stack on many exciting things that matter to customers today and tomorrow.`;
    const u = extractFacts(long).find((x) => x.key === 'engineers');
    expect(u?.value).toBe(12);
    expect(u!.evidence!.length).toBeLessThanOrEqual(120);
    expect(u!.evidence).toContain('12 engineers');
  });

  it('returns nothing for empty or irrelevant text', () => {
    expect(extractFacts('')).toEqual([]);
    expect(extractFacts('   ')).toEqual([]);
    expect(extractFacts('Hello there, how are you?')).toEqual([]);
  });
});

describe('extractFacts reads deploy cadence written as an interval', () => {
  it.each([
    ['we deploy every 3 days', 2.33],
    ['deploys every 3 days', 2.33],
    ['we ship twice a week', 2],
    ['we release monthly', 0.25],
    ['releases go out every two weeks', 0.5],
    ['we ship every other day', 3.5],
    ['we push to production every few hours', 13.33],
  ])('%s → %s deploys a week', (text, perWeek) => {
    expect(facts(text).deploysPerWeek).toBe(perWeek);
  });
});

describe('extractFacts reads services owned team by team', () => {
  it.each([
    ["We're 250 engineers in 25 teams. Each team owns its services on GKE.", 'microservices'],
    ['Each of our 3 teams owns 2 services.', 'microservices'],
    ['We have 4 squads, each owning three microservices.', 'microservices'],
    ['Each team owns its own service.', 'microservices'],
    ['Two teams; each team owns one service.', 'hybrid'],
  ])('%s → %s', (text, architecture) => {
    expect(facts(text).currentArchitecture).toBe(architecture);
  });

  it('keeps the team count it was told', () => {
    expect(facts('Each of our 3 teams owns 2 services.').teams).toBe(3);
  });
});

describe('extractFacts tells personal data from a compliance boundary', () => {
  it.each([
    'We store PII in Postgres.',
    'GDPR applies to us.',
    'Our support chatbot stores customer chat logs that contain PII.',
    'We handle personal data of EU citizens and we are SOC 2 certified.',
  ])('%s → personal data, no boundary', (text) => {
    const f = facts(text);
    expect(f.sensitiveData).toBe(true);
    expect(f.complianceBoundary).toBeUndefined();
  });

  it.each([
    'PII must be kept in a separate VPC.',
    'Customer data must never leave our VPC.',
    'The notes are PHI under HIPAA and must stay isolated.',
    'Card payments are in PCI scope.',
    "EU customers' personal data has to stay in the EU.",
    'Patient records must stay on-prem while the rest runs in the cloud.',
    'The regulated data lives in an air-gapped network.',
    'Health records are segregated into their own tenant.',
  ])('%s → compliance boundary', (text) => {
    expect(facts(text).complianceBoundary).toBe(true);
  });
});
