/**
 * Quantities with their own grammar: model sizes ("70B", "8x7B", "Llama 3 70B"), deploy frequency and
 * services owned per team ("each of our 3 teams owns 2 services").
 */
import type { Proposal } from './lexicon.js';

export interface Spotted {
  proposal: Proposal;
  start: number;
  end: number;
}

const SIZE =
  /(?<![\w$.€£])(\d+(?:\.\d+)?)\s?b\b(?!\s*(?:users|requests|tokens|rows|documents|docs|revenue|dollars|usd|arr|valuation|records|in |funding|a year|events))/g;
const MOE = /(?<![\w$.])(\d+)x(\d+(?:\.\d+)?)b\b/g;

/** Model sizes in billions of parameters. */
export function modelSizes(text: string): Spotted[] {
  const out: Spotted[] = [];
  for (const m of text.matchAll(MOE)) {
    out.push({
      proposal: { key: 'modelSizeB', value: Number(m[1]) * Number(m[2]) },
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  for (const m of text.matchAll(SIZE)) {
    const value = Number(m[1]);
    if (value > 0 && value <= 2_000)
      out.push({ proposal: { key: 'modelSizeB', value }, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Deploys per week of a once-a-day cadence (working days). */
const DAILY = 5;
const PER_WEEK: Record<string, number> = { hour: 40, day: 5, week: 1, month: 0.25, sprint: 0.5, quarter: 1 / 13 };
const ADVERB: Record<string, number> = {
  hourly: 40,
  daily: 5,
  nightly: 5,
  weekly: 1,
  biweekly: 0.5,
  fortnightly: 0.5,
  monthly: 0.25,
  quarterly: 1 / 13,
  continuously: 20,
  'every day': 5,
  'every week': 1,
  'every month': 0.25,
  'every sprint': 0.5,
  'every 2 weeks': 0.5,
  'every other week': 0.5,
  'on every merge': 20,
  'many times a day': 15,
  'multiple times a day': 15,
  'several times a day': 15,
  'many times per day': 15,
  'multiple times per day': 15,
  'several times per day': 15,
};
const VERB = String.raw`\b(?:deploy(?:s|ed|ing)?|ship(?:s|ped|ping)?|releas(?:e|es|ed|ing)|push(?:es)? to prod(?:uction)?)\b`;
const TIMES = new RegExp(
  String.raw`${VERB}[^.;]{0,50}?\b(?:(\d+(?:\.\d+)?)\+?\s*(?:times|x)|(once|twice))\s*(?:a|per|each|every|\/)\s*(hour|day|week|month|sprint|quarter)\b`,
  'g',
);
// "releases get blocked weekly" says how often releases are blocked, not how often they ship.
const NOT_CADENCE = String.raw`(?!\b(?:blocked|block|fail\w*|broken|break\w*|delayed|slip\w*|stuck|rolled back)\b)`;
const ADVERBS = new RegExp(
  String.raw`${VERB}(?:${NOT_CADENCE}[^.;]){0,20}?\b(${Object.keys(ADVERB).join('|')})\b`,
  'g',
);
const NOUN_FIRST =
  /\b(hourly|daily|nightly|weekly|biweekly|fortnightly|monthly|quarterly) (?:deploys?|deployments?|releases?|release trains?)\b/g;

// "deploy every 3 days", "a release every two weeks", "ship every other day", "every few hours".
const EVERY_N = new RegExp(
  String.raw`${VERB}[^.;]{0,30}?\b(?:once\s+)?every\s+(\d+(?:\.\d+)?|other|few|couple of)\s+(hour|day|week|month|sprint|quarter)s?\b`,
  'g',
);
// "releases go out every Tuesday": once a week.
const EVERY_WEEKDAY = new RegExp(
  String.raw`(?:${VERB}|\b(?:deploys|deployments|releases) go out)[^.;]{0,30}?\b(?:every|each) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b`,
  'g',
);
// Days are calendar days here ("every 3 days" = 7/3 a week), unlike "a day" (working days, 5 a week).
const PER_WEEK_EVERY: Record<string, number> = { hour: 40, day: 7, week: 1, month: 0.25, sprint: 0.5, quarter: 1 / 13 };
const EVERY_COUNT: Record<string, number> = { other: 2, few: 3, 'couple of': 2 };

const RESTATED = new RegExp(
  String.raw`\b(?:it's|it is|that's|now|they're|we're at)\s+(?:(?:roughly|about|around|now|still|down to|up to|more like|usually|normally)\s+)*(${Object.keys(ADVERB).join('|')})\b`,
  'g',
);

const RESTATED_TIMES =
  /\b(?:it's|it is|that's|now|more like|closer to|nearer)\s+(?:(?:roughly|about|around|now|more like|usually|normally)\s+)*(?:(\d+(?:\.\d+)?)\+?\s*(?:times|x)|(once|twice))\s*(?:a|per|each|every|\/)\s*(hour|day|week|month|sprint|quarter)\b/g;

/** Deploys per week stated as a frequency ("we deploy 10 times a day", "every 3 days", "weekly releases"). */
export function deployFrequency(text: string): Spotted[] {
  const out: Spotted[] = [];
  const add = (value: number, start: number, end: number) => {
    out.push({ proposal: { key: 'deploysPerWeek', value: Math.round(value * 100) / 100 }, start, end });
    // Several deploys a day are not done by hand: the pipeline is automated.
    if (value > DAILY) out.push({ proposal: { key: 'ciCd', value: true }, start, end });
  };
  for (const m of text.matchAll(TIMES)) {
    const n = m[1] ? Number(m[1]) : m[2] === 'twice' ? 2 : 1;
    add(n * (PER_WEEK[m[3]!] ?? 1), m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(EVERY_WEEKDAY)) add(1, m.index, m.index + m[0].length);
  for (const m of text.matchAll(EVERY_N)) {
    const every = EVERY_COUNT[m[1]!] ?? Number(m[1]);
    if (every > 0) add((PER_WEEK_EVERY[m[2]!] ?? 1) / every, m.index, m.index + m[0].length);
  }
  if (!out.length) {
    for (const m of [...[...text.matchAll(ADVERBS)], ...[...text.matchAll(NOUN_FIRST)]])
      add(ADVERB[m[1]!] ?? 1, m.index, m.index + m[0].length);
  }
  // "Deploys were monthly…; now it's roughly daily": once deploying is the topic, "it's <cadence>" restates it.
  const topic = new RegExp(VERB).exec(text);
  if (topic) {
    for (const m of text.slice(topic.index).matchAll(RESTATED_TIMES)) {
      const start = topic.index + m.index;
      const n = m[1] ? Number(m[1]) : m[2] === 'twice' ? 2 : 1;
      if (!out.some((o) => o.start <= start && start < o.end))
        add(n * (PER_WEEK[m[3]!] ?? 1), start, start + m[0].length);
    }
    for (const m of text.slice(topic.index).matchAll(RESTATED)) {
      const start = topic.index + m.index;
      if (!out.some((o) => o.start <= start && start < o.end)) add(ADVERB[m[1]!] ?? 1, start, start + m[0].length);
    }
  }
  return out;
}

// "each team owns its own services", "each of our 3 squads runs 2 services", "4 teams, each owning 3 APIs".
const OWNERSHIP =
  /\beach (?:of (?:our|the|its|their|those|these) (\d+) )?(?:team|squad|pod|group)s? (?:now |also |fully |still )?(?:owns?|owning|runs?|running|maintains?|maintaining|deploys?|deploying|is responsible for|has|having) (?:all |end to end )?(?:of )?(?:its|their)?\s*(?:own\s+)?(?:(\d+)\s+)?(?:separate |independent |separately deployed |independently deployed )?(?:micro-?)?(?:services?|deployables?)\b/g;
const TEAMS_COUNT = /(\d+)\s+(?:[a-z-]+\s+)?(?:teams|squads|pods)\b/g;

/** The architecture implied when each team owns services: one service per team or more is microservices. */
export function serviceOwnership(text: string): Spotted[] {
  const out: Spotted[] = [];
  for (const m of text.matchAll(OWNERSHIP)) {
    const stated = [...text.slice(0, m.index).matchAll(TEAMS_COUNT)].at(-1)?.[1];
    const teams = Number(m[1] ?? stated ?? 0);
    const perTeam = m[2] === undefined ? undefined : Number(m[2]);
    // Without counts, services owned team by team is the microservice organisation itself.
    const total = perTeam === undefined ? Number.POSITIVE_INFINITY : perTeam * Math.max(teams, 1);
    if (total < 2) continue;
    const value = total >= 4 ? 'microservices' : 'hybrid';
    out.push({
      proposal: { key: 'currentArchitecture', value, priority: 3 },
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  return out;
}
