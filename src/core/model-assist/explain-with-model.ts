/**
 * The verdict narrative: the model writes it from the engine's structured result and retrieved passages;
 * a validator rejects text that recommends another verdict, cites passages we did not supply, writes a
 * URL outside the knowledge base or echoes the prompt. Rejected → the templated summary is used.
 * Explanations are buffered, not streamed (ADR 0030): a verdict violation invalidates the whole text.
 */
import { type Assessment, VERDICT_LABELS } from '../assessment/assessment.js';
import type { Passage } from '../knowledge/knowledge.js';
import type { TeamProfile } from '../profile/profile.js';
import type { ModelUsage } from './chat-model.js';
import { knowledgeUrls, labelPassages, relabelPassages } from './format-passages.js';
import type { GroundingDeps } from './grounding-deps.js';
import { unknownReferences } from './guard-output.js';
import { asUserData } from './user-data.js';
import { namesVerdict, recommendsOtherVerdict } from './verdict-guard.js';

const PASSAGES = 5;
const MAX_CHARS = 1_800;

export type ExplainDeps = GroundingDeps;

export type ExplainOutcome =
  | { ok: true; text: string; usage?: ModelUsage }
  | { ok: false; reason: string; usage?: ModelUsage };

/** Asks the model for a narrative and validates it. Throws on model failure. */
export async function explainWithModel(
  deps: ExplainDeps,
  assessment: Assessment,
  profile: TeamProfile,
  signal?: AbortSignal,
): Promise<ExplainOutcome> {
  const { model, knowledge, prompts, leaks } = deps;
  const passages = await passagesFor(deps, assessment, signal);
  const labelled = labelPassages(passages, 700);
  const verdict = VERDICT_LABELS[assessment.verdict];
  const task = prompts.render('explain-verdict', {
    verdict,
    engine_result: JSON.stringify(engineSummary(assessment)),
    passages: labelled.text,
  });
  const { text, usage } = await model.complete(
    [
      { role: 'system', content: `${prompts.render('system', {})}\n\n${task}` },
      { role: 'user', content: asUserData(JSON.stringify(profile), 3_000) },
    ],
    { signal },
  );
  const reason = rejectReason(text, assessment, labelled.byLabel, knowledgeUrls(knowledge), leaks);
  if (reason) return { ok: false, reason, usage };
  return { ok: true, text: relabel(text.trim(), labelled.byLabel, assessment), usage };
}

/** Why a narrative cannot be shown, or undefined when it passes every check. */
export function rejectReason(
  text: string,
  assessment: Assessment,
  byLabel: ReadonlyMap<string, Passage>,
  urls: ReadonlySet<string>,
  leaks: (text: string) => boolean,
): string | undefined {
  if (!text.trim()) return 'empty';
  if (text.length > MAX_CHARS) return 'too long';
  if (leaks(text)) return 'echoes the system prompt';
  const unknown = unknownReferences(text, byLabel, urls);
  if (unknown.labels.length) return `cites unknown passages ${unknown.labels.join(', ')}`;
  if (unknown.urls.length) return 'cites a URL outside the knowledge base';
  if (recommendsOtherVerdict(text, assessment.verdict)) return 'recommends another verdict';
  if (!namesVerdict(text, assessment.verdict)) return "does not name the engine's verdict";
  return undefined;
}

/** The compact engine result the model explains (no scores it might "recompute"). */
function engineSummary(a: Assessment) {
  return {
    verdict: a.verdict,
    confidence: Math.round(a.confidence * 100) / 100,
    extractedServices: a.extractedServices,
    reasons: a.reasons.slice(0, 5).map((r) => r.text),
    risks: a.risks.slice(0, 3).map((r) => ({ risk: r.risk, mitigation: r.mitigation })),
    runnerUp: a.runnerUp,
    assumptions: a.assumptions.slice(0, 5).map((x) => `${x.fact}: ${x.assumed}`),
  };
}

/** Passages from the documents the engine cited, best matching its reasons first. */
async function passagesFor(deps: ExplainDeps, a: Assessment, signal?: AbortSignal): Promise<Passage[]> {
  const query = [VERDICT_LABELS[a.verdict], ...a.reasons.slice(0, 4).map((r) => r.text)].join(' ');
  const cited = new Set(a.citations.map((c) => c.id));
  const hits = await deps.retriever.search(query, { limit: 12, signal });
  const chosen: Passage[] = hits.filter((h) => cited.has(h.docId));
  for (const id of cited) {
    if (chosen.length >= PASSAGES) break;
    if (chosen.some((p) => p.docId === id)) continue;
    const first = deps.knowledge.passages.find((p) => p.docId === id);
    if (first) chosen.push(first);
  }
  const picked = chosen.length ? chosen : hits;
  return dedupe(picked).slice(0, PASSAGES);
}

function dedupe(passages: Passage[]): Passage[] {
  const seen = new Set<string>();
  return passages.filter((p) => !seen.has(p.id) && seen.add(p.id));
}

/** [pN] → [n] where n numbers the assessment's citations (what the recommendation card lists). */
function relabel(text: string, byLabel: ReadonlyMap<string, Passage>, a: Assessment): string {
  return relabelPassages(text, byLabel, (p) => {
    const i = a.citations.findIndex((c) => c.id === p.docId);
    return i >= 0 ? String(i + 1) : p.title;
  });
}
