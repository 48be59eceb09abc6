/**
 * Confidence 0..1: how likely the verdict is one an experienced architect would accept. It grows with the
 * margin over the runner-up (a tie is a coin toss between two: 0.5) and is scaled by how much of that
 * margin rests on what the team said rather than on assumptions. Calibrated over every labelled set
 * (`npm run eval` prints the expected calibration error and its reliability table).
 */

/** Margin (score points over the runner-up) at which about two thirds of the possible gain is reached. */
const MARGIN_SCALE = 0.8;
const FLOOR = 0.5;
const CEILING = 0.97;

/** `margin`: winning score minus runner-up; `statedShare`: 0..1 of that margin resting on stated facts. */
export function computeConfidence(margin: number, statedShare: number): number {
  const decisiveness = 1 - Math.exp(-Math.max(0, margin) / MARGIN_SCALE);
  const share = Math.min(1, Math.max(0, statedShare));
  const value = FLOOR + (CEILING - FLOOR) * decisiveness * share;
  return Math.round(value * 100) / 100;
}
