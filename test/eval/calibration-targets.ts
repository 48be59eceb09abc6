/**
 * Targets for the engine's confidence over every labelled set (printed by `npm run eval`): a verdict given
 * 70% confidence should be acceptable about 70% of the time, confidence should rank acceptable verdicts
 * above wrong ones, and no wrong verdict should look confident.
 */
export const CALIBRATION_TARGETS = { ece: 0.08, auroc: 0.8, maxWrongConfidence: 0.6 };
