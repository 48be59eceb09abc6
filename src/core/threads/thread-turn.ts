/**
 * The interview turn for a thread Archie was asked into: read every message with its speaker, say what
 * was taken from whom (quoting their words), point out where people disagree and ask which holds, then
 * go on as after a description: the next question that could change the verdict, or the verdict.
 */
import { recommendedPhrase } from '../assessment/assessment.js';
import { describedSystem } from '../assessment/essentials.js';
import type { ConversationState } from '../interview/conversation-state.js';
import type { InterviewDeps, InterviewSteps, TurnResult } from '../interview/interview-steps.js';
import { shortVerdict } from '../interview/interview-steps.js';
import { recordFacts, recordStatements } from '../interview/record-facts.js';
import { IGNORED_INSTRUCTIONS_NOTE } from '../interview/screen-input.js';
import type { OutMessage, ThreadInput } from '../message.js';
import type { AssistContext } from '../model-assist/model-assist.js';
import { factLabel } from '../profile/fact-labels.js';
import type { FactUpdate, TeamProfile } from '../profile/profile.js';
import { describeFact } from '../render/describe-profile.js';
import { type Disagreement, readThread, type Statement, type ThreadReading } from './read-thread.js';
import { settleChoice } from './settle-choice.js';

/** The thread turn over the interview's dependencies and steps. */
export function createThreadTurn(deps: InterviewDeps, steps: InterviewSteps) {
  return async (state: ConversationState, input: ThreadInput, ctx: AssistContext): Promise<TurnResult> => {
    const reading = await readThread(input.messages, state, deps.assist, ctx);
    const previous = state.phase === 'recommended' ? state.lastAssessment : undefined;
    // What people said in a thread is read, not answered to Archie: an earlier answer or correction stands.
    const updates = reading.updates.map(({ key, value, evidence, speaker }) => ({ key, value, evidence, speaker }));
    recordFacts(state, updates as FactUpdate[], 'stated', deps.now());
    recordStatements(state, reading.plans, reading.history);
    for (const m of input.messages) state.system ??= describedSystem(m.text);
    const out: OutMessage[] = [
      { type: 'text', text: heardText(input, reading, state.profile) },
      ...reading.disagreements.map((d) => conflictMessage(d, state.profile, deps)),
    ];
    if (!previous) return steps.proceed(state, out, ctx);
    const a = deps.assess(state.profile);
    out.push({
      type: 'text',
      text:
        previous.verdict !== a.verdict
          ? `That changes my recommendation: ${shortVerdict(previous.verdict)} → ${shortVerdict(a.verdict)}.`
          : `My recommendation stays ${shortVerdict(a.verdict)} (confidence ${Math.round(a.confidence * 100)}%).`,
    });
    return steps.recommend(state, a, out, ctx);
  };
}

/** "I read this thread: …", what was cut, and each fact taken with who said it and their words. */
function heardText(input: ThreadInput, reading: ThreadReading, profile: TeamProfile): string {
  const lines = [`I read this thread: ${count(reading.read, 'message')} from ${listOf(reading.speakers)}.`];
  if (input.cut) {
    lines.push(
      `It is long, so I read only its latest messages (up to ${input.cut.maxMessages} messages or ${input.cut.maxChars.toLocaleString('en-US')} characters); the ${count(input.cut.omitted, 'earlier message')} I did not read.`,
    );
  }
  if (reading.ignoredInstructions) lines.push(IGNORED_INSTRUCTIONS_NOTE);
  const taken = reading.updates.filter((s) => stands(s, profile));
  if (taken.length === 0) {
    lines.push(
      'I found nothing in it about the team, the models, the load or the operations, so I’ll ask what could change my answer.',
    );
    return lines.join('\n');
  }
  lines.push('Here’s what I took from it:', ...taken.map((s) => `- ${phrase(s)}, ${attribution(s)}`));
  const kept = reading.updates.filter((s) => !stands(s, profile)).map((s) => factLabel(s.key).toLowerCase());
  if (kept.length) lines.push(`You had already told me the ${listOf([...new Set(kept)])}, so I kept your answers.`);
  return lines.join('\n');
}

/** A disagreement as a question with one button per value, and whether the answer changes the verdict. */
function conflictMessage(d: Disagreement, profile: TeamProfile, deps: InterviewDeps): OutMessage {
  const statements = d.statements.map((s) => ({ speaker: s.speaker, quote: s.evidence ?? '', value: phrase(s) }));
  const using = statements[statements.length - 1]!.value;
  const verdicts = d.statements.map((s) => deps.assess({ ...profile, [d.key]: s.value }).verdict);
  const impact = verdicts.every((v) => v === verdicts[0])
    ? 'Either way, my recommendation is the same.'
    : `It matters: ${statements.map((s, i) => `with ${s.value} I’d recommend ${recommendedPhrase(verdicts[i]!)}`).join('; ')}.`;
  const said = statements.map((s) => (s.quote ? `${s.speaker} said “${s.quote}”` : `${s.speaker} said ${s.value}`));
  const fact = factLabel(d.key);
  return {
    type: 'conflict',
    fact,
    statements,
    using,
    impact,
    quickReplies: d.statements.map((s) => ({
      label: `${phrase(s)} (${s.speaker})`,
      value: settleChoice(d.key, s.value),
    })),
    text: `**${fact}: which holds?** ${said.join('; ')}. Until you tell me, I’m going with ${using}, the latest. ${impact}`,
  };
}

/** True when the statement's value is what the conversation now holds (an earlier answer may have won). */
function stands(s: Statement, profile: TeamProfile): boolean {
  const now = profile[s.key] as unknown;
  if (Array.isArray(s.value)) return Array.isArray(now) && s.value.every((v) => now.includes(v));
  return JSON.stringify(now) === JSON.stringify(s.value);
}

const phrase = (s: Statement) =>
  describeFact({ [s.key]: s.value } as TeamProfile, s.key) ?? `${factLabel(s.key)}: ${String(s.value)}`;

/** `from @ana: "we're 14 engineers"`. */
const attribution = (s: Statement) => (s.evidence ? `from ${s.speaker}: “${s.evidence}”` : `from ${s.speaker}`);

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? 'nobody';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
