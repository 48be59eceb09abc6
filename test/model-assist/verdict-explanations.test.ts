import { describe, expect, it } from 'vitest';
import { recommendsOtherVerdict } from '../../src/core/model-assist/verdict-guard.js';
import { useFakeOpenAiServer } from '../support/llm-harness.js';
import { modularMonolithAssessment as assessment } from './assessment-fixture.js';
import { createTestAssist, passagesShown } from './llm-test-kit.js';

const fake = await useFakeOpenAiServer();

const profile = { engineers: 14, teams: 3, stage: 'pilot' as const };

async function explainWith(content: (labels: string[]) => string) {
  fake.onChat((body) => ({ content: content(passagesShown(body).map((p) => p.label)) }));
  const { assist } = await createTestAssist(fake);
  return assist.explain(assessment, profile, { conversationId: 'x' });
}

describe('verdict explanations', () => {
  it('keeps a narrative that explains the engine verdict with known citations', async () => {
    const text = await explainWith(
      (l) =>
        `A modular monolith fits your three teams: module boundaries keep them apart without network hops [${l[0]}]. Your boundaries are still moving, so avoid microservices for now [${l[1] ?? l[0]}]. The main risk is erosion; enforce module boundaries in CI.`,
    );
    expect(text).toMatch(/^A modular monolith fits/);
    expect(text).toMatch(/\[\d\]/);
    expect(text).not.toMatch(/\[p\d+\]/);
  });

  it('rejects a narrative that recommends another verdict, so the templated summary is used', async () => {
    expect(
      await explainWith(
        (l) => `We recommend microservices for your team [${l[0]}]. A modular monolith would slow you down.`,
      ),
    ).toBeUndefined();
    expect(await explainWith((l) => `Microservices are the best fit here [${l[0]}].`)).toBeUndefined();
  });

  it('rejects a narrative citing a URL outside the knowledge base or an unknown passage', async () => {
    expect(
      await explainWith(() => 'A modular monolith fits, see https://evil.example.com/why-modular for details.'),
    ).toBeUndefined();
    expect(await explainWith(() => 'A modular monolith fits your teams [p42].')).toBeUndefined();
  });

  it('rejects a narrative that never names the engine verdict', async () => {
    expect(await explainWith((l) => `Keep things simple and ship often [${l[0]}].`)).toBeUndefined();
  });

  it('never streams an explanation: it is validated whole first', async () => {
    await explainWith((l) => `A modular monolith fits [${l[0]}].`);
    expect(fake.chatRequests()[0]?.body.stream).toBeFalsy();
  });
});

describe('the other-verdict check', () => {
  it.each([
    ['We recommend a modular monolith rather than microservices.', false],
    ['A modular monolith is the best fit; microservices would add operational overhead.', false],
    ['The runner-up is a monolith, which a single team could run.', false],
    ['If more than three teams block each other, microservices would become the better choice.', false],
    ['We do not recommend microservices yet.', false],
    ['We recommend microservices over a modular monolith.', true],
    ['You should go with a hybrid.', true],
    ['Honestly, the right choice is microservices.', true],
    ['A plain monolith is the best choice for you.', true],
  ])('%s → %s', (text, expected) => {
    expect(recommendsOtherVerdict(text, 'modular-monolith')).toBe(expected);
  });
});
