/**
 * Archie asked into a Teams conversation, through the real Agents SDK and the real consultant: a mention
 * in a channel reply chain reads the chain through Microsoft Graph (a fake Graph and token endpoint on
 * loopback) where the team consented, and says plainly what it could not read otherwise; the "Ask Archie
 * about this" message action answers in the message's conversation.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGraphAccess } from '../../../src/channels/teams/graph-access.js';
import { loadConfig } from '../../../src/config/load-config.js';
import { createConsultant } from '../../../src/core/create-consultant.js';
import { loadKnowledgeBase } from '../../../src/core/knowledge/load-knowledge-base.js';
import { createStore } from '../../../src/store/create-store.js';
import {
  type FakeGraph,
  GRAPH_SECRET,
  type GraphMessage,
  personMessage,
  startFakeGraph,
} from '../../support/fake-graph.js';
import { startTeamsHarness, type TeamsHarness } from './teams-harness.js';
import { chainMention, messageAction, TEAM_GROUP, TENANT } from './teams-payloads.js';

const APP_ID = '00000000-0000-4000-8000-0000000000a1';
const CHANNEL = '19:general-channel@thread.tacv2';

let graph: FakeGraph;
let h: TeamsHarness;

async function start(options: { secret?: boolean } = {}) {
  graph = await startFakeGraph({ clientId: APP_ID });
  const store = createStore('memory://').keyv;
  const consultant = createConsultant({ knowledge: await loadKnowledgeBase(), store });
  // The bot runs unauthenticated (no outbound Entra tokens on loopback); Graph signs in as the app.
  const teams = loadConfig({
    dotenvPath: false,
    env: {
      MICROSOFT_APP_ID: APP_ID,
      ...(options.secret === false ? {} : { MICROSOFT_APP_PASSWORD: GRAPH_SECRET }),
      GRAPH_API_URL: graph.apiUrl,
      GRAPH_TOKEN_URL: graph.tokenUrl,
    },
  }).teams;
  h = await startTeamsHarness({ consultant, channel: () => ({ graph: createGraphAccess(teams) }) });
}

beforeEach(() => {
  graph = undefined as never;
  h = undefined as never;
});
afterEach(async () => {
  await h?.close();
  await graph?.close();
});

const archie = { id: 0, mentionText: 'Archie', mentioned: { application: { id: APP_ID, displayName: 'Archie' } } };
const mentionsArchie = (html: string) => ({
  mentions: [archie],
  body: { contentType: 'html' as const, content: html },
});

/** A chain: Ana's post, the team's replies, a bot's reply, and the reply that mentions Archie. */
function seedChain(replies: GraphMessage[]) {
  const root = personMessage(
    'Ana Lopez',
    '<p>Should our support assistant be split into services? We are 4 engineers, one team.</p>',
  );
  const chain = {
    teamId: TEAM_GROUP,
    channelId: CHANNEL,
    root: { ...root, replyToId: null, createdDateTime: '2026-01-01T08:00:00.000Z' },
    replies: replies.map((r) => ({ ...r, replyToId: root.id })),
  };
  graph.setChain(chain);
  return chain;
}

const teamReplies = () => [
  personMessage(
    'Bo Berg',
    '<p>It&#39;s a RAG bot on the OpenAI API, so no GPUs of ours.<br>We deploy with GitHub Actions.</p>',
  ),
  personMessage('Build Bot', '<p>Build #412 passed: we are 900 engineers</p>', {
    from: { user: null, application: { id: 'build-bot', displayName: 'Build Bot' } },
  }),
  personMessage('Cy Chen', '<p>What hurts is slow builds, and nobody is on call yet. It runs on Heroku.</p>'),
];

const texts = () =>
  h.connector
    .messages()
    .map((m) => JSON.stringify(m.activity))
    .join('\n');

