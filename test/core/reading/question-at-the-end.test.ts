/**
 * A message that states its situation and then asks ("…, should we split it?") keeps what it stated; a
 * sentence that asks or supposes from its first word states nothing.
 */
import { describe, expect, it } from 'vitest';
import { readMessage } from '../../../src/core/reading/read-message.js';

const facts = (text: string) => Object.fromEntries(readMessage(text).facts.map((f) => [f.key, f.value]));

describe('a question at the end of a sentence', () => {
  it('keeps the statements before the question clause', () => {
    expect(
      facts(
        'Solo founder here, Django + GPT-4o-mini, a cover-letter generator with around a thousand paying users, should I split it into services before I hire my first dev?',
      ),
    ).toMatchObject({ engineers: 1, modelHosting: 'hosted-api', users: 1000 });
    expect(facts('We are 5 engineers with a Django app, so what do you think, split or not?')).toMatchObject({
      engineers: 5,
    });
  });

  it('reads nothing from a sentence that asks or supposes from its start', () => {
    expect(facts('If we were 50 engineers in eight teams, should we split it?')).toEqual({});
    expect(facts('Are we 5 engineers with a Django app?')).toEqual({});
    expect(facts('Would 40 engineers on Kubernetes need microservices?')).toEqual({});
  });
});
