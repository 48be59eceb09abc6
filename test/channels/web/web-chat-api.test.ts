import { afterEach, describe, expect, it } from 'vitest';
import type { WebMessage } from '../../../src/channels/web/web-history.js';
import type { OutMessage } from '../../../src/core/message.js';
import { call, startWebArchie, tempSqlite, type WebTestServer } from './web-test-server.js';

const DESCRIPTION =
  'We are 6 engineers in one team building a RAG assistant for support agents on the OpenAI API, in pilot with 300 users.';

const servers: WebTestServer[] = [];
const cleanups: (() => void)[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function start(env: Record<string, string> = {}) {
  const server = await startWebArchie(env);
  servers.push(server);
  return server;
}

const archieLines = (messages: WebMessage[]): OutMessage[] =>
  messages.flatMap((m) => (m.from === 'archie' ? [m.message] : []));
const questionIn = (messages: OutMessage[]) =>
  messages.find((m): m is Extract<OutMessage, { type: 'question' }> => m.type === 'question');
const recommendationIn = (messages: OutMessage[]) =>
  messages.find((m): m is Extract<OutMessage, { type: 'recommendation' }> => m.type === 'recommendation');

describe('web chat API', () => {
  it('gives no verdict for a message that describes no system, and asks for the essentials', async () => {
    const { url } = await start();
    const { body: conversation } = await call(url, 'POST', '/api/web/conversations');
    const typed = await call(url, 'POST', `/api/web/conversations/${conversation.id}/messages`, {
      text: 'hello there',
    });
    expect(typed.status).toBe(200);
    const replies = archieLines(typed.body.messages);
    expect(recommendationIn(replies)).toBeUndefined();
    expect(questionIn(replies)).toBeUndefined();
    expect(JSON.stringify(replies)).toMatch(/what the system is .* how many engineers/);
  });

  it('starts a conversation with a greeting under a random, unguessable id', async () => {
    const { url } = await start();
    const first = await call(url, 'POST', '/api/web/conversations');
    const second = await call(url, 'POST', '/api/web/conversations');
    expect(first.status).toBe(201);
    expect(first.body.id).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(second.body.id).not.toBe(first.body.id);
    const greeting = archieLines(first.body.messages);
    expect(greeting.length).toBeGreaterThan(0);
    expect(greeting[0]).toMatchObject({ type: 'text', text: expect.stringMatching(/Archie/) });
  });

  it('answers typed text and button presses, and the transcript shows both in order', async () => {
    const { url } = await start();
    const { body: conversation } = await call(url, 'POST', '/api/web/conversations');
    const base = `/api/web/conversations/${conversation.id}`;

    const typed = await call(url, 'POST', `${base}/messages`, { text: DESCRIPTION });
    expect(typed.status).toBe(200);
    expect(typed.body.messages[0]).toMatchObject({ from: 'user', text: DESCRIPTION });
    const replies = archieLines(typed.body.messages);
    expect(replies.length).toBeGreaterThan(0);

    // Press the first option of the question Archie asked (or export, if it recommended straight away).
    const question = questionIn(replies);
    const button = question ? question.quickReplies[0]! : { label: 'Export ADR', value: 'cmd:export' };
    const pressed = await call(url, 'POST', `${base}/messages`, { choice: button.value });
    expect(pressed.status).toBe(200);
    // The transcript shows the button's label, looked up server-side, not its opaque value.
    expect(pressed.body.messages[0]).toMatchObject({ from: 'user', text: button.label });
    expect(archieLines(pressed.body.messages).length).toBeGreaterThan(0);

    const history = await call(url, 'GET', base);
    expect(history.status).toBe(200);
    const all = [...conversation.messages, ...typed.body.messages, ...pressed.body.messages];
    expect(history.body.messages).toEqual(all);
    expect(history.body.messages.map((m) => m.seq)).toEqual(all.map((_, i) => i + 1));
  });

  it('runs a whole consultation to a recommendation and exports the ADR', async () => {
    const { url } = await start();
    const { body: conversation } = await call(url, 'POST', '/api/web/conversations');
    const base = `/api/web/conversations/${conversation.id}/messages`;
    let latest = archieLines((await call(url, 'POST', base, { text: DESCRIPTION })).body.messages);
    for (let turn = 0; turn < 20 && !recommendationIn(latest); turn++) {
      const question = questionIn(latest);
      if (!question) throw new Error(`Archie should ask a question or recommend, got ${JSON.stringify(latest)}`);
      latest = archieLines((await call(url, 'POST', base, { choice: question.quickReplies[0]!.value })).body.messages);
    }
    const recommendation = recommendationIn(latest);
    if (!recommendation) throw new Error('no recommendation after 20 answers');
    expect(recommendation.assessment.verdict).toMatch(/monolith|hybrid|microservices/);
    expect(recommendation.assessment.factors.length).toBeGreaterThan(0);

    const exported = archieLines((await call(url, 'POST', base, { choice: 'cmd:export' })).body.messages);
    const adr = exported.find((m) => m.type === 'adr');
    if (!adr) throw new Error(`no ADR in ${JSON.stringify(exported)}`);
    expect(adr.filename).toMatch(/\.md$/);
    expect(adr.markdown).toMatch(/^# /);
  });

  it('shows the whole conversation after a server restart on the same SQLite file', async () => {
    const { storeUrl, cleanup } = tempSqlite();
    cleanups.push(cleanup);
    const first = await startWebArchie({ STORE_URL: storeUrl });
    const { body: conversation } = await call(first.url, 'POST', '/api/web/conversations');
    const sent = await call(first.url, 'POST', `/api/web/conversations/${conversation.id}/messages`, {
      text: DESCRIPTION,
    });
    await first.close();

    const second = await start({ STORE_URL: storeUrl });
    const history = await call(second.url, 'GET', `/api/web/conversations/${conversation.id}`);
    expect(history.status).toBe(200);
    expect(history.body.messages).toEqual([...conversation.messages, ...sent.body.messages]);

    // And it carries on where it left off: the next turn is numbered after the restored ones.
    const next = await call(second.url, 'POST', `/api/web/conversations/${conversation.id}/messages`, { text: 'skip' });
    expect(next.status).toBe(200);
    expect(next.body.messages[0]!.seq).toBe(history.body.messages.length + 1);
  });

  it('rejects a body that is not JSON with 400 and a plain message, and loses nothing', async () => {
    const { url } = await start();
    const { body: conversation } = await call(url, 'POST', '/api/web/conversations');
    const path = `/api/web/conversations/${conversation.id}`;
    const bad = await call(url, 'POST', `${path}/messages`, '{"text": "unterminated');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('The request body is not valid JSON.');
    expect((await call(url, 'GET', path)).body.messages).toEqual(conversation.messages);
  });

  it('rejects empty, unknown-shaped or over-long turns with 400 and says what to send', async () => {
    const { url } = await start({ MAX_MESSAGE_CHARS: '200' });
    const { body: conversation } = await call(url, 'POST', '/api/web/conversations');
    const path = `/api/web/conversations/${conversation.id}/messages`;
    const empty = await call(url, 'POST', path, { text: '   ' });
    expect(empty).toMatchObject({ status: 400, body: { error: 'Type a message.' } });
    const shape = await call(url, 'POST', path, { message: 'hi' });
    expect(shape.status).toBe(400);
    expect(shape.body.error).toMatch(/\{"text": "your message"\}/);
    const long = await call(url, 'POST', path, { text: 'x'.repeat(201) });
    expect(long.status).toBe(400);
    expect(long.body.error).toMatch(/^That message is too long for me \(201 characters; I read up to 200\)/);
  });

  it('rejects an oversized body with 413, with or without a Content-Length', async () => {
    const { url } = await start({ MAX_BODY_BYTES: '2048' });
    const { body: conversation } = await call(url, 'POST', '/api/web/conversations');
    const path = `/api/web/conversations/${conversation.id}/messages`;
    const big = JSON.stringify({ text: 'x'.repeat(5_000) });
    const withLength = await call(url, 'POST', path, big);
    expect(withLength.status).toBe(413);
    expect(withLength.body.error).toMatch(/too large/i);

    // Chunked upload: no Content-Length for a front check, so the JSON parser's limit must catch it.
    const chunked = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(big));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect((await chunked.json()).error).toMatch(/too large/i);
  });

  it('answers 404 for an unknown or malformed conversation id', async () => {
    const { url } = await start();
    const unknown = 'AAAAAAAAAAAAAAAAAAAAAAAA';
    const get = await call(url, 'GET', `/api/web/conversations/${unknown}`);
    expect(get.status).toBe(404);
    expect(get.body.error).toMatch(/not found/);
    expect((await call(url, 'POST', `/api/web/conversations/${unknown}/messages`, { text: 'hi' })).status).toBe(404);
    expect((await call(url, 'GET', '/api/web/conversations/..%2F..%2Fetc')).status).toBe(404);
    expect((await call(url, 'GET', '/api/web/nothing-here')).status).toBe(404);
  });

  it('serves the page with a strict Content-Security-Policy and no external references', async () => {
    const { url } = await start();
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(page.headers.get('content-security-policy')).not.toMatch(/unsafe-inline|unsafe-eval/);
    const html = await page.text();
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/<script>(?!<\/script>)|\sstyle=/i);
    for (const asset of ['/app.js', '/styles.css', '/render.js', '/chart.js', '/markdown.js', '/api.js']) {
      const response = await fetch(`${url}${asset}`);
      expect(response.status, asset).toBe(200);
      expect(await response.text(), asset).not.toMatch(/@import|url\(\s*['"]?https?:|fetch\(\s*['"`]https?:/);
    }
  });

  it('is off when WEB_CHAT=false: / is the landing page, not the chat, and there is no API', async () => {
    const { url } = await start({ WEB_CHAT: 'false' });
    const root = await fetch(`${url}/`);
    expect(root.status).toBe(200);
    const html = await root.text();
    expect(html).toContain('Add Archie to Slack');
    expect(html).not.toContain('message-input');
    expect((await fetch(`${url}/app.js`)).status).toBe(404);
    expect((await call(url, 'POST', '/api/web/conversations')).status).toBe(404);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });
});
