/**
 * Model cost of a scripted consultation against the fake OpenAI-compatible server (real LangChain → openai
 * SDK): a description, the first option of up to three questions (clicked, as in every channel), and one
 * knowledge question. Prints model calls per user turn (target: at most one; the verdict turn's one call
 * is the explanation), and prompt tokens in total and per call (the fake counts ~4 characters per token,
 * like a real tokenizer on English prose).
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

const DESCRIPTION = 'We are building a RAG assistant for insurance claims over our internal documents.';
const KNOWLEDGE_QUESTION = 'When should model inference run as its own service?';
const ANSWERS = 3;

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
    const turn = async (run: () => Promise<OutMessage[] | unknown>) => {
      const before = fake.chatRequests().length;
      const out = await run();
      perTurn.push(fake.chatRequests().length - before);
      return out;
    };

    await consultant.greet('bench', ctx);
    let out = (await turn(() => consultant.handle('bench', { type: 'text', text: DESCRIPTION }, ctx))) as OutMessage[];
    let answers = 0;
    for (; answers < ANSWERS && !out.some((m) => m.type === 'recommendation'); answers++) {
      const question = out.find((m) => m.type === 'question');
      if (question?.type !== 'question') break;
      const option = question.quickReplies.find((r) => !r.value.endsWith(':unsure'))!;
      const click = { type: 'choice' as const, value: option.value, label: option.label };
      out = (await turn(() => consultant.handle('bench', click, ctx))) as OutMessage[];
    }
    const recommended = out.some((m) => m.type === 'recommendation');
    await turn(() => consultant.ask(KNOWLEDGE_QUESTION, ctx));

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
    const total = tokens.reduce((a, b) => a + b, 0);
    const maxTokens = Math.max(...tokens);
    return [
      {
        name: `llm: scripted consultation: description, ${answers} answers${recommended ? ' (to the verdict)' : ''}, a knowledge question`,
        value: perTurn.length,
        unit: 'user turns',
      },
      {
        name: `llm: model calls per user turn, most (${perTurn.join(', ')})`,
        value: maxCalls,
        unit: 'calls',
        target: '<= 1',
        ok: maxCalls <= 1,
      },
      { name: `llm: prompt tokens, whole consultation (${tokens.length} calls)`, value: total, unit: 'tokens' },
      {
        name: 'llm: prompt tokens per call, most',
        value: maxTokens,
        unit: 'tokens',
        target: '<= 4000',
        ok: maxTokens <= 4_000,
      },
      { name: 'llm: prompt tokens per call, mean', value: Math.round(total / tokens.length), unit: 'tokens' },
    ];
  } finally {
    await fake.close();
  }
}
