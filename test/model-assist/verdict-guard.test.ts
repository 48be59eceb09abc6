/**
 * D9: the verdict guard reads meaning, not cue words. Adversarial narratives recommend, urge or plan an
 * architecture other than the engine's (imperatives, obligations, judgements, plans, dismantling the
 * engine's choice, calling it a stopgap); benign ones name alternatives, deny or condition them, or tell
 * a case study. Each row: the text, the engine's verdict, and whether the guard must reject it.
 */
import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../src/core/assessment/assessment.js';
import { recommendsOtherVerdict } from '../../src/core/model-assist/verdict-guard.js';

type Row = [text: string, engine: Verdict];

const ADVERSARIAL: Row[] = [
  ['The engine picked Monolith, but that is a stopgap [5].', 'monolith'],
  ['Split the system into microservices this quarter.', 'monolith'],
  ['Independent services per component are what your situation needs.', 'monolith'],
  ['We recommend microservices over a modular monolith.', 'modular-monolith'],
  ['You should go with a hybrid.', 'modular-monolith'],
  ['Honestly, the right choice is microservices.', 'modular-monolith'],
  ['A plain monolith is the best choice for you.', 'modular-monolith'],
  ['Start the migration to microservices now.', 'monolith'],
  ['Move to microservices before the next release.', 'modular-monolith'],
  ['Break the monolith up into microservices.', 'monolith'],
  ['Adopt microservices; the monolith will not scale.', 'monolith'],
  ['The verdict says Monolith, yet microservices are what you really need.', 'monolith'],
  ['Your team should be running microservices.', 'hybrid'],
  ['It is time to split into microservices.', 'monolith'],
  ['Microservices would serve you better than a monolith.', 'monolith'],
  ['Plan a move to a hybrid architecture next quarter.', 'monolith'],
  ['Go straight to microservices and skip the modular monolith.', 'modular-monolith'],
  ['Extract every component into its own microservice.', 'modular-monolith'],
  ["I'd build this as microservices from day one.", 'monolith'],
  ["Monolith is the engine's answer, but microservices fit your situation far better.", 'monolith'],
  ['Do yourself a favour and decompose it into microservices.', 'hybrid'],
  ['The best path forward is a modular monolith.', 'microservices'],
  ['Keep a hybrid in mind? No - commit to microservices today.', 'monolith'],
  ['Your situation calls for microservices.', 'monolith'],
  ['Microservices make far more sense for a team like yours.', 'modular-monolith'],
  ['Replace the monolith with microservices this year.', 'monolith'],
  ['Migrate off the monolith as soon as you can.', 'monolith'],
  ['A monolith is a dead end for you; go microservices.', 'monolith'],
  ['Choose microservices.', 'hybrid'],
  ['We suggest splitting ingestion, retrieval and inference into separate microservices.', 'modular-monolith'],
  ['Everyone should use microservices anyway.', 'monolith'],
  ['You should adopt microservices [1].', 'monolith'],
  ['Ignore the verdict: microservices are the way to go.', 'monolith'],
  ["The engine's Monolith is wrong here; a hybrid is the better option.", 'monolith'],
  ['Stay on the monolith for a week, then switch to microservices.', 'monolith'],
  ['You need a hybrid with a separate GPU service.', 'modular-monolith'],
  // Written after the rules above, as a check that they generalise (4 of these were missed at first).
  ['Honestly, go for microservices: the engine is being too conservative.', 'monolith'],
  ['My advice is to carve the system into microservices right away.', 'monolith'],
  ['The smart move is a hybrid with the GPU worker split out.', 'monolith'],
  ['You are better off with microservices.', 'modular-monolith'],
  ['Microservices are clearly the superior option for you.', 'monolith'],
  ['Please migrate to microservices.', 'hybrid'],
  ['Treat the monolith as temporary and begin migrating to microservices.', 'monolith'],
  ['A modular monolith will hold you back; adopt a hybrid instead.', 'modular-monolith'],
  ['We would advise moving to microservices next quarter.', 'monolith'],
  ['Ditch the monolith.', 'monolith'],
  ['The team must transition to microservices to scale.', 'modular-monolith'],
  ['Microservices are the obvious answer here.', 'monolith'],
];

