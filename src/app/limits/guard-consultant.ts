/**
 * The one guard every user request passes on its way in, whatever the channel: interview turns
 * (`handle`), knowledge questions (`ask`), one-shot assessments (`assess`), chat commands (`checkin …`,
 * `history`) and their buttons (check-in answers). It applies the abuse limits from config: message length
 * (MAX_MESSAGE_CHARS), messages per minute per user and per conversation (RATE_LIMIT_MESSAGES_PER_MINUTE,
 * shared by all those entry points) and conversation length. The model-token allowance
 * (RATE_LIMIT_TOKENS_PER_HOUR) is counted by the model helper per user; the guard makes sure every entry
 * point tells it who is asking. A request over a limit gets a plain reply saying when to continue; any
 * unexpected error becomes a plain reply too, with the details in the log, and every turn is counted.
 */
import type { Clock } from '../../core/clock.js';
import type { Consultant } from '../../core/consultant.js';
import { ArchieError, toArchieError } from '../../core/errors.js';
import { ACTIONS, type ChannelName, type OutMessage, type UserInput } from '../../core/message.js';
import type { KeyValueStore } from '../../core/store/key-value-store.js';
import type { Logger } from '../../observability/create-logger.js';
import type { Metrics } from '../../observability/metrics.js';
import type { CommandContext, CommandRouter } from '../commands.js';
import { createFixedWindowCounter, createLocalWindowCounter } from './fixed-window-counter.js';

export interface GuardOptions {
  store: KeyValueStore;
  clock: Clock;
  limits: { messagesPerMinute: number; maxMessageChars: number; maxConversationTurns: number };
  metrics?: Metrics;
  logger?: Logger;
  /**
   * Where messages per minute are counted: in the store (default; Redis shares them across replicas), or
   * in this process when the store belongs to one process anyway.
   */
  perMinute?: 'store' | 'process';
}

export interface Guard {
  /** The consultant with every method behind the limits. */
  consultant(inner: Consultant): Consultant;
  /** The chat commands (and their buttons) behind the same limits and counters. */
  commands(inner: CommandRouter): CommandRouter;
  /** The refusal for a message over MAX_MESSAGE_CHARS, for a channel that must answer before a turn runs. */
  tooLong(text: string): string | undefined;
}

/** Who sent a request and where: the key of their per-minute count. */
interface Sender {
  channel: ChannelName;
  userId?: string;
  conversationId?: string;
}

/** Said once per window; later requests in the same minute get no reply (so a flood gets no flood back). */
type RateVerdict = { ok: true } | { ok: false; message: string; first: boolean };

/** Errors about what the user sent (they can fix it), not failures of ours: not logged as errors. */
const USERS_TO_FIX = new Set(['bad_input', 'insufficient_input']);

const say = (text: string): OutMessage[] => [{ type: 'text', text }];
const isEscape = (input: UserInput) =>
  input.type === 'choice'
    ? input.value === ACTIONS.restart || input.value === ACTIONS.export
    : input.type === 'text' && /^\s*(restart|start over|export)\b/i.test(input.text);

