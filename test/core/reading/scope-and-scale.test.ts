import { describe, expect, it } from 'vitest';
import type { TeamProfile as TeamProfileForRead } from '../../../src/core/profile/profile.js';
import { readMessage } from '../../../src/core/reading/read-message.js';

/** Today's facts read from `text` (what the profile takes). */
const extractFacts = (text: string, known?: TeamProfileForRead) => readMessage(text, { known }).facts;

/** The facts as a plain object (what a user would see in "what Archie understood"). */
const facts = (text: string) => Object.fromEntries(extractFacts(text).map((u) => [u.key, u.value]));

describe('extractFacts describes the team that owns the system, not the company around it', () => {
  it('ignores the wider organisation when a small team owns the system', () => {
    const f = facts(
      'We sit inside a bank with 30,000 staff and many platform teams across the group, but this assistant is built by three developers.',
    );
    expect(f.engineers).toBe(3);
    expect(f.teams).toBeUndefined();
    expect(f.platformTeam).toBeUndefined();
  });

  it('keeps counts that are about the team itself', () => {
    expect(facts('We have 6 teams and a platform team runs our clusters.')).toMatchObject({
      teams: 6,
      platformTeam: true,
    });
  });

  it.each([
    ['about a couple hundred employees will use it', 200],
    ['a few hundred analysts log in daily', 300],
    ['several thousand customers', 4_000],
  ])('reads a vague count with a scale word: %s', (text, users) => {
    expect(facts(text).users).toBe(users);
  });
});

describe('extractFacts tells a compliance boundary from a system that is wholly in scope', () => {
  it('finds no boundary when every component touches the regulated data and one covered account holds it all', () => {
    expect(
      facts(
        'Every single component touches PHI. The entire deployment lives in one BAA-covered AWS account with audit logging.',
      ),
    ).toMatchObject({ complianceBoundary: false, sensitiveData: true });
  });

  it('finds no boundary when the whole system already sits in the regulated perimeter', () => {
    expect(
      facts(
        'We handle cardholder data, but the complete product runs in one PCI-compliant AWS account and is in scope.',
      ),
    ).toMatchObject({ complianceBoundary: false, sensitiveData: true });
    expect(facts('HIPAA applies. Everything is inside the audit scope, audited together.')).toMatchObject({
      complianceBoundary: false,
    });
  });

  it('finds a boundary when only one component may touch the regulated data', () => {
    expect(
      facts(
        'Legal rules: patient records may only be handled by a separately audited redaction service; the other parts are not in audit scope.',
      ),
    ).toMatchObject({ complianceBoundary: true, sensitiveData: true });
    expect(facts('Identifiable PHI is processed only in a network-isolated component.').complianceBoundary).toBe(true);
  });

  it('still reads a bare regulated-data regime as a likely boundary', () => {
    expect(facts('We process PHI for clinics.').complianceBoundary).toBe(true);
  });
});

describe('extractFacts reads ingestion by its scale, not its schedule', () => {
  it.each([
    'Every night a cron job re-embeds about 3k help articles; it takes a couple of minutes.',
    'We run a nightly re-index of 5,000 wiki pages.',
  ])('a small nightly job is not heavy ingestion: %s', (text) => {
    const f = facts(text);
    expect(f.heavyIngestion).toBe(false);
    expect(f.independentScaling).toBeUndefined();
  });

  it.each([
    'The weekly backfill takes 9 hours.',
    'Our re-indexing slows down live traffic every evening.',
    'We ingest millions of scanned contracts.',
  ])('hours-long, contending or huge ingestion is heavy: %s', (text) => {
    expect(facts(text)).toMatchObject({ heavyIngestion: true });
  });
});

describe('extractFacts spots model-written code that gets executed', () => {
  it.each([
    'The assistant generates SQL and then RUNS it against the warehouse.',
    'Our bot writes JavaScript and executes it for each user.',
    'In short: arbitrary model-written code running next to tenant data.',
    'Agent-generated scripts are running in our workers.',
  ])('%s', (text) => {
    expect(facts(text).untrustedCode).toBe(true);
  });

  it('does not read ordinary code we write ourselves as untrusted', () => {
    expect(facts('Our engineers write Python and run the test suite in CI.').untrustedCode).toBeUndefined();
  });
});

describe('extractFacts reads small self-run models and mixed hosting', () => {
  it('a small reranker we host ourselves is not GPU inference', () => {
    expect(facts('We call a hosted LLM plus a tiny self-hosted classifier.')).toMatchObject({
      modelHosting: 'mixed',
      gpuInference: false,
    });
  });

  it('GPUs named outright still mean GPU inference', () => {
    expect(facts('Our own reranker runs on two A100 GPUs.').gpuInference).toBe(true);
    expect(facts('We self-host Llama 3 70B.').gpuInference).toBe(true);
  });
});

describe('extractFacts hears release friction and org shape in everyday words', () => {
  it.each([
    'Both squads are coupled in a single deploy and it hurts.',
    'Our releases keep getting blocked by the data team.',
    "The four teams wait on each other's deploys.",
  ])('%s', (text) => {
    expect(facts(text).releaseFriction).toBe(true);
  });

  it('a blocked release is not a release cadence', () => {
    expect(facts('Releases are blocked weekly by the shared pipeline.').deploysPerWeek).toBeUndefined();
  });

  it('an architecture someone proposed is not the one the team runs', () => {
    expect(facts('An outside consultant proposed 12 microservices.').currentArchitecture).toBeUndefined();
    expect(facts('Our CTO suggested microservices last month.').currentArchitecture).toBeUndefined();
    expect(facts('We run 12 microservices.').currentArchitecture).toBe('microservices');
  });

  it('counts teams named in brackets', () => {
    expect(facts('There are five teams (billing, search, growth, data, web) on one codebase.').teams).toBe(5);
  });

  it('an SRE group keeps a rotation; one SRE is a person, not a rotation', () => {
    expect(facts('A site reliability group of four keeps the lights on.').onCall).toBe(true);
    expect(facts('We are fifteen engineers, plus one SRE.').onCall).toBeUndefined();
    expect(facts('Four SREs share a weekly rota.').onCall).toBe(true);
  });
});

describe('extractFacts reads delivery and code execution the way an architect would', () => {
  it('takes several deploys a day as an automated pipeline', () => {
    expect(facts('DORA elite-ish: deploys many times per day per team.')).toMatchObject({
      ciCd: true,
      deploysPerWeek: 15,
    });
    expect(facts('We deploy weekly.').ciCd).toBeUndefined();
  });

  it('hears an agent that writes code in two languages and runs it as untrusted code', () => {
    expect(facts('It writes python + sql and executes it against the customer’s uploaded data.').untrustedCode).toBe(
      true,
    );
  });
});
