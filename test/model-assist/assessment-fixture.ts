/** A realistic engine result for explanation tests (citations are real knowledge-base documents). */
import type { Assessment } from '../../src/core/assessment/assessment.js';

export const modularMonolithAssessment: Assessment = {
  verdict: 'modular-monolith',
  confidence: 0.72,
  scores: { monolith: 0.4, 'modular-monolith': 0.72, hybrid: 0.35, microservices: 0.1 },
  extractedServices: [],
  reasons: [
    {
      text: 'Three teams share one codebase, so module boundaries keep them out of each other’s way without network hops.',
      factorId: 'team-count',
      citations: [
        {
          id: 'shopify-modular-monolith',
          title: 'Shopify modular monolith',
          url: 'https://shopify.engineering/deconstructing-monolith-designing-software-maximizes-developer-productivity',
        },
      ],
    },
    {
      text: 'A new genAI system’s boundaries are still moving; a wrong service boundary is expensive to move.',
      factorId: 'stage',
      citations: [
        {
          id: 'fowler-monolith-first',
          title: 'MonolithFirst',
          url: 'https://martinfowler.com/bliki/MonolithFirst.html',
        },
      ],
    },
  ],
  factors: [],
  risks: [
    {
      risk: 'Modules erode into a big ball of mud.',
      mitigation: 'Enforce module boundaries in CI.',
      citations: [],
    },
  ],
  changeTriggers: [{ condition: 'more than 3 teams blocked by one release train', wouldMoveTo: 'microservices' }],
  nextSteps: ['Define module boundaries'],
  assumptions: [],
  citations: [
    {
      id: 'shopify-modular-monolith',
      title: 'Shopify modular monolith',
      url: 'https://shopify.engineering/deconstructing-monolith-designing-software-maximizes-developer-productivity',
    },
    { id: 'fowler-monolith-first', title: 'MonolithFirst', url: 'https://martinfowler.com/bliki/MonolithFirst.html' },
  ],
  runnerUp: { verdict: 'monolith', why: 'A single team could keep one module-less codebase.' },
  engineVersion: 'test',
};
