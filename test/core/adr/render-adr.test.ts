import { describe, expect, it } from 'vitest';
import { renderAdr } from '../../../src/core/adr/render-adr.js';
import { assessProfile } from '../../../src/core/assessment/assess-profile.js';
import { loadKnowledgeBase } from '../../../src/core/knowledge/load-knowledge-base.js';

describe('the exported ADR', () => {
  it('has every MADR section, all four options with scores, and sources with URLs', async () => {
    const kb = await loadKnowledgeBase();
    const profile = {
      engineers: 8,
      teams: 1,
      modelHosting: 'self-hosted',
      gpuInference: true,
      heavyIngestion: true,
    } as const;
    const assessment = assessProfile(profile, kb);
    const adr = renderAdr({ assessment, profile, date: new Date('2026-03-02T10:00:00Z') });
    expect(adr.filename).toMatch(/^2026-03-02-use-a-hybrid-.*\.md$/);
    // Decision drivers say which way each factor argues; no risk line ends in a double full stop.
    const drivers = adr.markdown.split('## Decision Drivers')[1]!.split('## Considered Options')[0]!;
    const [forIt, against] = drivers.split('Against a hybrid (outweighed):');
    expect(forIt).toContain('For a hybrid:');
    expect(forIt).toContain('**Self-hosted models on GPUs**');
    expect(against).toContain('**Every service pays an entry fee**');
    expect(adr.markdown).not.toMatch(/\.\. Mitigation/);
    for (const heading of [
      '# Use a hybrid',
      '- Status: proposed',
      '- Date: 2026-03-02',
      '## Context and Problem Statement',
      '## Decision Drivers',
      '## Considered Options',
      '## Decision Outcome',
      '### Consequences',
      '### What would change this decision',
      '### Assumptions',
      '## Pros and Cons of the Options',
      '## Links',
    ]) {
      expect(adr.markdown).toContain(heading);
    }
    for (const option of [
      'Monolith (score',
      'Modular monolith (score',
      'Microservices (score',
      'Hybrid: monolith core',
    ]) {
      expect(adr.markdown).toContain(option);
    }
    expect(adr.markdown).toContain('- 8 engineers');
    expect(adr.markdown).toMatch(/% confidence/);
    const links = adr.markdown.split('## Links')[1]!.match(/\]\(https?:\/\/[^)]+\)/g) ?? [];
    expect(links.length).toBeGreaterThanOrEqual(2);
  });
});
