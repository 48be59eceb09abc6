/**
 * No Archie synthesis is ever shown under a third-party URL. Every link each renderer produces (Slack,
 * Teams, the terminal, the ADR, `--json`, the web chat's JSON) is checked: a link to a public page carries
 * the title of the source document at that URL, and an Archie synthesis links only to its own knowledge
 * page. Without a public address, chat channels list the synthesis's public sources instead.
 */
import { describe, expect, it } from 'vitest';
import { renderRecommendation as slackRecommendation } from '../../src/channels/slack/render-recommendation.js';
import { renderText as slackText } from '../../src/channels/slack/render-text.js';
import { renderRecommendation as teamsRecommendation } from '../../src/channels/teams/render-recommendation.js';
import { renderText as teamsText } from '../../src/channels/teams/render-text.js';
import { toJson } from '../../src/cli/commands/assess.js';
import { fullRecommendation, messageMarkdown } from '../../src/cli/terminal/terminal-messages.js';
import { renderAdr } from '../../src/core/adr/render-adr.js';
import { answerQuestion } from '../../src/core/answers/answer-question.js';
import { assessProfile } from '../../src/core/assessment/assess-profile.js';
import type { Assessment } from '../../src/core/assessment/assessment.js';
import type { AssessResult } from '../../src/core/consultant.js';
import { citationJson, citeDoc, linkableCitations, ORGANISATION_MARK } from '../../src/core/knowledge/cite.js';
import type { KnowledgeBase } from '../../src/core/knowledge/knowledge.js';
import { loadKnowledgeBase, withPageBase } from '../../src/core/knowledge/load-knowledge-base.js';
import type { OutMessage } from '../../src/core/message.js';
import type { TeamProfile } from '../../src/core/profile/profile.js';

const PUBLIC = 'https://archie.example.com';
// A self-hosted GPU team with heavy ingestion: its reasons rest on several syntheses.
const PROFILE = {
  teams: 1,
  engineers: 8,
  gpuInference: true,
  modelSizeB: 70,
  heavyIngestion: true,
} as TeamProfile;

interface Link {
  title: string;
  url: string;
}

