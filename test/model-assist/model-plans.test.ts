/**
 * The model path reads in the reader's shape: today's facts, plans and past states, each with the user's
 * words as evidence and how it was obtained. A statement whose evidence is not in the user's text is
 * dropped, whatever its modality, so a model cannot invent facts or plans.
 */
import Keyv from 'keyv';
import { describe, expect, it } from 'vitest';
import { createConsultant } from '../../src/core/create-consultant.js';
import { loadKnowledgeBase } from '../../src/core/knowledge/load-knowledge-base.js';
import { useFakeOpenAiServer } from '../support/llm-harness.js';
import { createTestAssist, taskOf } from './llm-test-kit.js';

const fake = await useFakeOpenAiServer();
const knowledge = await loadKnowledgeBase();
const TEXT =
  "We're 6 engineers on GPT-4o. Down the line, generation might end up on hardware of our own. Back then it was a Django app.";

describe('facts, plans and history from a model on 127.0.0.1', () => {
  it('keeps a model’s plan and past state with the user’s words as evidence, and drops what is not in the text', async () => {
    fake.onChat((body) =>
      taskOf(body) === 'extract'
        ? {
            json: {
              facts: {
                modelHosting: 'self-hosted',
                gpuInference: true,
                currentArchitecture: 'monolith',
                containerPlatform: 'kubernetes',
                teams: 4,
              },
              evidence: {
                modelHosting: 'generation might end up on hardware of our own',
                gpuInference: 'we will buy H100s next year',
                currentArchitecture: 'Back then it was a Django app',
                containerPlatform: 'we run everything on GKE',
                teams: 'we are four teams',
              },
              modality: {
                modelHosting: 'hypothetical',
                gpuInference: 'planned',
                currentArchitecture: 'past',
                containerPlatform: 'current',
                teams: 'current',
              },
            },
          }
        : { content: '' },
    );
    const { assist } = await createTestAssist(fake);
    const result = await createConsultant({ knowledge, store: new Keyv(), assist }).assess(TEXT);

    const plan = result.plans.find((p) => p.key === 'modelHosting');
    expect(plan).toMatchObject({ value: 'self-hosted', modality: 'hypothetical', source: 'model' });
    expect(TEXT.slice(plan!.span[0], plan!.span[1])).toBe(plan!.evidence);
    expect(result.history).toContainEqual(
      expect.objectContaining({ key: 'currentArchitecture', value: 'monolith', modality: 'past' }),
    );
    // Invented evidence: no plan, no fact, whatever the modality the model gave it.
    expect(result.plans.some((p) => p.key === 'gpuInference')).toBe(false);
    expect(result.profile.gpuInference).toBeUndefined();
    expect(result.profile.containerPlatform).toBeUndefined();
    expect(result.profile.teams).toBeUndefined();
    // Today's facts stay today's, with their evidence and source.
    expect(result.profile.modelHosting).toBe('hosted-api');
    expect(result.profile.engineers).toBe(6);
    expect(result.provenance.engineers).toMatchObject({
      source: 'stated',
      evidence: expect.stringContaining('6 engineers'),
    });
  });
});
