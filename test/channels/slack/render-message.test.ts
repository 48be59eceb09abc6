import { describe, expect, it } from 'vitest';
import { toMrkdwn } from '../../../src/channels/slack/mrkdwn.js';
import { renderHome } from '../../../src/channels/slack/render-home.js';
import { renderMessage } from '../../../src/channels/slack/render-message.js';
import type { Block } from '../../../src/channels/slack/slack-message.js';
import { splitText } from '../../../src/channels/slack/split-text.js';
import { ACTIONS, type OutMessage } from '../../../src/core/message.js';
import { SAMPLE_ASSESSMENT } from './scripted-consultant.js';

const texts = (blocks: Block[]) => JSON.stringify(blocks);
const sectionTexts = (blocks: Block[]) =>
  blocks.filter((b) => b.type === 'section').map((b) => (b as { text: { text: string } }).text.text);
const buttonsOf = (blocks: Block[]) =>
  blocks
    .filter((b) => b.type === 'actions')
    .flatMap((b) => (b as { elements: { action_id: string; value: string; text: { text: string } }[] }).elements);

describe('Slack Block Kit rendering', () => {
  it('renders a question with one button per quick reply carrying its value and a unique action_id', () => {
    const [message] = renderMessage({
      type: 'question',
      questionId: 'teams',
      text: 'How many teams work on it?',
      why: 'team count drives boundaries',
      quickReplies: [
        { label: 'One team', value: 'answer:teams:1' },
        { label: '2-3 teams', value: 'answer:teams:2' },
        { label: 'Not sure', value: ACTIONS.skip },
      ],
      progress: { done: 1, total: 4 },
    });
    const buttons = buttonsOf(message!.blocks);
    expect(buttons.map((b) => b.value)).toEqual(['answer:teams:1', 'answer:teams:2', ACTIONS.skip]);
    expect(new Set(buttons.map((b) => b.action_id)).size).toBe(3);
    expect(buttons.every((b) => b.action_id.startsWith('archie:q:'))).toBe(true);
    expect(texts(message!.blocks)).toContain('Question 2 of 4');
    expect(message!.text).toBe('How many teams work on it?');
  });

  it('renders the recommendation with verdict header, confidence, linked reasons, risks, steps, assumptions and actions', () => {
    const messages = renderMessage({
      type: 'recommendation',
      assessment: SAMPLE_ASSESSMENT,
      summary: 'Go **hybrid**.',
      actions: [],
    });
    expect(messages).toHaveLength(1);
    const blocks = messages[0]!.blocks;
    expect(blocks[0]).toMatchObject({
      type: 'header',
      text: { text: 'Recommendation: Hybrid: monolith core plus a few extracted services' },
    });
    const all = texts(blocks);
    expect(all).toContain('Confidence: *74%*');
    expect(all).toContain('<https://example.org/vllm|vLLM PagedAttention>');
    expect(all).toContain('Network hop to inference');
    expect(all).toContain('1. Put inference behind a queue');
    expect(all).toContain('Assumed: Teams: 1 team');
    expect(sectionTexts(blocks)).toContain('Go *hybrid*.');
    expect(buttonsOf(blocks).map((b) => b.value)).toEqual([
      ACTIONS.export,
      ACTIONS.why,
      ACTIONS.reassess,
      ACTIONS.feedbackUp,
      ACTIONS.feedbackDown,
    ]);
  });

  it('links each source where it is used and lists only the others under "More sources"', () => {
    const extra = { id: 'fowler', title: 'MonolithFirst', url: 'https://example.org/monolith-first' };
    const [message] = renderMessage({
      type: 'recommendation',
      assessment: { ...SAMPLE_ASSESSMENT, citations: [...SAMPLE_ASSESSMENT.citations, extra] },
      summary: 'Go hybrid.',
      actions: [],
    });
    const all = texts(message!.blocks);
    // The reason's source is linked once, beside the reason; the unlinked one is listed once at the end.
    expect(all.split('https://example.org/vllm').length - 1).toBe(1);
    expect(all).toContain('More sources: <https://example.org/monolith-first|MonolithFirst>');
    expect(all).not.toMatch(/\.:/);
    expect(all).toContain('• *Network hop to inference* Batch requests');
  });

  it('keeps every section within 3,000 characters and every message within 50 blocks', () => {
    const long = Array.from({ length: 600 }, (_, i) => `Paragraph ${i}: ${'word '.repeat(60)}`).join('\n\n');
    const messages = renderMessage({ type: 'text', text: long });
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      expect(m.blocks.length).toBeLessThanOrEqual(50);
      expect(m.text.length).toBeLessThanOrEqual(40_000);
      for (const t of sectionTexts(m.blocks)) expect(t.length).toBeLessThanOrEqual(3_000);
    }
    const shown = messages.flatMap((m) => sectionTexts(m.blocks)).join(' ');
    expect(shown).toContain('Paragraph 0:');
    expect(shown).toContain('Paragraph 599:');

    const huge = {
      ...SAMPLE_ASSESSMENT,
      reasons: Array.from({ length: 300 }, (_, i) => ({
        text: `Reason ${i} ${'x'.repeat(200)}`,
        factorId: 'f',
        citations: [],
      })),
    };
    const rec = renderMessage({ type: 'recommendation', assessment: huge, summary: 's', actions: [] });
    for (const m of rec) expect(m.blocks.length).toBeLessThanOrEqual(50);
    expect(buttonsOf(rec[rec.length - 1]!.blocks)).toHaveLength(5);
  });

  it('renders the ADR fallback as code blocks that fit the section limit', () => {
    const markdown = `# ADR\n\n${'Decision text. '.repeat(2_000)}`;
    const messages = renderMessage({ type: 'adr', title: 'ADR 1', filename: 'adr.md', markdown });
    const sections = messages.flatMap((m) => sectionTexts(m.blocks));
    expect(sections.length).toBeGreaterThan(5);
    for (const s of sections.slice(1)) {
      expect(s.startsWith('```')).toBe(true);
      expect(s.length).toBeLessThanOrEqual(3_000);
    }
  });

  it('escapes user text so it cannot ping channels, and converts Markdown links and bold', () => {
    expect(toMrkdwn('<!channel> & **bold** [vLLM](https://vllm.ai)')).toBe(
      '&lt;!channel&gt; &amp; *bold* <https://vllm.ai|vLLM>',
    );
  });

  it('labels model-written text as AI generated and lists its sources', () => {
    const [m] = renderMessage({
      type: 'text',
      text: 'Answer',
      generated: true,
      citations: [{ id: 'a', title: 'A', url: 'https://a.example' }],
    } satisfies OutMessage);
    expect(texts(m!.blocks)).toContain('AI generated');
    expect(texts(m!.blocks)).toContain('<https://a.example|A>');
  });

  it('splits text on paragraph and word boundaries', () => {
    expect(splitText('aaa bbb ccc', 7)).toEqual(['aaa bbb', 'ccc']);
    expect(splitText('one\n\ntwo', 5)).toEqual(['one', 'two']);
    expect(splitText('x'.repeat(10), 4)).toEqual(['xxxx', 'xxxx', 'xx']);
  });

  it('shows the latest assessment on the App Home, or how to get one', () => {
    const withVerdict = renderHome({
      snapshot: { profile: {}, assessment: SAMPLE_ASSESSMENT },
      commands: [{ name: 'history', summary: 'past verdicts' }],
    });
    expect(withVerdict.type).toBe('home');
    expect(JSON.stringify(withVerdict.blocks)).toContain('Your latest assessment: Hybrid');
    expect(JSON.stringify(withVerdict.blocks)).toContain('/archie history');
    expect(JSON.stringify(renderHome({ commands: [] }).blocks)).toContain('No assessment yet');
  });
});
