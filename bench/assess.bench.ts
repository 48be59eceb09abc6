/**
 * Speed of the deterministic engine: extractFacts + assessProfile on a realistic team description, and
 * one round of question choice (every answer of every open question scored) with the fast scorer
 * against the full assessment it replaced.
 */
import { performance } from 'node:perf_hooks';
import { assessProfile } from '../src/core/assessment/assess-profile.js';
import type { TeamProfile as TeamProfileForRead } from '../src/core/profile/profile.js';
import { readMessage } from '../src/core/reading/read-message.js';

/** Today's facts read from `text` (what the profile takes). */
const extractFacts = (text: string, known?: TeamProfileForRead) => readMessage(text, { known }).facts;

import { rankQuestions } from '../src/core/interview/choose-question.js';
import { loadKnowledgeBase } from '../src/core/knowledge/load-knowledge-base.js';
import { mergeFacts } from '../src/core/profile/merge-facts.js';
import type { TeamProfile } from '../src/core/profile/profile.js';
import { type BenchResult, summarize } from './bench-result.js';

const PARAGRAPH = `We're a team of about 14 engineers split into two squads, building a legal research assistant that's
been in production since spring with roughly 200k MAU and 2M requests a day (peaks around 80 rps). We call
Azure OpenAI for chat and self-host a reranker on two A10Gs with TGI. Retrieval is pgvector in Postgres and
LangGraph orchestrates a few tools. Every night we ingest millions of PDFs from court records. We deploy with
GitHub Actions a few times a week on EKS, have Datadog but no real tracing, and nobody is formally on call.
Releases sometimes block each other. Python backend, TypeScript frontend.`;
/** A typical first message: a few facts known, most questions still open. */
const FIRST_MESSAGE = 'We are 4 engineers on a hosted OpenAI API, a RAG assistant in pilot, no on-call.';

const MEDIAN_TARGET_MS = 5;
const round = (n: number) => Math.round(n * 1000) / 1000;
const profileOf = (text: string): TeamProfile =>
  mergeFacts({}, {}, extractFacts(text), 'stated', '2026-01-01T00:00:00.000Z').profile;

function medianMs(run: () => unknown, warmup: number, runs: number): { median: number; p95: number } {
  for (let i = 0; i < warmup; i++) run(); // JIT, knowledge front-matter cache
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    run();
    samples.push(performance.now() - t0);
  }
  return summarize(samples);
}

/** Median and p95 latency of extract + merge + assess; median of one question-choice round. */
export async function bench(): Promise<BenchResult[]> {
  const { median, p95 } = medianMs(() => assessProfile(profileOf(PARAGRAPH)), 50, 500);

  const kb = await loadKnowledgeBase();
  const assess = (p: TeamProfile) => assessProfile(p, kb);
  const profile = profileOf(FIRST_MESSAGE);
  const baseline = assess(profile);
  const fast = medianMs(() => rankQuestions(profile, { assess, done: [], baseline }), 30, 200);
  // What the interview did before the fast path: the full assessment for every candidate answer.
  const full = medianMs(() => rankQuestions(profile, { assess, score: assess, done: [], baseline }), 30, 200);
  return [
    {
      name: 'engine: extract+assess median',
      value: round(median),
      unit: 'ms',
      target: `< ${MEDIAN_TARGET_MS} ms`,
      ok: median < MEDIAN_TARGET_MS,
    },
    // The tail is dominated by GC and CPU contention on shared machines; reported, not gated.
    { name: 'engine: extract+assess p95', value: round(p95), unit: 'ms' },
    {
      name: 'engine: question-choice round median',
      value: round(fast.median),
      unit: 'ms',
      baseline: { name: 'full assessProfile per candidate', value: round(full.median) },
      ratio: round(full.median / fast.median),
      target: '< 1 ms',
      ok: fast.median < 1,
    },
  ];
}
