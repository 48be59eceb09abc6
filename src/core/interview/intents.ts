/** Recognises what a typed message is for: a command (skip, why, restart…), a knowledge question, or content. */
import { ACTIONS } from '../message.js';
import { sentenceTexts } from '../text/split-sentences.js';

export type Intent =
  | 'skip'
  | 'unsure'
  | 'why'
  | 'restart'
  | 'export'
  | 'help'
  | 'reassess'
  | 'feedback-up'
  | 'feedback-down'
  | 'greeting'
  | 'thanks';

const PATTERNS: [Intent, RegExp][] = [
  ['skip', /^(skip|pass|next|skip (it|this|that)( one| question)?)$/],
  [
    'unsure',
    /^(not sure|unsure|no idea|dunno|idk|i don'?t know|don'?t know|no clue|maybe|not certain|i'?m not sure|hard to say|unknown)$/,
  ],
  [
    'why',
    /^(why|why is that|why that|why this( question| verdict)?|why do you ask|why does (it|that) matter|explain)$/,
  ],
  [
    'restart',
    /^(restart|start over|start again|reset|new conversation|begin again)( the (interview|conversation|chat))?( from (the )?(start|scratch|beginning))?$/,
  ],
  ['export', /^(export|export (the )?adr|adr|download|write (an|the) adr)$/],
  ['help', /^(help|commands|what can you do|\?|menu)$/],
  ['reassess', /^(re-?assess|reassess|re-?run|again|assess again|re-?evaluate)$/],
  ['feedback-up', /^(👍|\+1|helpful|useful|that'?s helpful|good answer)$/u],
  ['thanks', /^(thanks|thank you|thx|ty|cheers|great|nice|cool)$/],
  ['feedback-down', /^(👎|-1|not helpful|useless|wrong|bad)$/u],
  ['greeting', /^(hi|hello|hey|hiya|good (morning|afternoon|evening)|yo|start)$/],
];

/** A command intent for short typed messages ("skip", "why?", "start over"), else undefined. */
export function detectIntent(text: string): Intent | undefined {
  let t = text
    .trim()
    .toLowerCase()
    .replace(/[’]/g, "'")
    .replace(/^@?archie[,:]?\s*/, '')
    .replace(/[.!]+$/, '')
    .replace(/\s+please$/, '');
  if (t !== '?') t = t.replace(/\?+$/, '').trim();
  for (const [intent, re] of PATTERNS) if (re.test(t)) return intent;
  return undefined;
}

/** The intent a button value stands for. */
export function intentForAction(value: string): Intent | undefined {
  switch (value) {
    case ACTIONS.export:
      return 'export';
    case ACTIONS.restart:
      return 'restart';
    case ACTIONS.reassess:
      return 'reassess';
    case ACTIONS.why:
      return 'why';
    case ACTIONS.skip:
      return 'skip';
    case ACTIONS.feedbackUp:
      return 'feedback-up';
    case ACTIONS.feedbackDown:
      return 'feedback-down';
    default:
      return undefined;
  }
}

const QUESTION_START =
  /^(what|what's|whats|how|why|when|where|which|who|does|do|did|is|are|can|could|should|would|will|was|were|tell me about|explain)\b/i;

/**
 * True when the text is only a question (every sentence ends with "?", or it is one sentence starting with
 * what/how/why/does…), so its words are not statements of fact about the team.
 */
export function looksLikeKnowledgeQuestion(text: string): boolean {
  const t = text.trim();
  if (t.length < 6 || t.length > 600) return false;
  const sentences = sentenceTexts(t);
  if (sentences.every((s) => s.trim().endsWith('?'))) return true;
  return sentences.length === 1 && QUESTION_START.test(t);
}
