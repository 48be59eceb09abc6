/**
 * The essentials: what Archie must have been told before it recommends anything. A verdict needs a
 * system to be about (a fact about it, today or planned by the team, or words naming the team's own system;
 * never someone else's proposal) and the size of the team that
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

/** Statements read but not today's facts (plans, hypotheticals, proposals). */
interface Statement {
  key: FactKey;
  modality?: string;
}

/** Nouns that name a software system a team builds or runs (not the architecture styles being asked about). */
const SYSTEM_NOUN =
  '(?:assistants?|agents?|chat ?bots?|bots?|copilots?|apps?|applications?|platforms?|services?|apis?|models?|llms?|rag|pipelines?|products?|tools?|systems?|classifiers?|summari[sz]ers?|generators?|prototypes?|poc|proof of concept|mvp|website|backend|saas|workflows?|search engine)';
/** A first-person sentence about having, building or running something. */
const OWN_VERB =
  '(?:build|builds|building|built|run|runs|running|maintain|maintaining|operate|operating|develop|developing|ship|shipping|own|have|has|got|make|making|made|wrote|written|create|created|launch|launched|sell|selling|offer|offering|work on|working on|use|using|deploy|deploying|deployed|host|hosting)';
const OWN_SYSTEM = new RegExp(
  String.raw`\b${OWN_VERB}\b[^.!?\n]{0,60}?\b(${SYSTEM_NOUN})\b|\b(?:our|my)\s+(?:[\w-]+\s+){0,3}?(${SYSTEM_NOUN})\b`,
  'i',
);
const FIRST_PERSON = /\b(?:we|we're|we've|i|i'm|i've|i'd|our|my|us|me|myself)\b/i;
const OPENS_WITH_VERB = new RegExp(String.raw`^\W*(?:just |currently |now )?${OWN_VERB}\b`, 'i');
/** "It's a FastAPI app", "The idea is an internal Slack bot": the sentence names the system it is about. */
const IT_IS = new RegExp(
  String.raw`\b(?:it|this|the (?:idea|product|project|plan|thing))(?:'s| is| will be)\s+(?:(?:just|basically|still|only)\s+)?an?\b[^.!?\n]{0,60}?\b(${SYSTEM_NOUN})\b`,
  'i',
);
/** Hedged or future wording: "we might build some genAI thing next year" describes no system yet. */
const HEDGED =
  /\b(?:might|may|could|would|someday|some day|next (?:year|quarter|month)|thinking (?:about|of)|considering|not sure|plan(?:ning)? to|want(?:s)? to|wants)\b/i;

/**
 * The words in `text` that name the team's own system ("building an agent platform"), or undefined when it
 * names none: small talk, someone else's system ("Netflix runs microservices"), a proposal ("our CTO wants
 * microservices") or a hedged plan ("we might build some genAI thing next year").
 */
export function describedSystem(text: string): string | undefined {
  for (const sentence of text.split(/[.!?\n]+/)) {
    if (HEDGED.test(sentence)) continue;
    // Chat drops the subject ("Building a RAG bot on Bedrock"): a sentence that opens with the verb is first person.
    const own = FIRST_PERSON.test(sentence) || OPENS_WITH_VERB.test(sentence);
    const match = (own ? OWN_SYSTEM.exec(sentence) : null) ?? IT_IS.exec(sentence);
    if (match) return match[1] ?? match[2];
  }
  return undefined;
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
  // Someone else's proposal says nothing about this team; its own plans say what it will build and who.
  const said = [
    ...Object.entries(profile)
      .filter(([, value]) => value !== undefined)
      .map(([key]) => key as FactKey),
    ...plans.filter((p) => p.modality !== 'proposal').map((p) => p.key),
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
