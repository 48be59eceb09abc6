/**
 * The direct answer to a yes/no question ("Should every tool be its own service?", "Did DORA find AI
 * improved throughput?"): reads the question's asking clause and the quoted sentence that speaks to it most,
 * and says "Yes" or "No" only when the sentence takes a clear stance on that clause:
 * - a negation next to the question's own words that the question does not share ("do not make each step its
 *   own service", "never reached Adopt") answers No; the same negation on both sides answers Yes;
 * - an opposite direction of change (the question asks "improved", the source says "dropped") answers No;
 * - a question proposing a split (own service, separate, extract) met by advice to keep things together
 *   (modules, in-process, one deployment, stay a monolith) answers No, and the converse Yes;
 * - a sentence that affirms the question's words (most of them, or its closing phrase) without any of these
 *   answers Yes.
 * - a question asking for a judgement ("is it ok to …") met by a bad outcome ("ended up in serious trouble")
 *   answers No.
 * Each is judged on the clause (between semicolons and colons) that shares most words with the question; a
 * conditional or restrictive clause ("only when …") never answers Yes outright. Mixed signals, a question offering alternatives ("A or B?") or a sentence that barely touches the question
 * give no Yes/No at all: the answer then opens with its best sentence, as before. A wrong "No" costs more
 * trust than a missing one.
 */
import { contentTerms, tokenize } from '../knowledge/analyze-text.js';
import { splitSentences } from '../knowledge/split-sentences.js';

export type Stance = 'yes' | 'no';

const AUXILIARY =
  /^(?:(?:so|and|but|ok|okay|then|also|now|honestly|quick question)[,:]?\s+)*(?:should|shall|does|do|did|is|are|was|were|can|could|will|would|has|have|had|must|need|may|might|isn't|aren't|doesn't|don't|didn't|shouldn't|won't|wouldn't)\b/i;
const IS_IT_TRUE = /^(?:is it|it is|is that|isn't it)\s+(?:true|right|correct|the case)\s+(?:that\s+)?/i;
const NEGATORS = new Set(['not', 'no', 'never', 'none', 'nothing', 'neither', 'nor', 'without', 'cannot', 'rather']);
const NEGATION_WINDOW = 4;
const INCREASE =
  /\b(improv\w*|increas\w*|rais\w*|ris(?:e|es|ing)|rose|grow\w*|grew|higher|more|better|faster|gain\w*|boost\w*)\b/i;
const DECREASE =
  /\b(drop\w*|decreas\w*|declin\w*|fell|fall\w*|lower\w*|reduc\w*|cut|worse|slower|less|shrank|shrink\w*|hurt\w*|harm\w*)\b/i;
const SPLIT =
  /\b(own (?:micro)?service|separate(?:d|ly)? (?:\w+ )?(?:service|server|deployment|repo\w*)|split\w*|extract\w*|pull\w* (?:\w+ )*?out|break\w* (?:\w+ )*?up|microservices?|standalone|dedicated (?:\w+ )?service|own repo\w*)\b/i;
// Words that make a sentence conditional or restrictive ("needed only for …", "when you self-host …"):
// such a sentence does not affirm the question outright — unless the question sets the same kind of
// condition itself ("if our services can only ship together, does that mean …?").
const CONDITIONAL =
  /\b(?:when|if|unless|until|except|provided)\b|\bonly (?:when|if|for|where|after|once|with|in)\b|\bcan only\b/i;
// A question asking for a judgement ("is it ok to …", "is X worth it") met by a bad outcome is answered No.
const JUDGEMENT = /\b(ok|okay|good|worth\w*|wise|safe|fine|right|smart|sensible|idea|recommend\w*|advis\w*)\b/i;
const BAD_OUTCOME =
  /\b(trouble\w*|fail\w*|problem\w*|pain\w*|risk\w*|mistake\w*|harm\w*|costly|burden\w*|premium|struggl\w*|regret\w*)\b/i;
const KEEP =
  /\b(modules?|modular|monolith|in-process|in process|in the same process|one deployment|one deployable|single deployable|one process|keep\w*|stay\w*|merg\w*|subprocess|library|inside the app\w*)\b/i;

/** The clause that asks for yes or no, or undefined when the question is not a yes/no question. */
export function yesNoClause(question: string): string | undefined {
  const sentences = splitSentences(question);
  const asked = sentences.filter((s) => s.endsWith('?'));
  for (const sentence of asked.length > 0 ? asked : sentences.slice(-1)) {
    // "the whole app is in scope anyway - does splitting it shrink the scope?", "if …, does that mean …?"
    const clauses = sentence.split(/\s+[-–—]\s+|[,;:]\s+/);
    for (let i = 0; i < clauses.length; i++) {
      const clause = clauses.slice(i).join(', ');
      if (!AUXILIARY.test(clause)) continue;
      // "A or B?" offers alternatives: yes or no would not answer it.
      if (/\bor\b/i.test(clause) && !/\bor not\b/i.test(clause)) return undefined;
      return clause.replace(/\?+$/, '').replace(IS_IT_TRUE, '');
    }
  }
  return undefined;
}

/** Counts negators that govern one of `terms` (a question word within a few content words after them). */
function scopedNegations(text: string, terms: ReadonlySet<string>): number {
  const tokens = tokenize(text);
  let count = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!NEGATORS.has(token) && !token.endsWith("n't")) continue;
    let seen = 0;
    for (let j = i + 1; j < tokens.length && seen < NEGATION_WINDOW; j++) {
      const term = contentTerms(tokens[j]!)[0];
      if (!term) continue;
      seen++;
      if (terms.has(term)) {
        count++;
        break;
      }
    }
  }
  return count;
}

