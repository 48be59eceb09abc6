/**
 * An organisation document cited in a recommendation carries its "your organisation" mark in every
 * channel's rendering: Slack blocks, the Teams card, the Markdown the terminal and web chat show, the ADR.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderRecommendation as renderSlack } from '../../src/channels/slack/render-recommendation.js';
import { renderRecommendation as renderTeams } from '../../src/channels/teams/render-recommendation.js';
import { fullRecommendation } from '../../src/cli/terminal/terminal-messages.js';
import { renderAdr } from '../../src/core/adr/render-adr.js';
import { createConsultant } from '../../src/core/create-consultant.js';
import { ORGANISATION_MARK } from '../../src/core/knowledge/cite.js';
import { buildKnowledgeBase, DEFAULT_KNOWLEDGE_DIR } from '../../src/core/knowledge/load-knowledge-base.js';
import type { OutMessage } from '../../src/core/message.js';
import { renderMarkdown } from '../../src/core/render/render-markdown.js';
import { createStore } from '../../src/store/create-store.js';
import { ctx, fixedClock, recommendationOf, text } from '../core/interview/harness.js';

const POLICY = `---
id: policy-pii
title: "Data policy: personal data stays in eu-data"
url: http://wiki/policy-pii
publisher: Example Corp security
published: "2026-01"
status: confirmed
kind: source
tags: [policy]
cites: []
constraints:
  compliance-boundary: required
---
## Policy
Personal data stays in the eu-data account.
`;

let dir: string;
let rec: Extract<OutMessage, { type: 'recommendation' }>;
let why: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'archie-org-cite-'));
  await writeFile(join(dir, 'policy-pii.md'), POLICY);
  const consultant = createConsultant({
    knowledge: await buildKnowledgeBase(DEFAULT_KNOWLEDGE_DIR, [dir]),
    store: createStore('memory://').keyv,
    clock: fixedClock,
  });
  let found = recommendationOf(
    await consultant.handle('c1', text('We are 4 engineers in one team on the OpenAI API with CI/CD.'), ctx),
  );
  for (let turn = 0; !found && turn < 5; turn++)
    found = recommendationOf(await consultant.handle('c1', text('skip'), ctx));
  rec = found!;
  why = renderMarkdown((await consultant.handle('c1', text('why?'), ctx))[0]!);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const TITLE = `Data policy: personal data stays in eu-data ${ORGANISATION_MARK}`;

describe('organisation citations in every channel', () => {
  it('the policy decides the verdict and is the first reason', () => {
    expect(rec.assessment.verdict).toBe('hybrid');
    expect(rec.assessment.reasons[0]!.citations[0]).toMatchObject({ title: TITLE, organisation: true });
  });

  it('"why?" names the policy first, with its source', () => {
    expect(why.split('\n')[1]).toBe("Your organisation's rules:");
    expect(why.split('\n')[2]).toMatch(
      /^- Your organisation's data policy: Your organisation requires an isolation boundary/,
    );
    expect(why).toContain(`[${TITLE}](http://wiki/policy-pii)`);
  });

  it('Slack links it with the mark', () => {
    expect(JSON.stringify(renderSlack(rec))).toContain(`<http://wiki/policy-pii|${TITLE}>`);
  });

  it('Teams links it with the mark', () => {
    expect(JSON.stringify(renderTeams(rec))).toContain(`[${TITLE}](http://wiki/policy-pii)`);
  });

  it('the terminal, the Markdown the web chat exports and the ADR show the mark', () => {
    expect(fullRecommendation(rec)).toContain(TITLE);
    expect(renderMarkdown(rec)).toContain(`[${TITLE}](http://wiki/policy-pii)`);
    const adr = renderAdr({ assessment: rec.assessment, profile: {}, date: new Date('2026-12-08') }).markdown;
    expect(adr).toContain(`[${TITLE}](http://wiki/policy-pii)`);
  });
});
