/** Where Archie talks: the agent container, mentions and their threads, App Home, and `/archie`. */
import { afterEach, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../../src/core/message.js';
import { FAKE_BOT, shownText } from '../../support/fake-slack-api.js';
import {
  blockActions,
  channelMessage,
  dmMessage,
  eventEnvelope,
  newTs,
  postSlack,
  slashCommand,
} from '../../support/slack-request.js';
import { scriptedConsultant } from './scripted-consultant.js';
import { type SlackHarness, startSlackHarness } from './slack-harness.js';

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});
const settle = () => new Promise((r) => setTimeout(r, 150));
const posts = (harness: SlackHarness) => harness.api.calls('chat.postMessage');

describe('Slack places', () => {
  it('greets a new agent thread with suggested prompts and answers in the thread with a thinking status', async () => {
    const consultant = scriptedConsultant();
    h = await startSlackHarness({ consultant });
    const threadTs = newTs();
    await postSlack(
      h.baseUrl,
      eventEnvelope({
        type: 'assistant_thread_started',
        assistant_thread: {
          user_id: 'U0ALICE',
          context: { channel_id: 'C0GENERAL', team_id: 'T0TEAM' },
          channel_id: 'D0DM',
          thread_ts: threadTs,
        },
      }),
    );
    await h.api.waitFor((c) => c.some((x) => x.method === 'assistant.threads.setSuggestedPrompts'));
    expect(posts(h)[0]!.args).toMatchObject({ channel: 'D0DM', thread_ts: threadTs });
    expect(shownText(posts(h)[0]!)).toContain('I am Archie');
    expect(h.api.calls('assistant.threads.setSuggestedPrompts')[0]!.args.prompts.length).toBeGreaterThan(0);

    await postSlack(h.baseUrl, eventEnvelope(dmMessage('We build a RAG bot', { thread_ts: threadTs })));
    await h.api.waitFor((c) => c.filter((x) => x.method === 'chat.postMessage').length === 2);
    const status = h.api.calls('assistant.threads.setStatus')[0]!;
    expect(status.args).toMatchObject({ channel_id: 'D0DM', thread_ts: threadTs, status: 'is thinking…' });
    expect(posts(h)[1]!.args.thread_ts).toBe(threadTs);
    expect(consultant.received[1]!.conversationId).toBe(`slack:T0TEAM:D0DM:${threadTs}`);
  });

  it('answers a mention in its thread, then follows up in that thread without a new mention', async () => {
    const consultant = scriptedConsultant();
    h = await startSlackHarness({ consultant });
    const ts = newTs();
    const text = `<@${FAKE_BOT.userId}> should we split our RAG system?`;
    await postSlack(h.baseUrl, eventEnvelope({ type: 'app_mention', channel: 'C0GENERAL', user: 'U0BOB', text, ts }));
    // Slack also delivers the same message as message.channels: it must not be answered twice.
    await postSlack(h.baseUrl, eventEnvelope(channelMessage(text, { ts })));
    await h.api.waitFor((c) => c.some((x) => x.method === 'chat.postMessage'));
    expect(posts(h)[0]!.args).toMatchObject({ channel: 'C0GENERAL', thread_ts: ts });
    expect(consultant.received[0]!.input).toEqual({ type: 'text', text: 'should we split our RAG system?' });

    await postSlack(h.baseUrl, eventEnvelope(channelMessage('yes, 3 teams', { thread_ts: ts })));
    await h.api.waitFor((c) => c.filter((x) => x.method === 'chat.postMessage').length === 2);
    expect(posts(h)[1]!.args.thread_ts).toBe(ts);
    expect(consultant.received.map((r) => r.conversationId)).toEqual([
      `slack:T0TEAM:C0GENERAL:${ts}`,
      `slack:T0TEAM:C0GENERAL:${ts}`,
    ]);

    // A mention inside the thread arrives as app_mention AND message.channels: one answer only.
    const again = {
      channel: 'C0GENERAL',
      user: 'U0BOB',
      text: `<@${FAKE_BOT.userId}> and now?`,
      ts: newTs(),
      thread_ts: ts,
    };
    await postSlack(h.baseUrl, eventEnvelope({ type: 'message', channel_type: 'channel', ...again }));
    await postSlack(h.baseUrl, eventEnvelope({ type: 'app_mention', ...again }));
    await h.api.waitFor((c) => c.filter((x) => x.method === 'chat.postMessage').length === 3);

    // Threads Archie was never asked into stay quiet.
    await postSlack(h.baseUrl, eventEnvelope(channelMessage('unrelated', { ts: newTs(), thread_ts: newTs() })));
    await settle();
    expect(posts(h)).toHaveLength(3);
  });

  it('publishes the App Home with the latest assessment and greets once on the Messages tab', async () => {
    h = await startSlackHarness({ consultant: scriptedConsultant() });
    // Reach a verdict in a DM so the home has something to show.
    for (let i = 0; i < 3; i++) {
      await postSlack(h.baseUrl, eventEnvelope(dmMessage(`answer ${i}`)));
      await h.api.waitFor((c) => c.filter((x) => x.method === 'chat.postMessage').length >= i + 1);
    }
    await postSlack(
      h.baseUrl,
      eventEnvelope({ type: 'app_home_opened', user: 'U0ALICE', channel: 'D0DM', tab: 'home' }),
    );
    const [publish] = (await h.api.waitFor((c) => c.some((x) => x.method === 'views.publish'))).filter(
      (c) => c.method === 'views.publish',
    );
    expect(publish!.args.user_id).toBe('U0ALICE');
    expect(JSON.stringify(publish!.args.view)).toContain('Hybrid');

    const before = posts(h).length;
    await postSlack(
      h.baseUrl,
      eventEnvelope({ type: 'app_home_opened', user: 'U0CAROL', channel: 'D0CAROL', tab: 'messages' }),
    );
    await postSlack(
      h.baseUrl,
      eventEnvelope({ type: 'app_home_opened', user: 'U0CAROL', channel: 'D0CAROL', tab: 'messages' }),
    );
    await h.api.waitFor((c) => c.filter((x) => x.method === 'chat.postMessage').length === before + 1);
    await settle();
    expect(posts(h)).toHaveLength(before + 1);
    expect(posts(h)[before]!.args.channel).toBe('D0CAROL');
  });

  it('answers /archie help in the ack, and posts assess and ask results in the channel', async () => {
    h = await startSlackHarness({ consultant: scriptedConsultant() });
    const help = await postSlack(h.baseUrl, slashCommand('help'));
    const body = (await help.json()) as { response_type: string; text: string };
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toContain('/archie assess');

    expect(
      (await postSlack(h.baseUrl, slashCommand('assess We are 5 engineers building a RAG assistant'))).status,
    ).toBe(200);
    await h.api.waitFor((c) => c.some((x) => x.method === 'chat.postMessage'));
    const verdict = posts(h)[0]!;
    expect(verdict.args.channel).toBe('C0GENERAL');
    expect(verdict.args.blocks[0]).toMatchObject({ type: 'header', text: { text: expect.stringContaining('Hybrid') } });

    await postSlack(h.baseUrl, slashCommand('ask When should inference be its own service?'));
    await h.api.waitFor((c) => c.filter((x) => x.method === 'chat.postMessage').length === 2);
    expect(shownText(posts(h)[1]!)).toContain('<https://example.org/vllm|vLLM PagedAttention>');

    const unknown = (await (await postSlack(h.baseUrl, slashCommand('frobnicate'))).json()) as { text: string };
    expect(unknown.text).toContain("don't know the command `frobnicate`");
  });

  it('answers privately through response_url when Archie is not in the channel', async () => {
    h = await startSlackHarness({ consultant: scriptedConsultant() });
    h.api.failNext('chat.postMessage', { error: 'not_in_channel' });
    await postSlack(
      h.baseUrl,
      slashCommand('ask what is a modular monolith?', { responseUrl: `${h.api.origin}/response/r1` }),
    );
    const [response] = (await h.api.waitFor((c) => c.some((x) => x.method === 'response_url'))).filter(
      (c) => c.method === 'response_url',
    );
    expect(response!.args.response_type).toBe('ephemeral');
  });

  it('routes registered chat commands from /archie, DMs and buttons before the consultant', async () => {
    const consultant = scriptedConsultant();
    h = await startSlackHarness({ consultant });
    const seen: { args: string; conversationId: string; timeZone?: string; key: string }[] = [];
    h.deps.commands.register({
      name: 'checkin',
      summary: 'schedule an architecture check-in',
      actionPrefix: 'checkin:',
      run: async (args, ctx) => {
        seen.push({ args, conversationId: ctx.conversationId, timeZone: ctx.timeZone, key: ctx.target.key });
        return [
          {
            type: 'text',
            text: 'Check-in every Monday.',
            quickReplies: [{ label: 'Cancel', value: 'checkin:cancel' }],
          },
        ];
      },
      onAction: async (value) => [{ type: 'text', text: `Done: ${value}` }],
    });
    await postSlack(h.baseUrl, slashCommand('checkin weekly'));
    await postSlack(h.baseUrl, eventEnvelope(dmMessage('checkin monthly')));
    await h.api.waitFor((c) => c.filter((x) => x.method === 'chat.postMessage').length === 2);
    expect(seen.map((s) => s.args).sort()).toEqual(['monthly', 'weekly']);
    expect(seen.every((s) => s.timeZone === 'Europe/Berlin')).toBe(true);
    expect(consultant.received).toHaveLength(0);

    const help = (await (await postSlack(h.baseUrl, slashCommand('help'))).json()) as { text: string };
    expect(help.text).toContain('/archie checkin');

    await postSlack(
      h.baseUrl,
      blockActions({
        channelId: 'D0DM',
        message: { ts: newTs(), text: 'Check-in every Monday.' },
        button: { action_id: 'archie:a:0', value: 'checkin:cancel', text: { type: 'plain_text', text: 'Cancel' } },
      }),
    );
    await h.api.waitFor((c) => c.filter((x) => x.method === 'chat.postMessage').length === 3);
    expect(shownText(posts(h)[2]!)).toContain('Done: checkin:cancel');
    expect(consultant.received).toHaveLength(0);
  });

  it('exports the ADR as a file, and as code-block snippets when the upload is refused', async () => {
    h = await startSlackHarness({ consultant: scriptedConsultant() });
    const click = () =>
      postSlack(
        h!.baseUrl,
        blockActions({
          channelId: 'C0GENERAL',
          message: { ts: '1700000000.000100', text: 'Recommendation' },
          button: { action_id: 'archie:a:0', value: ACTIONS.export, text: { type: 'plain_text', text: 'Export ADR' } },
        }),
      );
    await click();
    const calls = await h.api.waitFor((c) => c.some((x) => x.method === 'files.completeUploadExternal'));
    expect(calls.find((c) => c.method === 'files.getUploadURLExternal')!.args.filename).toBe('adr-0001-hybrid.md');
    expect(calls.some((c) => c.method === 'upload')).toBe(true);
    expect(calls.find((c) => c.method === 'files.completeUploadExternal')!.args).toMatchObject({
      channel_id: 'C0GENERAL',
      thread_ts: '1700000000.000100',
    });

    h.api.failNext('files.getUploadURLExternal', { error: 'missing_scope' });
    await click();
    await h.api.waitFor((c) => c.some((x) => x.method === 'chat.postMessage'));
    expect(shownText(posts(h)[0]!)).toContain('```# ADR 1');
  });

  it('streams the reply with chat streaming when a model is configured', async () => {
    const consultant = scriptedConsultant();
    const base = consultant.handle;
    consultant.handle = async (id, input, ctx) => {
      await ctx.stream?.append('Thinking about ');
      await ctx.stream?.append('your system.');
      await base(id, input, ctx);
      return [{ type: 'text', text: 'Thinking about your system.', generated: true }];
    };
    h = await startSlackHarness({ consultant, env: { OPENAI_API_KEY: 'sk-test' } });
    const threadTs = newTs();
    await postSlack(h.baseUrl, eventEnvelope(dmMessage('tell me', { thread_ts: threadTs })));
    const calls = await h.api.waitFor((c) => c.some((x) => x.method === 'chat.stopStream'));
    const start = calls.find((c) => c.method === 'chat.startStream')!;
    expect(start.args).toMatchObject({ channel: 'D0DM', thread_ts: threadTs, recipient_user_id: 'U0ALICE' });
    // Each piece is shown as it comes (no client-side buffer), and together they read as one answer.
    const pieces = calls.filter((c) => c.method.endsWith('Stream')).map((c) => shownText(c).trim());
    expect(pieces.filter(Boolean)).toEqual(['Thinking about', 'your system.']);
    await settle();
    expect(posts(h)).toHaveLength(0); // the streamed text is not posted a second time
  });

  it('closes an interrupted stream and says plainly that something went wrong', async () => {
    const consultant = scriptedConsultant();
    consultant.handle = async (_id, _input, ctx) => {
      await ctx.stream?.append('Let me think');
      throw new Error('model connection reset');
    };
    h = await startSlackHarness({ consultant, env: { OPENAI_API_KEY: 'sk-test' } });
    await postSlack(h.baseUrl, eventEnvelope(dmMessage('tell me', { thread_ts: newTs() })));
    const calls = await h.api.waitFor((c) => c.some((x) => x.method === 'chat.postMessage'));
    expect(calls.filter((c) => c.method === 'chat.stopStream')).toHaveLength(1);
    expect(calls.find((c) => c.method === 'chat.postMessage')!.args.text).toMatch(/went wrong/);
  });

  it('tells the user plainly when the consultant fails, with the stack only in the log', async () => {
    const consultant = scriptedConsultant();
    consultant.handle = async () => {
      throw new Error('database exploded at /srv/secret/path.ts:42');
    };
    h = await startSlackHarness({ consultant });
    await postSlack(h.baseUrl, eventEnvelope(dmMessage('hello')));
    const [post] = (await h.api.waitFor((c) => c.some((x) => x.method === 'chat.postMessage'))).filter(
      (c) => c.method === 'chat.postMessage',
    );
    expect(post!.args.text).toBe('Sorry, something went wrong on my side. Please try that again.');
    expect(JSON.stringify(h.logs)).toContain('database exploded');
  });

  it('keeps message text out of the debug log unless LOG_BODIES is on', async () => {
    h = await startSlackHarness({ consultant: scriptedConsultant() });
    await postSlack(h.baseUrl, eventEnvelope(dmMessage('our secret roadmap is Project Falcon')));
    await h.api.waitFor((c) => c.some((x) => x.method === 'chat.postMessage'));
    expect(h.logs.length).toBeGreaterThan(0);
    expect(JSON.stringify(h.logs)).not.toContain('Project Falcon');
    expect(JSON.stringify(h.logs)).not.toContain('Question 1?'); // Archie's reply body (chat.postMessage)
    expect(JSON.stringify(h.logs)).not.toContain('xoxb-test-token');
  });
});
