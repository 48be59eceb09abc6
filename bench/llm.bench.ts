/**
 * Model cost over a scripted full consultation against the fake OpenAI-compatible server (real LangChain
 * → openai SDK): LLM calls per user turn (target ≤ 1, plus one for the verdict explanation) and prompt
 * tokens per call (target ≤ 4,000; the fake reports ~4 characters per token, like a real tokenizer on
 * English prose). Each turn's extra call is attributed to the explanation only on the verdict turn.
 */
import Keyv from 'keyv';
import { createChatModel } from '../src/adapters/langchain/create-chat-model.js';
import { createEmbeddings } from '../src/adapters/langchain/create-embeddings.js';
import { createConsultant } from '../src/core/create-consultant.js';
import { loadKnowledgeBase } from '../src/core/knowledge/load-knowledge-base.js';
import type { OutMessage } from '../src/core/message.js';
import { createModelAssist } from '../src/core/model-assist/create-model-assist.js';
import { loadPrompts } from '../src/core/model-assist/load-prompts.js';
import { type ChatBody, startFakeOpenAiServer } from '../test/support/fake-openai-server.js';
import type { BenchResult } from './bench-result.js';

const DESCRIPTION =
  "We're 14 engineers in 3 squads building a RAG assistant for insurance claims. We run Llama 70B on our own GPUs, " +
  'ingest about 2 million PDFs every night, deploy twice a week on Kubernetes, and teams block each other at release time.';
const QUESTIONS = [
  'Why did Prime Video move its monitoring service back to a monolith?',
  'When should model inference run as its own service?',
];
const MAX_TURNS = 14;

function fakeModel(body: ChatBody) {
  const system = body.messages.find((m) => m.role === 'system')?.content ?? '';
  const labels = [...system.matchAll(/^\[(p\d+)\]/gm)].map((m) => m[1]);
  if (body.response_format || body.tools) {
    return {
      json: {
        facts: { heavyIngestion: true },
        evidence: { heavyIngestion: 'ingest about 2 million PDFs every night' },
      },
    };
  }
  const verdict = /The engine's recommendation is: (.+)/.exec(system)?.[1];
  if (verdict) return { content: `${verdict} fits this team because the reasons above hold [${labels[0]}].` };
  return { content: `The passages explain it [${labels[0]}].` };
}

export async function bench(): Promise<BenchResult[]> {
  const fake = await startFakeOpenAiServer();
  fake.onChat(fakeModel);
  try {
    const config = {
      provider: 'openai' as const,
      apiKey: 'sk-bench-0000000000000000',
      baseUrl: fake.url,
      model: 'gpt-4o-mini',
      embeddingModel: 'text-embedding-3-small',
    };
    const knowledge = await loadKnowledgeBase();
    const clock = { now: () => new Date(), sleep: async () => undefined };
    const assist = createModelAssist({
      model: createChatModel(config, { timeoutMs: 5_000 }),
      embeddings: createEmbeddings(config, { timeoutMs: 5_000 }),
      knowledge,
      store: new Keyv(),
      clock,
      prompts: await loadPrompts(),
      limits: { timeoutMs: 5_000, maxRetries: 2, tokenBudget: 0 },
    });
    const consultant = createConsultant({ knowledge, store: new Keyv(), clock, assist });
    const ctx = { channel: 'web' as const };
    const perTurn: number[] = [];
    let verdictTurnCalls = 0;
    const turn = async (run: () => Promise<OutMessage[] | unknown>) => {
      const before = fake.chatRequests().length;
      const out = await run();
      const calls = fake.chatRequests().length - before;
      const recommended = Array.isArray(out) && out.some((m: OutMessage) => m.type === 'recommendation');
      if (recommended) verdictTurnCalls = calls;
      perTurn.push(recommended ? calls - 1 : calls);
      return out;
    };

    await consultant.greet('bench', ctx);
    let out = (await turn(() => consultant.handle('bench', { type: 'text', text: DESCRIPTION }, ctx))) as OutMessage[];
    for (let i = 0; i < MAX_TURNS && !out.some((m) => m.type === 'recommendation'); i++) {
      const question = out.find((m) => m.type === 'question');
      if (question?.type !== 'question') break;
      const reply = question.quickReplies[0]?.label ?? 'not sure';
      out = (await turn(() => consultant.handle('bench', { type: 'text', text: reply }, ctx))) as OutMessage[];
    }
    for (const q of QUESTIONS) await turn(() => consultant.ask(q, ctx));

    const tokens = fake
      .chatRequests()
      .map((r) =>
        Math.ceil(
          (
            JSON.stringify((r.body as unknown as ChatBody).messages) +
            JSON.stringify(r.body.response_format ?? r.body.tools ?? '')
          ).length / 4,
        ),
      );
    const maxCalls = Math.max(...perTurn);
    const meanCalls = perTurn.reduce((a, b) => a + b, 0) / perTurn.length;
    const maxTokens = Math.max(...tokens);
    const meanTokens = tokens.reduce((a, b) => a + b, 0) / tokens.length;
    return [
      { name: 'llm: user turns in the scripted consultation', value: perTurn.length, unit: 'turns' },
      {
        name: 'llm: max LLM calls per user turn (excl. explanation)',
        value: maxCalls,
        unit: 'calls',
        target: '<= 1',
        ok: maxCalls <= 1,
      },
      {
        name: 'llm: mean LLM calls per user turn',
        value: Number(meanCalls.toFixed(2)),
        unit: 'calls',
        target: '<= 1',
        ok: meanCalls <= 1,
      },
      {
        name: 'llm: calls on the verdict turn (incl. explanation)',
        value: verdictTurnCalls,
        unit: 'calls',
        target: '<= 2',
        ok: verdictTurnCalls <= 2,
      },
      {
        name: 'llm: max prompt tokens per call',
        value: maxTokens,
        unit: 'tokens',
        target: '<= 4000',
        ok: maxTokens <= 4_000,
      },
      {
        name: 'llm: mean prompt tokens per call',
        value: Math.round(meanTokens),
        unit: 'tokens',
        target: '<= 4000',
        ok: meanTokens <= 4_000,
      },
    ];
  } finally {
    await fake.close();
  }
}
