/**
 * Modality: whether a clause states today's state, the past, a plan, a hypothesis, or someone else's
 * proposal, and who is speaking for a proposal ("Our CTO keeps pushing microservices" → proposal, speaker
 * "our cto"). Read per clause from its markers (tense words, time phrases, verbs of planning or proposing);
 * a short label before a colon ("Plan of record: …") governs what follows it. Only today's state said by
 * the team becomes a fact; the rest become plans or history (docs/facts.md).
 */
import { clauseRanges } from './negation.js';

export type Modality = 'current' | 'past' | 'planned' | 'hypothetical' | 'proposal';

export interface Scope {
  start: number;
  end: number;
  modality: Modality;
  /** Who proposes, for a proposal ("our cto"). */
  speaker?: string;
  /** The clause corrects something said before it ("sorry, 11", "scratch that", "edit: 5"). */
  correction: boolean;
  /** The clause is about another organisation ("a friend's startup runs 40 microservices"): no facts. */
  others?: boolean;
}

const MONTH = String.raw`(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)`;
const DAY = String.raw`(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)`;

// Time phrases place a whole clause ("OpenTelemetry is scheduled for next sprint"); verbs of planning,
// wishing or possibility govern what comes after them ("attackers could hijack it" says nothing about the
// "7 engineers" before it).
const PLANNED_TIME = new RegExp(
  String.raw`\b(?:the plan is|plan of record|on the (?:\w+ )?plan|roadmap|next (?:week|month|quarter|year|sprint|release)|(?:in|by) (?:${MONTH}|q[1-4]|20\d\d|the end of|end of)|starts? (?:on )?${DAY}|from ${DAY}|(?:q[1-4]|quarterly|annual) (?:goal|plan|okr)s?|goal|todo|upcoming|soon|(?:is|are) scheduled|scheduled for)\b`,
);
const PLANNED_VERB =
  /\b(?:plan(?:s|ning|ned)? (?:to|on|for)|going to|gonna|will|'ll|shall|intend\w*|aim(?:s|ing)? to|about to|once we|before we)\b/;
const HYPOTHETICAL_TIME = /\b(?:someday|some day|at some point|eventually|one day|hypothetically|if ever)\b/;
const HYPOTHETICAL_VERB =
  /\b(?:if(?! (?:you|we) (?:count|include|add)\b)|whether|thinking (?:about|of)|considering|consider|might|may(?! only)|could|would|'d|(?:maybe|perhaps|probably)(?! (?:about |around )?(?:\d|a |an |half))|the idea is|exploring|evaluating|wish|ideally|dream|want to|wants to|would like to|looking (?:at|into))\b/;
const PAST =
  /\b(?:used to|back when|originally|in the early days|early on|at (?:the )?(?:peak|start|beginning)|formerly|previously|before the \w+|(?:\d+|a|two|three|few|couple of) (?:years?|months?|weeks?) ago|last (?:year|summer|spring|autumn|fall|winter)|the first version|when we (?:first|started|launched)|at first|initially|at launch|was|were|had|the (?:one|only|1) time|(?:we )?(?:tried|trialled|trialed|experimented with))\b/;
const PAST_TENSE = /\b(?:was|were|had|did|went|got|ran|built|began|took|hit|\w{3,}ed)\b/;
// Words that anchor a clause in today ("today", "right now", "since v3", "until then").
const CURRENT =
  /\b(?:today|right now|currently|now|at the moment|for now|these days|nowadays|still|until then|as of (?:now|today)|since|ever since|so far|anymore|any more|no longer|at present)\b/;
// Someone other than the team proposing: the subject, then a verb of wanting or proposing.
const PROPOSER = String.raw`(?:(?:our|my|the|an?|their|two of our|some of our|one of our|a few)\s+)?(?:new\s+)?(?:cto|ceo|cfo|coo|ciso|vp(?: of [a-z]+)?|head of [a-z]+|(?:eng(?:ineering)? )?manager|boss|(?:tech |team )?lead|(?:lead |solutions |enterprise |principal )?architect|board|investors?|security(?: team)?|legal(?: team)?|product(?: team| manager| owner)?|sales(?: team)?|customer success|marketing|the business|stakeholders?|execs?|leadership|management|consultants?|(?:the )?contractor|intern|staff eng\w*|(?:[a-z]+ )?guild|(?:[a-z]+ )?folks|someone|somebody|people|(?:platform|sre|ml|data|infra|security|mobile|devops) (?:team|folks|people|lead)|(?:big |biggest |largest |enterprise |some |a few )?(?:customers?|clients?|prospects?)|(?:some|a few|several|half|most|many|\d+) (?:people )?(?:on|of|in) (?:the|our) team|(?:some|a few|several|half|most|\d+) of us)`;
const PROPOSE_VERB = String.raw`(?:'s (?:design doc|rfc|proposal|plan) )?(?:\w+ ){0,2}?(?:wants?|would like|keeps? (?:saying|pushing|asking|suggesting|telling)|(?:is|are|has been|have been) (?:pushing|lobbying|proposing|suggesting|asking|floating)|suggest(?:s|ed)?|propos(?:es|ed)|recommend(?:s|ed)?|push(?:es|ed)? for|lobb(?:y|ies|ied)|argu(?:e|es|ed|ing)(?: for| that)?|ask(?:s|ed) (?:for|whether|us|why|if|about|when)|reckons?|(?:is|are|was|were) (?:convinced|keen|adamant|sure|certain) (?:that )?(?:we|it)|believes? (?:we|that we)|feels? (?:we|that we)|would (?:love|prefer)|prefers?|(?:is|are) (?:asking|begging|nagging|pressuring)|dreams? of|thinks? (?:we|that we)|says? (?:that )?(?:we|you|you'll|it'll|they)\b|told us|is adamant|insist(?:s|ed) (?:we|that we)|(?:have |has )?floated)`;
const PROPOSAL = new RegExp(
  String.raw`(?:^|[^a-z])(${PROPOSER})\b\s*${PROPOSE_VERB}\b|(?:pressure|requests?|asks?|demands?|push|a push) from (${PROPOSER})\b(?:\s+(?:to|for))?`,
);
const CORRECTION =
  /^\W*(?:(?:well|hmm+|er+m?|um+|oh|ok|so)\W+)*(?:actually|sorry|correction|corrected|edit|update|i mean|i meant|or rather|rather|make that|scratch that|scrap that|no wait|wait|oops|my bad|my mistake|not quite|to be precise|to clarify|no,)\b|^\W*(?:well|hmm+|er+m?)\b/;
const LABEL = /^[\s\w'"-]{1,30}$/;
// A clause about another organisation: its subject is someone else's company or system, or it reports what
// was read or heard about others ("we read that Shopify runs a modular monolith").
const OTHER_ORGANISATION =
  /^\W*(?:(?:but|and|so|while|whereas)\s+)?(?:(?:a|one of|1 of|some of|many|most|other|another|the|our|my)\s+)*(?:friend'?s?|friends'|competitors?'?s?|rivals?'?s?|vendors?|suppliers?|peers?|(?:other|another) (?:companies|company|teams at other|startups?|orgs?)|(?:previous|last|old|former) (?:job|company|employer|startup)s?|big tech)\b|\bat (?:my|our|a) (?:previous|last|old|former|other) (?:job|company|employer|startup|gig)\b|\b(?:we|i) (?:read|heard|saw|learned|noticed) (?:that|how)\b|\b(?:talked|spoke) (?:to|with) (?:a|some|another) (?:vendor|company|startup|team)\b/;
// A clause that carries a proposal on: its complement ("that we need…"), an elaboration after a colon, or a
// coordinated part without the team as its subject ("…but self-host a reranker").
const PROPOSAL_GOES_ON =
  /^\W*(?:that\b|to\b|:|(?:but|and|or|plus|then)\s+(?!(?:we|we're|we've|our|i|i'm|us|today|currently|right now|now|for now|at the moment|it's|it is|they|there)\b))/;

/** Where in `clause` a modality begins to apply (0 for the whole clause), if its words give one. */
function markedModality(clause: string): { modality: Modality; from: number } | undefined {
  const verb = (re: RegExp, modality: Modality) => {
    const m = re.exec(clause);
    return m ? { modality, from: m.index } : undefined;
  };
  // "no plans to be": a plan denied is not a plan.
  if (/\b(?:no|not any|zero) plans?\b|\bnot planning\b/.test(clause)) return { modality: 'current', from: 0 };
  if (/\bplan(?:s|ning|ned)? (?:to|is|on|for|an?|the|our|some)\b|the plan is|plan of record|roadmap/.test(clause))
    return { modality: 'planned', from: 0 };
  if (HYPOTHETICAL_TIME.test(clause)) return { modality: 'hypothetical', from: 0 };
  const hypothetical = verb(HYPOTHETICAL_VERB, 'hypothetical');
  if (hypothetical) return hypothetical;
  // "retired in Q2", "adopted GitHub Actions in March": a date in a past-tense clause is not ahead.
  if (PLANNED_TIME.test(clause) && !PAST_TENSE.test(clause)) return { modality: 'planned', from: 0 };
  const planned = verb(PLANNED_VERB, 'planned');
  if (planned) return planned;
  if (CURRENT.test(clause)) return { modality: 'current', from: 0 };
  if (PAST.test(clause)) return { modality: 'past', from: 0 };
  return undefined;
}

/** The scopes of a normalised (lower-case) sentence, in order, covering it from start to end. */
export function readScopes(text: string): Scope[] {
  const scopes: Scope[] = [];
  let inherited: { modality: Modality; from: number } | undefined;
  let inheritedCorrection = false;
  // A sentence that opens with "until …," describes the past in its main clause.
  let pastUntilComma = /^\W*until\b/.test(text);
  // "Until the migration finished in June, ingestion ran as a nightly job": the main clause is the past.
  const ranges = clauseRanges(text).flatMap(([start, end]): [number, number][] => {
    const comma = /^\W*until\b[^,]*,\s*/.exec(text.slice(start, end));
    return comma
      ? [
          [start, start + comma[0].length],
          [start + comma[0].length, end],
        ]
      : [[start, end]];
  });
  for (const [start, end] of ranges) {
    const clause = text.slice(start, end);
    const correction = CORRECTION.test(clause) || inheritedCorrection || scopes.some((s) => s.correction);
    if (text[end] === ':' && LABEL.test(clause)) {
      // "Plan of record:", "Edit:": the label governs the clause after it.
      inherited = markedModality(clause);
      inheritedCorrection = CORRECTION.test(clause);
      scopes.push({ start, end, modality: 'current', correction });
      continue;
    }
    const previous = scopes.at(-1);
    const complement = /^\W*(?:that|to)\b|^\s*:/.test(clause);
    if (previous?.modality === 'proposal' && PROPOSAL_GOES_ON.test(clause) && (complement || !markedModality(clause))) {
      // "Our Head of AI wants a mixed setup: keep Claude… but self-host a reranker", "our lead is adamant
      // that we need tracing": what follows the proposal is still theirs, until the team speaks for itself.
      scopes.push({ ...previous, start, end, correction });
      continue;
    }
    const marked = markedModality(clause) ?? (inherited && { ...inherited, from: 0 });
    let modality: Modality = marked?.modality ?? 'current';
    if (pastUntilComma && start > 0 && !/^\W*until\b/.test(clause)) {
      modality = CURRENT.test(clause) ? modality : 'past';
      pastUntilComma = false;
    }
    inherited = undefined;
    inheritedCorrection = false;
    // "…a vendor who runs everything on Kubernetes": a relative clause is about what it follows.
    if (OTHER_ORGANISATION.test(clause) || (previous?.others && /^\W*(?:who|which|that|whose)\b/.test(clause))) {
      scopes.push({ start, end, modality: 'current', correction, others: true });
      continue;
    }
    const proposal = PROPOSAL.exec(clause);
    if (proposal) {
      // The proposer exists today ("the platform folks are proposing…" → there is a platform team); what
      // they propose is theirs.
      const from = start + proposal.index + proposal[0].length;
      scopes.push({ start, end: from, modality: 'current', correction });
      scopes.push({
        start: from,
        end,
        modality: 'proposal',
        speaker: (proposal[1] ?? proposal[2]!).trim(),
        correction,
      });
      continue;
    }
    const from = modality === marked?.modality ? start + marked.from : start;
    if (from > start) scopes.push({ start, end: from, modality: 'current', correction });
    scopes.push({ start: from, end, modality, correction });
  }
  return scopes;
}

/** The scope holding `index`. */
export function scopeAt(scopes: readonly Scope[], index: number): Scope {
  return scopes.find((s) => index >= s.start && index < s.end) ?? scopes.at(-1)!;
}

// A move: "migrate from X to Y", "moved to Bedrock", "break our monolith into five services".
const MOVE_VERB =
  /\b(?:mov(?:e|es|ed|ing)|migrat(?:e|es|ed|ing)|switch(?:es|ed|ing)?|transition(?:s|ed|ing)?|port(?:s|ed|ing)?|go(?:es|ing)?|went|gone|break(?:s|ing)?|broke(?:n)?|split(?:s|ting)?|rewr(?:ite|ites|iting|ote|itten)|convert(?:s|ed|ing)?|replac(?:e|es|ed|ing)|consolidat(?:e|es|ed|ing)|carv(?:e|es|ed|ing) out|pivot(?:s|ed|ing)?|ditch(?:es|ed|ing)?|swap(?:s|ped|ping)?)\b/;
const DONE_MOVE =
  /\b(?:moved|migrated|switched|transitioned|ported|went|gone|broke|broken|split|rewrote|rewritten|converted|replaced|consolidated|carved out|pivoted|ditched|swapped)\b/;
const ONGOING_MOVE =
  /\b(?:moving|migrating|switching|transitioning|porting|going|breaking|splitting|rewriting|converting|replacing|consolidating)\b/;
const RESTRUCTURE =
  /\b(?:split\w*|break(?:s|ing)? (?:up|out|apart|into)|carv\w*|extract\w*|migrat\w*|mov(?:e|ed|ing) (?:\w+ )?(?:to|into|onto)|separate\w*|deployed separately|(?:its|their) own (?:service|worker|pool|deployable))\b/;
const REMOVAL =
  /\b(?:cancel(?:l)?ed|retired|dropped|ditched|disbanded|dissolved|ripped out|stopped|removed|got rid of|turned off|shut down|sunset|decommissioned|deprecated|abandoned)\b/;

/** Where the last match of `re` in `text` ends (0 when there is none). */
function lastMatchEnd(re: RegExp, text: string): number {
  let end = 0;
  for (const m of text.matchAll(new RegExp(re.source, 'g'))) end = m.index + m[0].length;
  return end;
}

/**
 * The modality of a term at `start` inside its scope, refined by a move around it: the state a move
 * leaves is today's when the move is still ahead, and the past when it is done; the state it reaches is
 * today's when the move is done.
 */
export function termModality(text: string, scope: Scope, start: number, key?: string): Modality {
  const lead = text.slice(scope.start, start);
  // What was removed is the past; what replaced it ("ditched Kubernetes for Fly.io") is not.
  if (REMOVAL.test(lead.split(/\band\b/).at(-1) ?? '') && !/\b(?:for|with|by)\s+(?:[\w.'-]+\s+){0,3}$/.test(lead))
    return 'past';
  // A part of the system named in a restructuring ("split into ingest, retrieval and generation services")
  // or in its history ("the retrieval service was shared") is a part it has today.
  if (key === 'components' && (scope.modality === 'past' || RESTRUCTURE.test(text.slice(scope.start, scope.end))))
    return 'current';
  if (!MOVE_VERB.test(lead)) return scope.modality;
  // "used to be split into eight services": a past state described, not a move.
  if (/\bused to\b/.test(lead)) return scope.modality;
  const from =
    /\bfrom\s+(?:[\w.-]+\s+){0,4}$/.test(lead) &&
    !/\b(?:to|into|onto|towards)\b[^,]*$/.test(lead.slice(lead.lastIndexOf('from')));
  // The destination is named after the move verb ("planning to break X into…": the first "to" is not one).
  const afterVerb = lead.slice(lastMatchEnd(MOVE_VERB, lead));
  const into =
    /\b(?:to|into|onto|towards|with)\s+(?:[\w.'-]+\s+){0,5}$/.test(afterVerb) ||
    (/\b(?:ditch\w*|swap\w*|dropp?\w*|replac\w*)\b/.test(lead) && /\bfor\s+(?:[\w.'-]+\s+){0,3}$/.test(afterVerb)) ||
    /\b(?:in|on)\s+(?:[\w.'-]+\s+){0,2}$/.test(afterVerb);
  const done =
    (DONE_MOVE.test(lead) || /\b(?:after|since)\s+\w+ing\b/.test(lead)) &&
    (!ONGOING_MOVE.test(lead) || /\b(?:after|since)\s+\w+ing\b/.test(lead)) &&
    scope.modality !== 'planned';
  if (from) {
    if (done) return 'past';
    return scope.modality === 'past' ? 'past' : 'current';
  }
  if (into) {
    if (done && (scope.modality === 'current' || scope.modality === 'past')) return 'current';
    if (scope.modality === 'current' && ONGOING_MOVE.test(lead)) return 'planned';
  }
  // "break our Rails monolith into five services": the object of a move still ahead is today's.
  if (
    !into &&
    !done &&
    scope.modality !== 'current' &&
    scope.modality !== 'past' &&
    /\b(?:break|breaking|split|splitting|carve|carving|rewrite|rewriting|replace|replacing|move|moving|migrate|migrating)\s+(?:(?:our|the|its|their|this|that|a|an)\s+)?(?:[\w.-]+\s+){0,2}$/.test(
      lead,
    )
  ) {
    return 'current';
  }
  return scope.modality;
}