/** Markdown links `[title](url)` and Slack links `<url|title>` anywhere in a rendered value. */
function linksIn(rendered: unknown): Link[] {
  const text = typeof rendered === 'string' ? rendered : JSON.stringify(rendered).replace(/\\"/g, '"');
  const markdown = [...text.matchAll(/\[([^[\]\n{}]+)\]\(([^)\s"]+)\)/g)].map((m) => ({ title: m[1]!, url: m[2]! }));
  const slack = [...text.matchAll(/<(https?:\/\/[^|>]+)\|([^>]+)>/g)].map((m) => ({ title: m[2]!, url: m[1]! }));
  return [...markdown, ...slack];
}

/** Every problem: a synthesis title beside any URL but its page, or a public URL under a title not its own. */
function dishonestLinks(links: Link[], kb: KnowledgeBase): string[] {
  const docs = [...kb.docs.values()];
  const clean = (t: string) =>
    t
      .replace(/[[\]|<>]/g, '')
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ')
      .trim();
  const problems: string[] = [];
  for (const { title, url } of links) {
    const doc = docs.find((d) => clean(d.title) === clean(title));
    const page = /\/knowledge\/([a-z0-9-]+)$/.exec(url)?.[1];
    if (/Archie synthesis/i.test(title)) {
      if (!doc || page !== doc.id) problems.push(`synthesis "${title}" links to ${url}`);
    } else if (/^https?:/.test(url) && !page) {
      if (!doc || doc.url !== url) problems.push(`"${title}" shown with ${url}, which is not its source`);
    }
  }
  return problems;
}

async function setup(publicUrl?: string) {
  const kb = withPageBase(await loadKnowledgeBase(), publicUrl);
  const assessment: Assessment = assessProfile(PROFILE, kb);
  const syntheses = assessment.citations.filter((c) => kb.docs.get(c.id)?.kind === 'synthesis');
  const message = {
    type: 'recommendation',
    assessment,
    summary: 'A summary.',
    actions: [],
  } as Extract<OutMessage, { type: 'recommendation' }>;
  const answer = await answerQuestion('When should model inference run as its own service?', kb);
  const answerMessage = { type: 'text', text: answer.answer, citations: answer.citations } as Extract<
    OutMessage,
    { type: 'text' }
  >;
  const result = { profile: PROFILE, provenance: {}, plans: [], history: [], assessment } as unknown as AssessResult;
  const rendered: Record<string, unknown> = {
    'Slack recommendation': slackRecommendation(message),
    'Slack answer': slackText(answerMessage),
    'Teams recommendation': teamsRecommendation(message),
    'Teams answer': teamsText(answerMessage),
    'terminal recommendation': fullRecommendation(message),
    'terminal answer': messageMarkdown(answerMessage),
    ADR: renderAdr({ assessment, profile: PROFILE, date: new Date('2026-12-08') }).markdown,
  };
  return { kb, assessment, syntheses, answer, result, rendered };
}

describe('citations of Archie syntheses', () => {
  it('the scenario and the answer really cite syntheses (so the checks below check something)', async () => {
    const { syntheses, answer, kb } = await setup();
    expect(syntheses.length).toBeGreaterThan(0);
    expect(answer.citations.some((c) => kb.docs.get(c.id)?.kind === 'synthesis')).toBe(true);
  });

  it.each([
    ['without a public address', undefined],
    ['with PUBLIC_URL', PUBLIC],
  ])('no renderer shows a synthesis under a third-party URL (%s)', async (_label, publicUrl) => {
    const { kb, rendered } = await setup(publicUrl);
    for (const [name, value] of Object.entries(rendered)) {
      const links = linksIn(value);
      expect(links.length, name).toBeGreaterThan(0);
      expect(dishonestLinks(links, kb), name).toEqual([]);
    }
  });

  it('without a public address, chat channels list the public sources a synthesis rests on', async () => {
    const { kb, syntheses, rendered } = await setup();
    const slack = JSON.stringify(rendered['Slack recommendation']);
    const teams = JSON.stringify(rendered['Teams recommendation']);
    for (const s of syntheses) {
      const firstSource = kb.docs.get(s.basedOn![0]!.id)!;
      expect(slack).toContain(firstSource.url);
      expect(teams).toContain(firstSource.url);
      expect(slack).not.toContain(s.title);
    }
  });

  it('with PUBLIC_URL, a synthesis links to its own page on that host', async () => {
    const { syntheses, rendered } = await setup(PUBLIC);
    const slack = JSON.stringify(rendered['Slack recommendation']);
    for (const s of syntheses) {
      expect(s.url).toBe(`${PUBLIC}/knowledge/${s.id}`);
      expect(slack).toContain(`<${PUBLIC}/knowledge/${s.id}|`);
    }
  });

  it('--json gives a synthesis its page and its sources, never a third-party url', async () => {
    for (const publicUrl of [undefined, PUBLIC]) {
      const { kb, result } = await setup(publicUrl);
      const json = toJson(result, []);
      const all = [...json.citations, ...json.reasons.flatMap((r) => r.citations)];
      const syntheses = all.filter((c) => c.kind === 'synthesis');
      expect(syntheses.length).toBeGreaterThan(0);
      for (const c of syntheses) {
        if (publicUrl) expect(c.url).toBe(`${PUBLIC}/knowledge/${c.id}`);
        else expect(c).toMatchObject({ page: `/knowledge/${c.id}` });
        if (!publicUrl) expect(c.url).toBeUndefined();
        for (const s of c.basedOn ?? []) expect(kb.docs.get(s.id)!.url).toBe(s.url);
      }
      for (const c of all.filter((x) => x.kind === 'source')) expect(kb.docs.get(c.id)!.url).toBe(c.url);
    }
  });

  it('the checker itself catches a synthesis title under a third-party URL', async () => {
    const kb = await loadKnowledgeBase();
    const bad = linksIn(
      '[Archie synthesis: When to extract model inference into its own service](https://kserve.github.io/website/)',
    );
    expect(dishonestLinks(bad, kb)).toHaveLength(1);
    const misattributed = linksIn(
      '<https://www.cs.cornell.edu/projects/ladis2009/talks/dean-keynote-ladis2009.pdf|Archie’s calculation>',
    );
    expect(dishonestLinks(misattributed, kb)).toHaveLength(1);
  });
});

describe("an organisation's own synthesis (KNOWLEDGE_DIRS)", () => {
  it('is cited by its own internal link with the organisation mark, never by a public knowledge page', async () => {
    const kb = withPageBase(await loadKnowledgeBase(), PUBLIC);
    const doc = {
      ...kb.docs.get('synthesis-when-to-extract-inference')!,
      id: 'org-inference-guidance',
      title: 'Inference guidance',
      url: 'https://wiki.example.internal/inference',
      organisation: true as const,
    };
    const citation = citeDoc(doc, kb);
    expect(citation).toEqual({
      id: 'org-inference-guidance',
      title: `Inference guidance ${ORGANISATION_MARK}`,
      url: 'https://wiki.example.internal/inference',
      organisation: true,
    });
    expect(citationJson(citation)).toMatchObject({ kind: 'source', organisation: true });
    expect(linkableCitations([citation])).toEqual([citation]);
  });
});
