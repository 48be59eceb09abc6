/**
 * Proactive delivery: how check-ins (and anything else not answering a user turn) post into a Slack
 * channel or a Teams chat. Each channel registers a sender for the targets it owns.
 */
import type { OutMessage } from '../core/message.js';

/** Where to post. `key` is the channel's own address (Slack channel id/thread, Teams conversation id). */
export interface ProactiveTarget {
  channel: 'slack' | 'teams' | 'web';
  key: string;
  /** Channel-specific routing data (Slack thread_ts, Teams stored conversation reference id…). */
  meta?: Record<string, string>;
}

export type DeliveryResult =
  | { ok: true }
  /** `gone`: the bot was removed from the channel or the chat no longer exists: do not retry. */
  | { ok: false; gone: boolean; retryAfterMs?: number; reason: string };

export interface ProactiveSender {
  send(target: ProactiveTarget, messages: OutMessage[]): Promise<DeliveryResult>;
}

export interface ProactiveRegistry {
  register(channel: ProactiveTarget['channel'], sender: ProactiveSender): void;
  send(target: ProactiveTarget, messages: OutMessage[]): Promise<DeliveryResult>;
}

export function createProactiveRegistry(): ProactiveRegistry {
  const senders = new Map<ProactiveTarget['channel'], ProactiveSender>();
  return {
    register: (channel, sender) => {
      senders.set(channel, sender);
    },
    send: async (target, messages) => {
      const sender = senders.get(target.channel);
      if (!sender) return { ok: false, gone: false, reason: `${target.channel} is not configured on this server` };
      return sender.send(target, messages);
    },
  };
}
