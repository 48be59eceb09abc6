/**
 * Counts attached to nouns: "12 engineers", "two squads", "200k MAU", "2M requests a day", "50 rps",
 * "30 microservices", "a 70B model", "millions of PDFs", "deploy 10 times a day".
 */

import type { Proposal } from './lexicon.js';
import type { Quantity } from './numbers.js';

type Noun =
  | 'engineers'
  | 'teams'
  | 'users'
  | 'customers'
  | 'requests'
  | 'docs'
  | 'services'
  | 'gpus'
  | 'deploys'
  | 'params';

const NOUNS: Record<string, Noun> = {};
const add = (noun: Noun, words: string) => {
  for (const w of words.split(' ')) NOUNS[w] = noun;
};
add(
  'engineers',
  'engineer engineers eng engs dev devs developer developers programmer programmers swe swes people ppl person persons folks ics fte ftes scientists members member hackers coders headcount strong',
);
add('teams', 'team teams squad squads pods tribes crews');
add(
  'users',
  'users user mau dau wau actives testers subscribers seats employees visitors learners students patients clinicians lawyers analysts agents-users',
);
add('customers', 'customers customer accounts clients');
add(
  'requests',
  'requests request reqs req queries query calls messages conversations chats prompts completions inferences questions rps qps tps rpm',
);
add(
  'docs',
  'documents document docs pdfs pdf files pages contracts records tickets emails articles filings transcripts images',
);
add('services', 'services service microservices microservice lambdas deployables');
add('gpus', 'gpus gpu h100s h100 a100s a100 h200s h200 l4s l40s a10gs a10g');
add('deploys', 'deploys deployments releases');
add('params', 'parameters params parameter');

// Words that end the look-ahead: a quantity never reaches across them to a noun.
const STOP = new Set(
  'of per in on at a an the across and or with to for from by is are was were we our it that which who each every into over under than but times hours hour minutes minute days day weeks week months month years year ms seconds second percent % x'.split(
    ' ',
  ),
);

const PER_SECOND = new Set(['rps', 'qps', 'tps']);
const UNIT_FACTOR: Record<string, number> = {
  second: 86_400,
  sec: 86_400,
  s: 86_400,
  minute: 1_440,
  min: 1_440,
  hour: 24,
  hr: 24,
  day: 1,
  daily: 1,
  week: 1 / 7,
  weekly: 1 / 7,
  month: 1 / 30,
  monthly: 1 / 30,
  year: 1 / 365,
};

