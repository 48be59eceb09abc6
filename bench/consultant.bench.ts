/**
 * CPU cost of one consultant turn (offline engine, memory store), by kind of turn: the first description,
 * a quick-reply answer, the turn that recommends, "why" and "export". Slack and Teams throughput is
 * bound by this cost, so it is measured as CPU time (process.cpuUsage), not wall time.
 */
import { createConsultant } from '../src/core/create-consultant.js';
import { loadKnowledgeBase } from '../src/core/knowledge/load-knowledge-base.js';
import type { OutMessage, TurnContext, UserInput } from '../src/core/message.js';
import { createStore } from '../src/store/create-store.js';
import { type BenchResult, summarize } from './bench-result.js';

/** Varied first messages; each leads to at least one question before the recommendation. */
const DESCRIPTIONS = [
  'We are 6 engineers building a RAG assistant over internal docs with a hosted LLM API, about 2,000 users.',
  'Two teams build an agent platform; we self-host a 70B model on GPUs and ingest 5 million documents a day.',
  'Solo developer, prototype chatbot for customer support, OpenAI API, a few hundred users.',
  'Four teams, regulated healthcare data, inference on our own GPUs, Python for ML and TypeScript for the web.',
];

const KINDS = ['first description', 'quick-reply answer', 'recommendation turn', '"why"', 'export ADR'] as const;
type Kind = (typeof KINDS)[number];

const ctx: TurnContext = { channel: 'slack', userId: 'bench-user' };
const text = (t: string): UserInput => ({ type: 'text', text: t });
const question = (messages: OutMessage[]) => messages.find((m) => m.type === 'question');

/** CPU milliseconds (user + system) spent by this process while `work` runs. */
async function cpuMs<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const before = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(before);
  return { ms: (used.user + used.system) / 1000, result };
}

/** Per-kind CPU samples from `count` conversations, each taken from description to export. */
export async function measureTurns(count: number): Promise<Record<Kind, number[]>> {
  const consultant = createConsultant({
    knowledge: await loadKnowledgeBase(),
    store: createStore('memory://').keyv,
  });
  const samples = Object.fromEntries(KINDS.map((k) => [k, [] as number[]])) as Record<Kind, number[]>;
  for (let i = 0; i < count; i++) {
    const id = `bench-${i}`;
    const turn = (input: UserInput) => cpuMs(() => consultant.handle(id, input, ctx));
    let step = await turn(text(DESCRIPTIONS[i % DESCRIPTIONS.length]!));
    samples['first description'].push(step.ms);
    let answered = 0;
    for (let q = question(step.result); q; q = question(step.result)) {
      // Vary the picked option so later turns see different profiles.
      const reply = q.quickReplies[(i + answered) % q.quickReplies.length]!;
      step = await turn({ type: 'choice', value: reply.value, label: reply.label });
      const kind: Kind = step.result.some((m) => m.type === 'recommendation')
        ? 'recommendation turn'
        : 'quick-reply answer';
      samples[kind].push(step.ms);
      answered++;
    }
    samples['"why"'].push((await turn(text('why?'))).ms);
    samples['export ADR'].push((await turn(text('export'))).ms);
  }
  return samples;
}

/** Median CPU milliseconds per turn kind (after a warm-up that fills JIT and knowledge caches). */
export async function bench(): Promise<BenchResult[]> {
  const count = Number(process.env.BENCH_CONSULTANT_CONVERSATIONS ?? 400);
  await measureTurns(50);
  const samples = await measureTurns(count);
  return KINDS.filter((k) => samples[k].length > 0).map((kind) => ({
    name: `consultant: ${kind} (median of ${samples[kind].length})`,
    value: Number(summarize(samples[kind]).median.toFixed(3)),
    unit: 'ms CPU',
  }));
}
