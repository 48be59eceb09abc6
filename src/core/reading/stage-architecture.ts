/** Stage words (idea … at scale) and the current architecture ("we have a monolith", "30 microservices"). */
import type { TermRule } from './lexicon.js';

const rule = (
  id: string,
  pattern: RegExp,
  key: 'stage' | 'currentArchitecture',
  value: string,
  priority: number,
  no?: [string, number],
): TermRule => ({
  id,
  pattern: new RegExp(pattern.source, 'g'),
  yes: [{ key, value, priority }],
  ...(no ? { no: [{ key, value: no[0], priority: no[1] }] } : {}),
});

/** Later stages win over earlier ones mentioned in the same message ("the prototype is now live"). */
export const STAGE_RULES: TermRule[] = [
  rule(
    'idea',
    /\b(?:just an idea|idea stage|ideation|on the drawing board|greenfield|haven't built|nothing built|nothing's built|nothing is built|not built (?:anything|it) yet|(?:haven't|have not|hasn't|not) (?:yet )?(?:written|built|shipped|started) (?:any|a (?:single )?line of) code|no code (?:yet|written)|still interviewing|customer discovery|starting from scratch|pre-?build|planning phase|design phase|whiteboard)\b/,
    'stage',
    'idea',
    1,
  ),
  rule(
    'prototype',
    /\b(?:prototyp\w*|poc|proof[- ]of[- ]concept|in the lab|(?:no|nothing has seen a|not seen any|haven't had any|without) real users?|hackathon|mvp|demo|experiment(?:s|ing|al)?|pre-?production|notebook|streamlit|loom video|friday demos|showed it to|pre-?launch|not (?:yet )?launched)\b/,
    'stage',
    'prototype',
    2,
  ),
  rule(
    'pilot',
    /\b(?:pilot(?:ing|s)?|beta|alpha|early access|limited (?:rollout|release|preview)|design partners?|dogfood(?:ing)?|soft launch|private preview|public preview|internal (?:users|rollout|launch)|friendly users)\b/,
    'stage',
    'pilot',
    3,
  ),
  rule(
    'production',
    /\b(?:in prod(?:uction)?|production (?:traffic|users|system|workloads?)|(?:is|are|went|gone|been) live(?! (?:in|on|within|inside) (?!prod))|live (?:with|for|since|on it|in (?:prod|\d+ (?:countries|markets|hospitals|regions|stores)))|(?:\d+ |our )?[a-z]+ (?:are |is )?live on it|launched|shipped to (?:customers|users)|generally available|ga since|(?:to|went|is|now) ga|(?:\d+(?:st|nd|rd|th) )?paying (?:customers?|users?|orgs?|organi[sz]ations|tenants?|teams|accounts|clients?|subscribers)|customers (?:use|rely on)|running in prod(?:uction)?|customers pay(?: us)?|pay(?:s|ing)? us (?:per|by|monthly|yearly)|per[- ]seat (?:pricing|billing|licen[cs]es?)|an sla|(?:our |the )?slas?\b|\d+(?:\.\d+)?% (?:uptime|availability)|(?:users|customers|clinicians|agents|employees|staff|analysts|lawyers|nurses|doctors|students|teachers) use it (?:every|each|daily|all day))\b/,
    'stage',
    'production',
    4,
    ['prototype', 0],
  ),
  rule(
    'scale',
    /\b(?:at scale|hyper-?growth|global scale|massive scale|scaling fast|internet scale|web scale)\b/,
    'stage',
    'scale',
    5,
  ),
];

export const ARCHITECTURE_RULES: TermRule[] = [
  rule(
    'monolith',
    /\b(?<!distributed |modular )monolith(?:ic)?\b(?! first)|\b(?:1|a) (?:big |single |large )?(?:[a-z.#+]+ )?(?:codebase|deployable|binary)\b|\b(?:1|single) (?:app|application|service|process|repo)\b(?! (?:per|for each|for every) )|\b(?:rails|django|flask|fastapi|laravel|spring boot|next\.js|express|node) (?:app|monolith|backend)\b/,
    'currentArchitecture',
    'monolith',
    1,
  ),
  rule(
    'modular-monolith',
    /\b(?:modular monolith|modulith|well-defined modules|module boundaries|packwerk|(?:separate|clear|enforced) modules)\b/,
    'currentArchitecture',
    'modular-monolith',
    2,
  ),
  rule(
    'microservices',
    /\b(?:micro-?services?|service mesh|istio|linkerd|(?:dozens|hundreds) of services|distributed monolith)\b/,
    'currentArchitecture',
    'microservices',
    2,
  ),
  rule(
    'hybrid',
    /\bmonolith (?:plus|with|and|alongside) (?:a |an |1 |2 |3 )?(?:separate |dedicated |standalone )?(?:[a-z-]+ )?(?:services?|workers?)\b|\b(?:separate|dedicated|standalone) (?:gpu |inference |model |ingestion |embedding |worker )(?:service|server|cluster|workers)\b/,
    'currentArchitecture',
    'hybrid',
    3,
  ),
  rule(
    'none',
    /\b(?:greenfield|haven't built|nothing built|nothing's built|nothing is built|from scratch|new build|not built (?:anything|it) yet|(?:haven't|have not|hasn't|not) (?:yet )?(?:written|built|started) (?:any|a (?:single )?line of) code|no code (?:yet|written))\b/,
    'currentArchitecture',
    'none',
    0,
  ),
];

// "we recommend microservices to our clients", "our customers run dozens of services", "a consultant
// proposed 9 microservices": an architecture the team advises on, sells, sees at clients or was pitched
// is not the one it runs.
const OTHERS =
  /\b(?:recommend(?:s|ed|ing)?|propos(?:e|es|ed|ing|al)|suggest(?:s|ed|ing|ion)?|pitch(?:es|ed|ing)?|advis(?:e|es|ed|ing)|sell(?:s|ing)?|resell(?:s|ing)?|teach(?:es|ing)?|consult(?:s|ing)? on|coach(?:es|ing)?|audit(?:s|ing)?|review(?:s|ing)?|migrat(?:e|es|ing) (?:clients|customers)|help(?:s|ing)? (?:clients|customers|companies|teams|others) (?:with|adopt|build|run|move|migrate)|writ(?:e|es|ing) about|blog(?:s|ging)? about|talk(?:s|ing)? about|evangeli[sz](?:e|es|ing)|preach(?:es|ing)?|(?:clients|customers|partners|prospects)(?:'s?)? (?:\w+ ){0,2}(?:use|run|have|build|want|ask for))\b/;

/** True when the architecture word at `start` (clause from `clauseFrom`) is about someone else's system. */
export function aboutOthers(text: string, clauseFrom: number, start: number): boolean {
  return OTHERS.test(text.slice(clauseFrom, start));
}
