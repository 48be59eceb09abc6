/** A messy team description and the facts a well-behaved model extracts from it (with verbatim evidence). */
export const MESSY =
  "so yeah, we're like a dozen devs split in 3 squads, doing a RAG thing for claims (HIPAA!!) — llama 70b on our own H100s, " +
  'ingestion crunches ~2M PDFs nightly. prod since spring, k8s, deploys maybe 10x a week, teams keep stepping on each other at release time.';

export const MESSY_FACTS = {
  facts: {
    engineers: 12,
    teams: 3,
    stage: 'production',
    modelHosting: 'self-hosted',
    gpuInference: true,
    modelSizeB: 70,
    heavyIngestion: true,
    complianceBoundary: true,
    containerPlatform: 'kubernetes',
    deploysPerWeek: 10,
    releaseFriction: true,
    components: ['ingestion', 'retrieval', 'inference'],
  },
  evidence: {
    engineers: 'a dozen devs',
    teams: 'split in 3 squads',
    stage: 'prod since spring',
    modelHosting: 'llama 70b on our own H100s',
    gpuInference: 'our own H100s',
    modelSizeB: 'llama 70b',
    heavyIngestion: 'ingestion crunches ~2M PDFs nightly',
    complianceBoundary: 'HIPAA',
    containerPlatform: 'k8s',
    deploysPerWeek: 'deploys maybe 10x a week',
    releaseFriction: 'teams keep stepping on each other at release time',
    components: 'RAG thing',
  },
};
