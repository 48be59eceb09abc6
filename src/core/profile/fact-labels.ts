/** Short human names for profile facts, for assumption lists and fact tables ("containerPlatform" → "Container platform"). */
import type { FactKey } from './profile.js';

export const FACT_LABELS: Record<FactKey, string> = {
  engineers: 'Engineers',
  teams: 'Teams',
  stage: 'Product stage',
  users: 'Users',
  requestsPerDay: 'Requests per day',
  trafficShape: 'Traffic shape',
  modelHosting: 'Model hosting',
  gpuInference: 'GPU inference',
  modelSizeB: 'Model size',
  components: 'Components',
  independentScaling: 'Parts that scale separately',
  differentChangePace: 'Parts that change at their own pace',
  documentsPerDay: 'Documents per day',
  corpusDocuments: 'Corpus size',
  heavyIngestion: 'Batch ingestion',
  ciCd: 'CI/CD',
  deploysPerWeek: 'Deploys per week',
  tracing: 'Distributed tracing',
  onCall: 'On-call',
  containerPlatform: 'Container platform',
  platformTeam: 'Platform team',
  services: 'Services',
  releaseFriction: 'Release contention',
  complianceBoundary: 'Compliance boundary',
  sensitiveData: 'Personal data',
  untrustedCode: 'Untrusted code',
  languages: 'Languages',
  reusedByOtherProducts: 'Reuse by other products',
  deploymentTopology: 'Who runs it',
  currentArchitecture: 'Current architecture',
  pains: 'Pains',
};

/** The label for a fact key; unknown keys (older records) are humanised rather than shown raw. */
export function factLabel(key: string): string {
  const known = (FACT_LABELS as Record<string, string>)[key];
  if (known) return known;
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
