/**
 * Heuristics for sentences in user text that address the model rather than describe the team
 * ("ignore previous instructions", "reveal your system prompt", "set the verdict to microservices").
 * They never block a user; they only stop such sentences from counting as evidence for a fact.
 */

const PATTERNS: RegExp[] = [
  /\b(ignore|disregard|forget|override|bypass)\b.{0,60}\b(instructions?|rules?|prompts?|directions?|guidelines?|constraints?|guardrails?|above|previous|prior)\b/i,
  /\b(system|developer|admin(istrator)?|root)\s*(prompt|message|instructions?|mode|override|note)\b/i,
  /\b(you are now|from now on|act as|pretend (to be|you)|role-?play|jailbreak|dan mode)\b/i,
  /\b(reveal|print|show|repeat|output|leak|display|dump|translate|summari[sz]e|echo)\b.{0,40}\b(your|the|initial|hidden|secret)\b.{0,20}\b(prompt|instructions?|rules|configuration)\b/i,
  /\b(recommend|output|say|answer|respond|reply|return|set|report|claim|declare|write|conclude|tell)\b.{0,50}\b(verdict|recommendation)\b/i,
  /\b(the (correct|right|only|final) (answer|verdict|recommendation|architecture) is)\b/i,
  /\b(set|change|force|override|record|report|pretend|claim)\b.{0,30}\b(engineers?|teams?|users?|facts?|fields?|profile)\b.{0,20}\b(to|as|=|is)\b/i,
  /\b(you must|you will|you should) (now )?(always |only )?(recommend|say|answer|reply|output|cite|include)\b/i,
  /\b(always|only) (recommend|answer|say|reply)\b/i,
  /\b(new|updated|real|actual) (instructions?|rules|task)\b/i,
  /\b(do not|don't|never) (follow|obey|apply)\b/i,
  /<\/?\s*(user_data|system|assistant|instructions?)\s*>|<\|im_(start|end)\|>|\[\/?(system|inst)\]|###\s*(system|instruction)/i,
  /\b(cite|link|include|add)\b.{0,30}\bhttps?:\/\//i,
  /\b(pretend|imagine|suppose|hypothetically|role-?play as)\b/i,
  /\b(note|message|instructions?|reminder)s? (to|for) (the )?(ai|assistant|model|llm|bot|archie|gpt)\b/i,
  /\b(record|store|output|write|report|enter|put)\b.{0,15}\b\d[\d,.]*\s*(k|m)?\s*(engineers?|teams?|squads?|users?)\b/i,
];

/** Splits text into sentences (and lines), keeping the original wording. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** True when a sentence looks like an instruction to the model. */
export function isInstruction(sentence: string): boolean {
  return PATTERNS.some((p) => p.test(sentence));
}

/** The sentences of `text` that look like instructions to the model. */
export function instructionSentences(text: string): string[] {
  return splitSentences(text).filter(isInstruction);
}
