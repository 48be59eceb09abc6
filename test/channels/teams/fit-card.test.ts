import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitCard, jsonBytesAtMost } from '../../../src/channels/teams/fit-card.js';
import type { TeamsActivity } from '../../../src/channels/teams/teams-activity.js';

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

/** Any UTF-16 code unit, lone surrogates and control characters included. */
const anyText = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) });
const emojiText = fc
  .array(fc.constantFrom('👍', '👎', '’', '—', '→', 'a', '\n', '"', '\\', '\t'))
  .map((a) => a.join(''));
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    anyText,
    emojiText,
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.oneof(anyText, emojiText), tie('value'), { maxKeys: 5 }),
  ),
})).value;

const cardWith = (text: string): TeamsActivity => ({
  type: 'message',
  attachments: [
    {
      contentType: 'application/vnd.microsoft.card.adaptive',
      content: {
        type: 'AdaptiveCard',
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        version: '1.5',
        body: [{ type: 'TextBlock', text, wrap: true }],
        actions: [{ type: 'Action.Submit', title: '👍', data: { archie: 'feedback:up' } }],
      },
    },
  ],
});

describe('fitCard', () => {
  it('never estimates a card smaller than it serialises, whatever its text', () => {
    fc.assert(
      fc.property(json, (value) => {
        expect(jsonBytesAtMost(value)).toBeGreaterThanOrEqual(bytes(value));
      }),
      { numRuns: 2_000 },
    );
  });

  it('bounds the longest numbers JSON writes', () => {
    // Found by the property above: between 1e-6 and 1e-5, 17 digits follow "-0.00000".
    for (const n of [-0.0000014177501050084641, -1.2345678901234567e-308, -123456789012345680000]) {
      expect(jsonBytesAtMost(n)).toBeGreaterThanOrEqual(bytes(n));
    }
  });

  it('sends a card that fits as it is, and shortens one that does not below the limit', () => {
    const small = cardWith('Keep one deployable — for now.');
    expect(fitCard(small)).toBe(small);
    const big = cardWith('détail → '.repeat(4_000));
    const fitted = fitCard(big);
    expect(bytes(fitted)).toBeLessThanOrEqual(26_000);
    expect(bytes(big)).toBeGreaterThan(26_000);
    expect(fitted.attachments![0]!.content.actions).toHaveLength(1);
  });

  it('shortens a card whose text JSON escapes at length', () => {
    // 5,000 control characters are 30 KB as JSON; three bytes per character would say 15 KB and send it whole.
    const card = cardWith('\u0001'.repeat(5_000));
    expect(bytes(card)).toBeGreaterThan(26_000);
    expect(jsonBytesAtMost(card)).toBeGreaterThanOrEqual(bytes(card));
    expect(bytes(fitCard(card))).toBeLessThanOrEqual(26_000);
  });
});