export function createGuard(options: GuardOptions): Guard {
  const { store, clock, limits, metrics, logger } = options;
  const perMinute =
    options.perMinute === 'process'
      ? createLocalWindowCounter(clock, 60_000)
      : createFixedWindowCounter(store, clock, 60_000);

  const tooLong = lengthGuard(limits.maxMessageChars, metrics);

  async function rate(sender: Sender): Promise<RateVerdict> {
    const who = sender.userId ?? sender.conversationId ?? 'anonymous';
    const user = await perMinute.add(`user:${sender.channel}:${who}`);
    const conversation = sender.conversationId ? await perMinute.add(`conv:${sender.conversationId}`) : undefined;
    const userOver = user.count > limits.messagesPerMinute;
    const conversationOver = conversation !== undefined && conversation.count > limits.messagesPerMinute * 3;
    if (!userOver && !conversationOver) return { ok: true };
    metrics?.limitHits.inc({ limit: 'messages_per_minute' });
    const window = userOver ? user : conversation!;
    const first = userOver
      ? user.count === limits.messagesPerMinute + 1
      : window.count === limits.messagesPerMinute * 3 + 1;
    return {
      ok: false,
      first,
      message: `You're sending messages faster than I can take them. Please wait about ${Math.ceil(window.resetInMs / 1000)} seconds and try again.`,
    };
  }

  async function conversationLength(conversationId: string, input: UserInput): Promise<string | undefined> {
    const turnsKey = `turns:${conversationId}`;
    const turns = ((await store.get<number>(turnsKey)) ?? 0) + 1;
    if (isEscape(input)) {
      const restart =
        input.type === 'choice'
          ? input.value === ACTIONS.restart
          : input.type === 'text' && /^\s*(restart|start over)/i.test(input.text);
      if (restart) await store.delete(turnsKey);
      return undefined;
    }
    if (turns > limits.maxConversationTurns) {
      metrics?.limitHits.inc({ limit: 'conversation_length' });
      return `This conversation has reached its limit of ${limits.maxConversationTurns} messages. Say "export" to download the decision record, or "restart" to begin a fresh assessment.`;
    }
    await store.set(turnsKey, turns);
    return undefined;
  }

  /** Length, then rate: the reply to send instead of running the request ([] = stay silent), or undefined. */
  async function admit(text: string | undefined, sender: Sender): Promise<OutMessage[] | undefined> {
    const long = text === undefined ? undefined : tooLong(text);
    if (long) return say(long);
    const verdict = await rate(sender);
    if (verdict.ok) return undefined;
    return verdict.first ? say(verdict.message) : [];
  }

  /** For `ask` and `assess`, whose callers expect a result: a refusal is an error with a plain message. */
  async function admitOrThrow(text: string, sender: Sender): Promise<void> {
    const long = tooLong(text);
    if (long) throw new ArchieError('too_long', long);
    const verdict = await rate(sender);
    if (!verdict.ok) throw new ArchieError('rate_limited', verdict.message);
  }

  /** Counts and times one request; an unexpected failure is logged and answered plainly. */
  async function counted<T>(channel: ChannelName, run: () => Promise<T>, onError: (e: ArchieError) => T): Promise<T> {
    const started = performance.now();
    try {
      const result = await run();
      metrics?.turns.inc({ channel, outcome: 'ok' });
      return result;
    } catch (error) {
      const archieError = toArchieError(error, 'Sorry, something went wrong on my side. Please try that again.');
      const limited = archieError.code === 'too_long' || archieError.code === 'rate_limited';
      // Unreadable input is the user's to fix; anything unexpected goes to the log with its stack.
      if (!limited && !USERS_TO_FIX.has(archieError.code)) logger?.error({ err: error, channel }, 'turn failed');
      metrics?.turns.inc({ channel, outcome: limited ? 'limited' : 'error' });
      return onError(archieError);
    } finally {
      metrics?.turnSeconds.observe({ channel }, (performance.now() - started) / 1000);
    }
  }

  const limitedReply = (channel: ChannelName, refusal: OutMessage[]) => {
    metrics?.turns.inc({ channel, outcome: 'limited' });
    return refusal;
  };

  return {
    tooLong,

    consultant: (inner) => ({
      ...inner,
      async handle(conversationId, input, ctx) {
        const sender = { channel: ctx.channel, userId: ctx.userId, conversationId };
        const refusal =
          (await admit(input.type === 'text' ? input.text : undefined, sender)) ??
          (await conversationLength(conversationId, input).then((text) => (text ? say(text) : undefined)));
        if (refusal) return limitedReply(ctx.channel, refusal);
        return counted(
          ctx.channel,
          () => inner.handle(conversationId, input, ctx),
          (e) => say(e.userMessage),
        );
      },
      async ask(question, ctx) {
        const channel = ctx?.channel ?? 'cli';
        return counted(
          channel,
          async () => {
            await admitOrThrow(question, { channel, userId: ctx?.userId });
            return inner.ask(question, ctx);
          },
          (e) => {
            throw e;
          },
        );
      },
      async assess(description, ctx) {
        const channel = ctx?.channel ?? 'cli';
        return counted(
          channel,
          async () => {
            await admitOrThrow(description, { channel, userId: ctx?.userId });
            return inner.assess(description, ctx);
          },
          (e) => {
            throw e;
          },
        );
      },
    }),

    commands: (inner) => {
      const sender = (ctx: CommandContext): Sender => ({
        channel: ctx.target.channel,
        userId: ctx.userId,
        conversationId: ctx.conversationId,
      });
      return {
        ...inner,
        async tryText(text, ctx) {
          if (!inner.isCommand(text)) return undefined;
          const refusal = await admit(text, sender(ctx));
          if (refusal) return limitedReply(ctx.target.channel, refusal);
          return inner.tryText(text, ctx);
        },
        async tryAction(value, ctx) {
          if (!ownsAction(inner, value)) return undefined;
          const refusal = await admit(value, sender(ctx));
          if (refusal) return limitedReply(ctx.target.channel, refusal);
          return inner.tryAction(value, ctx);
        },
      };
    },
  };
}

/** The consultant behind the guard (the shorthand tests and one-channel set-ups use). */
export function guardConsultant(inner: Consultant, options: GuardOptions): Consultant {
  return createGuard(options).consultant(inner);
}

/** True when a registered command claims this button value. */
export function ownsAction(router: Pick<CommandRouter, 'list'>, value: string): boolean {
  return router.list().some((c) => c.actionPrefix !== undefined && c.onAction && value.startsWith(c.actionPrefix));
}

/** The guard's length rule alone (MAX_MESSAGE_CHARS): the refusal for a longer message, else undefined. */
export function lengthGuard(maxMessageChars: number, metrics?: Metrics): Guard['tooLong'] {
  return (text) => {
    if (text.length <= maxMessageChars) return undefined;
    metrics?.limitHits.inc({ limit: 'message_size' });
    return `That message is too long for me (${text.length.toLocaleString('en-US')} characters; I read up to ${maxMessageChars.toLocaleString('en-US')}). Please send a shorter version: a paragraph with team size, models, load and ops set-up is plenty.`;
  };
}
