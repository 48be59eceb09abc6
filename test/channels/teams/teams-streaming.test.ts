import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Consultant } from '../../../src/core/consultant.js';
import type { TurnContext } from '../../../src/core/message.js';
import { CITATION, createFakeConsultant } from './fake-consultant.js';
import { startTeamsHarness, type TeamsHarness } from './teams-harness.js';
import { mention, message } from './teams-payloads.js';

let h: TeamsHarness;
const contexts: TurnContext[] = [];

/** A consultant that writes its answer in pieces, as a model would. */
function streamingConsultant(): Consultant {
  return {
    ...createFakeConsultant(),
    handle: async (_id, _input, ctx) => {
      contexts.push(ctx);
      for (const piece of ['A modular ', 'monolith fits ', 'your team.']) await ctx.stream?.append(piece);
      return [{ type: 'text', text: 'A modular monolith fits your team.', citations: [CITATION], generated: true }];
    },
  };
}

beforeEach(async () => {
  contexts.length = 0;
  h = await startTeamsHarness({
    consultant: streamingConsultant(),
    // Any OpenAI-compatible key counts as "a model is configured"; nothing calls it here.
    env: { OPENAI_API_KEY: 'sk-test-not-used' },
    channel: () => ({ streamDelayMs: 5 }),
  });
});
afterEach(async () => {
  await h.close();
});

describe('Teams streaming', () => {
  it('streams a model-written answer in a personal chat and ends with the labelled final message', async () => {
    const chat = { serviceUrl: h.connector.url, conversationId: 'a:1chat-streaming' };
    await h.post(message(chat, 'what fits us?'));
    expect(contexts[0]?.stream).toBeDefined();
    const sent = h.connector.received.map((r) => r.activity);
    const streamInfo = (a: Record<string, unknown>) =>
      (a.entities as { type: string; streamType?: string }[] | undefined)?.find((e) => e.type === 'streaminfo');
    const updates = sent.filter((a) => a.type === 'typing' && streamInfo(a)?.streamType === 'streaming');
    expect(updates.length).toBeGreaterThan(0);
    expect(updates[0]?.text).toContain('A modular');
    const final = sent.at(-1)!;
    expect(final.type).toBe('message');
    expect(streamInfo(final)?.streamType).toBe('final');
    expect(final.text).toBe('A modular monolith fits your team.');
    expect(final.entities).toContainEqual(
      expect.objectContaining({ additionalType: ['AIGeneratedContent'], citation: [expect.anything()] }),
    );
    expect(h.connector.messages()).toHaveLength(1);
  });

  it('sends one message in a channel (Teams does not stream there)', async () => {
    const thread = {
      serviceUrl: h.connector.url,
      conversationId: '19:c@thread.tacv2;messageid=1',
      kind: 'channel' as const,
    };
    // A new post that mentions Archie (its id is the chain's): no reply chain before it to read.
    await h.post({ ...mention(thread, 'what fits us?'), id: '1' });
    expect(contexts[0]?.stream).toBeUndefined();
    const sent = h.connector.received.map((r) => r.activity);
    expect(sent.filter((a) => a.type === 'message')).toHaveLength(1);
    expect(sent.some((a) => JSON.stringify(a.entities ?? []).includes('streaminfo'))).toBe(false);
  });
});
