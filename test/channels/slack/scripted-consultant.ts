/**
 * A tiny in-test consultant for adapter tests: a fixed interview (two questions, then a verdict) so the
 * Slack adapter's routing can be checked without the engine. Records every call it receives.
 */
import type { Assessment } from '../../../src/core/assessment/assessment.js';
import type { Consultant } from '../../../src/core/consultant.js';
import { ACTIONS, type OutMessage, type TurnContext, type UserInput } from '../../../src/core/message.js';

export const SAMPLE_ASSESSMENT: Assessment = {
  verdict: 'hybrid',
  confidence: 0.74,
  scores: { monolith: 0.2, 'modular-monolith': 0.5, hybrid: 0.74, microservices: 0.1 },
  extractedServices: ['GPU inference'],
  reasons: [
    {
      text: 'GPU inference scales differently from the API',
      factorId: 'gpu',
      citations: [{ id: 'vllm', title: 'vLLM PagedAttention', url: 'https://example.org/vllm' }],
    },
  ],
  factors: [],
  risks: [{ risk: 'Network hop to inference', mitigation: 'Batch requests', citations: [] }],
  changeTriggers: [{ condition: 'more than 3 teams blocked by one release train', wouldMoveTo: 'microservices' }],
  nextSteps: ['Put inference behind a queue', 'Keep the core as one deployable'],
  assumptions: [{ fact: 'teams', assumed: '1 team' }],
  citations: [{ id: 'vllm', title: 'vLLM PagedAttention', url: 'https://example.org/vllm' }],
  engineVersion: 'test',
};

export interface ScriptedConsultant extends Consultant {
  received: { conversationId: string; input: UserInput | 'greet'; ctx: TurnContext }[];
}

export function scriptedConsultant(options: { before?: () => Promise<void> } = {}): ScriptedConsultant {
  const answered = new Map<string, number>();
  const received: ScriptedConsultant['received'] = [];
  const question = (n: number): OutMessage => ({
    type: 'question',
    questionId: `q${n}`,
    text: `Question ${n}?`,
    why: 'it matters',
    quickReplies: [
      { label: 'Yes', value: `q${n}:yes` },
      { label: 'No', value: `q${n}:no` },
    ],
    progress: { done: n - 1, total: 2 },
  });
  return {
    received,
    greet: async (conversationId, ctx) => {
      received.push({ conversationId, input: 'greet', ctx });
      return [{ type: 'text', text: 'Hi, I am Archie. Describe your system.' }];
    },
    handle: async (conversationId, input, ctx) => {
      received.push({ conversationId, input, ctx });
      await options.before?.();
      if (input.type === 'choice' && input.value === ACTIONS.export) {
        return [
          { type: 'adr', title: 'ADR 1: Hybrid', filename: 'adr-0001-hybrid.md', markdown: '# ADR 1\n\nHybrid.' },
        ];
      }
      if (input.type === 'choice' && input.value.startsWith('feedback:')) {
        return [{ type: 'text', text: 'Thanks for the feedback.' }];
      }
      const n = (answered.get(conversationId) ?? 0) + 1;
      answered.set(conversationId, n);
      if (n <= 2) return [question(n)];
      return [{ type: 'recommendation', assessment: SAMPLE_ASSESSMENT, summary: 'Go **hybrid**.', actions: [] }];
    },
    assess: async () => ({ profile: {}, provenance: {}, plans: [], history: [], assessment: SAMPLE_ASSESSMENT }),
    ask: async (question) => ({
      answer: `About "${question}": extract inference when GPUs scale differently.`,
      citations: [{ id: 'vllm', title: 'vLLM PagedAttention', url: 'https://example.org/vllm' }],
      found: true,
    }),
    seed: async () => {},
    snapshot: async () => ({ profile: {}, assessment: SAMPLE_ASSESSMENT }),
  };
}
