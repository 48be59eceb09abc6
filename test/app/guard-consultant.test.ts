import Keyv from 'keyv';
import { describe, expect, it } from 'vitest';
import { createLocalWindowCounter } from '../../src/app/limits/fixed-window-counter.js';
import { guardConsultant } from '../../src/app/limits/guard-consultant.js';
import type { Clock } from '../../src/core/clock.js';
import type { Consultant } from '../../src/core/consultant.js';
import { ArchieError } from '../../src/core/errors.js';
import type { OutMessage, TurnContext, UserInput } from '../../src/core/message.js';
import { createMetrics } from '../../src/observability/metrics.js';

function fakeClock(start = Date.parse('2026-11-28T10:00:00Z')) {
  let now = start;
  const clock: Clock = {
    now: () => new Date(now),
    sleep: async (ms) => {
      now += ms;
    },
  };
  return {
    clock,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

function recordingConsultant(behaviour?: (input: UserInput) => OutMessage[]) {
  const seen: UserInput[] = [];
  const consultant: Consultant = {
    greet: async () => [],
    handle: async (_id, input) => {
      seen.push(input);
      return behaviour ? behaviour(input) : [{ type: 'text', text: 'ok' }];
    },
    assess: async () => {
      throw new Error('unused');
    },
    ask: async () => ({ answer: '', citations: [], found: false }),
    seed: async () => {},
    snapshot: async () => undefined,
  };
  return { consultant, seen };
}

const limits = { messagesPerMinute: 3, maxMessageChars: 100, maxConversationTurns: 5 };
const ctx: TurnContext = { channel: 'slack', userId: 'U1' };
const text = (t: string): UserInput => ({ type: 'text', text: t });
const firstText = (messages: OutMessage[]) => (messages[0]?.type === 'text' ? messages[0].text : '');

describe('guardConsultant (abuse limits at the channel boundary)', () => {
  it('refuses an over-long message with a plain reply and never passes it on', async () => {
    const { consultant, seen } = recordingConsultant();
    const guarded = guardConsultant(consultant, { store: new Keyv(), clock: fakeClock().clock, limits });
    const reply = await guarded.handle('c1', text('x'.repeat(101)), ctx);
    expect(firstText(reply)).toMatch(/101 characters; I read up to 100/);
    expect(seen).toHaveLength(0);
  });

  it.each(['store', 'process'] as const)(
    'limits messages per user per minute (counted in the %s), says so once, and lets them in again next minute',
    async (perMinute) => {
      const { consultant, seen } = recordingConsultant();
      const { clock, advance } = fakeClock();
      const metrics = createMetrics({ defaultMetrics: false });
      const guarded = guardConsultant(consultant, { store: new Keyv(), clock, limits, metrics, perMinute });
      for (let i = 0; i < 3; i++) expect(firstText(await guarded.handle('c1', text(`m${i}`), ctx))).toBe('ok');
      expect(firstText(await guarded.handle('c1', text('too fast'), ctx))).toMatch(/faster than I can take them/);
      expect(await guarded.handle('c1', text('still too fast'), ctx)).toEqual([]);
      expect(seen).toHaveLength(3);
      advance(60_000);
      expect(firstText(await guarded.handle('c1', text('later'), ctx))).toBe('ok');
      expect(await metrics.registry.getSingleMetricAsString('archie_limit_hits_total')).toMatch(
        /limit="messages_per_minute"} 2/,
      );
    },
  );

  it('keeps no count in this process for a minute that has passed', async () => {
    const { clock, advance } = fakeClock();
    const counter = createLocalWindowCounter(clock, 60_000);
    for (let user = 0; user < 1_000; user++) await counter.add(`user:${user}`);
    expect(await counter.peek('user:7')).toBe(1);
    advance(60_000);
    expect(await counter.peek('user:7')).toBe(0);
    expect((await counter.add('user:7')).count).toBe(1);
    expect(counter.size()).toBe(1);
  });

  it('caps a conversation’s length but still lets the user restart or export', async () => {
    const { consultant } = recordingConsultant();
    const { clock, advance } = fakeClock();
    const guarded = guardConsultant(consultant, { store: new Keyv(), clock, limits });
    for (let i = 0; i < 5; i++) {
      expect(firstText(await guarded.handle('c1', text(`m${i}`), ctx))).toBe('ok');
      advance(30_000);
    }
    expect(firstText(await guarded.handle('c1', text('one more'), ctx))).toMatch(/limit of 5 messages.*restart/);
    advance(60_000);
    expect(firstText(await guarded.handle('c1', text('export'), ctx))).toBe('ok');
    expect(firstText(await guarded.handle('c1', text('restart'), ctx))).toBe('ok');
    advance(60_000);
    expect(firstText(await guarded.handle('c1', text('fresh start'), ctx))).toBe('ok');
  });

  it('turns any failure into a plain reply and counts it, without a stack trace', async () => {
    const { consultant } = recordingConsultant(() => {
      throw new Error('ECONNRESET at socket.js:42');
    });
    const metrics = createMetrics({ defaultMetrics: false });
    const guarded = guardConsultant(consultant, { store: new Keyv(), clock: fakeClock().clock, limits, metrics });
    const reply = firstText(await guarded.handle('c1', text('hello'), ctx));
    expect(reply).toMatch(/something went wrong on my side/);
    expect(reply).not.toMatch(/ECONNRESET|socket\.js/);
    expect(await metrics.registry.getSingleMetricAsString('archie_turns_total')).toMatch(/outcome="error"} 1/);
  });

  it('shows the user message of a known error', async () => {
    const { consultant } = recordingConsultant(() => {
      throw new ArchieError('bad_input', 'That team profile is not valid.');
    });
    const guarded = guardConsultant(consultant, { store: new Keyv(), clock: fakeClock().clock, limits });
    expect(firstText(await guarded.handle('c1', text('hello'), ctx))).toBe('That team profile is not valid.');
  });
});
