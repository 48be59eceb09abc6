/**
 * Calibration of the engine's confidence over labelled descriptions: expected calibration error (ECE,
 * ten equal-width bins, weighted by how many verdicts fall in each), the reliability table behind it, and
 * the AUROC of confidence for telling acceptable verdicts from wrong ones (the chance that a random
 * acceptable verdict carries more confidence than a random wrong one; ties count half).
 */

/** One verdict: the confidence it was given and whether an architect would accept it. */
export interface Outcome {
  confidence: number;
  acceptable: boolean;
}

export interface ReliabilityBin {
  /** [from, to) in confidence (the last bin includes 1). */
  from: number;
  to: number;
  count: number;
  meanConfidence: number;
  /** Share of acceptable verdicts in the bin. */
  accuracy: number;
}

export interface Calibration {
  count: number;
  wrong: number;
  ece: number;
  /** Undefined when there is no wrong verdict (or no acceptable one) to separate. */
  auroc: number | undefined;
  /** The highest confidence any wrong verdict was given. */
  maxWrongConfidence: number | undefined;
  bins: ReliabilityBin[];
}

export function calibrate(outcomes: readonly Outcome[], binCount = 10): Calibration {
  const bins: ReliabilityBin[] = [];
  let ece = 0;
  for (let b = 0; b < binCount; b++) {
    const from = b / binCount;
    const to = (b + 1) / binCount;
    const inBin = outcomes.filter(
      (o) => o.confidence >= from && (o.confidence < to || (b === binCount - 1 && o.confidence <= 1)),
    );
    if (!inBin.length) continue;
    const meanConfidence = inBin.reduce((s, o) => s + o.confidence, 0) / inBin.length;
    const accuracy = inBin.filter((o) => o.acceptable).length / inBin.length;
    ece += (inBin.length / outcomes.length) * Math.abs(meanConfidence - accuracy);
    bins.push({ from, to, count: inBin.length, meanConfidence, accuracy });
  }
  const right = outcomes.filter((o) => o.acceptable).map((o) => o.confidence);
  const wrong = outcomes.filter((o) => !o.acceptable).map((o) => o.confidence);
  let auroc: number | undefined;
  if (right.length && wrong.length) {
    let wins = 0;
    for (const r of right) for (const w of wrong) wins += r > w ? 1 : r === w ? 0.5 : 0;
    auroc = wins / (right.length * wrong.length);
  }
  return {
    count: outcomes.length,
    wrong: wrong.length,
    ece,
    auroc,
    maxWrongConfidence: wrong.length ? Math.max(...wrong) : undefined,
    bins,
  };
}

/** The reliability table as text lines. */
export function reliabilityTable(c: Calibration): string[] {
  const pct = (x: number) => `${Math.round(100 * x)}%`.padStart(4);
  return [
    'confidence   verdicts  mean confidence  acceptable',
    ...c.bins.map(
      (b) =>
        `${pct(b.from)}–${pct(b.to).trim().padEnd(4)}  ${String(b.count).padStart(8)}  ${pct(b.meanConfidence).padStart(15)}  ${pct(b.accuracy).padStart(10)}`,
    ),
  ];
}
