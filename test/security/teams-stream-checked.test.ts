/**
 * D8 in Teams personal chats (the other streaming surface): with the real consultant and a fake model on
 * 127.0.0.1, an uncited answer is never streamed (no streaming update carries it) and the offline answer
 * is what the user gets; a cited answer still streams.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createConsultant } from '../../src/core/create-consultant.js';
import { loadKnowledgeBase } from '../../src/core/knowledge/load-knowledge-base.js';
import { startTeamsHarness, type TeamsHarness } from '../channels/teams/teams-harness.js';
import { message } from '../channels/teams/teams-payloads.js';
import { createTestAssist, passagesShown } from '../model-assist/llm-test-kit.js';
import { useFakeOpenAiServer } from '../support/llm-harness.js';

let answerWith: (label: string) => string = () => '';
const fake = await useFakeOpenAiServer({
  reply: (body) => ({ content: answerWith(passagesShown(body)[0]?.label ?? 'p1') }),
});
const knowledge = await loadKnowledgeBase();

let h: TeamsHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function ask(conversationId: string) {
  const { assist } = await createTestAssist(fake, { limits: { maxRetries: 0 } });
  h = await startTeamsHarness({
    consultant: (store) => createConsultant({ knowledge, store, assist }),
    env: { OPENAI_API_KEY: 'sk-test-not-used' },
    channel: () => ({ streamDelayMs: 5 }),
  });
  const chat = { serviceUrl: h.connector.url, conversationId };
  await h.post(message(chat, 'What did Segment learn about microservices?'));
  return h.connector.received.map((r) => r.activity as { type: string; text?: string });
}

describe('Teams personal chat streaming', () => {
  it('never streams an uncited answer; the user gets the offline answer', async () => {
    answerWith = () => 'Segment moved back to a monolith. Everyone should use microservices anyway.';
    const sent = await ask('a:1teams-nocite');
    const shown = sent.map((a) => a.text ?? '').join('\n');
    expect(shown).not.toContain('Everyone should use microservices');
    expect(
      sent
        .filter((a) => a.type === 'message')
        .map((a) => a.text)
        .join('\n'),
    ).toMatch(/Segment/);
  });

  it('streams a cited answer', async () => {
    answerWith = (label) => `Segment went back to one service [${label}]. Three engineers ran it [${label}].`;
    const sent = await ask('a:1teams-cited');
    const updates = sent.filter((a) => a.type === 'typing' && a.text);
    expect(updates.map((a) => a.text).join('\n')).toContain('Segment went back to one service');
    expect(sent.map((a) => a.text ?? '').join('\n')).toContain('Three engineers ran it');
  });
});
