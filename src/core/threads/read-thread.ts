/**
 * The facts in a thread, each with who said it. Every message goes through the same reading as a typed
 * message (screening, then the reading pipeline: today's facts, plans and history); a configured model reads the thread once more and may only
 * fill gaps with facts whose words it can show in someone's message. Where people (or one person over
 * time) give different values for one fact, that is a disagreement: the latest value is used until
 * someone says which holds, unless the person who gave the earlier value corrected themselves.
 */
import { factText } from '../interview/question-part.js';
import { readFacts } from '../interview/read-facts.js';
import { screenInput } from '../interview/screen-input.js';
import type { ThreadMessage } from '../message.js';
import type { AssistContext, ModelAssist } from '../model-assist/model-assist.js';
import type { FactKey, FactUpdate, Provenance, TeamProfile } from '../profile/profile.js';
import type { PastFact, Plan } from '../reading/reading.js';

/** A fact as someone in the thread stated it; `at` is the message's position. */
export interface Statement extends FactUpdate {
  speaker: string;
  at: number;
}

export interface Disagreement {
  key: FactKey;
  /** Each value still standing, as first stated, ordered by when it was last stated: the last is used for now. */
  statements: Statement[];
}

export interface ThreadReading {
  /** What to record: one statement per fact (the latest), every statement for list facts. */
  updates: Statement[];
  /** Plans, wishes and proposals, and past states, as the reader found them; `speaker` is who said them. */
  plans: Plan[];
  history: PastFact[];
  disagreements: Disagreement[];
  /** People whose messages were read, in order of first message. */
  speakers: string[];
  /** Messages that held readable text. */
  read: number;
  /** Some sentence read like an instruction to Archie and was skipped. */
  ignoredInstructions: boolean;
}

/** Facts whose values add up (every part mentioned is a part) rather than compete. */
const LIST_FACTS = new Set<FactKey>(['components', 'independentScaling', 'differentChangePace', 'languages', 'pains']);
/** The longest message read as one (the thread as a whole is bounded by the channel). */
const MAX_MESSAGE_CHARS = 30_000;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Reads every message of `messages` (oldest first) against what the conversation already knows. */
export async function readThread(
  messages: readonly ThreadMessage[],
  known: { profile: TeamProfile; provenance: Provenance },
  assist: ModelAssist | undefined,
  ctx: AssistContext,
): Promise<ThreadReading> {
  const statements: Statement[] = [];
  const plans: Plan[] = [];
  const history: PastFact[] = [];
  const speakers: string[] = [];
  let read = 0;
  let ignoredInstructions = false;
  const texts: string[] = [];
  for (const [at, message] of messages.entries()) {
    const screened = screenInput(message.text, MAX_MESSAGE_CHARS);
    texts.push(screened.ok ? screened.text : '');
    if (!screened.ok) continue;
    read += 1;
    if (!speakers.includes(message.speaker)) speakers.push(message.speaker);
    ignoredInstructions ||= screened.ignoredInstructions;
    const facts = await readFacts(factText(screened.text), known.profile, known.provenance, undefined, ctx);
    for (const update of facts.offline) statements.push({ ...update, speaker: message.speaker, at });
    // A proposal keeps its proposer ("our CTO"); anything else is the author's.
    plans.push(...facts.plans.map((p) => ({ ...p, speaker: p.speaker ?? message.speaker })));
    history.push(...facts.history.map((p) => ({ ...p, speaker: message.speaker })));
  }
  if (assist) statements.push(...(await modelStatements(messages, texts, statements, known, assist, ctx)));
  statements.sort((a, b) => a.at - b.at);
  return { ...settle(statements), plans, history, speakers, read, ignoredInstructions };
}

/**
 * The model reads the thread as one text, each line led by its speaker; a fact is kept only when its
 * evidence is in one message (that message's author said it) and no message already gave that fact.
 */
async function modelStatements(
  messages: readonly ThreadMessage[],
  texts: readonly string[],
  offline: readonly Statement[],
  known: { profile: TeamProfile; provenance: Provenance },
  assist: ModelAssist,
  ctx: AssistContext,
): Promise<Statement[]> {
  const transcript = messages
    .map((m, i) => (texts[i] ? `${m.speaker}: ${texts[i]!.replace(/\s+/g, ' ')}` : ''))
    .filter(Boolean)
    .join('\n');
  const { model } = await readFacts(transcript, known.profile, known.provenance, assist, ctx);
  const taken = new Set(offline.map((s) => s.key));
  const out: Statement[] = [];
  for (const update of model) {
    if (taken.has(update.key) || !update.evidence) continue;
    const at = texts.findIndex((t) => t.includes(update.evidence!));
    if (at >= 0) out.push({ ...update, speaker: messages[at]!.speaker, at });
  }
  return out;
}

/** Which statement stands for each fact, and where different values still stand side by side. */
function settle(statements: readonly Statement[]): Pick<ThreadReading, 'updates' | 'disagreements'> {
  const updates: Statement[] = [];
  const disagreements: Disagreement[] = [];
  const keys = [...new Set(statements.map((s) => s.key))];
  for (const key of keys) {
    const about = statements.filter((s) => s.key === key);
    if (LIST_FACTS.has(key)) {
      updates.push(...about);
      continue;
    }
    // Each value still standing: who first said it (quoted), its latest statement (for order) and who holds it.
    const standing: { first: Statement; latest: Statement; speakers: Set<string> }[] = [];
    for (const statement of about) {
      if (statement.correction) {
        // Whoever corrects themselves withdraws what they said before.
        for (const value of standing) value.speakers.delete(statement.speaker);
      }
      const index = standing.findIndex((v) => same(v.latest.value, statement.value));
      const previous = index >= 0 ? standing.splice(index, 1)[0] : undefined;
      const speakers = new Set(previous?.speakers).add(statement.speaker);
      const first = previous && previous.speakers.size > 0 ? previous.first : statement;
      standing.push({ first, latest: statement, speakers });
      for (let i = standing.length - 1; i >= 0; i--) if (standing[i]!.speakers.size === 0) standing.splice(i, 1);
    }
    updates.push(standing[standing.length - 1]!.first);
    if (standing.length > 1) disagreements.push({ key, statements: standing.map((v) => v.first) });
  }
  return { updates, disagreements };
}
