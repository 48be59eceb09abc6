import { describe, expect, it } from 'vitest';
import { detectIntent, looksLikeKnowledgeQuestion } from '../../../src/core/interview/intents.js';
import { questionById } from '../../../src/core/interview/questions.js';
import {
  readCount as parseCount,
  readAnswer as parseTypedAnswer,
  readYesNo as parseYesNo,
} from '../../../src/core/reading/read-answer.js';

describe('what a typed message means', () => {
  it.each([
    ['skip', 'skip'],
    ['Skip this one.', 'skip'],
    ['not sure', 'unsure'],
    ["I don't know", 'unsure'],
    ['no idea', 'unsure'],
    ['why?', 'why'],
    ['Why do you ask?', 'why'],
    ['start over', 'restart'],
    ['export', 'export'],
    ['export the ADR please', 'export'],
    ['help', 'help'],
    ['@archie re-assess', 'reassess'],
    ['👍', 'feedback-up'],
    ['👎', 'feedback-down'],
    ['thanks!', 'thanks'],
  ])('"%s" → %s', (text, intent) => {
    expect(detectIntent(text)).toBe(intent);
  });

  it.each(['yes', 'no', 'new', 'ok', '12', 'We are 3 engineers', 'why we chose Kubernetes is a long story'])(
    '"%s" is not a command',
    (text) => {
      expect(detectIntent(text)).toBeUndefined();
    },
  );

  it('tells knowledge questions from descriptions that end with a question', () => {
    expect(looksLikeKnowledgeQuestion('What did Prime Video save by moving to a monolith?')).toBe(true);
    expect(looksLikeKnowledgeQuestion('When should inference be its own service')).toBe(true);
    expect(looksLikeKnowledgeQuestion('We are 3 engineers on the OpenAI API. Should we split?')).toBe(false);
    expect(looksLikeKnowledgeQuestion('We are 3 engineers on the OpenAI API.')).toBe(false);
  });
});

describe('typed answers', () => {
  it('reads yes and no in everyday words', () => {
    for (const yes of ['yes', 'yep', 'we do', 'we have one', 'y', 'Absolutely']) expect(parseYesNo(yes)).toBe(true);
    for (const no of ['no', 'nope', "we don't", 'not yet', 'never', 'n']) expect(parseYesNo(no)).toBe(false);
    expect(parseYesNo('kind of')).toBeUndefined();
  });

  it('reads counts in digits, words and ranges', () => {
    expect(parseCount('12')).toBe(12);
    expect(parseCount('about a dozen')).toBe(12);
    expect(parseCount('five')).toBe(5);
    expect(parseCount('5-10')).toBe(8);
    expect(parseCount('just me')).toBe(1);
    expect(parseCount('lots')).toBeUndefined();
  });

  it('reads typed counts the way descriptions are read (thousands separators, compound words, k)', () => {
    expect(parseCount('1,000')).toBe(1000);
    expect(parseCount('twenty-five')).toBe(25);
    expect(parseCount('about 200k')).toBe(200_000);
    expect(parseCount('a couple')).toBe(2);
  });

  it('takes "we have PagerDuty" as an on-call fact, not as a yes to another question', () => {
    const compliance = questionById('complianceBoundary')!;
    expect(parseTypedAnswer(compliance, 'we have pagerduty', {})).toBeUndefined();
    expect(parseTypedAnswer(compliance, 'no', {})).toEqual([{ key: 'complianceBoundary', value: false }]);
    const hosting = questionById('modelHosting')!;
    expect(parseTypedAnswer(hosting, 'we call Anthropic', {})?.[0]).toMatchObject({
      key: 'modelHosting',
      value: 'hosted-api',
    });
    const platform = questionById('containerPlatform')!;
    expect(parseTypedAnswer(platform, '3', {})).toEqual([{ key: 'containerPlatform', value: 'kubernetes' }]);
  });
});
