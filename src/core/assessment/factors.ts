/**
 * The factor catalogue: every rule the engine applies, with the facts it reads, a weight per verdict,
 * an explanation written the way an architect would say it, and the knowledge documents behind it.
 * Team and operations factors live here; genAI-specific boundaries live in boundary-factors.ts.
 */
import type { FactKey } from '../profile/profile.js';
import { formatCount, type Verdict } from './assessment.js';
import { BOUNDARY_FACTORS } from './boundary-factors.js';
import { opsMaturity, prerequisiteFacts, prerequisitesInWords, type ResolvedProfile } from './defaults.js';

export interface Factor {
  id: string;
  label: string;
  facts: FactKey[];
  weights: Partial<Record<Verdict, number>>;
  /** Knowledge document ids (see knowledge/*.md). */
  citations: string[];
  /** 0..1 (or a little above for extreme cases) when the factor applies; undefined when it does not. */
  strength(p: ResolvedProfile): number | undefined;
  explain(p: ResolvedProfile): string;
  /** The facts that make it apply, when narrower than `facts` (a reason needs one of them stated). */
  decidedBy?(p: ResolvedProfile): FactKey[];
  /** For boundary factors: the service this boundary justifies extracting. */
  boundary?(p: ResolvedProfile): string;
}

const people = (p: ResolvedProfile) => `${formatCount(p.engineers)} engineer${p.engineers === 1 ? '' : 's'}`;
/** The organisation as the team gave it: its teams when stated, else its engineers (never an assumed count). */
const group = (p: ResolvedProfile) =>
  p.known.has('teams') || !p.known.has('engineers') ? `${p.teams} teams` : people(p);
/** Where the teams work: one deployable only when the team said so, otherwise one system. */
const sharing = (p: ResolvedProfile) =>
  p.known.has('currentArchitecture') &&
  (p.currentArchitecture === 'monolith' || p.currentArchitecture === 'modular-monolith')
    ? 'sharing one deployable'
    : 'changing one system';
const contention = (p: ResolvedProfile) =>
  p.releaseFriction || p.pains.some((x) => x === 'merge-conflicts' || x === 'team-contention' || x === 'slow-releases');

/** Services running today on a mature platform (stated, not assumed). */
const workingEstate = (p: ResolvedProfile) =>
  p.currentArchitecture === 'microservices' && p.known.has('currentArchitecture') && opsMaturity(p) >= 4;

