import Keyv from 'keyv';
import { describe, expect, it } from 'vitest';
import { assessProfile } from '../../src/core/assessment/assess-profile.js';
import { createConsultant } from '../../src/core/create-consultant.js';
import { loadKnowledgeBase } from '../../src/core/knowledge/load-knowledge-base.js';
import { ACTIONS, type OutMessage } from '../../src/core/message.js';
import { useFakeOpenAiServer } from '../support/llm-harness.js';
import { citeFirstPassage, createTestAssist, passagesShown, taskOf } from './llm-test-kit.js';
import { MESSY, MESSY_FACTS } from './messy-description.js';

const fake = await useFakeOpenAiServer();

async function consultants(explainReply: (labels: string[]) => string) {
  fake.onChat((body) => {
    const task = taskOf(body);
    if (task === 'extract') return { json: MESSY_FACTS };
    const labels = passagesShown(body).map((p) => p.label);
    if (task === 'explain') return { content: explainReply(labels) };
    return citeFirstPassage(body);
  });
  const knowledge = await loadKnowledgeBase();
  const { assist } = await createTestAssist(fake);
  return {
    withModel: createConsultant({ knowledge, store: new Keyv(), assist }),
    offline: createConsultant({ knowledge, store: new Keyv() }),
    knowledge,
  };
}

const recommendation = (messages: OutMessage[]) =>
  messages.find((m): m is Extract<OutMessage, { type: 'recommendation' }> => m.type === 'recommendation');

describe('the consultant with a model', () => {
  it('reads a messy description into the profile the engine needs; the verdict is the engine’s on those facts', async () => {
    const { withModel, knowledge } = await consultants(() => '');
    const result = await withModel.assess(MESSY);
    // The model filled what the offline extractor missed (e.g. nightly ingestion, deploy cadence).
    expect(result.profile.heavyIngestion).toBe(true);
    expect(result.profile.deploysPerWeek).toBe(10);
    expect(Object.values(result.provenance).some((p) => p?.source === 'model')).toBe(true);
    // The engine decides: same facts, same verdict, with or without a model.
    expect(result.assessment.verdict).toBe(assessProfile(result.profile, knowledge).verdict);
    expect(assessProfile(MESSY_FACTS.facts as never, knowledge).verdict).toBe(result.assessment.verdict);
  });

  it('shows the templated explanation when the model claims another verdict', async () => {
    const { withModel, offline } = await consultants(
      (l) => `We recommend microservices: your teams need independent deploys [${l[0]}].`,
    );
    const profile = MESSY_FACTS.facts as never;
    for (const c of [withModel, offline]) await c.seed('t', profile);
    const [fromModel, fromEngine] = await Promise.all(
      [withModel, offline].map(async (c) =>
        recommendation(await c.handle('t', { type: 'choice', value: ACTIONS.reassess }, { channel: 'web' })),
      ),
    );
    expect(fromModel?.assessment.verdict).toBe(fromEngine?.assessment.verdict);
    expect(fromModel?.summary).toBe(fromEngine?.summary);
    expect(fromModel?.summary).not.toMatch(/We recommend microservices/);
    expect(fromModel?.generated).toBeFalsy();
    expect(fake.chatRequests().some((r) => taskOf(r.body as never) === 'explain')).toBe(true);
  });

  it('shows the templated explanation when the model cites a URL outside the knowledge base', async () => {
    const { withModel, offline } = await consultants(
      () => 'A hybrid fits you; details at https://evil.example.com/hybrid-guide.',
    );
    for (const c of [withModel, offline]) await c.seed('u', MESSY_FACTS.facts as never);
    const fromModel = recommendation(
      await withModel.handle('u', { type: 'choice', value: ACTIONS.reassess }, { channel: 'web' }),
    );
    const fromEngine = recommendation(
      await offline.handle('u', { type: 'choice', value: ACTIONS.reassess }, { channel: 'web' }),
    );
    expect(fromModel?.summary).toBe(fromEngine?.summary);
    expect(fromModel?.summary).not.toContain('evil.example.com');
  });

  it('uses a valid model narrative, labelled as generated', async () => {
    const { withModel } = await consultants(
      (l) => `A hybrid fits: keep a monolith core and run the 70B model on its own GPU service [${l[0]}].`,
    );
    await withModel.seed('v', MESSY_FACTS.facts as never);
    const rec = recommendation(
      await withModel.handle('v', { type: 'choice', value: ACTIONS.reassess }, { channel: 'web' }),
    );
    expect(rec?.assessment.verdict).toBe('hybrid');
    expect(rec?.generated).toBe(true);
    expect(rec?.summary).toMatch(/^A hybrid fits/);
  });

  it('answers every question even when the model endpoint is down', async () => {
    fake.onChat(() => ({ status: 503 }));
    const knowledge = await loadKnowledgeBase();
    const { assist } = await createTestAssist(fake, { limits: { maxRetries: 1 } });
    const consultant = createConsultant({ knowledge, store: new Keyv(), assist });
    const answer = await consultant.ask('Why did Prime Video move back to a monolith?');
    expect(answer.answer.length).toBeGreaterThan(20);
    expect(answer.generated).toBeFalsy();
    const result = await consultant.assess(MESSY);
    expect(result.assessment.verdict).toBe(assessProfile(result.profile, knowledge).verdict);
  });
});
