/**
 * Every example question Archie itself shows people — the CLI's help and usage hints, the hint in an
 * "ask a question in words" reply, Slack's suggested prompts, the README — is answered offline, opening on
 * its topic, with a source. Questions are collected from the text users see, so a new example is covered.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SUGGESTED_PROMPTS } from '../../../src/channels/slack/register-events.js';
import { answerQuestion } from '../../../src/core/answers/answer-question.js';
import { contentTerms } from '../../../src/core/knowledge/analyze-text.js';
import { loadKnowledgeBase } from '../../../src/core/knowledge/load-knowledge-base.js';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const quotedAsks = (text: string) =>
  [...text.matchAll(/archie ask (?:--json )?"([^"]+\?)"/g)].map((m) => m[1]!).filter(Boolean);
const hintedExamples = (text: string) =>
  [...text.matchAll(/EXAMPLE_QUESTION = '([^']+)'/g)].map((m) => m[1]!).filter(Boolean);

const examples = [
  ...new Set([
    ...quotedAsks(read('README.md')),
    ...quotedAsks(read('src/cli/commands/ask.ts')),
    ...quotedAsks(read('src/cli/main.ts')),
    ...hintedExamples(read('src/core/answers/answer-question.ts')),
    ...SUGGESTED_PROMPTS.map((p) => p.message).filter((m) => m.endsWith('?')),
  ]),
];

describe('example questions Archie shows', () => {
  it('are collected from the README, the CLI, the answer hints and Slack', () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
  });

  it.each(examples)('"%s" is answered on topic with a source', async (question) => {
    const answer = await answerQuestion(question, await loadKnowledgeBase());
    expect(answer.found).toBe(true);
    expect(answer.citations.length).toBeGreaterThan(0);
    const first = answer.answer.split(/(?<=[.;])\s/)[0]!;
    const asked = new Set(contentTerms(question));
    expect(
      contentTerms(first).some((t) => asked.has(t)),
      first,
    ).toBe(true);
  });
});
