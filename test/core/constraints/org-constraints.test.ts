/**
 * The organisation's constraints through the real consultant: a data policy turns a verdict into a hybrid,
 * a service limit rules verdicts out, a platform standard settles the platform and its question, each
 * shown in the reasons with the organisation's document as the source.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { renderAdr } from '../../../src/core/adr/render-adr.js';
import { assessProfile } from '../../../src/core/assessment/assess-profile.js';
import { createConstrainedEngine } from '../../../src/core/constraints/apply-constraints.js';
import type { Consultant } from '../../../src/core/consultant.js';
import { createConsultant } from '../../../src/core/create-consultant.js';
import { rankQuestions } from '../../../src/core/interview/choose-question.js';
import { ORGANISATION_MARK } from '../../../src/core/knowledge/cite.js';
import { buildKnowledgeBase, DEFAULT_KNOWLEDGE_DIR } from '../../../src/core/knowledge/load-knowledge-base.js';
import { createStore } from '../../../src/store/create-store.js';
import { CANONICAL } from '../../support/cli.js';
import { ctx, fixedClock, makeConsultant, recommendationOf, text } from '../interview/harness.js';

const PACK = fileURLToPath(new URL('../../../examples/org-knowledge/', import.meta.url));

const temps: string[] = [];
afterEach(async () => {
  await Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** An organisation folder with one document declaring `constraints` (YAML lines, indented by two). */
async function orgDir(id: string, constraints: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'archie-constraints-'));
  temps.push(dir);
  const doc = `---
id: ${id}
title: "Standard ${id}"
url: http://wiki/${id}
publisher: Example Corp
published: "2026-01"
status: confirmed
kind: source
tags: [standard]
cites: []
constraints:
${constraints}
---
## Standard
The text of the organisation's standard ${id}.
`;
  await writeFile(join(dir, `${id}.md`), doc);
  return dir;
}

async function consultantWith(dirs: string[]): Promise<Consultant> {
  return createConsultant({
    knowledge: await buildKnowledgeBase(DEFAULT_KNOWLEDGE_DIR, dirs),
    store: createStore('memory://').keyv,
    clock: fixedClock,
  });
}

const PII_TEAM =
  "We're 4 engineers in one team building a support chatbot on the OpenAI API. It stores customers' names and email addresses (PII). We deploy with CI/CD.";

