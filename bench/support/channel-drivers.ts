/**
 * Drives one consultation through a channel the way its platform would, on loopback, and times each turn
 * server side: Slack (a signed event or button click in, the reply's chat.postMessage recorded by the fake
 * Slack Web API), Teams (an activity in, its replies posted to the fake Bot Connector before the HTTP
 * response) and the web chat (a POST in, the reply in its response). The latency and streaming benches
 * share these.
 */
import type { RecordedActivity } from '../../test/support/fake-bot-connector.js';
import type { RecordedCall } from '../../test/support/fake-slack-api.js';
import { blockActions, dmMessage, eventEnvelope, postSlack } from '../../test/support/slack-request.js';

/** One simulated person in one channel: describes, then clicks the first option of each question. */
export interface ChannelConversation {
  /** Sends the description; resolves with the turn's time in milliseconds. */
  describe(text: string): Promise<number>;
  /** Answers the open question with its first option; undefined when none is open (the verdict came). */
  answerFirst(): Promise<number | undefined>;
}

export interface ChannelDriver {
  name: 'slack' | 'teams' | 'web';
  conversation(n: number): ChannelConversation;
}

interface SlackApiLike {
  onCall(listener: (call: RecordedCall) => void): () => void;
}

type Block = { type: string; block_id?: string; elements?: Button[] };
type Button = { action_id: string; value: string; text: { type: 'plain_text'; text: string } };
const actionsOf = (call: RecordedCall, prefix: string) =>
  ((call.args.blocks ?? []) as Block[]).find((b) => b.type === 'actions' && b.block_id?.startsWith(prefix));

/** Slack: a turn ends when the question or the recommendation is posted (earlier posts are part of it). */
export function slackDriver(baseUrl: string, api: SlackApiLike): ChannelDriver {
  const waiting = new Map<string, (call: RecordedCall) => void>();
  api.onCall((call) => {
    if (call.method !== 'chat.postMessage') return;
    const channel = call.result?.channel as string;
    if (!(actionsOf(call, 'archie-q') ?? actionsOf(call, 'archie-rec'))) return;
    waiting.get(channel)?.(call);
    waiting.delete(channel);
  });
  const turnEnd = (channel: string) =>
    new Promise<{ call: RecordedCall; at: number }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`slack: no reply in ${channel} within 60 s`)), 60_000);
      waiting.set(channel, (call) => {
        clearTimeout(timer);
        resolve({ call, at: performance.now() });
      });
    });
  return {
    name: 'slack',
    conversation(n) {
      const who = { channel: `DLAT${n}`, user: `ULAT${n}` };
      let last: RecordedCall | undefined;
      const turn = async (send: () => Promise<Response>) => {
        const reply = turnEnd(who.channel);
        const started = performance.now();
        const res = await send();
        if (res.status !== 200) throw new Error(`slack: HTTP ${res.status}`);
        const { call, at } = await reply;
        last = call;
        return at - started;
      };
      return {
        describe: (text) => {
          const ts = `1710000000.${String(n).padStart(6, '0')}`;
          return turn(() => postSlack(baseUrl, eventEnvelope(dmMessage(text, { ...who, ts }))));
        },
        answerFirst: async () => {
          const block = last && actionsOf(last, 'archie-q');
          if (!last || !block) return undefined;
          const message = { ts: String(last.result!.ts), text: last.args.text, blocks: last.args.blocks };
          const button = { ...block.elements![0]!, block_id: block.block_id };
          return turn(() =>
            postSlack(baseUrl, blockActions({ channelId: who.channel, userId: who.user, message, button })),
          );
        },
      };
    },
  };
}

interface ConnectorLike {
  url: string;
  received: RecordedActivity[];
}

/** Action.Submit data `{ archie: value }` anywhere in an activity's cards. */
function cardValues(activity: Record<string, unknown>): { value: string; label?: string }[] {
  const found: { value: string; label?: string }[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    const data = o.data as { archie?: unknown; label?: string } | undefined;
    if (o.type === 'Action.Submit' && typeof data?.archie === 'string') found.push({ value: data.archie, ...data });
    for (const v of Object.values(o)) visit(v);
  };
  visit(activity.attachments);
  return found;
}

/** Posts a personal-chat message activity, as the Bot Connector would, to Archie's Teams endpoint. */
export function postActivity(
  baseUrl: string,
  a: { id: string; serviceUrl: string; user: string; conversationId: string; fields: Record<string, unknown> },
): Promise<Response> {
  return fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: a.id,
      channelId: 'msteams',
      serviceUrl: a.serviceUrl,
      from: { id: a.user, name: 'Bench User' },
      recipient: { id: '28:bench-bot', name: 'Archie' },
      conversation: { id: a.conversationId, conversationType: 'personal', tenantId: 'bench-tenant' },
      ...a.fields,
    }),
  });
}

/** Teams: the agent posts its replies before it answers the activity's HTTP request; a turn ends at both. */
export function teamsDriver(baseUrl: string, connector: ConnectorLike): ChannelDriver {
  return {
    name: 'teams',
    conversation(n) {
      const conversationId = `a:1latency-${n}`;
      let question: { value: string; label?: string } | undefined;
      let seq = 0;
      const turn = async (fields: Record<string, unknown>) => {
        const from = connector.received.length;
        const started = performance.now();
        const res = await postActivity(baseUrl, {
          id: `lat-${n}-${++seq}`,
          serviceUrl: connector.url,
          user: `29:latency-user-${n}`,
          conversationId,
          fields,
        });
        await res.arrayBuffer();
        const ms = performance.now() - started;
        if (res.status >= 300) throw new Error(`teams: HTTP ${res.status}`);
        const replies = connector.received
          .slice(from)
          .filter((r) => r.conversationId === conversationId && r.type === 'message');
        if (replies.length === 0) throw new Error('teams: no reply posted before the HTTP response');
        question = replies
          .flatMap((r) => cardValues(r.activity))
          .find((v) => v.value.startsWith('answer:') && !v.value.endsWith(':unsure'));
        return ms;
      };
      return {
        describe: (text) => turn({ text, textFormat: 'plain' }),
        answerFirst: async () => {
          if (!question) return undefined;
          return turn({ value: { archie: question.value, label: question.label } });
        },
      };
    },
  };
}

type WebMessage = { from: string; message?: { type: string; quickReplies?: { value: string; label: string }[] } };

/** The web chat: the reply is the response to the POST. */
export function webDriver(baseUrl: string): ChannelDriver {
  return {
    name: 'web',
    conversation() {
      let id: string | undefined;
      let question: { value: string; label: string } | undefined;
      const post = async (path: string, body: unknown) => {
        const started = performance.now();
        const res = await fetch(`${baseUrl}/api/web${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        const json = (await res.json()) as { id: string; messages: WebMessage[]; error?: string };
        const ms = performance.now() - started;
        if (!res.ok) throw new Error(`web: HTTP ${res.status} ${json.error ?? ''}`);
        const asked = json.messages.filter((m) => m.message?.type === 'question').at(-1);
        question = asked?.message?.quickReplies?.find(
          (r) => r.value.startsWith('answer:') && !r.value.endsWith(':unsure'),
        );
        return { ms, json };
      };
      return {
        describe: async (text) => {
          id = (await post('/conversations', {})).json.id;
          return (await post(`/conversations/${id}/messages`, { text })).ms;
        },
        answerFirst: async () => {
          if (!id || !question) return undefined;
          return (await post(`/conversations/${id}/messages`, { choice: question.value, label: question.label })).ms;
        },
      };
    },
  };
}
