/** Corrections: "actually we're 12", "sorry, 4 teams not 3", "correction: we do have on-call". */

const MARKER =
  /^\W*(?:actually|sorry|correction|corrected|oops|wait|my bad|my mistake|i mean|i meant|to clarify|let me correct|scratch that|update|erratum|no,|nope,?|fix:|not quite)\b|\b(?:i meant|i misspoke|i was wrong|i miscounted|miscounted|typo|we do have|we do use|we actually|actually,? (?:we|it|there|our|they)|in fact|rather than \d|instead of \d|not \d+\b|to correct|correction)\b/i;

/** Softer cues that correct only when they contradict something already known ("we're now 15"). */
const SOFT =
  /\b(?:now|anymore|any more|grew to|grown to|shrank to|down to|up to|these days|currently|since then|changed)\b/i;

/** True when the sentence announces a correction of something said earlier. */
export function isCorrection(sentence: string): boolean {
  return MARKER.test(sentence);
}

/** True when the sentence updates a fact over time (counts as a correction if it contradicts a known value). */
export function isSoftCorrection(sentence: string): boolean {
  return SOFT.test(sentence);
}
