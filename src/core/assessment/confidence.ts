/** Confidence 0..1 from how clearly the verdict wins and how much of the key information was known. */

/** `margin`: winning score minus runner-up; `known`/`total`: key facts stated vs asked about. */
export function computeConfidence(margin: number, known: number, total: number): number {
  const decisiveness = Math.min(1, Math.max(0, margin) / 5);
  const coverage = total > 0 ? known / total : 0;
  const value = 0.25 + 0.45 * decisiveness + 0.3 * coverage;
  return Math.round(Math.min(0.95, Math.max(0.05, value)) * 100) / 100;
}
