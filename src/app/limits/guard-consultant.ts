/**
 * The boundary every channel talks through: abuse limits (message size, messages per minute per user
 * and per conversation, conversation length), metrics per turn, and a plain reply instead of any
 * unexpected error. Wraps the core consultant without changing its behaviour.
 */
import type { Clock } from '../../core/clock.js';
import type { Consultant } from '../../core/consultant.js';
import { toArchieError } from '../../core/errors.js';
import { ACTIONS, type OutMessage, type TurnContext, type UserInput } from '../../core/message.js';
import type { KeyValueStore } from '../../core/store/key-value-store.js';
import type { Logger } from '../../observability/create-logger.js';
import type { Metrics } from '../../observability/metrics.js';
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

const say = (text: string): OutMessage[] => [{ type: 'text', text }];
const isEscape = (input: UserInput) =>
  input.type === 'choice'
    ? input.value === ACTIONS.restart || input.value === ACTIONS.export
    : input.type === 'text' && /^\s*(restart|start over|export)\b/i.test(input.text);

export function guardConsultant(inner: Consultant, options: GuardOptions): Consultant {
  const { store, clock, limits, metrics, logger } = options;
  const perMinute =
    options.perMinute === 'process'
      ? createLocalWindowCounter(clock, 60_000)
      : createFixedWindowCounter(store, clock, 60_000);

  async function limited(
    conversationId: string,
    input: UserInput,
    ctx: TurnContext,
  ): Promise<OutMessage[] | undefined> {
    if (input.type === 'text' && input.text.length > limits.maxMessageChars) {
      metrics?.limitHits.inc({ limit: 'message_size' });
      return say(
        `That message is ${input.text.length.toLocaleString('en-US')} characters; I read up to ${limits.maxMessageChars.toLocaleString('en-US')}. Please send a shorter version: a paragraph with team size, models, load and ops set-up is plenty.`,
      );
    }
    const user = await perMinute.add(`user:${ctx.channel}:${ctx.userId ?? conversationId}`);
    const conversation = await perMinute.add(`conv:${conversationId}`);
    const userOver = user.count > limits.messagesPerMinute;
    if (userOver || conversation.count > limits.messagesPerMinute * 3) {
      metrics?.limitHits.inc({ limit: 'messages_per_minute' });
      // Say it once per window; stay silent for further messages in the same minute.
      const first = userOver
        ? user.count === limits.messagesPerMinute + 1
        : conversation.count === limits.messagesPerMinute * 3 + 1;
      if (!first) return [];
      return say(
        `You're sending messages faster than I can take them. Please wait about ${Math.ceil((userOver ? user : conversation).resetInMs / 1000)} seconds and try again.`,
      );
    }
    const turnsKey = `turns:${conversationId}`;
    const turns = ((await store.get<number>(turnsKey)) ?? 0) + 1;
    if (isEscape(input)) {
      const restart =
        input.type === 'choice'
          ? input.value === ACTIONS.restart
          : input.type === 'text' && /^\s*(restart|start over)/i.test(input.text);
      if (restart) {
        await store.delete(turnsKey);
      }
      return undefined;
    }
    if (turns > limits.maxConversationTurns) {
      metrics?.limitHits.inc({ limit: 'conversation_length' });
      return say(
        `This conversation has reached its limit of ${limits.maxConversationTurns} messages. Say "export" to download the decision record, or "restart" to begin a fresh assessment.`,
      );
    }
    await store.set(turnsKey, turns);
    return undefined;
  }

  return {
    // Only `handle` is guarded; the consultant's methods are closures, so the rest pass through as they are.
    ...inner,
    async handle(conversationId, input, ctx) {
      const started = performance.now();
      try {
        const refusal = await limited(conversationId, input, ctx);
        if (refusal) {
          metrics?.turns.inc({ channel: ctx.channel, outcome: 'limited' });
          return refusal;
        }
        const replies = await inner.handle(conversationId, input, ctx);
        metrics?.turns.inc({ channel: ctx.channel, outcome: 'ok' });
        return replies;
      } catch (error) {
        const archieError = toArchieError(error, 'Sorry, something went wrong on my side. Please try that again.');
        logger?.error({ err: error, conversationId, channel: ctx.channel }, 'turn failed');
        metrics?.turns.inc({ channel: ctx.channel, outcome: 'error' });
        return say(archieError.userMessage);
      } finally {
        metrics?.turnSeconds.observe({ channel: ctx.channel }, (performance.now() - started) / 1000);
      }
    },
  };
}
