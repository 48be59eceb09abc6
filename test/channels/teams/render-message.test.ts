import { describe, expect, it } from 'vitest';
import { renderMessage, renderMessages } from '../../../src/channels/teams/render-message.js';
import { splitText } from '../../../src/channels/teams/split-text.js';
import { ACTIONS } from '../../../src/core/message.js';
import { ASSESSMENT, CITATION } from './fake-consultant.js';

// biome-ignore lint/suspicious/noExplicitAny: card JSON
const card = (a: { attachments?: { content: unknown }[] }): any => a.attachments?.[0]?.content;

describe('Teams renderers', () => {
  it('renders plain text as Markdown without a card', () => {
    expect(renderMessage({ type: 'text', text: 'Hello **there**' })).toEqual([
      { type: 'message', text: 'Hello **there**', textFormat: 'markdown' },
    ]);
  });

  it('labels model-written text as AI generated with numbered citations', () => {
    const [activity] = renderMessage({
      type: 'text',
      text: 'Start simple [1].',
      citations: [CITATION],
      generated: true,
    });
    expect(activity?.entities?.[0]).toMatchObject({
      type: 'https://schema.org/Message',
      '@type': 'Message',
      additionalType: ['AIGeneratedContent'],
      citation: [
        {
          '@type': 'Claim',
          position: 1,
          appearance: { '@type': 'DigitalDocument', name: 'MonolithFirst', url: CITATION.url },
        },
      ],
    });
  });

  it('lists sources inline for engine-written text (no AI label)', () => {
    const [activity] = renderMessage({ type: 'text', text: 'Start simple.', citations: [CITATION] });
    expect(activity?.entities).toBeUndefined();
    expect(activity?.text).toContain(`[MonolithFirst](${CITATION.url})`);
  });

  it('puts quick replies on text as Action.Submit buttons', () => {
    const [activity] = renderMessage({
      type: 'text',
      text: 'Pick one',
      quickReplies: [{ label: 'Restart', value: ACTIONS.restart }],
    });
    expect(card(activity!).actions).toEqual([
      { type: 'Action.Submit', title: 'Restart', data: { archie: ACTIONS.restart, label: 'Restart' } },
    ]);
  });

  it('renders a question with progress, answers and a "why" panel within six actions', () => {
    const replies = Array.from({ length: 8 }, (_, i) => ({ label: `Option ${i}`, value: `v${i}` }));
    const [activity] = renderMessage({
      type: 'question',
      questionId: 'q',
      text: 'Who runs production?',
      why: 'Ops maturity decides how many deployables you can afford.',
      quickReplies: replies,
      progress: { done: 2, total: 5 },
    });
    const c = card(activity!);
    expect(c).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(c.body[0].text).toBe('Question 3 of 5');
    expect(c.actions).toHaveLength(6);
    expect(c.actions.at(-1)).toMatchObject({ type: 'Action.ShowCard', title: 'Why this matters' });
    expect(JSON.stringify(c.actions.at(-1))).toContain('Ops maturity');
  });

  it('sends "what I understood" and the next question as one message, text above the card', () => {
    const activities = renderMessages([
      { type: 'text', text: 'Here is what I understood: 3 engineers.' },
      {
        type: 'question',
        questionId: 'q',
        text: 'Who runs production?',
        why: 'Ops maturity matters.',
        quickReplies: [{ label: 'Yes', value: 'y' }],
        progress: { done: 0, total: 2 },
      },
    ]);
    expect(activities).toHaveLength(1);
    expect(activities[0]).toMatchObject({ text: 'Here is what I understood: 3 engineers.', textFormat: 'markdown' });
    expect(card(activities[0]!).body[0].text).toBe('Question 1 of 2');
  });

  it('renders the recommendation with verdict, confidence, sources, risks, steps and the standard buttons', () => {
    const [activity] = renderMessage({
      type: 'recommendation',
      assessment: { ...ASSESSMENT, verdict: 'hybrid', extractedServices: ['GPU inference'] },
      summary: 'Keep a modular core and extract inference.',
      generated: true,
      actions: [{ label: 'Export ADR', value: ACTIONS.export }],
    });
    const c = card(activity!);
    const body = JSON.stringify(c.body);
    expect(activity?.summary).toBe('Recommendation: Hybrid: monolith core plus a few extracted services');
    expect(body).toContain('78%');
    expect(body).toContain('GPU inference');
    expect(body).toContain(`[MonolithFirst](${CITATION.url})`);
    expect(body).toContain('Enforce them with import rules.');
    expect(body).toContain('More than 3 teams blocked by one release');
    expect(c.actions.map((a: { title: string }) => a.title)).toEqual(['Export ADR', 'Why?', 'Re-assess', '👍', '👎']);
    expect(activity?.entities?.[0]).toMatchObject({ additionalType: ['AIGeneratedContent'] });
  });

  it('links each source where it is used and lists only the others under "More sources"', () => {
    const extra = { id: 'istio', title: 'Introducing istiod', url: 'https://example.org/istiod' };
    const [activity] = renderMessage({
      type: 'recommendation',
      assessment: { ...ASSESSMENT, citations: [...ASSESSMENT.citations, extra] },
      summary: 'Keep one deployable.',
      actions: [],
    });
    const body = JSON.stringify(card(activity!).body);
    expect(body.split(CITATION.url).length - 1).toBe(ASSESSMENT.reasons.filter((r) => r.citations.length).length);
    expect(body).toContain('More sources');
    expect(body).toContain('[Introducing istiod](https://example.org/istiod)');
  });

  it('shortens an oversized card to fit one Teams message and keeps its buttons', () => {
    const reasons = Array.from({ length: 300 }, (_, i) => ({
      text: `Reason ${i} ${'detail '.repeat(30)}`,
      factorId: 'f',
      citations: [CITATION],
    }));
    const [activity] = renderMessage({
      type: 'recommendation',
      assessment: { ...ASSESSMENT, reasons },
      summary: 'Big.',
      actions: [],
    });
    expect(Buffer.byteLength(JSON.stringify(activity))).toBeLessThanOrEqual(26_000);
    expect(card(activity!).actions).toHaveLength(5);
    expect(JSON.stringify(card(activity!).body)).toContain('Reason 0');
  });

  it('sends an exported ADR as Markdown under its file name', () => {
    const [activity] = renderMessage({ type: 'adr', title: 'ADR', filename: '0007-hybrid.md', markdown: '# Decision' });
    expect(activity?.text).toContain('`0007-hybrid.md`');
    expect(activity?.text).toContain('# Decision');
  });

  it('renders every message of a turn, in order', () => {
    const out = renderMessages([
      { type: 'text', text: 'one' },
      { type: 'text', text: 'two' },
    ]);
    expect(out.map((a) => a.text)).toEqual(['one', 'two']);
  });
});

describe('splitText', () => {
  it('keeps short text whole', () => {
    expect(splitText('short')).toEqual(['short']);
  });

  it('splits at paragraph boundaries within the byte budget, losing nothing', () => {
    const text = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} ${'x'.repeat(90)}`).join('\n\n');
    const parts = splitText(text, 1_000);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(1_000);
    expect(parts.join('\n\n')).toBe(text);
  });

  it('counts multi-byte characters and never cuts one in half', () => {
    const text = '👍'.repeat(1_000);
    const parts = splitText(text, 101);
    for (const p of parts) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(101);
    expect(parts.join('')).toBe(text);
  });
});
