import { describe, expect, it } from 'vitest';
import { renderAdr } from '../../../src/core/adr/render-adr.js';
import { FACT_LABELS } from '../../../src/core/profile/fact-labels.js';
import { FACT_KEYS } from '../../../src/core/profile/profile.js';
import { renderMarkdown } from '../../../src/core/render/render-markdown.js';
import { choice, ctx, interview, makeConsultant } from '../interview/harness.js';

const RAW_KEY = /^- [a-z]+[A-Z]\w*:/m;

describe('assumptions and facts in human words', () => {
  it('every fact has a short label that is not its code name', () => {
    for (const key of FACT_KEYS) {
      expect(FACT_LABELS[key]).toMatch(/^[A-Z]/);
      expect(FACT_LABELS[key]).not.toBe(key);
    }
  });

  it('the Markdown recommendation and the exported ADR list assumptions by label, not by raw key', async () => {
    const consultant = await makeConsultant();
    // Skipping every question leaves the engine to assume, so the assumption list is long.
    const { recommendation } = await interview(consultant, 'c', 'We are building a RAG assistant.', () =>
      choice('cmd:skip'),
    );
    if (!recommendation) throw new Error('no recommendation');
    const assumptions = recommendation.assessment.assumptions;
    expect(assumptions.length).toBeGreaterThan(2);
    // The web page gets the label on each assumption (it cannot import the core).
    for (const a of assumptions) expect(a.label).toBe(FACT_LABELS[a.fact]);

    const markdown = renderMarkdown(recommendation);
    const section = markdown.slice(markdown.indexOf('### Assumptions'));
    expect(section).toContain(`- ${FACT_LABELS[assumptions[0]!.fact]}: ${assumptions[0]!.assumed}`);
    expect(section).not.toMatch(RAW_KEY);

    const [adr] = await consultant.handle('c', choice('cmd:export'), ctx);
    if (adr?.type !== 'adr') throw new Error('no ADR');
    const adrAssumptions = adr.markdown.slice(adr.markdown.indexOf('### Assumptions'));
    expect(adrAssumptions).toContain(`- ${FACT_LABELS[assumptions[0]!.fact]}:`);
    expect(adrAssumptions.split('\n## ')[0]).not.toMatch(RAW_KEY);
  });

  it('an assessment stored before labels existed still renders labels', () => {
    const { assessment } = {
      assessment: {
        verdict: 'monolith' as const,
        confidence: 0.8,
        scores: { monolith: 3, 'modular-monolith': 1, hybrid: 0, microservices: -2 },
        factors: [],
        reasons: [],
        risks: [],
        nextSteps: [],
        changeTriggers: [],
        extractedServices: [],
        assumptions: [{ fact: 'containerPlatform' as const, assumed: 'containers without Kubernetes' }],
        citations: [],
        engineVersion: 'old',
      },
    };
    const md = renderMarkdown({ type: 'recommendation', assessment, summary: '', generated: false, actions: [] });
    expect(md).toContain('- Container platform: containers without Kubernetes');
    const adr = renderAdr({ assessment, profile: {}, date: new Date('2026-01-01') });
    expect(adr.markdown).toContain('- Container platform: containers without Kubernetes');
  });
});
