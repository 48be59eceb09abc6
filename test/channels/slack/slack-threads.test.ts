/**
 * Archie asked into a Slack thread, through the real Bolt app and the real consultant against the fake
 * Web API: a mention at the end of a thread and the "Ask Archie about this thread" shortcut read what the
 * team wrote (paginated, people only, bounded), quote who said what, point out disagreements, and keep
 * only the facts and their evidence.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ASK_THREAD_CALLBACK_ID } from '../../../src/channels/slack/register-shortcut.js';
import { FAKE_BOT, type RecordedCall, shownText, type ThreadSeed } from '../../support/fake-slack-api.js';
import {
  blockActions,
  channelMessage,
  eventEnvelope,
  messageShortcut,
  postSlack,
} from '../../support/slack-request.js';
import { type SlackHarness, startSlackHarness } from './slack-harness.js';

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const CHANNEL = 'C0GENERAL';
const posts = () => h!.api.calls('chat.postMessage');
const postedText = () => posts().map(shownText).join('\n');

type Button = { action_id: string; value: string; text: { type: 'plain_text'; text: string } };
const actionBlocks = (call: RecordedCall) =>
  ((call.args.blocks ?? []) as { type: string; block_id?: string; elements?: Button[] }[]).filter(
    (b) => b.type === 'actions',
  );
const questionIds = () =>
  posts().flatMap((call) =>
    actionBlocks(call)
      .map((b) => /^archie-q:([^:]+)/.exec(b.block_id ?? '')?.[1])
      .filter((id): id is string => id !== undefined),
  );
const isRecommendation = (call: RecordedCall) =>
  ((call.args.blocks ?? []) as { type: string; text?: { text: string } }[]).some(
    (b) => b.type === 'header' && b.text?.text.startsWith('Recommendation'),
  );

/** The team's thread as Slack holds it, ending with `last` (the message that mentions Archie, if any). */
function seedThread(messages: ThreadSeed[]) {
  for (const [id, name] of [
    ['U0ANA', 'ana'],
    ['U0BO', 'bo'],
    ['U0CY', 'cy'],
  ] as const) {
    h!.api.setUser(id, { name, display_name: name });
  }
  return h!.api.setThread(CHANNEL, messages);
}

const TEAM_THREAD: ThreadSeed[] = [
  { user: 'U0ANA', text: 'Should we split the support assistant into services? We are 4 engineers, one team.' },
  { user: 'U0BO', text: 'It is a RAG bot on the OpenAI API, so no GPUs of ours. We deploy with GitHub Actions.' },
  { bot_id: 'B0STATS', subtype: 'bot_message', text: 'Weekly stats: we are 900 engineers across 60 teams' },
  { user: 'U0CY', text: 'What hurts is slow builds, and nobody is on call yet. It all runs on Heroku.' },
  { user: 'U0ANA', text: 'Lunch is at noon today, bring snacks for the retro.' },
];

/** Posts the mention that ends `thread` (already seeded with it) as Slack delivers it. */
async function mentionAtEnd(thread: { ts: string; user?: string; text: string }[]) {
  const [parent] = thread;
  const mention = thread[thread.length - 1]!;
  await postSlack(
    h!.baseUrl,
    eventEnvelope({
      type: 'app_mention',
      channel: CHANNEL,
      user: mention.user,
      text: mention.text,
      ts: mention.ts,
      thread_ts: parent!.ts,
    }),
  );
  return parent!.ts;
}

/** Answers "skip" in the thread until a recommendation is posted (at most `max` times). */
async function skipToVerdict(threadTs: string, max = 6) {
  for (let i = 0; i < max && !posts().some(isRecommendation); i++) {
    const before = posts().length;
    await postSlack(h!.baseUrl, eventEnvelope(channelMessage('skip', { thread_ts: threadTs, user: 'U0ANA' })));
    await h!.api.waitFor((c) => c.filter((x) => x.method === 'chat.postMessage').length > before);
  }
  expect(posts().some(isRecommendation)).toBe(true);
}

