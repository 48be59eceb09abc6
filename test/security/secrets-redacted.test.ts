/**
 * D7: a credential typed into a conversation never leaves it — not to the model provider, not to a log
 * line (even with LOG_BODIES on at debug level), not into the stored conversation. Driven through the
 * running server (web chat and a Slack DM over HTTP, real SQLite file, fake model on 127.0.0.1), with the
 * corpus of secret formats; the rule-level table checks the same corpus and that ordinary text is kept.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Archie, createArchie } from '../../src/app/create-archie.js';
import { loadConfig } from '../../src/config/load-config.js';
import { redactSecrets } from '../../src/core/redact-secrets.js';
import { createLogger } from '../../src/observability/create-logger.js';
import { JSON_POST } from '../channels/web/web-test-server.js';
import { citeFirstPassage, passagesShown, taskOf } from '../model-assist/llm-test-kit.js';
import { type FakeSlackApi, shownText, slackEnv, startFakeSlackApi } from '../support/fake-slack-api.js';
import { useFakeOpenAiServer } from '../support/llm-harness.js';
import { dmMessage, eventEnvelope, postSlack, slashCommand } from '../support/slack-request.js';
import { BENIGN, POSITIVES } from './secret-corpus.js';

describe('the redaction rules on the corpus', () => {
  it(`has at least 40 secrets and 40 ordinary sentences (${POSITIVES.length} / ${BENIGN.length})`, () => {
    expect(POSITIVES.length).toBeGreaterThanOrEqual(40);
    expect(BENIGN.length).toBeGreaterThanOrEqual(40);
  });

  it.each(POSITIVES)('removes the secret from "$text"', ({ text, secret }) => {
    const out = redactSecrets(text);
    expect(out).not.toContain(secret);
    expect(out).toContain('[redacted');
  });

  it.each(BENIGN)('keeps "%s" as it is', (text) => {
    expect(redactSecrets(text)).toBe(text);
  });
});

const fake = await useFakeOpenAiServer({
  reply: (body) => {
    if (taskOf(body) === 'extract') return { json: { facts: {}, evidence: {} } };
    if (taskOf(body) === 'explain') return { content: 'A monolith fits this team [p1].' };
    return citeFirstPassage(body);
  },
});

describe('secrets typed in a real turn', () => {
  let dir: string;
  let archie: Archie;
  let slack: FakeSlackApi;
  let baseUrl: string;
  const logLines: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'archie-redact-'));
    slack = await startFakeSlackApi();
    const config = loadConfig({
      dotenvPath: false,
      env: {
        ...slackEnv(slack),
        STORE_URL: `sqlite://${join(dir, 'archie.sqlite')}`,
        PORT: '0',
        WEB_CHAT: 'true',
        CHECKINS: 'false',
        ENGINE_THREADS: '0',
        LOG_LEVEL: 'trace',
        LOG_BODIES: 'true',
        OPENAI_API_KEY: 'sk-test-abcdefghijklmnopqrstuvwx',
        OPENAI_BASE_URL: fake.url,
      },
    });
    const destination = new Writable({
      write(chunk, _enc, done) {
        logLines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger({ level: 'trace', bodies: true, destination });
    archie = await createArchie(config, { logger, defaultMetrics: false });
    baseUrl = `http://127.0.0.1:${await archie.listen()}`;
  });
  afterAll(async () => {
    await archie.close();
    await slack.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const described = (extra: string) =>
    `We are 5 engineers in one team building a RAG assistant on the OpenAI API. ${extra}`;

  it('reach neither the model, the logs nor the stored transcript (web chat)', async () => {
    const created = await fetch(`${baseUrl}/api/web/conversations`, JSON_POST);
    const { id } = (await created.json()) as { id: string };
    // Several turns, so every secret is read, extracted and answered like any description.
    for (let i = 0; i < POSITIVES.length; i += 8) {
      const text = described(
        POSITIVES.slice(i, i + 8)
          .map((p) => p.text)
          .join(' '),
      );
      const res = await fetch(`${baseUrl}/api/web/conversations/${id}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text }),
      });
      expect(res.status).toBe(200);
    }
    const question = await fetch(`${baseUrl}/api/web/conversations/${id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: `What did Prime Video learn about microservices? ${POSITIVES[12]?.text}` }),
    });
    expect(question.status).toBe(200);
    expect(fake.chatRequests().length).toBeGreaterThan(0);

    const transcript = await (await fetch(`${baseUrl}/api/web/conversations/${id}`)).text();
    expect(transcript).toContain('[redacted');
    expectNoSecretIn({
      model: fake.requests.map((r) => r.raw).join('\n'),
      logs: logLines.join(''),
      transcript,
      store: readFileSync(join(dir, 'archie.sqlite'), 'latin1'),
    });
    // Ordinary words around the secrets still reach the model.
    expect(fake.requests.map((r) => r.raw).join('\n')).toContain('5 engineers');
    expect(passagesShown(fake.chatRequests().at(-1)?.body as never).length).toBeGreaterThan(0);
  });

  it('reach neither the model, the logs nor the store from a Slack DM', async () => {
    fake.requests.length = 0;
    const place = { channel: 'DREDACT', user: 'UREDACT' };
    for (const [i, p] of POSITIVES.entries()) {
      if (i % 6 !== 0) continue;
      const res = await postSlack(
        baseUrl,
        eventEnvelope(dmMessage(described(p.text), { ...place, ts: `1700000${i}.0001` })),
      );
      expect(res.status).toBe(200);
    }
    await slack.waitFor(
      () => slack.calls('chat.postMessage').filter((c) => c.args.channel === place.channel).length >= 8,
      20_000,
    );
    expectNoSecretIn({
      model: fake.requests.map((r) => r.raw).join('\n'),
      logs: logLines.join(''),
      store: readFileSync(join(dir, 'archie.sqlite'), 'latin1'),
    });
  });
});

describe('a question asked with /archie ask', () => {
  let slack: FakeSlackApi;
  let archie: Archie;
  beforeAll(async () => {
    slack = await startFakeSlackApi();
    const config = loadConfig({
      dotenvPath: false,
      env: { ...slackEnv(slack), STORE_URL: 'memory://', PORT: '0', CHECKINS: 'false', ENGINE_THREADS: '0' },
    });
    archie = await createArchie(config, { logger: createLogger({ level: 'silent' }), defaultMetrics: false });
  });
  afterAll(async () => {
    await archie.close();
    await slack.close();
  });

  it('is repeated in the channel without the credential typed in it', async () => {
    const baseUrl = `http://127.0.0.1:${await archie.listen()}`;
    const question =
      'ask what did Segment learn? our key is sk_live_51HqLyjWDarjtT1zdp7dc and the password is: Tr0ub4dor&3';
    const res = await postSlack(baseUrl, slashCommand(question, { channelId: 'C0ASKSECRET' }));
    expect(res.status).toBe(200);
    const calls = await slack.waitFor(
      (all) => all.some((c) => c.method === 'chat.postMessage' && c.args.channel === 'C0ASKSECRET'),
      15_000,
    );
    const shown = calls
      .filter((c) => c.args.channel === 'C0ASKSECRET')
      .map(shownText)
      .join('\n');
    expect(shown).toMatch(/Question:/);
    expect(shown).toContain('what did Segment learn?');
    expect(shown).not.toContain('51HqLyjWDarjtT1zdp7dc');
    expect(shown).not.toContain('Tr0ub4dor&3');
  });
});

function expectNoSecretIn(where: Record<string, string>) {
  const leaks: string[] = [];
  for (const [name, text] of Object.entries(where)) {
    // JSON escapes newlines in a private key and may escape "&", "=", "+": compare both spellings.
    const unescaped = text
      .replace(/\\n/g, '\n')
      .replace(/\\u0026/g, '&')
      .replace(/\\u003d/g, '=');
    for (const { secret } of POSITIVES) {
      if (text.includes(secret) || unescaped.includes(secret)) leaks.push(`${name}: ${secret}`);
    }
  }
  expect(leaks).toEqual([]);
}
