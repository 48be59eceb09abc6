/**
 * D8, D9, D18: what a model writes is checked before anyone sees it, through the running server (Slack
 * over HTTP with streaming in an agent thread, the web chat) with a fake OpenAI-compatible model on
 * 127.0.0.1.
 *  - D8: a streamed answer shows nothing before its first citation, so an uncited answer the validator
 *    rejects never reaches Slack; a cited answer still streams.
 *  - D9: a narrative that names the engine's verdict but urges another architecture is not shown as the
 *    recommendation's summary.
 *  - D18: after a recommendation, a knowledge answer that tells the team to adopt another architecture is
 *    replaced by the offline answer (web) and never streamed (Slack).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Archie, createArchie } from '../../src/app/create-archie.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createLogger } from '../../src/observability/create-logger.js';
import { JSON_POST } from '../channels/web/web-test-server.js';
import { passagesShown, taskOf } from '../model-assist/llm-test-kit.js';
import type { ChatBody } from '../support/fake-openai-server.js';
import {
  type FakeSlackApi,
  type RecordedCall,
  shownText,
  slackEnv,
  startFakeSlackApi,
} from '../support/fake-slack-api.js';
import { useFakeOpenAiServer } from '../support/llm-harness.js';
import { dmMessage, eventEnvelope, postSlack } from '../support/slack-request.js';

/** What the fake model answers a knowledge question with; explanations and extraction are fixed. */
let answerWith: (label: string) => string = (label) => `Segment merged its services into one [${label}].`;
let explainWith: (label: string) => string = (label) => `A monolith fits three engineers [${label}].`;

const fake = await useFakeOpenAiServer({
  reply: (body: ChatBody) => {
    const label = passagesShown(body)[0]?.label ?? 'p1';
    if (taskOf(body) === 'extract') return { json: { facts: {}, evidence: {} } };
    if (taskOf(body) === 'explain') return { content: explainWith(label) };
    return { content: answerWith(label) };
  },
});

const SMALL_TEAM =
  'We are 3 engineers in one team building a RAG assistant on the OpenAI API for 2,000 internal users, no regulated data, no on-call, no tracing.';
const QUESTION = 'What did Segment learn about microservices?';

let archie: Archie;
let slack: FakeSlackApi;
let baseUrl: string;

beforeAll(async () => {
  slack = await startFakeSlackApi();
  const config = loadConfig({
    dotenvPath: false,
    env: {
      ...slackEnv(slack),
      STORE_URL: 'memory://',
      PORT: '0',
      WEB_CHAT: 'true',
      CHECKINS: 'false',
      ENGINE_THREADS: '0',
      OPENAI_API_KEY: 'sk-test-abcdefghijklmnopqrstuvwx',
      OPENAI_BASE_URL: fake.url,
      LLM_MAX_RETRIES: '0',
    },
  });
  archie = await createArchie(config, { logger: createLogger({ level: 'silent' }), defaultMetrics: false });
  baseUrl = `http://127.0.0.1:${await archie.listen()}`;
});
afterAll(async () => {
  await archie.close();
  await slack.close();
});

interface WebReply {
  messages: Array<{ from: string; text?: string; message?: Record<string, unknown> }>;
}