describe("the organisation's constraints", () => {
  it('a data policy for personal data turns a monolith into a hybrid, citing the policy as the organisation’s', async () => {
    const plain = await (await makeConsultant()).assess(PII_TEAM);
    expect(plain.assessment.verdict).toBe('monolith');

    const policy = await orgDir(
      'policy-pii',
      '  compliance-boundary: when-sensitive-data\n  reason: "personal data stays in the eu-data account"',
    );
    const result = await (await consultantWith([policy])).assess(PII_TEAM);
    const a = result.assessment;
    expect(a.verdict).toBe('hybrid');
    expect(a.extractedServices.join(' ')).toMatch(/Compliance boundary/);
    const reason = a.reasons[0]!;
    expect(reason.text).toMatch(
      /^Your system handles personal or regulated data, and your organisation requires an isolation boundary for it \(personal data stays in the eu-data account\)/,
    );
    expect(reason.citations).toEqual([
      {
        id: 'policy-pii',
        title: `Standard policy-pii ${ORGANISATION_MARK}`,
        url: 'http://wiki/policy-pii',
        organisation: true,
      },
    ]);
    expect(a.citations[0]).toMatchObject({ id: 'policy-pii', organisation: true });
    expect(a.organisationConstraints).toEqual([
      expect.objectContaining({
        name: 'compliance-boundary',
        value: 'when-sensitive-data',
        source: reason.citations[0],
      }),
    ]);
    // The team's own profile is not rewritten: the policy acts when assessing.
    expect(result.profile.complianceBoundary).toBeUndefined();
  });

  it('a policy for sensitive data does nothing for a team that handles none, and is cited where regulated data is', async () => {
    const policy = await orgDir('policy-pii', '  compliance-boundary: when-sensitive-data');
    const consultant = await consultantWith([policy]);
    const a = (await consultant.assess(CANONICAL[0].text)).assessment;
    expect(a.verdict).toBe('monolith');
    expect(a.reasons.some((r) => r.citations.some((c) => c.organisation))).toBe(false);
    const regulated = (await consultant.assess('We are 5 engineers; our HIPAA data must be isolated.')).assessment;
    expect(regulated.reasons[0]!.citations[0]).toMatchObject({ id: 'policy-pii', organisation: true });
  });

  it('the verdict reaches the conversation: the recommendation cites the organisation', async () => {
    const policy = await orgDir('policy-pii', '  compliance-boundary: required');
    const consultant = await consultantWith([policy]);
    const messages = await consultant.handle('c1', text(PII_TEAM), ctx);
    let rec = recommendationOf(messages);
    for (let turn = 0; !rec && turn < 5; turn++) {
      rec = recommendationOf(await consultant.handle('c1', text('skip'), ctx));
    }
    expect(rec?.assessment.verdict).toBe('hybrid');
    expect(rec?.assessment.reasons[0]?.citations[0]?.title).toBe(`Standard policy-pii ${ORGANISATION_MARK}`);
  });

  it('a limit of one service rules out the hybrid a GPU team would get, and says so', async () => {
    const hybrid = CANONICAL.find((c) => c.verdict === 'hybrid')!.text;
    expect((await (await makeConsultant()).assess(hybrid)).assessment.verdict).toBe('hybrid');
    const limit = await orgDir('service-budget', '  max-services: 1\n  reason: "one on-call rota per team"');
    const a = (await (await consultantWith([limit])).assess(hybrid)).assessment;
    expect(['monolith', 'modular-monolith']).toContain(a.verdict);
    expect(a.extractedServices).toEqual([]);
    expect(a.runnerUp?.verdict ?? 'monolith').not.toMatch(/hybrid|microservices/);
    expect(a.changeTriggers.every((t) => t.wouldMoveTo !== 'hybrid' && t.wouldMoveTo !== 'microservices')).toBe(true);
    expect(a.reasons[0]!.text).toMatch(
      /^Your organisation allows at most 1 deployable service per system \(one on-call rota per team\); a hybrid would need more/,
    );
    // The scores stay what the evidence says: the limit is visible, not hidden in the numbers.
    expect(a.scores.hybrid).toBeGreaterThan(a.scores[a.verdict]);
  });

  it('a limit of two keeps the first boundary and leaves the rest in the core', async () => {
    const hybrid = CANONICAL.find((c) => c.verdict === 'hybrid')!.text;
    const limit = await orgDir('service-budget', '  max-services: 2');
    const a = (await (await consultantWith([limit])).assess(hybrid)).assessment;
    expect(a.verdict).toBe('hybrid');
    expect(a.extractedServices).toHaveLength(1);
    expect(a.extractedServices[0]).toMatch(/GPU inference/);
    expect(a.reasons[0]!.text).toMatch(
      /so only GPU inference .* is extracted; Ingestion workers .* stays a module in the core/,
    );
  });

  it('a platform standard settles the platform (over what the team said) and the interview does not ask about it', async () => {
    const platform = await orgDir(
      'platform-k8s',
      '  platform: kubernetes-only\n  reason: "the platform team runs only EKS"',
    );
    const kb = await buildKnowledgeBase(DEFAULT_KNOWLEDGE_DIR, [platform]);
    const engine = createConstrainedEngine(kb);
    const profile = { engineers: 30, teams: 4, containerPlatform: 'none' as const, ciCd: true };
    const a = engine.assess(profile);
    // A platform informs the answer rather than deciding it: its reason follows the engine's own.
    expect(a.reasons.at(-1)!.factorId).toBe('organisation-platform');
    expect(a.reasons.at(-1)!.text).toBe(
      'Your organisation runs services only on Kubernetes (the platform team runs only EKS), so I assessed for that platform rather than VMs without containers, as you described; anything you extract runs there.',
    );
    expect(a.assumptions.map((x) => x.fact)).not.toContain('containerPlatform');
    expect(a.verdict).toBe(assessProfile({ ...profile, containerPlatform: 'kubernetes' }, kb).verdict);
    const unknown = { engineers: 30, teams: 4 };
    const asked = rankQuestions(unknown, { assess: engine.assess, score: engine.score, done: [] });
    expect(asked.map((q) => q.question.id)).not.toContain('containerPlatform');
  });

  it('without organisation constraints the engine is the plain engine', async () => {
    const kb = await buildKnowledgeBase(DEFAULT_KNOWLEDGE_DIR, []);
    const engine = createConstrainedEngine(kb);
    expect(engine.constraints).toEqual([]);
    for (const c of CANONICAL) {
      const profile = (await (await makeConsultant()).assess(c.text)).profile;
      expect(engine.assess(profile)).toEqual(assessProfile(profile, kb));
    }
  });

  it('the sample pack acts on a team with patient data, and the ADR names the organisation’s documents', async () => {
    const result = await (await consultantWith([PACK])).assess(
      'Six engineers, one team, a RAG assistant over 2 million clinical notes with PII on the hosted OpenAI API; we run on Kubernetes today.',
    );
    const a = result.assessment;
    expect(a.organisationConstraints?.map((c) => c.name).sort()).toEqual([
      'compliance-boundary',
      'platform',
      'vector-store',
    ]);
    const adr = renderAdr({ assessment: a, profile: result.profile, date: new Date('2026-12-08') }).markdown;
    expect(adr).toContain(
      `[Data policy: PHI stays in the clinical-prod account ${ORGANISATION_MARK}](https://wiki.northwind.internal/security/policies/phi)`,
    );
    expect(adr).toContain(`Platform standard: services run on Amazon ECS ${ORGANISATION_MARK}`);
  });
});
