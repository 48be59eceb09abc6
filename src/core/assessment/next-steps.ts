/** Concrete next steps for the chosen path, most important first. */
import type { Verdict } from './assessment.js';
import { missingPrerequisites, prerequisitesInWords, type ResolvedProfile } from './defaults.js';

/** Next steps for `verdict`; `extracted` names the services a hybrid should split out. */
export function nextStepsFor(verdict: Verdict, p: ResolvedProfile, extracted: string[]): string[] {
  const steps: string[] = [];
  const missing = missingPrerequisites(p);
  switch (verdict) {
    case 'monolith':
      steps.push(
        'Keep one deployable; organise code by capability (ingestion, retrieval, orchestration, evaluation) rather than by layer.',
      );
      steps.push(
        'Put every model call behind one interface or an OpenAI-compatible gateway so providers and models can be swapped.',
      );
      if (p.components.includes('ingestion'))
        steps.push('Run ingestion as a background worker from the same codebase, fed by a queue.');
      steps.push(
        'Trace each request end to end (prompt, retrieval, model call, tokens, cost) before anything else gets split.',
      );
      break;
    case 'modular-monolith':
      steps.push(
        'Draw module boundaries along domains, give each an owning team, a public interface and its own tables.',
      );
      steps.push('Enforce the boundaries in CI (a dependency check that fails the build on forbidden imports).');
      if (missing.length) steps.push(`Close the operational gaps first (${prerequisitesInWords(p, 'missing')}).`);
      steps.push(
        'Measure lead time and deploy frequency per team to see whether any module needs independent release.',
      );
      break;
    case 'hybrid':
      steps.push(`Extract only: ${extracted.join('; ')}. Keep everything else in one core deployable.`);
      if (p.gpuInference)
        steps.push(
          'Serve models with vLLM (or KServe) behind an OpenAI-compatible API; autoscale on queue depth, not CPU.',
        );
      if (p.heavyIngestion)
        steps.push('Put ingestion on a queue with idempotent, resumable workers and a dead-letter queue.');
      if (p.complianceBoundary || p.untrustedCode)
        steps.push(
          'Give the isolated service its own identity, storage and network egress rules, and audit it on its own.',
        );
      steps.push('Trace requests across the core and the extracted services from day one.');
      break;
    case 'microservices':
      if (missing.length)
        steps.push(`Before splitting further, put in place what is missing (${prerequisitesInWords(p, 'missing')}).`);
      steps.push(
        'Give each service to exactly one team; split along the boundaries where teams block each other today.',
      );
      steps.push('Version service contracts and add consumer-driven contract tests so teams deploy independently.');
      steps.push(
        'Watch for distributed-monolith signals (services released together) and merge services that always change together.',
      );
      break;
  }
  if (p.sensitiveData && !p.complianceBoundary)
    steps.push(
      'Protect the personal data in place: redact it before prompts, logs and traces, and set retention and access rules for chat logs and embeddings.',
    );
  return steps;
}
