import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../../src/core/extraction/extract-facts.js';

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
