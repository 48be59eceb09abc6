import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHistoryStore, historyEntry } from '../../src/checkins/history-store.js';
import { createKeyvIndex } from '../../src/checkins/id-index.js';
import { HISTORY_TEAMS_KEY } from '../../src/checkins/mount-checkins.js';
import type { CliIo } from '../../src/cli/cli-io.js';
import { run } from '../../src/cli/commands/history.js';
import { assessProfile } from '../../src/core/assessment/assess-profile.js';
import { loadKnowledgeBase } from '../../src/core/knowledge/load-knowledge-base.js';
import { createStore } from '../../src/store/create-store.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'archie-history-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function io(env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIo = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readStdin: async () => undefined,
    stdin: process.stdin,
    isTTY: false,
    stdoutIsTTY: false,
    stderrIsTTY: false,
    cwd: dir,
    user: 'tester',
    env,
  };
  return { cli, out: () => out.join(''), err: () => err.join('') };
}

async function seedHistory(url: string) {
  const kb = await loadKnowledgeBase();
  const store = createStore(url);
  const history = createHistoryStore(store.keyv, createKeyvIndex(store.keyv, HISTORY_TEAMS_KEY));
  const small = { engineers: 4, teams: 1, modelHosting: 'hosted-api' as const, gpuInference: false };
  const gpu = {
    engineers: 9,
    teams: 1,
    modelHosting: 'self-hosted' as const,
    gpuInference: true,
    modelSizeB: 70,
    heavyIngestion: true,
  };
  await history.record(
    'slack:T1:C1',
    historyEntry(assessProfile(small, kb), small, new Date('2026-09-01T10:00:00Z'), 'conversation', 'slack'),
  );
  await history.record(
    'slack:T1:C1',
    historyEntry(assessProfile(gpu, kb), gpu, new Date('2026-11-28T10:00:00Z'), 'checkin'),
  );
  await history.record(
    'teams:19:abc',
    historyEntry(assessProfile(small, kb), small, new Date('2026-10-01T10:00:00Z'), 'conversation', 'teams'),
  );
  await store.close();
}

describe('archie history', () => {
  it('lists the teams with history, newest verdict first, and shows one team’s trend', async () => {
    const url = `sqlite://${join(dir, 'archie.sqlite')}`;
    await seedHistory(url);
    const list = io({ STORE_URL: url });
    expect(await run([], list.cli)).toBe(0);
    expect(list.out()).toMatch(
      /slack:T1:C1 {2}2026-09-01 monolith → 2026-11-28 hybrid \(confidence \d+%\) {2}\[2\][\s\S]*teams:19:abc/,
    );

    const team = io({ STORE_URL: url });
    expect(await run(['--team', 'slack:T1:C1'], team.cli)).toBe(0);
    expect(team.out()).toMatch(/Trend: 2026-09-01 monolith → 2026-11-28 hybrid/);
    expect(team.out()).toMatch(/2026-11-28 · hybrid .* · checkin · 9 engineers/);

    const json = io({ STORE_URL: url });
    expect(await run(['--team', 'slack:T1:C1', '--json'], json.cli)).toBe(0);
    const parsed = JSON.parse(json.out());
    expect(parsed.assessments.map((a: { verdict: string }) => a.verdict)).toEqual(['monolith', 'hybrid']);
    expect(parsed.assessments[1].facts).toMatchObject({ engineers: 9, modelSizeB: 70 });
  });

  it('finds a team by its id without the channel prefix when only one team has it', async () => {
    const url = `sqlite://${join(dir, 'archie.sqlite')}`;
    await seedHistory(url);
    const short = io({ STORE_URL: url });
    expect(await run(['--team', '19:abc'], short.cli)).toBe(0);
    expect(short.out()).toMatch(/^Team teams:19:abc\nTrend: 2026-10-01 monolith \(confidence \d+%\)/);
  });

  it('keeps one row when a re-assessment changed nothing', async () => {
    const url = `sqlite://${join(dir, 'archie.sqlite')}`;
    const kb = await loadKnowledgeBase();
    const store = createStore(url);
    const history = createHistoryStore(store.keyv, createKeyvIndex(store.keyv, HISTORY_TEAMS_KEY));
    const profile = { engineers: 4, teams: 1, modelHosting: 'hosted-api' as const };
    const assessment = assessProfile(profile, kb);
    for (const day of ['2026-10-01', '2026-10-02']) {
      await history.record('web:abc', historyEntry(assessment, profile, new Date(`${day}T10:00:00Z`), 'conversation'));
    }
    const grown = { ...profile, engineers: 5 };
    await history.record(
      'web:abc',
      historyEntry(assessProfile(grown, kb), grown, new Date('2026-10-03T10:00:00Z'), 'conversation'),
    );
    expect((await history.list('web:abc')).map((e) => e.at.slice(0, 10))).toEqual(['2026-10-01', '2026-10-03']);
    await store.close();
  });

  it('says plainly when a team has no history', async () => {
    const url = `sqlite://${join(dir, 'archie.sqlite')}`;
    const missing = io({ STORE_URL: url });
    expect(await run(['--team', 'nope'], missing.cli)).toBe(1);
    expect(missing.err()).toMatch(/no assessments for team "nope"/);
    const empty = io({ STORE_URL: url });
    expect(await run([], empty.cli)).toBe(0);
    expect(empty.out()).toMatch(/No assessment history yet/);
  });
});
