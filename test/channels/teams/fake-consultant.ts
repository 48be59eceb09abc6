/** A tiny scripted Consultant for adapter tests: a question, then a verdict, recording every call. */
import type { Assessment } from '../../../src/core/assessment/assessment.js';
import type { Consultant } from '../../../src/core/consultant.js';
import { ACTIONS, type OutMessage, type TurnContext, type UserInput } from '../../../src/core/message.js';

export interface FakeConsultant extends Consultant {
  calls: { conversationId: string; input: UserInput; ctx: TurnContext }[];
  /** Resolves the next handle() call only when released (to observe typing while "working"). */
  hold(): () => void;
}

export const CITATION = {
  id: 'fowler-monolith-first',
  title: 'MonolithFirst',
  url: 'https://martinfowler.com/bliki/MonolithFirst.html',
};

export const ASSESSMENT: Assessment = {
  verdict: 'modular-monolith',
  confidence: 0.78,
  scores: { monolith: 0.5, 'modular-monolith': 0.8, hybrid: 0.4, microservices: 0.1 },
  extractedServices: [],
  reasons: [{ text: 'One team of six ships everything together.', factorId: 'team-size', citations: [CITATION] }],
  factors: [],
  risks: [{ risk: 'Module boundaries erode', mitigation: 'Enforce them with import rules.', citations: [] }],
  changeTriggers: [{ condition: 'More than 3 teams blocked by one release', wouldMoveTo: 'hybrid' }],
  nextSteps: ['Draw the module map', 'Add an architecture test'],
  assumptions: [],
  citations: [CITATION],
  engineVersion: 'test',
};

export function createFakeConsultant(): FakeConsultant {
  const calls: FakeConsultant['calls'] = [];
  let gate: Promise<void> | undefined;
  const reply = (input: UserInput): OutMessage[] => {
    if (input.type === 'text' && input.text === 'fail') throw new Error('database exploded at /srv/secret/path');
    if (input.type === 'text' && input.text === 'long') return [{ type: 'text', text: 'word '.repeat(12_000) }];
    if (input.type === 'choice' && input.value === ACTIONS.export) {
      return [
        {
          type: 'adr',
          title: 'ADR 1: Modular monolith',
          filename: '0001-modular-monolith.md',
          markdown: '# ADR 1\n\nWe choose a modular monolith.',
        },
      ];
    }
    if (input.type === 'choice') {
      return [{ type: 'recommendation', assessment: ASSESSMENT, summary: 'Keep one deployable.', actions: [] }];
    }
    return [
      {
        type: 'question',
        questionId: 'teams',
        text: 'How many teams work on it?',
        why: 'Team count drives independent deployability.',
        quickReplies: [
          { label: 'One team', value: 'answer:teams:1' },
          { label: 'Several', value: 'answer:teams:many' },
        ],
        progress: { done: 0, total: 3 },
      },
    ];
  };
  return {
    calls,
    hold: () => {
      let release = () => {};
      gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      return release;
    },
    greet: async () => [{ type: 'text', text: 'Hi, I am Archie. Describe your system.' }],
    handle: async (conversationId, input, ctx) => {
      calls.push({ conversationId, input, ctx });
      if (gate) {
        const waiting = gate;
        gate = undefined;
        await waiting;
      }
      return reply(input);
    },
    assess: async () => {
      throw new Error('not used');
    },
    ask: async (question) => ({
      answer: `About ${question}: start with a monolith.`,
      citations: [CITATION],
      found: true,
    }),
    seed: async () => {},
    snapshot: async () => undefined,
  };
}
