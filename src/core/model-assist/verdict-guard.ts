/**
 * The verdict guard: does a model's text steer the team towards another architecture than the engine's?
 * Read clause by clause, the way an architect reviewing the narrative would:
 *  - a directive about another architecture: an imperative ("Split the system into microservices"), a
 *    modal of obligation ("you should be running microservices", "it is time to split into
 *    microservices"), a recommendation verb ("we suggest a hybrid") or a plan ("plan a move to …");
 *  - a judgement that another architecture is the right one ("microservices are what your situation
 *    needs", "a hybrid is the better option", "your situation calls for microservices");
 *  - a directive to dismantle the engine's architecture ("replace the monolith", "migrate off it");
 *  - calling the engine's verdict a stopgap, a mistake or a dead end.
 * Negation and conditions keep legitimate narratives: "you don't need microservices", "avoid
 * microservices until…", "revisit microservices once you have five teams", "rather than microservices",
 * "splitting into microservices would add on-call load", "Segment moved from microservices to a monolith".
 * Urgency ("now", "this quarter") overrides a condition. For a monolith or modular monolith verdict,
 * "independent services per component" counts as microservices.
 */
import type { Verdict } from '../assessment/assessment.js';
import { sentenceTexts } from '../text/split-sentences.js';

interface Mention {
  verdict: Verdict;
  index: number;
  end: number;
}

/** Verdict mentions in order ("modular monolith" is not also "monolith"; "distributed monolith" is a pain). */
export function verdictMentions(sentence: string, engine?: Verdict): Mention[] {
  let s = sentence.toLowerCase().replace(/distributed[\s-]+monolith\w*/g, (m) => ' '.repeat(m.length));
  const found: Mention[] = [];
  const take = (re: RegExp, verdict: Verdict) => {
    s = s.replace(re, (m, ...rest) => {
      const index = rest[rest.length - 2] as number;
      found.push({ verdict, index, end: index + m.length });
      return ' '.repeat(m.length);
    });
  };
  take(/\bmodular[\s-]+monolith\w*/g, 'modular-monolith');
  take(/\bhybrid\b|\bmonolith(ic)? core\b/g, 'hybrid');
  take(/\bmicro[\s-]?services?\b/g, 'microservices');
  take(/\bmonolith\w*/g, 'monolith');
  // Against a single-deployable verdict, "independent services per component" is microservices in all
  // but name; against a hybrid, extracting a separate service is the verdict itself.
  if (engine === 'monolith' || engine === 'modular-monolith') {
    take(
      /\b(?:(?:independent|separate|separately deployed|independently deployed|many|small|individual|multiple)\s+services\b|(?:a\s+)?services?\s+per\s+(?:component|team|feature|domain|module|capability)\b|distributed (?:system|architecture)\b)/g,
      'microservices',
    );
  }
  return found.sort((a, b) => a.index - b.index);
}

/** True when the engine's verdict is named somewhere in `text`. */
export function namesVerdict(text: string, verdict: Verdict): boolean {
  return verdictMentions(text).some((m) => m.verdict === verdict);
}

// Clauses: a contrast or a new clause can change who is being recommended ("X is fine, but Y").
const CLAUSE_BREAK =
  /[;:()]|\s[-\u2013\u2014]\s|\u2014|,?\s\b(?:but|yet|however|although|though|whereas|while)\b|,\s*(?:and\s+)?then\b|\band\s+(?=(?:begin|start|move|migrate|switch|adopt|split|go|plan|commit|break|decompose|extract|replace)\b)/g;

/** Words that start an imperative clause before its verb ("So just move to …"). */
const LEAD_IN =
  /^(?:\s|,|\b(?:so|then|and|please|just|now|simply|instead|finally|first|next|honestly|frankly|therefore|thus|definitely|seriously|really|do yourself a favou?r and|go ahead and|at this point|in short|bottom line|my advice|our advice|the fix|the answer)\b)*$/;

/** Verbs that move a system to an architecture (their object is the architecture that follows). */
const MOVE =
  /\b(?:adopt|embrace|choose|pick|select|opt for|go (?:with|for|to|straight to|all[- ]in on)|switch (?:over )?to|move (?:over )?(?:to|towards|into)|migrate (?:to|towards|into)|transition to|convert (?:it |this |everything )?(?:to|into)|commit to|invest in|start (?:with|on|building|moving to|the migration to|migrating to)|begin (?:the migration to|migrating to|moving to)|build (?:this|it|the system|everything|your system)? ?(?:as|with|on)|re-?architect (?:it |this )?(?:as|into)|rebuild (?:it |this )?(?:as|on)|split (?:\w+ ){0,5}?into|break (?:\w+ ){0,4}?into|decompose (?:\w+ ){0,4}?into|carve (?:\w+ ){0,4}?into|extract (?:\w+ ){0,5}?into|turn (?:\w+ ){0,3}?into|use|run|roll out|deploy (?:it |this |everything )?as|plan (?:a move to|the migration to|the move to|for|on)|go|head (?:to|towards)|aim for)\b/g;

