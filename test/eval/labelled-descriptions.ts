/**
 * Every labelled description in test/eval (the scenario sets, the independent sets and fresh sets A and B), for
 * properties that must hold on all of them. Tests iterate them; nobody reads them to tune the engine.
 */
import type { createConsultant } from '../../src/core/create-consultant.js';
import { ArchieError } from '../../src/core/errors.js';
import { FRESH_SCENARIOS_A } from './fresh-a.js';
import { FRESH_SCENARIOS_B } from './fresh-b.js';
import { HELD_OUT_SCENARIOS } from './held-out.js';
import { HELD_OUT_2 } from './held-out-2.js';
import { HELD_OUT_3 } from './held-out-3.js';
import { SCENARIOS } from './scenarios.js';

export interface LabelledDescription {
  set: string;
  id: string;
  text: string;
}

const from = (set: string, items: readonly { id: string; text?: string; description?: string }[]) =>
  items.map((x) => ({ set, id: x.id, text: (x.text ?? x.description)! }));

export const LABELLED_DESCRIPTIONS: LabelledDescription[] = [
  ...from('scenarios', SCENARIOS),
  ...from('independent set 1', HELD_OUT_SCENARIOS as readonly { id: string; description: string }[]),
  ...from('independent set 2', HELD_OUT_2 as readonly { id: string; description: string }[]),
  ...from('independent set 3', HELD_OUT_3 as readonly { id: string; description: string }[]),
  ...from('fresh set A', FRESH_SCENARIOS_A),
  ...from('fresh set B', FRESH_SCENARIOS_B),
];

type Consultant = ReturnType<typeof createConsultant>;

/** What `assess` gives a description, or undefined when it refuses for too little to decide (it asks). */
export async function assessOrAsk(
  consultant: Pick<Consultant, 'assess'>,
  description: string,
): Promise<Awaited<ReturnType<Consultant['assess']>> | undefined> {
  try {
    return await consultant.assess(description);
  } catch (error) {
    if (error instanceof ArchieError && error.code === 'insufficient_input') return undefined;
    throw error;
  }
}
