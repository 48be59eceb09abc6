/** The level the engine reached on the labelled scenarios; `scenarios.test.ts` fails below it. */
export const SCENARIO_THRESHOLDS = { accuracy: 0.95, strictAccuracy: 0.9 };
