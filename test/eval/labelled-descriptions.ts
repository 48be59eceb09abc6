/**
 * Every labelled description in test/eval (the scenario sets, the independent sets and fresh sets A and B), for
 * properties that must hold on all of them. Tests iterate them; nobody reads them to tune the engine.
 */
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