export const TEAM_FACTORS: Factor[] = [
  {
    id: 'microservice-premium',
    label: 'Every service pays an entry fee',
    facts: [],
    weights: { microservices: -1, hybrid: -0.5 },
    citations: ['fowler-microservice-premium', 'infoworld-microservices-genai', 'majors-observability-spend'],
    strength: () => 1,
    explain: () =>
      'Each separately deployed service costs pipelines, secure networking, tracing and on-call before it delivers anything (the "microservice premium"); observability alone is often 15-25% of infrastructure spend.',
  },
  {
    id: 'small-team',
    label: 'One small team',
    facts: ['engineers', 'teams'],
    weights: { monolith: 3, 'modular-monolith': 1, hybrid: -0.5, microservices: -3 },
    citations: ['segment-goodbye-microservices', 'fowler-monolith-first', 'synthesis-team-size-and-architecture'],
    strength: (p) =>
      p.teams > 1 || p.engineers > 10 ? undefined : p.engineers <= 5 ? 1 : p.engineers <= 8 ? 0.8 : 0.6,
    explain: (p) =>
      `${people(p)} in one team can keep the whole system in their heads; every extra deployable adds pipelines, on-call and dashboards for the same few people. At Segment three engineers ended up spending most of their time keeping services alive.`,
  },
  {
    id: 'few-teams',
    label: 'A few teams in one codebase',
    facts: ['teams', 'engineers'],
    weights: { monolith: -0.5, 'modular-monolith': 2.5, microservices: -1 },
    citations: ['shopify-modular-monolith', 'synthesis-modular-monolith-practice', 'conway-law'],
    // Not for teams already running services on a mature platform: they do not share one codebase to
    // put module boundaries in (whether to keep the services is the existing-estate factors' question).
    strength: (p) =>
      ((p.teams >= 2 && p.teams <= 3) || (p.teams <= 1 && p.engineers > 10 && p.engineers <= 25)) && !workingEstate(p)
        ? 1
        : undefined,
    explain: (p) =>
      `With ${p.teams > 1 && p.known.has('teams') ? `${p.teams} teams` : people(p)}, module boundaries inside one deployable (owners, enforced interfaces, separate tables) give each group room to move without paying for a network between them - the route Shopify took instead of microservices.`,
  },
  {
    id: 'many-teams',
    label: 'Many teams',
    facts: ['teams', 'engineers'],
    weights: { monolith: -2.5, 'modular-monolith': 1.5, microservices: 2 },
    citations: ['conway-law', 'newman-microservices-baggage', 'team-topologies', 'airbnb-soa-migration'],
    strength: (p) => (p.teams < 4 ? undefined : p.teams <= 5 ? 0.7 : 1),
    explain: (p) =>
      `${group(p)} ${sharing(p)} start to queue behind each other. Conway's law says the system will mirror the organisation, and Sam Newman's strongest signal for microservices is many developers getting in each other's way.`,
  },
  {
    id: 'very-large-org',
    label: 'A very large engineering organisation',
    facts: ['teams', 'engineers'],
    weights: { monolith: -2, 'modular-monolith': 1, microservices: 1.5 },
    citations: ['uber-doma', 'monzo-microservices', 'shopify-modular-monolith', 'github-rails-monolith'],
    strength: (p) => (p.teams >= 10 || p.engineers >= 150 ? 1 : undefined),
    explain: (p) =>
      `At ${p.engineers >= 150 && p.known.has('engineers') ? people(p) : group(p)} both well-run paths exist: Uber and Monzo run thousands of services on a strong platform, while Shopify and GitHub keep 1,000+ developers productive in a modular monolith. The deciding question is whether teams can release independently today.`,
  },
  {
    id: 'shared-release-blocks-teams',
    label: 'Teams blocked by a shared release',
    facts: ['releaseFriction', 'teams', 'pains'],
    weights: { monolith: -2, 'modular-monolith': 1, microservices: 3 },
    citations: ['newman-microservices-baggage', 'dora-loosely-coupled', 'conway-law'],
    strength: (p) => (p.releaseFriction && p.teams >= 4 ? 1 : undefined),
    explain: (p) =>
      `${group(p)} waiting on one shared release is the cost independent deployment exists to remove; DORA finds that teams who can deploy and test independently deliver faster and more reliably.`,
  },
  {
    id: 'contention-in-small-org',
    label: 'Contention between a couple of teams',
    facts: ['releaseFriction', 'pains', 'teams'],
    weights: { monolith: -1, 'modular-monolith': 2, microservices: 0.5 },
    citations: ['dora-loosely-coupled', 'shopify-modular-monolith', 'synthesis-modular-monolith-practice'],
    strength: (p) => (contention(p) && p.teams < 4 ? 1 : undefined),
    explain: () =>
      'Release or merge contention between a couple of teams is usually fixed with clear module ownership and a faster pipeline, not with a network boundary.',
  },
  {
    id: 'ops-prerequisites-missing',
    label: 'Operational prerequisites missing',
    facts: ['ciCd', 'tracing', 'onCall', 'containerPlatform', 'platformTeam'],
    weights: { monolith: 1, 'modular-monolith': 1, hybrid: -1, microservices: -4 },
    citations: [
      'fowler-microservice-prerequisites',
      'synthesis-prerequisites-before-splitting',
      'thoughtworks-radar-microservice-envy',
    ],
    strength: (p) => (opsMaturity(p) <= 1.5 ? 1 : undefined),
    decidedBy: (p) => prerequisiteFacts(p, 'missing'),
    explain: (p) =>
      `Missing today: ${prerequisitesInWords(p, 'missing') || 'most operational basics'}. Fowler's prerequisites (rapid provisioning, basic monitoring, rapid deployment) and Thoughtworks' "microservice envy" warning both say these come before any split.`,
  },
  {
    id: 'ops-prerequisites-partial',
    label: 'Operations partly ready',
    facts: ['ciCd', 'tracing', 'onCall', 'containerPlatform', 'platformTeam'],
    weights: { hybrid: -0.25, microservices: -1.5 },
    citations: [
      'synthesis-prerequisites-before-splitting',
      'fowler-microservice-prerequisites',
      'humanitec-k8s-complexity',
    ],
    strength: (p) => {
      const m = opsMaturity(p);
      return m > 1.5 && m < 4 ? 1 : undefined;
    },
    decidedBy: (p) => prerequisiteFacts(p, 'missing'),
    explain: (p) =>
      `Some prerequisites are in place, but ${prerequisitesInWords(p, 'missing') || 'a platform to run many services'} would still be needed for many services; 53% of teams in Humanitec's study said they vastly misjudged Kubernetes complexity.`,
  },
  {
    id: 'ops-platform-mature',
    label: 'Mature delivery platform',
    facts: ['ciCd', 'tracing', 'onCall', 'containerPlatform', 'platformTeam'],
    weights: { monolith: -0.5, hybrid: 0.5, microservices: 2 },
    citations: ['fowler-microservice-prerequisites', 'team-topologies', 'cncf-survey-2026'],
    strength: (p) => (opsMaturity(p) >= 4 ? 1 : undefined),
    decidedBy: (p) => prerequisiteFacts(p, 'present'),
    explain: (p) =>
      `In place: ${prerequisitesInWords(p, 'present')}. Most of the entry fee for more services is already paid; a platform team keeps stream-aligned teams' cognitive load in check.`,
  },
  {
    id: 'early-stage',
    label: 'Early stage: learning speed matters most',
    facts: ['stage'],
    weights: { monolith: 2.5, 'modular-monolith': 0.5, hybrid: -0.5, microservices: -2.5 },
    citations: ['fowler-monolith-first', 'gartner-genai-abandonment', 'anthropic-building-effective-agents'],
    strength: (p) => (p.stage === 'idea' ? 1 : p.stage === 'prototype' ? 0.9 : undefined),
    explain: (p) =>
      `At the ${p.stage} stage the product may still change shape or be dropped - Gartner expected at least 30% of genAI projects to be abandoned after proof of concept - so optimise for learning: the simplest thing that works, in one deployable.`,
  },
  {
    id: 'pilot-stage',
    label: 'Pilot: boundaries still moving',
    facts: ['stage'],
    weights: { monolith: 1, 'modular-monolith': 0.5, microservices: -1 },
    citations: ['fowler-monolith-first', 'mit-nanda-genai-divide'],
    strength: (p) => (p.stage === 'pilot' ? 1 : undefined),
    explain: () =>
      'A pilot has not yet proven where the stable boundaries are; MonolithFirst: almost every successful microservice story started as a monolith that grew too big.',
  },
  {
    id: 'consolidate-existing-services',
    label: 'Existing services outgrow the team',
    facts: ['currentArchitecture', 'engineers', 'teams', 'pains'],
    weights: { monolith: 2, 'modular-monolith': 3, hybrid: 0.5, microservices: -3 },
    citations: ['segment-goodbye-microservices', 'istio-istiod', 'prime-video-monolith', 'service-weaver-hotos'],
    strength: (p) =>
      p.currentArchitecture === 'microservices' &&
      (p.teams <= 2 || p.engineers <= 15 || p.pains.some((x) => x === 'ops-overhead' || x === 'distributed-monolith'))
        ? p.teams <= 2 || p.engineers <= 15
          ? 1
          : 0.6
        : undefined,
    explain: (p) =>
      `You already run services, but with ${p.teams > 1 && p.known.has('teams') ? `${p.teams} teams` : people(p)} the overhead dominates. Segment, Istio (istiod) and Prime Video all consolidated when a few people ran many services that always shipped together - Prime Video cut that workload's cost by over 90%.`,
  },
  {
    id: 'existing-services-working',
    label: 'Existing services already run well',
    facts: ['currentArchitecture', 'pains', 'teams'],
    weights: { 'modular-monolith': 0.5, microservices: 2 },
    citations: ['monzo-microservices', 'uber-doma', 'dora-loosely-coupled', 'team-topologies'],
    strength: (p) =>
      p.currentArchitecture === 'microservices' &&
      p.teams >= 3 &&
      opsMaturity(p) >= 4 &&
      !p.pains.some((x) => x === 'ops-overhead' || x === 'distributed-monolith')
        ? 1
        : undefined,
    explain: () =>
      'You already run services on a mature platform without the classic pains; migrating away would cost more than it saves. Monzo and Uber run very large service estates this way.',
  },
  {
    id: 'single-deployable-delivers',
    label: 'One deployable already ships often',
    facts: ['currentArchitecture', 'deploysPerWeek', 'releaseFriction', 'pains'],
    weights: { monolith: 0.5, 'modular-monolith': 1.5, microservices: -1.5 },
    citations: ['github-rails-monolith', 'shopify-modular-monolith', 'dora-loosely-coupled'],
    // Deploy frequency is what independent deployability is for; a single deployable that already ships
    // several times a week without teams waiting on each other has no delivery problem to split away.
    strength: (p) =>
      (p.currentArchitecture === 'monolith' || p.currentArchitecture === 'modular-monolith') &&
      p.known.has('currentArchitecture') &&
      p.known.has('deploysPerWeek') &&
      (p.deploysPerWeek ?? 0) >= 5 &&
      !contention(p)
        ? 1
        : undefined,
    explain: (p) =>
      `One deployable already ships about ${p.deploysPerWeek} times a week without teams waiting on each other; GitHub and Shopify keep very large organisations productive this way, so the case for splitting has to come from elsewhere.`,
  },
  {
    id: 'customer-operated',
    label: 'Customers run what you ship',
    facts: ['deploymentTopology'],
    weights: { monolith: 1, 'modular-monolith': 1.5, hybrid: -1, microservices: -3 },
    citations: ['service-weaver-hotos', 'fowler-microservice-premium', 'vogels-monoliths-not-dinosaurs'],
    strength: (p) => (p.deploymentTopology === 'customer-installed' || p.deploymentTopology === 'edge' ? 1 : undefined),
    explain: (p) =>
      `${p.deploymentTopology === 'edge' ? 'It runs on devices at the edge' : 'Customers install and run it on their own infrastructure'}: every extra service is one more thing someone else must install, upgrade, secure and operate, so the premium of each deployable is paid again at every site. Keep logical modules but ship as few processes as possible (organise the code in components, decide at deploy time what runs together); a separate process pays only where the hardware differs, such as a model server.`,
  },
  {
    id: 'distributed-monolith',
    label: 'Signs of a distributed monolith',
    facts: ['pains', 'currentArchitecture', 'releaseFriction'],
    weights: { monolith: 0.5, 'modular-monolith': 2, microservices: -1.5 },
    citations: [
      'synthesis-distributed-monolith-signals',
      'newman-microservices-baggage',
      'segment-goodbye-microservices',
    ],
    strength: (p) => {
      const signals =
        p.pains.includes('distributed-monolith') || (p.currentArchitecture === 'microservices' && p.releaseFriction);
      return signals ? (p.teams >= 4 ? 0.5 : 1) : undefined;
    },
    explain: () =>
      'Services that must be released together (a release train) are a distributed monolith: all the network and operational cost, none of the independence. Either merge them or make their contracts truly independent.',
  },
  {
    id: 'ops-pain-small-team',
    label: 'Operations already hurt',
    facts: ['pains', 'teams'],
    weights: { monolith: 1.5, 'modular-monolith': 1, microservices: -2 },
    citations: ['majors-observability-spend', 'kanev-datacenter-tax', 'segment-goodbye-microservices'],
    strength: (p) => (p.pains.includes('ops-overhead') && p.teams <= 3 ? 1 : undefined),
    explain: () =>
      'Operational toil is already a pain; more deployables multiply it - shared infrastructure ("datacenter tax") took nearly 30% of cycles across Google\'s fleet.',
  },
  {
    id: 'scale-is-not-a-reason',
    label: 'High traffic alone is not a reason to split',
    facts: ['requestsPerDay', 'users'],
    weights: { monolith: 0.25, 'modular-monolith': 0.5 },
    citations: ['stackoverflow-architecture', 'github-rails-monolith', 'vogels-monoliths-not-dinosaurs'],
    strength: (p) => ((p.requestsPerDay ?? 0) >= 5_000_000 || (p.users ?? 0) >= 1_000_000 ? 1 : undefined),
    explain: () =>
      "Traffic alone does not call for services: Stack Overflow served 209 million HTTP requests a day from a monolith. Vogels' advice is to revisit the architecture at each order-of-magnitude of growth, not to split ahead of it.",
  },
  {
    id: 'different-change-pace',
    label: 'Parts change at different speeds',
    facts: ['differentChangePace'],
    weights: { 'modular-monolith': 1, hybrid: 0.5 },
    citations: ['vogels-monoliths-not-dinosaurs', 'istio-istiod', 'synthesis-modular-monolith-practice'],
    strength: (p) => (p.differentChangePace.length >= 2 ? 1 : undefined),
    explain: (p) =>
      `${p.differentChangePace.join(', ')} change at different speeds; clear module seams let them evolve separately, and only a part that must also deploy or scale separately is worth a service.`,
  },
];

/** The complete catalogue, team factors first. */
export const FACTORS: Factor[] = [...TEAM_FACTORS, ...BOUNDARY_FACTORS];