/** The noun a quantity counts, and where it ends. */
function nounAfter(text: string, end: number): { noun: Noun; word: string; end: number } | undefined {
  const re = /\s*-?\s*(?:or so\s+)?([a-z][a-z0-9+#./'-]*)/y;
  re.lastIndex = end;
  for (let i = 0; i < 3; i++) {
    const m = re.exec(text);
    if (!m) return undefined;
    const word = m[1]!.replace(/[.,;:!?']+$/, '');
    const noun = NOUNS[word];
    if (noun) {
      // "3 team members" counts people; "3-person team" counts people too.
      const next = /^\s*-?([a-z]+)/.exec(text.slice(re.lastIndex))?.[1];
      if (noun === 'teams' && next && /^(?:members?|mates?|leads?)$/.test(next))
        return { noun: 'engineers', word, end: re.lastIndex };
      return { noun, word, end: re.lastIndex };
    }
    if (STOP.has(word) || /^\d/.test(word)) return undefined;
  }
  return undefined;
}

function perDay(text: string, from: number, word: string): number {
  if (PER_SECOND.has(word)) return 86_400;
  if (word === 'rpm') return 1_440;
  const m =
    /^\s*(?:(?:a|an|per|each|every|\/)\s*)?(second|sec|s|minute|min|hour|hr|day|week|month|year|daily|weekly|monthly)\b/.exec(
      text.slice(from, from + 20),
    );
  const before = /\b(daily|weekly|monthly)\s+(?:\w+\s+)?$/.exec(text.slice(Math.max(0, from - 40), from));
  const unit = m?.[1] ?? before?.[1] ?? 'day';
  return UNIT_FACTOR[unit] ?? 1;
}

const round = (n: number) => Math.max(1, Math.round(n));
const NOUN_KEY: Partial<Record<Noun, 'engineers' | 'teams' | 'users' | 'services'>> = {
  engineers: 'engineers',
  teams: 'teams',
  users: 'users',
  services: 'services',
};

const DOC_RATE =
  /^\s*(?:(?:are|is|get|gets|arrive|arriving|come in|coming in|land|flow in|ingested|added|uploaded|processed|indexed|scanned|crawled|embedded|new)\s+){0,3}(?:(?:(?:a|an|per|each|every|\/)\s*)(day|night|hour|week|month)\b|(daily|nightly|hourly|weekly|monthly)\b)/;
const DOC_CADENCE = /\b(daily|nightly|hourly|weekly|monthly|every (?:day|night|hour|week|month))\b/;
const DOC_RATE_PER_DAY: Record<string, number> = {
  day: 1,
  daily: 1,
  night: 1,
  nightly: 1,
  hour: 24,
  hourly: 24,
  week: 1 / 7,
  weekly: 1 / 7,
  month: 1 / 30,
  monthly: 1 / 30,
};

/**
 * Documents per day for a count of documents, when a rate is stated right after the noun ("a night",
 * "per hour") or a cadence in the same clause ("nightly job re-embeds 200k docs"); undefined for a
 * collection size.
 */
function documentRate(text: string, start: number, nounEnd: number): number | undefined {
  const rate = DOC_RATE.exec(text.slice(nounEnd, nounEnd + 60));
  if (rate) return DOC_RATE_PER_DAY[rate[1] ?? rate[2]!];
  const before =
    text
      .slice(Math.max(0, start - 60), start)
      .split(/[;.]/)
      .at(-1) ?? '';
  const after = text.slice(nounEnd, nounEnd + 60).split(/[;.]/)[0] ?? '';
  const cadence = DOC_CADENCE.exec(`${before} ${after}`)?.[1];
  return cadence === undefined ? undefined : DOC_RATE_PER_DAY[cadence.replace(/^every /, '')];
}

// "two left last month", "3 engineers joined", "we hired 4": a change in headcount, not the headcount.
const HEADCOUNT_CHANGE_AFTER =
  /^\s*(?:(?:[a-z-]+\s+)?(?:engineers?|devs?|developers?|people|folks|of (?:us|them))\s+)?(?:(?:have|had|just|recently)\s+)?(?:left|quit|joined|resigned|departed|moved on|retired|were (?:hired|laid off|let go|added|moved)|got (?:hired|laid off|let go)|are leaving|are joining|start(?:s|ing)? (?:on|next|in))\b/;
// "a modular monolith for anything under 20 engineers": a threshold in advice, not a count.
const THRESHOLD_BEFORE =
  /\b(?:anything|anyone|teams?|companies|orgs?|startups|when(?: you're| you are)?|if(?: you're| you are)?|once (?:you|we)(?: are|'re)?|until (?:you|we)(?: are|'re)?) (?:under|over|above|below|fewer than|more than|less than|past|beyond|up to)\s*$/;
const HEADCOUNT_CHANGE_BEFORE =
  /\b(?:hired|hiring|lost|laid off|let go|added|adding|onboarded|onboarding|hire)\s+(?:another\s+|an extra\s+|about\s+)?$/;
// "100% API", "3x the traffic": a share or a factor, never a count.
const NOT_A_COUNT_AFTER = /^\s*(?:%|percent\b|per ?cent\b|x\b|times (?:more|less|bigger|faster|slower|as)\b)/;
// "one service per squad", "2 engineers per team": a ratio, not a total.
const PER_GROUP =
  /^\s*(?:per|for each|for every|each|a)\s+(?:team|squad|pod|tenant|customer|client|engineer|dev|developer|person|region|product|feature|service|tier|use case)\b/;

/** True when the quantity is a share, a factor or a change, which counts nothing by itself. */
export function isNotACount(text: string, q: Quantity): boolean {
  const after = text.slice(q.end, q.end + 40);
  const before = text.slice(Math.max(0, q.start - 30), q.start);
  return (
    NOT_A_COUNT_AFTER.test(after) ||
    HEADCOUNT_CHANGE_AFTER.test(after) ||
    HEADCOUNT_CHANGE_BEFORE.test(before) ||
    THRESHOLD_BEFORE.test(before + text.slice(q.start, q.end).replace(/[\d.,]+\s*\S*$/, ''))
  );
}

/** Facts stated by one quantity in normalised text. */
export function quantityProposals(text: string, q: Quantity): Proposal[] {
  const before = text.slice(Math.max(0, q.start - 40), q.start);
  // "zero engineers on call" denies something; it counts nothing.
  if (isNotACount(text, q) || q.value === 0) return [];
  // "4 teams not 3", "we aren't 12 any more", "we don't have twelve services": the denied figure states nothing.
  if (
    /(?:\bnot|n't|\brather than|\binstead of|\bno longer|\bnever)\s+(?:(?:have|had|got|run|use|need)\s+)?$|(?:\bnot|n't)$/.test(
      before,
    )
  )
    return [];
  const noun = nounAfter(text, q.end);
  // "one squad's config change", "one document last week", "the one ML engineer": a single thing named in
  // passing is not a count, unless the sentence states it ("we are one team", "a single service").
  if (
    q.value === 1 &&
    !q.approx &&
    !/(?:\b(?:we're|we are|we have|there's|there is|it's|it is|is|are|in|on|as|into|just|only|all|single|team of)|^|[,;:(])\s*$/.test(
      before,
    ) &&
    !/^\s*(?:team|squad|app|application|service|deployable|codebase|repo|binary|engineer|developer|dev)\s+(?:of|for|owns|runs|does|handles)\b/.test(
      text.slice(q.end),
    )
  )
    return [];
  // "a 900-page PDF", "a 70-person org" is an attribute; "a 5-person team" still counts people.
  if (
    /^-(?:page|line|word|minute|hour|day|week|month|year|step|node|core|second|bit|token|character|row|slide|inch|foot|mile)s?\b/.test(
      text.slice(q.end, q.end + 14),
    )
  )
    return [];
  // "team of 8", "a squad of 5 people", "org of 300".
  const teamOf =
    /\b(a |an |1 |our |the |my )?(?:small |tiny |single |lean |core )?(team|squad|crew|pod|tribe|org|organi[sz]ation|group|department) of\s*$/.exec(
      before,
    );
  if (teamOf && (!noun || noun.noun === 'engineers')) {
    const out: Proposal[] = [{ key: 'engineers', value: round(q.value) }];
    if (teamOf[1] && /team|squad|crew|pod|tribe/.test(teamOf[2]!)) out.push({ key: 'teams', value: 1, priority: 0 });
    return out;
  }
  // "used by our 12 account managers": whoever uses it are its users.
  if (/\bused by\s+(?:our\s+|its\s+|about\s+|around\s+|roughly\s+|~\s*)*$/.test(before) && noun?.noun !== 'engineers')
    return [{ key: 'users', value: q.value }];
  if (!noun) {
    // "users are maybe 600", "actives are closer to 1,800", "engineers: 12": the noun comes first.
    const named =
      /\b(users|actives|active users|mau|dau|engineers|devs|developers|teams|squads|services|microservices)\s*(?:are|is|:|=|at|of)\s*(?:now\s+)?(?:maybe\s+|probably\s+|roughly\s+|about\s+|around\s+)?$/.exec(
        before,
      );
    const requests =
      /\b(daily|weekly|monthly)?\s*(?:requests|queries|conversations|calls)\s*(?:per day|a day)?\s*(?:are|is|:|=|at)\s*(?:now\s+)?(?:maybe\s+|probably\s+|roughly\s+|about\s+|around\s+)?$/.exec(
        before,
      );
    if (requests) {
      const factor = requests[1] === 'weekly' ? 1 / 7 : requests[1] === 'monthly' ? 1 / 30 : 1;
      return [{ key: 'requestsPerDay', value: Math.round(q.value * factor) }];
    }
    if (named) {
      const word = named[1]!.split(' ').at(-1)!;
      const key = NOUN_KEY[NOUNS[word] ?? 'users'];
      if (key) return [{ key, value: key === 'users' ? q.value : round(q.value) }];
    }
    // "our unit has 12", "the team is 7".
    if (
      /\b(?:our|the|this) (?:unit|team|group|squad|department|division|crew|pod) (?:has|is|of)\s*(?:just\s+|only\s+|about\s+|around\s+)?$/.test(
        before,
      )
    )
      return [{ key: 'engineers', value: round(q.value) }];
    // "just 6 work on the copilot".
    if (/^\s*(?:of us\s+)?(?:work|works|working)\s+on\b/.test(text.slice(q.end, q.end + 24)))
      return [{ key: 'engineers', value: round(q.value), priority: 2 }];
    // "of whom maybe 18 are engineers".
    const then = /^\s*(?:are|is)\s+(engineers|devs|developers)\b/.exec(text.slice(q.end, q.end + 20));
    if (then) return [{ key: 'engineers', value: round(q.value), priority: 2 }];
    // "we're 12", "there are 40 of us", "headcount is 30".
    if (
      /\b(?:we're|we are|we're now|we are now|there are|there're|headcount (?:is|of)|team size (?:is|of)|engineers:?|devs:?)\s*(?:now\s+)?$/.test(
        before,
      )
    ) {
      if (q.value >= 1 && q.value <= 5_000) return [{ key: 'engineers', value: round(q.value) }];
    }
    if (/^\s*of us\b/.test(text.slice(q.end, q.end + 8))) return [{ key: 'engineers', value: round(q.value) }];
    if (/\b(?:teams:?|squads:?)\s*$/.test(before)) return [{ key: 'teams', value: round(q.value) }];
    if (/\b(?:users|mau|dau):?\s*(?:of\s+)?$/.test(before)) return [{ key: 'users', value: q.value }];
    return [];
  }
  if (
    PER_GROUP.test(text.slice(noun.end, noun.end + 30)) &&
    (noun.noun === 'services' || noun.noun === 'engineers' || noun.noun === 'teams')
  )
    return [];
  // "one engineer built the pipeline over a weekend": people who did something once are not the team's size.
  if (
    noun.noun === 'engineers' &&
    /^\s*(?:built|wrote|made|did|took|ran|set up|spent|created|designed|hacked|prototyped|started|left|joined|quit)\b/.test(
      text.slice(noun.end, noun.end + 20),
    )
  )
    return [];
  // "the demo we gave to 500 people": an audience, not the team.
  if (noun.noun === 'engineers' && /\b(?:to|for|in front of)\s+(?:about\s+|around\s+|over\s+|~)?$/.test(before))
    return [];
  // "a single PDF can be 2,000 pages": a document's length, not a collection.
  if (
    noun.noun === 'docs' &&
    /\b(?:pdf|pdfs|document|documents|doc|docs|file|files|contract|contracts|report|reports|manual|manuals)\s+(?:can be|could be|is|are|was|were|runs?|of|with|has|had|that (?:is|are))\s+(?:up to\s+|over\s+|about\s+|around\s+)?$/.test(
      before,
    )
  )
    return [];
  switch (noun.noun) {
    case 'engineers':
      if (/^(?:people|person|persons|folks|ppl|members|member)$/.test(noun.word)) {
        // "millions of people use it", "the beta has 300 people hammering it" count users, not engineers.
        if (
          /\b(?:use|uses|using|users|visit\w*|chat\w*|ask\w*|hammer\w*|try\w*|test\w*|access\w*|log\w* in|sign\w* up|on it)\b/.test(
            text.slice(noun.end, noun.end + 24),
          ) ||
          /\b(?:beta|pilot|users?|has|have)\s+(?:has\s+|have\s+)?(?:about\s+|around\s+|~)?$/.test(
            text.slice(Math.max(0, q.start - 20), q.start),
          ) ||
          q.value > 5_000
        ) {
          return [{ key: 'users', value: q.value }];
        }
        // People in general count as engineers only when nothing more precise is said (priority 0).
        return q.value > 100_000 ? [] : [{ key: 'engineers', value: round(q.value), priority: 0 }];
      }
      return q.value > 100_000 ? [] : [{ key: 'engineers', value: round(q.value) }];
    case 'teams': {
      // "40 paying teams", "customer teams": teams that buy the product are customers, not builders.
      if (/^\s*(?:paying|customer|client|partner|external|user)\s/.test(text.slice(q.end, noun.end))) return [];
      const out: Proposal[] = [{ key: 'teams', value: round(q.value) }];
      // "3 teams of 5 engineers" → 15 engineers.
      const of =
        /^\s*of\s+(?:about\s+|around\s+|~)?(\d+)(?:\s+(?:[a-z-]+\s+)?(?:engineers|devs|developers|people)\b|\s*(?:[.,;]|$|and\b|each\b))/.exec(
          text.slice(noun.end),
        );
      if (of) out.push({ key: 'engineers', value: round(q.value * Number(of[1])) });
      return out;
    }
    case 'users':
      return [{ key: 'users', value: q.value }];
    case 'customers':
      // "two paying customers" are organisations; "10k customers" of a consumer product are its users.
      return q.value >= 1_000 ? [{ key: 'users', value: q.value }] : [];
    case 'requests': {
      // A peak rate overstates daily volume; a stated daily figure wins over it.
      const peak = /\bpeak\b/.test(text.slice(Math.max(0, q.start - 15), noun.end + 20));
      return [
        {
          key: 'requestsPerDay',
          value: Math.round(q.value * perDay(text, noun.end, noun.word)),
          priority: peak ? 0 : 1,
        },
      ];
    }
    case 'docs': {
      const out: Proposal[] = [];
      // "200,000 documents a night" is a daily volume; "a corpus of 2M documents" is what is searched. Only
      // a daily volume of millions makes ingestion heavy.
      const perDayFactor = documentRate(text, q.start, noun.end);
      // Documents flowing through ingestion (not a collection that is only searched).
      const flowing =
        /\b(?:ingest\w*|process\w*|pars(?:e|es|ed|ing)|crawl\w*|re-?index\w*|re-?embed\w*|scanned|ocr|backfill\w*)\b/.test(
          text,
        );
      if ((perDayFactor !== undefined || flowing) && q.value * (perDayFactor ?? 1) >= 1_000_000) {
        out.push({ key: 'heavyIngestion', value: true }, { key: 'components', value: ['ingestion'] });
      } else if (perDayFactor !== undefined && q.value * perDayFactor < 100_000) {
        out.push({ key: 'heavyIngestion', value: false, priority: 0 });
      }
      out.push(
        perDayFactor === undefined
          ? { key: 'corpusDocuments', value: Math.round(q.value) }
          : { key: 'documentsPerDay', value: Math.round(q.value * perDayFactor) },
      );
      return out;
    }
    case 'services': {
      const count: Proposal = { key: 'services', value: round(q.value) };
      if (q.value >= 5) return [count, { key: 'currentArchitecture', value: 'microservices' }];
      if (q.value >= 2)
        return [
          count,
          { key: 'currentArchitecture', value: noun.word.startsWith('micro') ? 'microservices' : 'hybrid' },
        ];
      return [count];
    }
    case 'gpus':
      return [
        { key: 'gpuInference', value: true },
        { key: 'modelHosting', value: 'self-hosted' },
        { key: 'components', value: ['inference'] },
      ];
    case 'deploys': {
      const perWeek = perDay(text, noun.end, noun.word) * 7;
      return /\b(?:a|per|each|every)\s+(?:day|week|month)|daily|weekly|monthly/.test(
        text.slice(noun.end, noun.end + 20),
      )
        ? [{ key: 'deploysPerWeek', value: Math.round(q.value * perWeek * 100) / 100 }]
        : [];
    }
    case 'params': {
      const b = q.value >= 1e8 ? q.value / 1e9 : q.value;
      return b > 0 && b <= 5_000 ? [{ key: 'modelSizeB', value: b }] : [];
    }
  }
}
