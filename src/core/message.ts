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
      type: 'adr';
      title: string;
      filename: string;
      markdown: string;
    };

/** What a user did: typed text, or pressed a button whose value we sent. */
export type UserInput = { type: 'text'; text: string } | { type: 'choice'; value: string; label?: string };

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