/** Verbs that take apart the architecture named after them ("replace the monolith", "migrate off it"). */
const DISMANTLE =
  /\b(?:replace|retire|abandon|ditch|drop|dismantle|tear down|get rid of|move (?:away from|off|beyond|past)|migrate (?:away from|off|out of)|break up|break apart|split up|decompose|outgrow|leave|escape)\b/g;

/** Directive moods: a recommendation or an obligation before the verb makes it advice. */
const DIRECTIVE =
  /\b(?:should(?! (?:you|your|the team|it|they|this|that|growth|headcount|traffic|load)\b)|must|need(?:s)? to|have to|has to|ought to|(?:it'?s|it is) (?:high )?time to|better to|best to|let'?s|i'?d|we'?d|i would|we would|you'?ll want to|you want to|recommend(?:s|ed|ation)?(?: is| to)?|suggest(?:s|ed|ion)?|advise[sd]?|propose[sd]?|urge[sd]?|encourage[sd]?|(?:my|our|the) (?:advice|suggestion|proposal|plan)(?: is)?(?: to)?|plan to|will|are going to|is going to|it makes sense to|the (?:best|right|smart|only) (?:move|path|path forward|way forward|way|step|thing to do|next step) is(?: to)?|verdict(?: is)?:?)\b/g;

/** A judgement that the architecture before it is the right one ("microservices are what you need"). */
const APPROVES_BEFORE =
  /\b(?:(?:is|are|would be|will be|remains?|'s|'re)\s+(?:(?:the|a|an|far|much|clearly|simply|obviously|definitely|by far)\s+){0,2}(?:recommended|best|right|ideal|better|winning|clear|obvious|smart|sensible|natural|correct|proper|superior|preferable|stronger|safer)\b(?:\s+(?:choice|fit|option|answer|path|architecture|approach|way to go|bet|move|call|target|destination))?|(?:is|are) recommended|wins|win out|(?:is|are|'s|'re) (?:exactly |really |precisely )?what (?:you|your \w+|the team|this team|this system|a team like yours) (?:really |actually |truly )?(?:needs?|requires?|calls? for|should (?:use|build|run))|(?:fit|fits|suit|suits) (?:you|your|this|the team|a team|teams like yours)|(?:fits?|suits?) (?:\w+ ){0,3}?(?:far |much )?better|(?:would|will|could) serve (?:you|your \w+|the team) (?:far |much )?better|makes? (?:far |much |a lot )?more sense|(?:is|are) the way (?:to go|forward)|(?:is|are) (?:needed|required|essential|necessary|unavoidable|inevitable)|(?:is|are) the answer|(?:is|are) the future)\b/g;

/** The same judgement written before the architecture ("the best fit is microservices"). */
const APPROVES_AFTER =
  /\b(?:the (?:best|right|ideal|better|recommended|smart|sensible|correct|obvious|clear) (?:fit|choice|option|answer|path|architecture|approach|way forward|bet|target|call)(?: here| for you| for this team)? (?:is|would be|remains)|(?:calls|call) for|(?:are|is|'re|would be|will be) (?:much |far )?better off (?:with|on|going|building|moving to)|(?:is|are) best served by|would benefit (?:most )?from|(?:needs|need|requires|require) (?:a |an )?(?=\w*\s*(?:micro|hybrid|modular|monolith)))\b/g;

/** Calling the engine's verdict a mistake. */
const DISPARAGES =
  /\b(?:stop-?gap|dead[- ]end|mistake|wrong (?:choice|call|answer|fit)|outdated|a trap|band-?aid|short-?sighted|holding (?:you|the team) back|only temporary|temporary at best|as temporary|is temporary|a temporary (?:step|solution|fix|measure|stage)|won'?t last|not enough|insufficient|a placeholder)\b/g;

const NEGATION =
  /\b(?:not|never|no|without|avoid\w*|rather than|instead of|against|premature\w*|too early|hold off|resist|neither|nor|nothing|nobody|unnecessary|overkill|don'?t|doesn'?t|isn'?t|aren'?t|won'?t|wouldn'?t|shouldn'?t|needn'?t|no need)\b|n't\b/;

const CONDITION =
  /\b(?:if|unless|once|when|whenever|until|after|later|eventually|someday|one day|in (?:the )?future|long[- ]term|revisit\w*|reconsider\w*|runner[- ]up|alternative|would (?:become|change|move|shift|tip|make sense)|only (?:if|when|after|once|pays? off)|should (?:you|your|the team|it|they|this|that|growth|headcount|traffic|load)|as (?:you|the team|your team) grow\w*|the day|at (?:\d+|a few|several|many) teams)\b/;

const URGENT =
  /\b(?:now|immediately|today|right away|asap|at once|straight away|this (?:quarter|sprint|month|week|year)|next (?:sprint|week|month)|from day one|from the start|before (?:the next|your next|launch))\b/;

/** Verbs of knowing after "should" are not advice to adopt ("you should know microservices cost more"). */
const NOT_ADVICE =
  /\b(?:know|note|expect|remember|understand|reali[sz]e|be aware|keep in mind|weigh|compare|measure)\b/;

/** True when `text` recommends, urges or plans an architecture other than `verdict`. */
export function recommendsOtherVerdict(text: string, verdict: Verdict): boolean {
  return sentenceTexts(text).some((sentence) => {
    const s = sentence.toLowerCase().replace(/[\u2018\u2019]/g, "'");
    return disparagesVerdict(s, verdict) || clausesOf(s).some((clause) => steersAway(clause, verdict));
  });
}

/** The clauses of a lower-cased sentence. */
function clausesOf(s: string): string[] {
  const starts = [0, ...[...s.matchAll(CLAUSE_BREAK)].map((m) => (m.index ?? 0) + m[0].length)];
  return starts.map((start, i) => s.slice(start, starts[i + 1] ?? s.length)).filter((c) => c.trim());
}

function steersAway(clause: string, verdict: Verdict): boolean {
  const mentions = verdictMentions(clause, verdict);
  if (mentions.length === 0) return false;
  const urgent = URGENT.test(clause);
  // A negation or (without urgency) a condition in the clause before the architecture, or between it
  // and the judgement, means it is not being recommended.
  const excused = (from: number, to: number) => {
    const window = clause.slice(from, to);
    return NEGATION.test(window) || (!urgent && CONDITION.test(window));
  };
  const other = (m: Mention | undefined) => m !== undefined && m.verdict !== verdict;
  const after = (at: number, within = 90) => mentions.find((m) => m.index >= at && m.index - at <= within);

  // A move towards another architecture, said as an imperative or under a directive.
  for (const move of clause.matchAll(MOVE)) {
    const at = move.index ?? 0;
    const target = after(at + move[0].length, 70);
    if (!other(target) || !target) continue;
    const before = clause.slice(0, at);
    const imperative = LEAD_IN.test(before);
    const directive = lastDirective(before);
    if (!imperative && directive < 0) continue;
    if (excused(imperative ? 0 : Math.max(0, directive - 30), target.index)) continue;
    return true;
  }
  // Recommendation verbs and modals directly about another architecture ("we suggest a hybrid").
  for (const cue of clause.matchAll(DIRECTIVE)) {
    const at = cue.index ?? 0;
    const target = after(at + cue[0].length, 60);
    if (!other(target) || !target) continue;
    const between = clause.slice(at + cue[0].length, target.index);
    if (NOT_ADVICE.test(between)) continue;
    // "will" and "going to" make a plan only with a move verb (above); alone they predict.
    if (/^(?:will|is going to|are going to)$/.test(cue[0])) continue;
    if (excused(Math.max(0, at - 30), target.index)) continue;
    return true;
  }
  // Another architecture judged the right one.
  for (const cue of clause.matchAll(APPROVES_BEFORE)) {
    const at = cue.index ?? 0;
    const target = [...mentions].reverse().find((m) => m.end <= at && at - m.end < 70);
    if (!other(target) || !target) continue;
    if (excused(0, at + cue[0].length)) continue;
    return true;
  }
  for (const cue of clause.matchAll(APPROVES_AFTER)) {
    const at = cue.index ?? 0;
    const target = after(at + cue[0].length - 1, 50);
    if (!other(target) || !target) continue;
    if (excused(0, target.index)) continue;
    return true;
  }
  // Taking the engine's architecture apart, as advice.
  for (const cue of clause.matchAll(DISMANTLE)) {
    const at = cue.index ?? 0;
    const target = after(at + cue[0].length, 30);
    if (!target || target.verdict !== verdict) continue;
    const before = clause.slice(0, at);
    if (!LEAD_IN.test(before) && lastDirective(before) < 0) continue;
    if (excused(0, target.index)) continue;
    return true;
  }
  return false;
}

/** Where the last directive cue in `text` starts, or -1. */
function lastDirective(text: string): number {
  let last = -1;
  for (const m of text.matchAll(DIRECTIVE)) if (!NOT_ADVICE.test(text.slice(m.index ?? 0))) last = m.index ?? 0;
  return last;
}

/** "The engine picked Monolith, but that is a stopgap": the nearest architecture before the put-down is the engine's. */
function disparagesVerdict(s: string, verdict: Verdict): boolean {
  const mentions = verdictMentions(s);
  for (const cue of s.matchAll(DISPARAGES)) {
    const at = cue.index ?? 0;
    const target = [...mentions].reverse().find((m) => m.end <= at && at - m.end < 80);
    if (!target || target.verdict !== verdict) continue;
    if (NEGATION.test(s.slice(target.end, at))) continue;
    return true;
  }
  return false;
}
