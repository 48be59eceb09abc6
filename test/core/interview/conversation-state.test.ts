import { describe, expect, it } from 'vitest';
import { createConversationStore, newConversationState } from '../../../src/core/interview/conversation-state.js';
import { createStore } from '../../../src/store/create-store.js';

const now = () => new Date('2026-03-02T10:00:00Z');

describe('stored conversation records', () => {
  it('loads a version-0 record written before schemaVersion existed', async () => {
    const { keyv } = createStore('memory://');
    await keyv.set('conv:old', {
      stage: 'questions',
      facts: { engineers: 4, onCall: false, teams: 'two' },
      answered: ['engineers'],
      pendingQuestion: 'modelHosting',
      turns: 3,
    });
    const state = await createConversationStore(keyv, { now }).load('old');
    expect(state).toMatchObject({
      schemaVersion: 1,
      phase: 'questioning',
      profile: { engineers: 4, onCall: false },
      asked: ['engineers'],
      pending: 'modelHosting',
      turns: 3,
    });
    // The one invalid field is dropped, the rest kept.
    expect(state?.profile).not.toHaveProperty('teams');
  });

  it('round-trips the current version', async () => {
    const { keyv } = createStore('memory://');
    const store = createConversationStore(keyv, { now });
    const state = { ...newConversationState(now()), phase: 'describing' as const, profile: { engineers: 9 } };
    await store.save('x', state);
    expect(await store.load('x')).toMatchObject({ phase: 'describing', profile: { engineers: 9 } });
  });

  it('starts fresh on garbage or on a record from a newer version', async () => {
    const { keyv } = createStore('memory://');
    const store = createConversationStore(keyv, { now });
    await keyv.set('conv:a', 'not an object');
    await keyv.set('conv:b', { schemaVersion: 7, phase: 'alien' });
    await keyv.set('conv:c', { schemaVersion: 1, phase: 'recommended', profile: null });
    expect(await store.load('a')).toBeUndefined();
    expect(await store.load('b')).toBeUndefined();
    expect(await store.load('c')).toMatchObject({ phase: 'describing', profile: {} });
  });
});