describe('Archie asked into a Slack thread', () => {
  it('reads the thread it is mentioned at the end of, quotes who said what, and reaches a verdict without asking what the thread said', async () => {
    h = await startSlackHarness();
    const thread = seedThread([...TEAM_THREAD, { user: 'U0BO', text: `<@${FAKE_BOT.userId}> what do you think?` }]);
    const threadTs = await mentionAtEnd(thread);
    await h.api.waitFor((c) => c.some((x) => x.method === 'chat.postMessage'));

    expect(h.api.calls('conversations.replies')[0]!.args).toMatchObject({ channel: CHANNEL, ts: threadTs });
    expect(posts()[0]!.args).toMatchObject({ channel: CHANNEL, thread_ts: threadTs });
    const first = shownText(posts()[0]!);
    expect(first).toContain('I read this thread: 5 messages from @ana, @bo and @cy.');
    expect(first).toContain('4 engineers, from @ana: “');
    expect(first).toMatch(/hosted model API, from @bo: “It is a RAG bot on the OpenAI API/);
    expect(first).toMatch(/from @cy: “What hurts is slow builds/);
    // The bot's message is not the team's word.
    expect(postedText()).not.toMatch(/900/);

    await skipToVerdict(threadTs);
    // Nothing Archie took from the thread is asked again.
    const stored = JSON.parse((await h.deps.store.get(`conv:slack:T0TEAM:${CHANNEL}:${threadTs}`)) as string);
    const fromThread = Object.entries(stored.provenance as Record<string, { speaker?: string }>)
      .filter(([, p]) => p.speaker)
      .map(([key]) => key);
    expect(fromThread).toEqual(expect.arrayContaining(['engineers', 'modelHosting', 'onCall']));
    expect(questionIds().filter((id) => fromThread.includes(id))).toEqual([]);
  });

  it('keeps the facts and their evidence from a thread, not its text', async () => {
    h = await startSlackHarness();
    const thread = seedThread([...TEAM_THREAD, { user: 'U0BO', text: `<@${FAKE_BOT.userId}> thoughts?` }]);
    const threadTs = await mentionAtEnd(thread);
    await h.api.waitFor((c) => c.some((x) => x.method === 'chat.postMessage'));

    const record = (await h.deps.store.get(`conv:slack:T0TEAM:${CHANNEL}:${threadTs}`)) as string;
    expect(record).toBeTruthy();
    expect(record).not.toContain('Lunch is at noon');
    expect(record).not.toContain('Weekly stats');
    const stored = JSON.parse(record) as { provenance: Record<string, { evidence?: string; speaker?: string }> };
    const texts = TEAM_THREAD.map((m) => m.text);
    const spans = Object.values(stored.provenance);
    expect(spans.length).toBeGreaterThan(3);
    for (const { evidence } of spans) expect(texts.some((t) => evidence && t.includes(evidence))).toBe(true);
    expect(stored.provenance.engineers).toMatchObject({ speaker: '@ana' });
    // Every stored string is a fact value, an evidence span from the thread, a speaker or bookkeeping.
    const strings = JSON.stringify(stored).match(/"(?:[^"\\]|\\.){40,}"/g) ?? [];
    for (const s of strings) expect(texts.some((t) => t.includes(JSON.parse(s)))).toBe(true);
  });

  it('points out two people giving different team sizes, asks which holds, and settles it on a button', async () => {
    h = await startSlackHarness();
    const thread = seedThread([
      { user: 'U0ANA', text: 'We are 14 engineers in two teams, building a RAG assistant on the OpenAI API.' },
      { user: 'U0BO', text: 'We run on EKS with CI/CD, tracing and an on-call rotation.' },
      { user: 'U0CY', text: 'We are 30 engineers since the merger, not 14.' },
      { user: 'U0ANA', text: `<@${FAKE_BOT.userId}> what do you think?` },
    ]);
    const threadTs = await mentionAtEnd(thread);
    await h.api.waitFor((c) => c.some((x) => x.method === 'chat.postMessage'));

    const text = postedText();
    expect(text).toMatch(/Engineers: which holds\?/);
    expect(text).toMatch(/@ana\*: “We are 14 engineers in two teams/);
    expect(text).toMatch(/@cy\*: “We are 30 engineers since the merger/);
    expect(text).toMatch(/going with \*30 engineers\*, the latest/);
    const conflict = posts().find((c) => actionBlocks(c).some((b) => b.block_id?.startsWith('archie-conflict')))!;
    const choices = actionBlocks(conflict)
      .filter((b) => b.block_id?.startsWith('archie-conflict'))
      .flatMap((b) => b.elements ?? []);
    expect(choices.map((b) => b.text.text)).toEqual(['14 engineers (@ana)', '30 engineers (@cy)']);

    const before = posts().length;
    const fourteen = choices[0]!;
    await postSlack(
      h.baseUrl,
      blockActions({
        channelId: CHANNEL,
        message: {
          ts: conflict.result!.ts,
          thread_ts: threadTs,
          text: conflict.args.text,
          blocks: conflict.args.blocks,
        },
        button: fourteen,
      }),
    );
    await h.api.waitFor((c) => c.filter((x) => x.method === 'chat.postMessage').length > before);
    expect(shownText(posts()[before]!)).toMatch(/14 engineers \(was 30\)/);
    // Only the disagreement's buttons collapse; the question in the same message keeps its own.
    const collapsed = h.api.calls('chat.update')[0]!;
    expect(shownText(collapsed)).toContain('✓ 14 engineers (@ana)');
    expect(actionBlocks(collapsed).some((b) => b.block_id?.startsWith('archie-q:'))).toBe(true);
    const stored = JSON.parse((await h.deps.store.get(`conv:slack:T0TEAM:${CHANNEL}:${threadTs}`)) as string);
    expect(stored.profile.engineers).toBe(14);
  });

  it('answers the "Ask Archie about this thread" shortcut in the thread, after acking at once', async () => {
    h = await startSlackHarness();
    const thread = seedThread(TEAM_THREAD);
    const parent = thread[0]!;
    // Reading the thread takes a while; Slack must see the ack before that.
    h.api.delay('conversations.replies', 800);
    const response = await postSlack(
      h.baseUrl,
      messageShortcut({
        callbackId: ASK_THREAD_CALLBACK_ID,
        channelId: CHANNEL,
        message: { ts: thread[2]!.ts, thread_ts: parent.ts, text: thread[2]!.text, user: 'U0BO' },
      }),
    );
    expect(response.status).toBe(200);
    expect(h.api.calls('conversations.replies')).toHaveLength(0);
    await h.api.waitFor((c) => c.some((x) => x.method === 'chat.postMessage'));
    expect(h.api.calls('conversations.replies')[0]!.args).toMatchObject({ channel: CHANNEL, ts: parent.ts });
    expect(posts()[0]!.args).toMatchObject({ channel: CHANNEL, thread_ts: parent.ts });
    expect(shownText(posts()[0]!)).toContain('4 engineers, from @ana: “');

    await skipToVerdict(parent.ts);
    expect(questionIds().filter((id) => ['engineers', 'modelHosting', 'ciCd', 'onCall'].includes(id))).toEqual([]);
  });

  it('says how much of a long thread it read', async () => {
    h = await startSlackHarness();
    const chatter = Array.from({ length: 260 }, (_, i) => ({ user: 'U0BO', text: `status update ${i + 1}` }));
    const thread = seedThread([
      { user: 'U0ANA', text: 'We are 500 engineers.' },
      ...chatter,
      { user: 'U0ANA', text: 'We are 6 engineers on a hosted model API.' },
      { user: 'U0CY', text: `<@${FAKE_BOT.userId}> summary please` },
    ]);
    await mentionAtEnd(thread);
    await h.api.waitFor((c) => c.some((x) => x.method === 'chat.postMessage'));
    expect(h.api.calls('conversations.replies').length).toBeGreaterThan(1);
    const text = postedText();
    expect(text).toMatch(
      /I read only its latest messages \(up to 200 messages or 30,000 characters\); the 63 earlier messages I did not read/,
    );
    expect(text).toContain('6 engineers, from @ana');
    expect(text).not.toMatch(/500/);
  });

  it('tells the thread which scope to add when Slack refuses, then answers the mention itself', async () => {
    h = await startSlackHarness();
    const thread = seedThread([
      { user: 'U0ANA', text: 'We are 4 engineers.' },
      { user: 'U0BO', text: `<@${FAKE_BOT.userId}> what is a modular monolith?` },
    ]);
    h.api.failNext('conversations.replies', { error: 'missing_scope', needed: 'channels:history' });
    await mentionAtEnd(thread);
    await h.api.waitFor((c) => c.filter((x) => x.method === 'chat.postMessage').length >= 2);
    expect(shownText(posts()[0]!)).toMatch(/missing the `channels:history` scope/);
    expect(shownText(posts()[1]!)).toMatch(/modular monolith/i);
  });

  it('answers the shortcut privately when it cannot read the thread', async () => {
    h = await startSlackHarness();
    h.api.failNext('conversations.replies', { error: 'not_in_channel' });
    await postSlack(
      h.baseUrl,
      messageShortcut({
        callbackId: ASK_THREAD_CALLBACK_ID,
        channelId: 'C0ELSEWHERE',
        message: { ts: '1710000000.000001' },
        responseUrl: `${h.api.origin}/response/shortcut`,
      }),
    );
    await h.api.waitFor((c) => c.some((x) => x.method === 'response_url'));
    expect(h.api.calls('response_url')[0]!.args).toMatchObject({ response_type: 'ephemeral' });
    expect(h.api.calls('response_url')[0]!.args.text).toMatch(/Invite me \(`\/invite @Archie`\)/);
    expect(posts()).toHaveLength(0);
  });
});
