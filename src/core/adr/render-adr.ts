/** Renders an assessment as a MADR-style Architecture Decision Record (Markdown). */
import {
  type Assessment,
  type Citation,
  formatScore,
  recommendedPhrase,
  VERDICT_LABELS,
  VERDICTS,
  type Verdict,
} from '../assessment/assessment.js';
import { INLINE_SOURCES_PER_SYNTHESIS, linkableCitations } from '../knowledge/cite.js';
import { factLabel } from '../profile/fact-labels.js';
import type { TeamProfile } from '../profile/profile.js';
import { describeProfile } from '../render/describe-profile.js';

export interface AdrInput {
  assessment: Assessment;
  profile: TeamProfile;
  date: Date;
  /** Optional system name for the title. */
  system?: string;
  status?: 'proposed' | 'accepted';
}

export interface RenderedAdr {
  title: string;
  filename: string;
  markdown: string;
}

const PROS_CONS: Record<Verdict, { pros: string; cons: string }> = {
  monolith: {
    pros: 'One deployable, one repo, in-process calls: the fastest to build, test, debug and operate.',
    cons: 'Everything scales and releases together; boundaries erode without discipline.',
  },
  'modular-monolith': {
    pros: 'Enforced module boundaries and one deployment: teams work apart without distributed-system costs; modules can be extracted later.',
    cons: 'Needs boundary enforcement (lint rules, module APIs); still one release and one scaling unit.',
  },
  hybrid: {
    pros: 'Keeps the simple core while the few parts with different hardware, load or trust needs (GPU inference, ingestion, sandboxes) scale and fail on their own.',
    cons: 'Several deployables to operate: network calls, versioned interfaces and monitoring at each extracted boundary.',
  },
  microservices: {
    pros: 'Independent deploys and scaling per team and service; failures and releases are isolated.',
    cons: 'Heavy operational load: CI/CD per service, tracing, on-call, a platform; distributed-monolith risk when boundaries are wrong.',
  },
};

const cite = (cs: readonly Citation[]) => {
  const links = linkableCitations(cs, { sourcesPerSynthesis: INLINE_SOURCES_PER_SYNTHESIS });
  return links.length ? ` (${links.map((c) => `[${c.title}](${c.url})`).join(', ')})` : '';
};

/** A filesystem-safe slug. */
function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

/**
 * The decision drivers, labelled: what argues for the chosen option, then what argues against it (outweighed);
 * a driver that rests only on assumptions says so.
 */
function drivers(a: Assessment): string[] {
  const assumed = new Set(a.assumptions.map((x) => x.fact));
  const weight = (f: Assessment['factors'][number]) => f.contributions[a.verdict] ?? 0;
  const line = (f: Assessment['factors'][number]) => {
    const facts = f.decidedBy ?? f.facts;
    const onlyAssumed = facts.length > 0 && facts.every((k) => assumed.has(k));
    return `- **${f.label}**${onlyAssumed ? ' (assumed)' : ''}: ${f.explanation}${cite(f.citations)}`;
  };
  const forIt = a.factors.filter((f) => weight(f) > 0).sort((x, y) => weight(y) - weight(x));
  const against = a.factors.filter((f) => weight(f) < 0).sort((x, y) => weight(x) - weight(y));
  const name = recommendedPhrase(a.verdict);
  return [
    `For ${name}:`,
    '',
    ...(forIt.length ? forIt.map(line) : ['- (nothing stated argues for it; it wins on the assumptions below)']),
    ...(against.length ? ['', `Against ${name} (outweighed):`, '', ...against.map(line)] : []),
  ];
}

/** The ADR for one assessment. */
export function renderAdr(input: AdrInput): RenderedAdr {
  const { assessment: a, profile, date } = input;
  const day = date.toISOString().slice(0, 10);
  const chosen = VERDICT_LABELS[a.verdict];
  const title = `Use a ${chosen.split(':')[0]!.toLowerCase()} architecture${input.system ? ` for ${input.system}` : ' for our genAI system'}`;
  const ranked = [...VERDICTS].sort((x, y) => a.scores[y] - a.scores[x]);
  const facts = describeProfile(profile);
  const lines = [
    `# ${title}`,
    '',
    `- Status: ${input.status ?? 'proposed'}`,
    `- Date: ${day}`,
    `- Deciders: the team (recommendation by Archie, engine ${a.engineVersion})`,
    '',
    '## Context and Problem Statement',
    '',
    'Should our generative-AI system be a monolith, a modular monolith, a hybrid (a monolith core plus a few extracted services) or microservices? What we know about the team and system:',
    '',
    ...(facts.length ? facts.map((f) => `- ${f}`) : ['- (no facts given; see Assumptions)']),
    '',
    '## Decision Drivers',
    '',
    ...drivers(a),
    '',
    '## Considered Options',
    '',
    ...ranked.map((v) => `- ${VERDICT_LABELS[v]} (score ${formatScore(a.scores[v])})`),
    '',
    '## Decision Outcome',
    '',
    `Chosen option: **${chosen}**, with ${Math.round(a.confidence * 100)}% confidence, because:`,
    '',
    ...a.reasons.map((r) => `- ${r.text}${cite(r.citations)}`),
    ...(a.extractedServices.length ? ['', `Services to extract: ${a.extractedServices.join(', ')}.`] : []),
    ...(a.runnerUp ? ['', `Runner-up: ${VERDICT_LABELS[a.runnerUp.verdict]}: ${a.runnerUp.why}`] : []),
    '',
    '### Consequences',
    '',
    ...a.risks.map((r) => `- Risk: ${r.risk.replace(/\.$/, '')}. Mitigation: ${r.mitigation}${cite(r.citations)}`),
    ...a.nextSteps.map((s) => `- Next step: ${s}`),
    '',
    '### What would change this decision',
    '',
    ...(a.changeTriggers.length
      ? a.changeTriggers.map((t) => `- ${t.condition} → ${VERDICT_LABELS[t.wouldMoveTo]}`)
      : ['- Nothing we know of; revisit when the team or load changes.']),
    '',
    '### Assumptions',
    '',
    ...(a.assumptions.length
      ? a.assumptions.map((x) => `- ${factLabel(x.fact)}: ${x.assumed}`)
      : ['- None: every fact was given.']),
    '',
    '## Pros and Cons of the Options',
    '',
    ...ranked.flatMap((v) => [
      `### ${VERDICT_LABELS[v]}`,
      '',
      `- Good, because ${lower(PROS_CONS[v].pros)}`,
      `- Bad, because ${lower(PROS_CONS[v].cons)}`,
      '',
    ]),
    '## Links',
    '',
    ...linkableCitations(a.citations).map((c) => `- [${c.title}](${c.url})`),
    '',
  ];
  return { title, filename: `${day}-${slug(title)}.md`, markdown: lines.join('\n') };
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
