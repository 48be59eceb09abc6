import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactSecrets } from '../../src/core/redact-secrets.js';
import { type FakeOpenAiServer, startFakeOpenAiServer } from '../support/fake-openai-server.js';
import { createTestAssist, passagesShown } from './llm-test-kit.js';

const SECRETS = {
  openai: 'sk-proj-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
  slack: 'xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp',
  aws: 'AKIAIOSFODNN7EXAMPLE',
  awsSecret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  password: 'hunter2-Sup3rSecret',
  dbPassword: 'p4ssw0rd-db',
  bearer: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
  github: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
  privateKey: 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7',
};

const MESSY = `We are 9 engineers. Our key is ${SECRETS.openai} and the bot uses ${SECRETS.slack}.
AWS: ${SECRETS.aws} aws_secret_access_key=${SECRETS.awsSecret}
The admin password is ${SECRETS.password}. DB: postgres://archie:${SECRETS.dbPassword}@db.internal:5432/app
curl -H "Authorization: Bearer ${SECRETS.bearer}" and token ${SECRETS.github}
-----BEGIN RSA PRIVATE KEY-----
${SECRETS.privateKey}
-----END RSA PRIVATE KEY-----`;

describe('redactSecrets', () => {
  it('removes every kind of secret and keeps the rest of the text', () => {
    const out = redactSecrets(MESSY);
    for (const secret of Object.values(SECRETS)) expect(out).not.toContain(secret);
    expect(out).toContain('We are 9 engineers.');
    expect(out).toContain('db.internal:5432/app');
  });

  it.each([
    'Server=tcp:x.database.windows.net;Password=Abc123!xyz;',
    'DefaultEndpointsProtocol=https;AccountKey=QmFzZTY0S2V5SGVyZQ==;',
    'api_key: "AIzaSyA-1234567890abcdefghijklmnopqrstu"',
    'SLACK_APP_TOKEN=xapp-1-A0123-456789-abcdef',
    'redis://:s3cr3tpass@cache:6379',
  ])('redacts %s', (text) => {
    expect(redactSecrets(text)).toContain('[redacted');
  });

  it('leaves ordinary architecture talk alone', () => {
    const text = 'We have 3 teams, 40k requests per day, tokens per call under 4000, and a password reset flow.';
    expect(redactSecrets(text)).toBe(text);
  });
});

describe('no secret reaches the model', () => {
  let fake: FakeOpenAiServer;
  beforeAll(async () => {
    fake = await startFakeOpenAiServer();
  });
  afterAll(() => fake.close());

  it('redacts descriptions, questions and profiles before they are sent', async () => {
    fake.onChat((body) => {
      if (body.response_format || body.tools)
        return { json: { facts: { engineers: 9 }, evidence: { engineers: 'We are 9 engineers' } } };
      const label = passagesShown(body)[0]?.label ?? 'p1';
      return { content: `A modular monolith keeps boundaries in one process [${label}].` };
    });
    const { assist } = await createTestAssist(fake);
    const facts = await assist.extractFacts(MESSY, {}, { conversationId: 'r' });
    expect(facts?.map((f) => f.key)).toEqual(['engineers']);
    await assist.answer(`Should a modular monolith hold our inference? ${MESSY}`, { conversationId: 'r' });
    await assist.explain(
      (await import('./assessment-fixture.js')).modularMonolithAssessment,
      { languages: [SECRETS.github] },
      {},
    );
    expect(fake.chatRequests().length).toBe(3);
    const sent = fake.requests.map((r) => r.raw).join('\n');
    for (const secret of Object.values(SECRETS)) expect(sent).not.toContain(secret);
  });
});
