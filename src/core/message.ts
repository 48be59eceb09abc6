/**
 * The channel-neutral message model. The core emits these; Slack renders Block Kit, Teams renders
 * Adaptive Cards, the web renders HTML and the terminal renders Markdown.
 */
import type { Assessment, Citation } from './assessment/assessment.js';

/** A button. `value` is opaque to channels: they send it back unchanged as a `choice` input. */
export interface QuickReply {
  label: string;
  value: string;
}

export interface Progress {
  /** Questions answered or skipped so far. */
  done: number;
  /** Questions that could still change the verdict, including those done. */
  total: number;
}

/** One side of a disagreement: who said it, their words, and the value they mean ("14 engineers"). */
export interface ConflictStatement {
  speaker: string;
  quote: string;
  value: string;
}

export type OutMessage =
  | {
      type: 'text';
      text: string;
      citations?: Citation[];
      quickReplies?: QuickReply[];
      /** Written by a model (channels label it "AI generated"). */
      generated?: boolean;
    }
  | {
      type: 'question';
      questionId: string;
      text: string;
      /** Why this question matters (shown on "why?"). */
      why: string;
      quickReplies: QuickReply[];
      progress: Progress;
    }
  | {
      type: 'recommendation';
      assessment: Assessment;
      /** One-paragraph summary (templated, or model-written and validated). */
      summary: string;
      generated?: boolean;
      actions: QuickReply[];
    }
  | {
      /** People in a thread said different things about one fact: which holds? */
      type: 'conflict';
      /** The fact in words ("Team size"). */
      fact: string;
      /** What was said, oldest first: the latest statement of each different value. */
      statements: ConflictStatement[];
      /** The value used until someone says which holds (one of the statements' values). */
      using: string;
      /** Whether the answer would change the recommendation, in a sentence. */
      impact: string;
      /** One button per value; pressing it settles the fact. */
      quickReplies: QuickReply[];
      /** The whole message as light Markdown, for channels without a layout of their own. */
      text: string;
    }
  | {
      type: 'adr';
      title: string;
      filename: string;
      markdown: string;
    };

/** One message of a conversation Archie was asked into: who wrote it (as the channel names them) and what. */
export interface ThreadMessage {
  /** The author as people in the channel know them ("@ana", "Ana Lopez"). */
  speaker: string;
  text: string;
}

/** How much of a long thread the channel left out (it reads the latest messages within these bounds). */
export interface ThreadCut {
  /** Earlier messages by people that were not read. */
  omitted: number;
  maxMessages: number;
  maxChars: number;
}

/**
 * A conversation Archie was asked into (a Slack thread, a Teams reply chain), oldest message first, people
 * only (no bots, not Archie). Its text is read for this turn and never stored; the facts and their evidence are.
 */
export interface ThreadInput {
  type: 'thread';
  messages: ThreadMessage[];
  cut?: ThreadCut;
}

/** What a user did: typed text, pressed a button whose value we sent, or asked Archie into a thread. */
export type UserInput =
  | { type: 'text'; text: string }
  | { type: 'choice'; value: string; label?: string }
  | ThreadInput;

export type ChannelName = 'slack' | 'teams' | 'web' | 'terminal' | 'cli' | 'checkin';

/** Text streamed as it is generated; channels that cannot stream pass none. */
export interface ReplyStream {
  append(delta: string): Promise<void>;
}

export interface TurnContext {
  channel: ChannelName;
  userId?: string;
  /** Present when the channel can show text as it arrives. */
  stream?: ReplyStream;
  signal?: AbortSignal;
}

/** Standard quick-reply values the core understands from every channel. */
export const ACTIONS = {
  export: 'cmd:export',
  restart: 'cmd:restart',
  reassess: 'cmd:reassess',
  why: 'cmd:why',
  skip: 'cmd:skip',
  feedbackUp: 'feedback:up',
  feedbackDown: 'feedback:down',
} as const;

/** The buttons under every recommendation, in every channel and in this order. */
export const RECOMMENDATION_ACTIONS: readonly QuickReply[] = [
  { label: 'Export ADR', value: ACTIONS.export },
  { label: 'Why?', value: ACTIONS.why },
  { label: 'Re-assess', value: ACTIONS.reassess },
  { label: '👍', value: ACTIONS.feedbackUp },
  { label: '👎', value: ACTIONS.feedbackDown },
];