describe('Archie in a Teams reply chain', () => {
  it('reads the chain it is mentioned in through Graph and quotes who said what', async () => {
    await start();
    graph.grantConsent(TEAM_GROUP);
    const replies = teamReplies();
    const mentionReply = personMessage(
      'Cy Chen',
      '<p><at id="0">Archie</at> what do you think?</p>',
      mentionsArchie('<p><at id="0">Archie</at> what do you think?</p>'),
    );
    const chain = seedChain([...replies, mentionReply]);
    const res = await h.post(
      chainMention(h.connector.url, CHANNEL, chain.root.id, 'what do you think?', mentionReply.id),
    );
    expect(res.status).toBe(200);
    await h.connector.waitFor((r) => r.some((x) => x.type === 'message'));

    expect(graph.requests[0]).toMatchObject({ method: 'POST', path: `/${TENANT}/oauth2/v2.0/token` });
    expect(graph.requests[0]!.form).toMatchObject({ client_id: APP_ID, grant_type: 'client_credentials' });
    expect(graph.requests.slice(1).every((r) => r.authorization?.startsWith('Bearer graph-'))).toBe(true);
    const conversation = `${CHANNEL};messageid=${chain.root.id}`;
    expect(h.connector.messages()[0]!.conversationId).toBe(conversation);
    const shown = texts();
    expect(shown).toContain('I read this thread: 4 messages from Ana Lopez, Bo Berg and Cy Chen.');
    expect(shown).toMatch(/4 engineers, from Ana Lopez: “/);
    expect(shown).toMatch(/hosted model API, from Bo Berg: “It's a RAG bot on the OpenAI API/);
    expect(shown).not.toContain('900');
  });

  it('follows @odata.nextLink through every page of replies', async () => {
    await start();
    graph.grantConsent(TEAM_GROUP);
    const chatter = Array.from({ length: 60 }, (_, i) => personMessage('Bo Berg', `<p>status ${i + 1}</p>`));
    const last = personMessage('Dee Diaz', '<p>We are 6 engineers now, on a hosted model API.</p>');
    const mentionReply = personMessage(
      'Dee Diaz',
      '<p><at id="0">Archie</at> thoughts?</p>',
      mentionsArchie('<p><at id="0">Archie</at> thoughts?</p>'),
    );
    const chain = seedChain([...chatter, last, mentionReply]);
    await h.post(chainMention(h.connector.url, CHANNEL, chain.root.id, 'thoughts?', mentionReply.id));
    await h.connector.waitFor((r) => r.some((x) => x.type === 'message'));
    const pages = graph.requests.filter((r) => r.path.includes('/replies'));
    expect(pages.length).toBe(2);
    expect(pages[1]!.path).toContain('$skiptoken=50');
    expect(texts()).toMatch(/I read this thread: 63 messages/);
    expect(texts()).toMatch(/6 engineers, from Dee Diaz/);
  });

  it('reads only what people wrote since it last read the chain', async () => {
    await start();
    graph.grantConsent(TEAM_GROUP);
    const first = personMessage(
      'Cy Chen',
      '<p><at id="0">Archie</at> what do you think?</p>',
      mentionsArchie('<p><at id="0">Archie</at> what do you think?</p>'),
    );
    const chain = seedChain([...teamReplies(), first]);
    await h.post(chainMention(h.connector.url, CHANNEL, chain.root.id, 'what do you think?', first.id));
    await h.connector.waitFor((r) => r.some((x) => x.type === 'message'));
    const before = h.connector.messages().length;

    const later = personMessage('Ana Lopez', '<p>Update: we hired, we are 9 engineers now.</p>');
    const again = personMessage(
      'Ana Lopez',
      '<p><at id="0">Archie</at> does that change anything?</p>',
      mentionsArchie('<p><at id="0">Archie</at> does that change anything?</p>'),
    );
    graph.setChain({
      ...chain,
      replies: [...chain.replies, { ...later, replyToId: chain.root.id }, { ...again, replyToId: chain.root.id }],
    });
    await h.post(chainMention(h.connector.url, CHANNEL, chain.root.id, 'does that change anything?', again.id));
    await h.connector.waitFor((r) => r.filter((x) => x.type === 'message').length > before);
    const reply = h.connector
      .messages()
      .slice(before)
      .map((m) => JSON.stringify(m.activity))
      .join('\n');
    expect(reply).toContain('I read this thread: 2 messages from Ana Lopez.');
    expect(reply).toMatch(/9 engineers, from Ana Lopez: “Update: we hired, we are 9 engineers now/);
    expect(reply).not.toContain('Bo Berg');
  });

  it('says plainly, once, that it cannot read the chain without the team’s consent, and answers the mention', async () => {
    await start();
    const mentionReply = personMessage(
      'Cy Chen',
      '<p><at id="0">Archie</at> what is a modular monolith?</p>',
      mentionsArchie('<p>x</p>'),
    );
    const chain = seedChain([...teamReplies(), mentionReply]);
    await h.post(chainMention(h.connector.url, CHANNEL, chain.root.id, 'what is a modular monolith?', mentionReply.id));
    await h.connector.waitFor((r) => r.filter((x) => x.type === 'message').length >= 2);
    const [note, answer] = h.connector.messages().map((m) => JSON.stringify(m.activity));
    expect(note).toContain('I can only see the messages that mention me, not the rest of this reply chain.');
    expect(note).toContain('ChannelMessage.Read.Group');
    expect(answer).toMatch(/modular monolith/i);

    const before = h.connector.messages().length;
    await h.post(chainMention(h.connector.url, CHANNEL, chain.root.id, 'what is a modular monolith?', 'another-id'));
    await h.connector.waitFor((r) => r.filter((x) => x.type === 'message').length > before);
    expect(texts().match(/I can only see the messages that mention me/g)).toHaveLength(1);
  });

  it('says what it needs when it has no client secret to sign in to Graph', async () => {
    await start({ secret: false });
    const chain = seedChain(teamReplies());
    await h.post(chainMention(h.connector.url, CHANNEL, chain.root.id, 'thoughts?', 'reply-id'));
    await h.connector.waitFor((r) => r.filter((x) => x.type === 'message').length >= 2);
    expect(texts()).toContain('needs Archie’s client secret (MICROSOFT_APP_PASSWORD)');
    expect(graph.requests).toHaveLength(0);
  });
});

describe('the "Ask Archie about this" message action', () => {
  it('closes the dialog at once, reads the message’s reply chain and answers in it', async () => {
    await start();
    graph.grantConsent(TEAM_GROUP);
    const chain = seedChain(teamReplies());
    const picked = chain.replies[0]!;
    const res = await h.post(
      messageAction({ serviceUrl: h.connector.url, conversationId: CHANNEL, kind: 'channel' }, { ...picked }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({});
    await h.connector.waitFor((r) => r.some((x) => x.type === 'message'));
    expect(h.connector.messages()[0]!.conversationId).toBe(`${CHANNEL};messageid=${chain.root.id}`);
    expect(texts()).toContain('I read this thread: 3 messages from Ana Lopez, Bo Berg and Cy Chen.');
  });

  it('in a group chat, reads the message it was given with what the person added', async () => {
    await start();
    const chat = '19:group-chat-1@thread.v2';
    const picked = personMessage(
      'Bo Berg',
      '<p>We are 3 engineers on the OpenAI API, deploying from GitHub Actions.</p>',
    );
    const res = await h.post(
      messageAction(
        { serviceUrl: h.connector.url, conversationId: chat, kind: 'groupChat' },
        { ...picked },
        { note: 'Nobody is on call.' },
      ),
    );
    expect(res.status).toBe(200);
    await h.connector.waitFor((r) => r.some((x) => x.type === 'message'));
    expect(h.connector.messages()[0]!.conversationId).toBe(chat);
    expect(texts()).toMatch(/3 engineers, from Bo Berg: “We are 3 engineers/);
    expect(texts()).toMatch(/no on-call, from Megan Bowen: “Nobody is on call/);
    expect(graph.requests).toHaveLength(0);
  });

  it('refuses an action it does not offer', async () => {
    await start();
    const res = await h.post(
      messageAction(
        { serviceUrl: h.connector.url, conversationId: 'a:1', kind: 'personal' },
        { ...personMessage('X', '<p>x</p>') },
        {},
        'other',
      ),
    );
    expect(res.status).toBe(400);
  });
});