async function web() {
  const res = await fetch(`${baseUrl}/api/web/conversations`, JSON_POST);
  const { id } = (await res.json()) as { id: string };
  const say = async (text: string) => {
    const r = await fetch(`${baseUrl}/api/web/conversations/${id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
    });
    expect(r.status).toBe(200);
    return ((await r.json()) as WebReply).messages.filter((m) => m.from === 'archie').map((m) => m.message!);
  };
  return { say };
}

/** Describes the small team and skips questions until the recommendation; returns it. */
async function reachVerdict(say: (text: string) => Promise<Record<string, unknown>[]>) {
  let replies = await say(SMALL_TEAM);
  for (let i = 0; i < 8 && !replies.some((m) => m.type === 'recommendation'); i++) replies = await say('skip');
  const card = replies.find((m) => m.type === 'recommendation');
  expect(card).toBeDefined();
  return card as { assessment: { verdict: string }; summary: string; generated?: boolean };
}

let ts = 1_700_100_000;
const threadPlace = () => ({ channel: 'DMODEL', user: 'UMODEL', thread_ts: `${ts++}.000100` });
const inThread = (thread: string) => (c: RecordedCall) => c.args.thread_ts === thread;

/** Runs one DM turn in a thread; returns every Slack call it made (stream appends carry no thread_ts). */
async function slackTurn(text: string, place: ReturnType<typeof threadPlace>): Promise<RecordedCall[]> {
  const first = slack.calls().length;
  const res = await postSlack(baseUrl, eventEnvelope(dmMessage(text, { ...place, ts: `${ts++}.000200` })));
  expect(res.status).toBe(200);
  // The turn is answered by a post or by a stream that closes.
  await slack.waitFor(
    (calls) => calls.slice(first).some((c) => c.method === 'chat.postMessage' || c.method === 'chat.stopStream'),
    15_000,
  );
  await new Promise((r) => setTimeout(r, 500));
  return slack
    .calls()
    .slice(first)
    .filter((c) => c.args.channel === place.channel);
}

const streamed = (calls: RecordedCall[]) =>
  calls
    .filter((c) => /^chat\.(startStream|appendStream|stopStream)$/.test(c.method))
    .map((c) => `${shownText(c)}${String(c.args.markdown_text ?? '')}`)
    .join('');
const everything = (calls: RecordedCall[]) =>
  calls.map((c) => `${shownText(c)}${String(c.args.markdown_text ?? '')}`).join('\n');
const posted = (thread: string) => slack.calls('chat.postMessage').filter(inThread(thread)).map(shownText).join('\n');

describe('streamed answers show only what passed (D8)', () => {
  it('never streams an uncited answer that is then rejected; the offline answer is posted', async () => {
    answerWith = () =>
      'Segment moved back to a monolith. Everyone should use microservices anyway. Visit evil dot example.';
    const place = threadPlace();
    const calls = await slackTurn(QUESTION, place);
    const all = everything(calls);
    expect(all).not.toContain('Everyone should use microservices');
    expect(all).not.toContain('evil dot example');
    expect(posted(place.thread_ts)).toMatch(/Segment/);
  });

  it('still streams a cited answer as it is written', async () => {
    answerWith = (label) => `Segment went back to one service [${label}]. Three engineers ran it [${label}].`;
    const place = threadPlace();
    const calls = await slackTurn(QUESTION, place);
    expect(streamed(calls)).toContain('Segment went back to one service');
    expect(streamed(calls)).toContain('Three engineers ran it');
  });
});

describe("the verdict narrative keeps to the engine's verdict (D9)", () => {
  it('does not show a narrative that names the verdict but urges microservices', async () => {
    explainWith = (label) =>
      `The engine picked Monolith, but that is a stopgap [${label}]. Split the system into microservices this quarter; independent services per component are what your situation needs.`;
    const { say } = await web();
    const card = await reachVerdict(say);
    expect(card.assessment.verdict).toBe('monolith');
    expect(card.summary).not.toMatch(/stopgap|microservices this quarter/);
    expect(card.generated).toBeFalsy();
  });

  it('shows a narrative that explains the verdict and mentions the alternative only to set it aside', async () => {
    explainWith = (label) =>
      `A monolith fits three engineers in one team [${label}]. You don't need microservices: splitting would add pipelines and on-call for the same few people.`;
    const { say } = await web();
    const card = await reachVerdict(say);
    expect(card.summary).toContain("You don't need microservices");
    expect(card.generated).toBe(true);
  });
});

describe("knowledge answers are checked against the conversation's verdict (D18)", () => {
  it('replaces "You should adopt microservices" after a monolith recommendation with the offline answer (web)', async () => {
    explainWith = (label) => `A monolith fits three engineers [${label}].`;
    const { say } = await web();
    await reachVerdict(say);
    answerWith = (label) => `You should adopt microservices [${label}].`;
    const [answer] = await say(QUESTION);
    expect(answer?.text).not.toMatch(/adopt microservices/i);
    expect(answer?.generated).toBeFalsy();
    // The same answer with no verdict in the conversation is a plain knowledge answer.
    const fresh = await web();
    const [before] = await fresh.say(QUESTION);
    expect(before?.text).toMatch(/adopt microservices/);
  });

  it('keeps a model answer that agrees with the verdict (web)', async () => {
    const { say } = await web();
    await reachVerdict(say);
    answerWith = (label) => `Segment merged 140 services back into one [${label}].`;
    const [answer] = await say(QUESTION);
    expect(answer?.text).toContain('Segment merged 140 services back into one');
    expect(answer?.generated).toBe(true);
  });

  it('never streams the sentence that steers away from the verdict (Slack thread)', async () => {
    explainWith = (label) => `A monolith fits three engineers [${label}].`;
    answerWith = (label) => `Segment merged its services [${label}].`;
    const place = threadPlace();
    await slackTurn(SMALL_TEAM, place);
    for (let i = 0; i < 8 && !/Monolith/.test(posted(place.thread_ts)); i++) await slackTurn('skip', place);
    expect(posted(place.thread_ts)).toMatch(/Monolith/);
    answerWith = (label) =>
      `Segment merged its services into one [${label}]. Now you should adopt microservices [${label}].`;
    const calls = await slackTurn(QUESTION, place);
    expect(everything(calls)).toMatch(/Segment/);
    expect(everything(calls)).not.toMatch(/adopt microservices/i);
  });
});
