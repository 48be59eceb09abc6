/** What would change the verdict: concrete thresholds, chosen for what is not already true. */
import type { ChangeTrigger, Verdict } from './assessment.js';
import { missingPrerequisites, type ResolvedProfile } from './defaults.js';

interface TriggerTemplate extends ChangeTrigger {
  when: (p: ResolvedProfile, verdict: Verdict) => boolean;
}

const simpler = (v: Verdict) => v === 'monolith' || v === 'modular-monolith';

const TRIGGERS: TriggerTemplate[] = [
  {
    condition:
      'You start self-hosting a model on your own GPUs (for example a 70B open-weights model) instead of calling a hosted API',
    wouldMoveTo: 'hybrid',
    when: (p, v) => simpler(v) && !p.gpuInference,
  },
  {
    condition: 'Ingestion grows to millions of documents or multi-hour batch jobs that compete with live traffic',
    wouldMoveTo: 'hybrid',
    when: (p, v) => simpler(v) && !p.heavyIngestion,
  },
  {
    condition:
      'An auditor, regulator or customer contract requires the personal data to be isolated (its own environment, region or tenant)',
    wouldMoveTo: 'hybrid',
    when: (p, v) => simpler(v) && p.sensitiveData && !p.complianceBoundary && !p.untrustedCode,
  },
  {
    condition:
      'Regulated data (HIPAA, PCI, data residency) or user/agent-generated code must run behind an isolation boundary',
    wouldMoveTo: 'hybrid',
    when: (p, v) => simpler(v) && !p.complianceBoundary && !p.untrustedCode && !p.sensitiveData,
  },
  {
    condition: 'A second team starts working in the codebase, or the team grows past about 10 engineers',
    wouldMoveTo: 'modular-monolith',
    when: (p, v) => v === 'monolith' && p.teams <= 1,
  },
  {
    condition: 'More than 3 teams are blocked by one shared release, with CI/CD, tracing and on-call already in place',
    wouldMoveTo: 'microservices',
    when: (p, v) => v !== 'microservices' && missingPrerequisites(p).length === 0,
  },
  {
    condition:
      'CI/CD, distributed tracing, on-call and a container platform are all in place and more than 3 teams still wait on one shared release',
    wouldMoveTo: 'microservices',
    when: (p, v) => v !== 'microservices' && missingPrerequisites(p).length > 0 && p.teams >= 3,
  },
  {
    condition: 'You move inference back to a hosted model API, so no GPU servers remain to operate',
    wouldMoveTo: 'modular-monolith',
    when: (p, v) => v === 'hybrid' && p.gpuInference && !p.heavyIngestion && !p.complianceBoundary && !p.untrustedCode,
  },
  {
    condition: "Four or more teams are blocked by the core's shared release even after module ownership is enforced",
    wouldMoveTo: 'microservices',
    when: (p, v) => v === 'hybrid' && p.teams >= 2,
  },
  {
    condition: 'The team shrinks to one team of fewer than about 8 engineers',
    wouldMoveTo: 'monolith',
    when: (p, v) => v === 'modular-monolith' && p.teams > 1,
  },
  {
    condition: 'Services keep shipping together (a release train across services) or on-call load outgrows the teams',
    wouldMoveTo: 'modular-monolith',
    when: (_p, v) => v === 'microservices',
  },
  {
    condition: 'The organisation drops to 2-3 teams',
    wouldMoveTo: 'modular-monolith',
    when: (p, v) => v === 'microservices' && p.teams > 3,
  },
];

/** Up to four triggers that would move `verdict` elsewhere. */
export function changeTriggersFor(verdict: Verdict, p: ResolvedProfile): ChangeTrigger[] {
  return TRIGGERS.filter((t) => t.when(p, verdict))
    .slice(0, 4)
    .map(({ condition, wouldMoveTo }) => ({ condition, wouldMoveTo }));
}