/** The stance `sentence` takes on the yes/no `clause`, or undefined when it takes none clearly. */
export function stanceOf(
  clause: string,
  sentence: string,
  question = clause,
  options: { conditionMet?: boolean } = {},
): Stance | undefined {
  const terms = new Set(contentTerms(clause));
  if (terms.size === 0) return undefined;
  const own = contentTerms(sentence);
  const shared = own.filter((t) => terms.has(t)).length;
  // A part whose condition the question meets speaks to it even in other words ("keep a client").
  if (shared === 0 && !options.conditionMet) return undefined;
  const votes = new Set<Stance>();
  const negated = scopedNegations(sentence, terms) % 2 !== scopedNegations(clause, terms) % 2;
  if (negated) votes.add('no');
  const up = (s: string) => INCREASE.test(s) && !DECREASE.test(s);
  const down = (s: string) => DECREASE.test(s) && !INCREASE.test(s);
  if ((up(clause) && down(sentence)) || (down(clause) && up(sentence))) votes.add('no');
  const badJudgement = JUDGEMENT.test(clause) && BAD_OUTCOME.test(sentence) && !BAD_OUTCOME.test(clause);
  if (badJudgement) votes.add('no');
  const conditional = CONDITIONAL.test(sentence) && !CONDITIONAL.test(question) && !options.conditionMet;
  let mixed = false;
  if (SPLIT.test(clause) && !KEEP.test(clause)) {
    const keeps = KEEP.test(sentence);
    const splits = SPLIT.test(sentence);
    mixed = keeps && splits;
    if (keeps && !splits) votes.add('no');
    // "do not make each step its own service": the negation already voted; a split affirmed says yes.
    else if (splits && !keeps && !negated && !conditional && !badJudgement) votes.add('yes');
  }
  if (votes.size === 0 && !conditional && !mixed) {
    const closing = contentTerms(clause).slice(-2);
    // Affirming takes three in four of the question's words (at least three), or the closing phrase of a
    // question long enough for that phrase to be its point ("… does that mean we built a distributed monolith").
    const affirmed =
      (shared >= 3 && shared / terms.size >= 0.75) || (terms.size >= 4 && closing.every((t) => own.includes(t)));
    if (affirmed) votes.add('yes');
  }
  return votes.size === 1 ? [...votes][0] : undefined;
}

/**
 * "Yes" or "No" for a yes/no `question`, judged on the sentence among `sentences` (best first) that shares
 * most words with its asking clause; undefined when the question is not yes/no or the stance is unclear.
 */
export function directYesNo(question: string, sentences: readonly string[]): Stance | undefined {
  const clause = yesNoClause(question);
  if (!clause) return undefined;
  const terms = new Set(contentTerms(clause));
  let best: { text: string; shared: number; siblings: string[] } | undefined;
  // Judged clause by clause: "X should not …; the point is Y, not Z" takes its stance in the first part.
  for (const sentence of sentences.flatMap((s) => splitSentences(s))) {
    const parts = sentence.split(/[;:]\s+/);
    for (const candidate of parts) {
      const shared = contentTerms(candidate).filter((t) => terms.has(t)).length;
      if (!best || shared > best.shared) best = { text: candidate, shared, siblings: parts };
    }
  }
  // A sentence that shares one word with the question has not taken a stance on it.
  if (!best || best.shared < Math.min(2, terms.size)) return undefined;
  if (CONDITIONAL.test(best.text) && !CONDITIONAL.test(question)) {
    const met = conditionMet(question, clause, best.siblings);
    if (met) return stanceOf(clause, met, question, { conditionMet: true });
  }
  return stanceOf(clause, best.text, question);
}

/**
 * Advice split by conditions ("extract it when you self-host; when you call hosted APIs, keep a client")
 * answers the question whose own words meet one condition ("we only call hosted APIs"): the conditional
 * part that shares most words with the rest of the question, if exactly one shares any.
 */
function conditionMet(question: string, clause: string, parts: readonly string[]): string | undefined {
  const context = new Set(contentTerms(question.replace(clause, ' ')));
  if (context.size === 0) return undefined;
  const scored = parts
    .filter((p) => CONDITIONAL.test(p))
    .map((p) => {
      const condition = p.slice(p.search(CONDITIONAL)).split(',')[0]!;
      return { p, score: contentTerms(condition).filter((t) => context.has(t)).length };
    })
    .sort((a, b) => b.score - a.score);
  const [first, second] = scored;
  if (!first || first.score === 0 || (second && second.score === first.score)) return undefined;
  return first.p;
}
