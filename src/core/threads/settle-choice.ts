/**
 * Buttons that settle a disagreement: each carries the fact and the value it stands for
 * (`settle:engineers=14`), so pressing one later, in any channel, needs no memory of the thread.
 */
import { FACT_KEYS, type FactKey, type FactUpdate } from '../profile/profile.js';
import { validFactValue } from '../profile/valid-fact.js';

const PREFIX = 'settle:';

/** The button value that settles `key` on `value`. */
export function settleChoice(key: FactKey, value: unknown): string {
  return `${PREFIX}${key}=${JSON.stringify(value)}`;
}

/** The fact a settle button stands for, or undefined when the value is not one (or no longer valid). */
export function readSettleChoice(choice: string): FactUpdate | undefined {
  if (!choice.startsWith(PREFIX)) return undefined;
  const eq = choice.indexOf('=');
  const key = choice.slice(PREFIX.length, eq) as FactKey;
  if (eq < 0 || !FACT_KEYS.includes(key)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(choice.slice(eq + 1));
  } catch {
    return undefined;
  }
  const valid = validFactValue(key, value);
  return valid === undefined ? undefined : ({ key, value: valid } as FactUpdate);
}
