/**
 * The essentials: what Archie must have been told before it recommends anything. A verdict needs a
 * system to be about (anything said about the system, today or planned) and the size of the team that
 * builds it. With no system described there is no verdict at all, in any channel: everything else would
 * be invented. A missing team size is asked for first in a conversation; where nobody can be asked (a
 * one-shot assessment) it is assumed, listed as an assumption and costs confidence.
 */
import type { FactKey, TeamProfile } from '../profile/profile.js';

export type Essential = 'system' | 'team-size';

/** What to ask for, in words, for each missing essential. */
export const ESSENTIAL_ASK: Record<Essential, string> = {
  system: 'what the system is (what it does, which model it calls or runs, its main parts, or how far along it is)',
  'team-size': 'how many engineers (or teams) work on it',
};

const TEAM_SIZE: readonly FactKey[] = ['engineers', 'teams'];

/** Statements read but not yet today's facts (plans): they describe a system too. */
interface Statement {
  key: FactKey;
}

/**
 * Words that name a software system, so "12 engineers building an agent platform" describes one even when
 * no fact about it could be read, while "hello there" or "we are 5 engineers" do not.
 */
const SYSTEM_WORDS =
  /\b(?:(?:ai|genai|llm|rag|gpt|chat|voice|coding|support|search|sales|research)[- ]?(?:assistant|agent|bot|tool|app|product|system|platform|feature)s?|assistants?|agents?|agentic|chat ?bots?|bots?|copilots?|apps?|applications?|platforms?|services?|apis?|models?|llms?|gpt[-\w.]*|claude|gemini|llama[-\w.]*|mistral|openai|anthropic|bedrock|rag|retrieval|embeddings?|vector (?:store|database|db|index)|pipelines?|products?|tools?|systems?|classifiers?|summari[sz]ers?|generators?|prototypes?|poc|proof of concept|mvp|website|web ?site|backend|saas|monolith|microservices?|kubernetes|k8s|serverless|lambdas?|workflows?|ingestion|inference)\b/i;

/** The words that describe a system in `text` (the first match), or undefined when it names none. */
export function describedSystem(text: string): string | undefined {
  return SYSTEM_WORDS.exec(text)?.[0];
}

/**
 * The essentials not yet known, "system" first. `systemWords`: words the team used that name its system
 * (see describedSystem), when no fact about it could be read.
 */
export function missingEssentials(
  profile: TeamProfile,
  plans: readonly Statement[] = [],
  systemWords?: string,
): Essential[] {
  const said = [
    ...Object.entries(profile)
      .filter(([, value]) => value !== undefined)
      .map(([key]) => key as FactKey),
    ...plans.map((p) => p.key),
  ];
  const missing: Essential[] = [];
  if (!systemWords && !said.some((key) => !TEAM_SIZE.includes(key))) missing.push('system');
  if (!said.some((key) => TEAM_SIZE.includes(key))) missing.push('team-size');
  return missing;
}

/** True when there is too little to recommend anything: no system was described. */
export function tooLittleToDecide(missing: readonly Essential[]): boolean {
  return missing.includes('system');
}

/** One sentence asking for what is missing: "…tell me what the system is … and how many engineers …". */
export function askForEssentials(missing: readonly Essential[]): string {
  const asks = missing.map((m) => ESSENTIAL_ASK[m]);
  const list = asks.length > 1 ? `${asks.slice(0, -1).join(', ')} and ${asks.at(-1)}` : asks[0];
  return `I need a little more before I can recommend anything: tell me ${list}.`;
}
