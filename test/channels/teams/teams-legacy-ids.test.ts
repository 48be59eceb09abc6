/**
 * Teams conversations stored by an older Archie under the bare Teams conversation id carry on after the
 * upgrade to `teams:<tenant>:<conversation>` ids, when the activity is authenticated; an unauthenticated
 * activity never moves anything (it could name any id).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createConsultant } from '../../../src/core/create-consultant.js';
import { loadKnowledgeBase } from '../../../src/core/knowledge/load-knowledge-base.js';
import { startTeamsHarness, type TeamsHarness } from './teams-harness.js';
import { message, TENANT } from './teams-payloads.js';

const APP_ID = '00000000-0000-4000-8000-00000000a99';
const knowledge = loadKnowledgeBase();
let h: TeamsHarness;
afterEach(async () => h?.close());

async function start(authenticated: boolean): Promise<TeamsHarness> {
  const kb = await knowledge;
  return startTeamsHarness({
    consultant: (store) => createConsultant({ knowledge: kb, store }),
    env: authenticated
      ? {
          MICROSOFT_APP_ID: APP_ID,
          MICROSOFT_APP_PASSWORD: 'test-secret-value',
          MICROSOFT_APP_TYPE: 'SingleTenant',
          MICROSOFT_APP_TENANT_ID: 'test-tenant',
        }
      : {},
    channel: (connector) => ({
      auth: { authorityEndpoint: connector.auth.authority, issuers: [connector.auth.issuer] },
    }),
  });
}

const LEGACY_ID = 'a:1legacy-chat';
const DESCRIPTION = 'We are 14 engineers in 3 teams building a RAG assistant on a hosted model API.';

describe('Teams conversations stored under their old ids', () => {
  it('carry on under the namespaced id after the upgrade when the activity is authenticated', async () => {
    h = await start(true);
    // What an older version stored: the interview under the bare Teams id.
    await h.deps.consultant.handle(LEGACY_ID, { type: 'text', text: DESCRIPTION }, { channel: 'teams' });

    const token = h.connector.auth.sign({ aud: APP_ID, serviceurl: h.connector.url });
    const activity = {
      ...message({ serviceUrl: h.connector.url, conversationId: LEGACY_ID }, 'skip'),
      deliveryMode: 'expectReplies',
      serviceUrl: undefined,
    };
    const res = await h.post(activity, { authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);

    const moved = await h.deps.consultant.snapshot(`teams:${TENANT}:${LEGACY_ID}`);
    expect(moved?.profile).toMatchObject({ engineers: 14, teams: 3 });
    expect(await h.deps.consultant.snapshot(LEGACY_ID)).toBeUndefined();
  });

  it('are left alone by an unauthenticated activity (local mode)', async () => {
    h = await start(false);
    await h.deps.consultant.handle(LEGACY_ID, { type: 'text', text: DESCRIPTION }, { channel: 'teams' });
    const res = await h.post(message({ serviceUrl: h.connector.url, conversationId: LEGACY_ID }, 'skip'));
    expect(res.status).toBe(200);
    expect((await h.deps.consultant.snapshot(LEGACY_ID))?.profile).toMatchObject({ engineers: 14 });
    expect((await h.deps.consultant.snapshot(`teams:${TENANT}:${LEGACY_ID}`))?.profile?.engineers).toBeUndefined();
  });
});
