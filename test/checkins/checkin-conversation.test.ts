import { afterEach, describe, expect, it } from 'vitest';
import type { OutMessage, QuickReply } from '../../src/core/message.js';
import { type CheckinHarness, checkinId, startCheckinHarness, texts } from './checkin-harness.js';

let h: CheckinHarness;
afterEach(async () => h?.close());

const DESCRIPTION =
  'We are 8 engineers in one team building a RAG assistant on the OpenAI API. We deploy with CI/CD, have on-call and tracing, run in containers, in production with 5000 users.';

/** Describes the system and skips questions until Archie recommends (a real interview). */
async function assessTeam(h: CheckinHarness): Promise<void> {
  const ctx = { channel: 'slack' as const, userId: 'U0ALICE' };
  let replies = await h.deps.consultant.handle(h.ctx.conversationId, { type: 'text', text: DESCRIPTION }, ctx);
  for (let i = 0; i < 10 && !replies.some((r) => r.type === 'recommendation'); i += 1) {
    replies = await h.deps.consultant.handle(h.ctx.conversationId, { type: 'choice', value: 'cmd:skip' }, ctx);
  }
  expect(replies.some((r) => r.type === 'recommendation')).toBe(true);
}

const replies = (m: OutMessage | undefined): QuickReply[] =>
  m?.type === 'text' ? (m.quickReplies ?? []) : m?.type === 'question' ? m.quickReplies : [];
const button = (m: OutMessage | undefined, label: string) => {
  const found = replies(m).find((r) => r.label === label);
  if (!found) throw new Error(`no "${label}" button in ${JSON.stringify(replies(m).map((r) => r.label))}`);
  return found.value;
};

describe('a check-in conversation', () => {
  it('shows the last assessment, asks what changed, re-asks only the team questions, and posts the delta with sources', async () => {
    h = await startCheckinHarness();
    await assessTeam(h);
    await h.command('checkin weekly on monday 09:00');
    await h.clock.advanceTo('2026-01-05T08:00:00Z');
    const checkin = h.posted[0]!.messages[0]!;
    expect(checkin.type === 'text' && checkin.text).toMatch(
      /Last assessment: 2026-01-05: \*\*Monolith\*\* \(confidence \d+%\)[\s\S]*Key facts: 8 engineers, 1 team[\s\S]*What changed since then\?/,
    );
    expect(replies(checkin).map((r) => r.label)).toEqual([
      'Nothing changed',
      'Team grew',
      'Traffic changed',
      'Models changed',
      'Update everything',
    ]);
    expect(replies(checkin).every((r) => r.value.startsWith('checkin:'))).toBe(true);

    // Pressed in the check-in's thread: a different Slack conversation id than the team's.
    const thread = { ...h.ctx, conversationId: 'slack:T0TEAM:C0ARCH:1767600000.000100' };
    const intro = await h.press(button(checkin, 'Team grew'), thread);
    expect(texts(intro)).toMatch(/Team grew: I’ll ask only what that could change \(3 questions\)/);
    const engineers = intro[1]!;
    expect(engineers.type === 'question' && engineers.text).toBe('How many engineers work on this system?');
    expect(replies(engineers).map((r) => r.label)).toContain('No change');

    const teams = (await h.press(button(engineers, 'More than 50'), thread))[0]!;
    expect(teams.type === 'question' && teams.text).toBe('How many separate teams ship changes to it?');
    const friction = (await h.press(button(teams, '7 or more'), thread))[0]!;
    expect(friction.type === 'question' && friction.text).toMatch(/block each other/);
    const delta = (await h.press(button(friction, 'Yes'), thread))[0]!;

    expect(delta.type).toBe('text');
    const text = delta.type === 'text' ? delta.text : '';
    expect(text).toMatch(/\*\*Verdict changed: monolith → (microservices|hybrid|modular monolith)/);
    expect(text).toContain('What changed: 8 engineers → 80 engineers; 1 team → 8 teams');
    expect(text).toMatch(/Factors that moved:\n- .+: (new, )?\+[\d.]+ towards/);
    expect(text).toMatch(/- One small team: no longer applies; it counted [\d.]+ against/);
    expect(delta.type === 'text' && delta.citations?.length).toBeGreaterThan(0);
    // A source links its public page; an Archie synthesis its own knowledge page, with its public sources.
    for (const c of delta.type === 'text' ? (delta.citations ?? []) : []) {
      if (c.basedOn) expect(c.url).toBe(`/knowledge/${c.id}`);
      else expect(c.url).toMatch(/^https?:\/\//);
    }

    // The conversation itself now knows the new facts, and the history has both verdicts.
    const snapshot = await h.deps.consultant.snapshot(h.ctx.conversationId);
    expect(snapshot?.profile).toMatchObject({ engineers: 80, teams: 8, releaseFriction: true });
    const history = texts(await h.command('history'));
    expect(history).toMatch(/\*\*Trend:\*\* 2026-01-05 monolith → 2026-01-05 \S+ \(confidence \d+%\)/);
    expect(history).toMatch(/Assessments\*\* \(2, newest first\)/);
    expect(history).toMatch(/checkin · 80 engineers, 8 teams/);

    // A second press of an answered question does nothing.
    expect(texts(await h.press(button(friction, 'Yes'), thread))).toMatch(/already answered/);
  });

  it('"Nothing changed" re-checks the same facts and keeps the verdict', async () => {
    h = await startCheckinHarness();
    await assessTeam(h);
    await h.command('checkin weekly on monday 09:00');
    await h.clock.advanceTo('2026-01-05T08:00:00Z');
    const reply = await h.press(button(h.posted[0]!.messages[0], 'Nothing changed'));
    expect(texts(reply)).toMatch(/Verdict kept: monolith[\s\S]*No facts changed/);
  });

  it('flags an assessment older than CHECKIN_STALE_DAYS as stale', async () => {
    h = await startCheckinHarness({ env: { CHECKIN_STALE_DAYS: '30' } });
    await assessTeam(h);
    await h.command('checkin monthly in UTC');
    await h.clock.advanceTo('2026-02-01T09:00:00Z');
    expect(texts(h.posted[0]!.messages)).not.toMatch(/Stale/);
    await h.clock.advanceTo('2026-03-01T09:00:00Z');
    expect(texts(h.posted[1]!.messages)).toMatch(/Stale: this assessment is 55 days old \(more than 30\)/);
  });

  it('invites a team with no assessment yet to describe its system', async () => {
    h = await startCheckinHarness();
    const id = checkinId(await h.command('checkin monthly'));
    await h.command(`checkin now ${id}`);
    await h.clock.settle();
    const message = h.posted[0]!.messages[0];
    expect(texts([message!])).toMatch(/no assessment for this team yet/);
    expect(replies(message).map((r) => r.label)).toEqual(['Update everything']);
    expect(texts(await h.command('history'))).toMatch(/No assessments recorded/);
  });
});
