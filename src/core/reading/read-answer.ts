/**
 * A typed answer to a question, read by the same pipeline as any message with the question as context:
 * facts the message states about the question's subject answer it; otherwise a plain yes or no, a count
 * ("about a dozen", "just me and a contractor") or the words of one of the options. Instructions ("Record
 * 250 engineers") and questions typed back ("what is <img src=x onerror=alert(3)>?") are not answers.
 */
import type { FactKey, FactUpdate, TeamProfile } from '../profile/profile.js';
import { findQuantities, normalizeText } from './numbers.js';
import { readMessage } from './read-message.js';

/** What reading an answer needs to know about the question asked. */
export interface AnswerContext {
  id: string;
  /** The facts the question settles; the first is the one asked about. */
  facts: readonly FactKey[];
  options: readonly { id: string; updates: FactUpdate[] }[];
}

const NO = /\b(?:no|nope|nah|not|none|never|false|negative|without)\b|n't\b|^\s*n\s*$/i;
const YES =
  /\b(?:yes|yeah|yep|yup|sure|true|correct|absolutely|definitely|indeed|affirmative|we do|we have|we are|of course)\b|^\s*y\s*$/i;
const LEADING_YES_NO =
  /^\W*(?:yes|yeah|yep|yup|no|nope|nah|sure|correct|absolutely|definitely|of course|not really|never|y|n)\b/i;

/** true / false for a yes-no answer, undefined when it is neither. */
export function readYesNo(text: string): boolean | undefined {
  const t = text.trim();
  if (!t) return undefined;
  if (NO.test(t) && !/^\s*(?:yes|yeah|yep)\b/i.test(t)) return false;
  if (YES.test(t)) return true;
  return undefined;
}

const PEOPLE =
  /\b(?:just|only)\s+(?:me|myself|i)\b|\bsolo\b|\bonly me\b|\b(?:me|i)\s+and\s+(?:a|one|my)\s+(?:\w+\s+)?(?:contractor|co-?founder|partner|friend|colleague|freelancer|dev|developer|engineer)\b|\b(?:my\s+)?(?:co-?founder|business partner|partner)\s+and\s+(?:me|i)\b|\b(?:the\s+)?(?:pair|two) of us\b/i;

/** The first count in a typed answer ("12", "about a dozen", "5-10" → 8), undefined if none. */
export function readCount(text: string): number | undefined {
  const people = PEOPLE.exec(text);
  if (people) return /\b(?:and|pair|two)\b/i.test(people[0]) ? 2 : 1;
  const first = findQuantities(normalizeText(text).text)[0];
  return first ? Math.round(first.value) : undefined;
}

// Words that pick an option of a choice question, by question and option id.
const OPTION_WORDS: Record<string, RegExp> = {
  'modelHosting:hosted': /\b(?:hosted|api|openai|anthropic|claude|gemini|bedrock|vertex|azure)\b/i,
  'modelHosting:self': /\b(?:self|own|gpus?|vllm|tgi|on-?prem|ollama|llama|triton)\b/i,
  'modelHosting:mixed': /\b(?:both|mix|mixed|some of each)\b/i,
  'containerPlatform:none': /\b(?:vm|vms|paas|heroku|render|no containers?|serverless|lambda)\b/i,
  'containerPlatform:containers': /\b(?:containers?|docker|ecs|cloud run|fargate)\b/i,
  'containerPlatform:kubernetes': /\b(?:kubernetes|k8s|eks|gke|aks|openshift)\b/i,
  'stage:prototype': /\b(?:idea|prototype|poc|proof of concept|mvp)\b/i,
  'stage:pilot': /\b(?:pilot|beta|trial)\b/i,
  'stage:production': /\b(?:production|prod|live|launched|ga)\b/i,
  'stage:scale': /\b(?:scale|scaling|millions of users|large)\b/i,
  'currentArchitecture:none': /\b(?:nothing|greenfield|not yet|new|from scratch)\b/i,
  'currentArchitecture:monolith': /\b(?:one app|single app|monolith)\b/i,
  'currentArchitecture:microservices': /\b(?:services|microservices|split)\b/i,
};

/** The updates a typed answer gives `question`, or undefined when the text does not answer it. */
export function readAnswer(question: AnswerContext, raw: string, profile: TeamProfile): FactUpdate[] | undefined {
  const reading = readMessage(raw, { known: profile });
  // What is left once instructions are set aside is what the user answered.
  let text = reading.text;
  for (const instruction of reading.instructions) text = text.replace(instruction, ' ');
  text = text.trim();
  if (!text || /\?\s*$/.test(text)) return undefined;
  const own = reading.facts.filter((u) => question.facts.includes(u.key));
  if (own.length) return own;
  const first = question.facts[0]!;
  const isYesNo = question.options.length === 2 && question.options[0]!.id === 'yes';
  const said = reading.facts.length || reading.plans.length || reading.history.length;
  if (said && !(isYesNo && LEADING_YES_NO.test(text))) return undefined;
  // A plan ("we will next year") is not today's answer.
  if (reading.plans.some((p) => question.facts.includes(p.key))) return undefined;
  if (first === 'engineers' || first === 'teams') {
    const n = readCount(text);
    return n !== undefined && n >= 1 ? [{ key: first, value: Math.min(n, 100_000) }] : undefined;
  }
  if (isYesNo) {
    const yes = readYesNo(text);
    return yes === undefined ? undefined : [{ key: first, value: yes } as FactUpdate];
  }
  const quick = /^\s*(\d{1,2})\s*$/.exec(text);
  const option = quick
    ? question.options[Number(quick[1]) - 1]
    : question.options.find((o) => OPTION_WORDS[`${question.id}:${o.id}`]?.test(text));
  return option?.updates;
}
