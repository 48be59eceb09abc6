import { describe, expect, it } from 'vitest';
import type { TeamProfile as TeamProfileForRead } from '../../../src/core/profile/profile.js';
import { readMessage } from '../../../src/core/reading/read-message.js';

/** Today's facts read from `text` (what the profile takes). */
const extractFacts = (text: string, known?: TeamProfileForRead) => readMessage(text, { known }).facts;

const facts = (text: string) => Object.fromEntries(extractFacts(text).map((u) => [u.key, u.value]));

describe('documents: a daily volume is not the size of the collection', () => {
  it.each([
    ['We ingest 200,000 documents a night.', 200_000],
    ['About 5k PDFs arrive per day from the scanners.', 5_000],
    ['A nightly job re-embeds about 200k documents.', 200_000],
    ['We process 1,000 contracts an hour.', 24_000],
  ])('%s → documentsPerDay %s', (text, perDay) => {
    const f = facts(text);
    expect(f.documentsPerDay).toBe(perDay);
    expect(f.corpusDocuments).toBeUndefined();
  });

  it.each([
    ['We search a corpus of 2 million documents.', 2_000_000],
    ['Our knowledge base has 40k PDFs.', 40_000],
  ])('%s → corpusDocuments %s', (text, corpus) => {
    const f = facts(text);
    expect(f.corpusDocuments).toBe(corpus);
    expect(f.documentsPerDay).toBeUndefined();
  });
});

describe('services: the count of what is deployed today', () => {
  it('reads how many services run', () => {
    expect(facts('We run 12 services on EKS.').services).toBe(12);
    expect(facts('The backend is three microservices behind a gateway.').services).toBe(3);
  });

  it('does not count services the team only plans', () => {
    expect(facts('We plan to split it into 5 services next year.').services).toBeUndefined();
  });
});

describe('deploymentTopology: who runs the system', () => {
  it.each([
    ['Customers install it in their own data centers.', 'customer-installed'],
    ['We ship an on-prem edition to banks.', 'customer-installed'],
    ['It is deployed into each customer’s own VPC.', 'customer-installed'],
    ['The model runs on-device on phones.', 'edge'],
    ['Inference happens on edge devices in the stores.', 'edge'],
    ['We are a multi-tenant SaaS.', 'hosted'],
  ])('%s → %s', (text, topology) => {
    expect(facts(text).deploymentTopology).toBe(topology);
  });

  it('does not take the team’s own data centre for a customer install', () => {
    expect(facts('Everything runs on-prem in our own data centre.').deploymentTopology).toBeUndefined();
  });

  it('does not take a denial for the fact', () => {
    expect(facts('It is not SaaS.').deploymentTopology).toBeUndefined();
  });
});