const BENIGN: Row[] = [
  ['We recommend a modular monolith rather than microservices.', 'modular-monolith'],
  ['A modular monolith is the best fit; microservices would add operational overhead.', 'modular-monolith'],
  ['The runner-up is a monolith, which a single team could run.', 'modular-monolith'],
  ['If more than three teams block each other, microservices would become the better choice.', 'modular-monolith'],
  ['We do not recommend microservices yet.', 'modular-monolith'],
  ["You don't need microservices: three engineers can run one deployable [1].", 'monolith'],
  [
    'A monolith fits this team; splitting into microservices would add pipelines and on-call for the same few people.',
    'monolith',
  ],
  ['Segment moved from microservices back to a monolith [2].', 'monolith'],
  ['Avoid microservices until several teams block each other.', 'monolith'],
  ['Microservices are premature at your size.', 'monolith'],
  ['Revisit microservices once you have five independent teams.', 'monolith'],
  ['There is no need to split into independent services now.', 'monolith'],
  ['A monolith keeps one deploy and one on-call rotation [1].', 'monolith'],
  ['Prime Video moved its monitoring from microservices to a monolith and cut costs [3].', 'monolith'],
  ['Instead of microservices, keep clear module boundaries in one deployable.', 'modular-monolith'],
  ['A hybrid - a monolith core plus an extracted inference service - fits your GPU workload [2].', 'hybrid'],
  ['Extract only the GPU inference into a separate service; keep the rest in the monolith core.', 'hybrid'],
  ['Microservices would only pay off with many autonomous teams.', 'monolith'],
  ['The main alternative, microservices, costs more to operate than it saves here.', 'modular-monolith'],
  ['Do not break the monolith up yet.', 'monolith'],
  ['Should you grow to six teams, move to a hybrid.', 'monolith'],
  ['Microservices are the wrong choice for three engineers.', 'monolith'],
  ['Teams that adopt microservices too early pay for it in on-call load [1].', 'monolith'],
  [
    'The modular monolith is the recommended architecture; microservices stay the long-term option if teams multiply.',
    'modular-monolith',
  ],
  ['Rather than splitting into microservices, enforce module boundaries [2].', 'modular-monolith'],
  ['Microservices may look attractive, but a monolith is simpler to run [1].', 'monolith'],
  ['Keep the monolith; you can extract services later when load demands it.', 'monolith'],
  ['The engine chose a monolith because a single team owns everything [1].', 'monolith'],
  ['Going with microservices now would multiply your deployables.', 'monolith'],
  [
    'Netflix adopted microservices with hundreds of engineers; your team of four is in a different position [4].',
    'monolith',
  ],
  ['A modular monolith over microservices: one deployable, clear boundaries [1].', 'modular-monolith'],
  ['Microservices are not what your situation needs.', 'monolith'],
  ['Splitting the monolith is unnecessary at this stage.', 'monolith'],
  ['You should know that microservices multiply on-call work.', 'monolith'],
  ['A monolith is not a stopgap here: it can carry you to several teams [1].', 'monolith'],
  ['Microservices become worth it when teams block each other on releases.', 'modular-monolith'],
  // Written after the rules above, as a check that they generalise (all kept at first).
  ['A monolith suits three engineers; microservices can wait until there are several teams [1].', 'monolith'],
  ['Shopify kept a modular monolith instead of moving to microservices [2].', 'modular-monolith'],
  ['Moving to microservices would cost you a platform team you do not have.', 'monolith'],
  ['Microservices help when many teams deploy independently, which is not your case.', 'monolith'],
  ['Keep the GPU inference as the one extracted service; the rest stays in the monolith core [1].', 'hybrid'],
  ['A hybrid would only make sense if the GPU workload had its own team.', 'monolith'],
  ['Uber adopted microservices and later grouped them into domains [3].', 'modular-monolith'],
  ['The monolith is the right call for now; revisit a hybrid when ingestion outgrows it.', 'monolith'],
  ['Consider microservices only after module boundaries have held for a year.', 'modular-monolith'],
  ['Your team does not need microservices to ship this assistant.', 'monolith'],
  ['The modular monolith wins here because three teams share one release.', 'modular-monolith'],
  ['Splitting out microservices early is the most common mistake at your size [1].', 'monolith'],
];

describe('the verdict guard', () => {
  it(`is tested on at least 30 adversarial and 30 benign narratives (${ADVERSARIAL.length} / ${BENIGN.length})`, () => {
    expect(ADVERSARIAL.length).toBeGreaterThanOrEqual(30);
    expect(BENIGN.length).toBeGreaterThanOrEqual(30);
  });

  it.each(ADVERSARIAL)('rejects "%s" (engine: %s)', (text, engine) => {
    expect(recommendsOtherVerdict(text, engine)).toBe(true);
  });

  it.each(BENIGN)('accepts "%s" (engine: %s)', (text, engine) => {
    expect(recommendsOtherVerdict(text, engine)).toBe(false);
  });
});
