/**
 * 1,000 check-ins due in the same minute (the same second, in fact), delivered through the real Slack
 * sender (WebClient, Block Kit) to a fake Slack Web API on 127.0.0.1 that answers 429 with Retry-After: 1
 * whenever more than 100 calls arrive within one second. Uses the in-process scheduler (croner + one
 * timer) with the real clock; Redis/BullMQ delivery is covered by `npm run test:redis`.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webApi } from '@slack/bolt';
import pino from 'pino';
import { createProactiveRegistry } from '../src/app/proactive.js';
import { createSlackSender } from '../src/channels/slack/slack-sender.js';
import { createCheckinStore } from '../src/checkins/checkin-store.js';
import { createInProcessScheduler } from '../src/checkins/create-in-process-scheduler.js';
import { runCheckin } from '../src/checkins/deliver-checkin.js';
import { createHistoryStore } from '../src/checkins/history-store.js';
import { createKeyvIndex } from '../src/checkins/id-index.js';
import { parseSchedule } from '../src/checkins/parse-schedule.js';
import { systemClock } from '../src/core/clock.js';
import { createMetrics } from '../src/observability/metrics.js';
import { createStore } from '../src/store/create-store.js';
import type { BenchResult } from './bench-result.js';

const CHECKINS = 1_000;
const PER_SECOND = 100;

/** chat.postMessage that allows PER_SECOND calls per wall-clock second, then 429 + Retry-After: 1. */
async function startRateLimitedSlack() {
  const posts = new Map<string, number>();
  let limited = 0;
  let windowStart = 0;
  let inWindow = 0;
  let lastPostAt = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      const now = Date.now();
      const second = Math.floor(now / 1000);
      if (second !== windowStart) {
        windowStart = second;
        inWindow = 0;
      }
      inWindow += 1;
      if (inWindow > PER_SECOND) {
        limited += 1;
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' });
        return res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      }
      const channel = new URLSearchParams(body).get('channel') ?? JSON.parse(body || '{}').channel;
      posts.set(channel, (posts.get(channel) ?? 0) + 1);
      lastPostAt = now;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, channel, ts: `${second}.${inWindow}` }));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`,
    posts,
    limited: () => limited,
    lastPostAt: () => lastPostAt,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

export async function bench(): Promise<BenchResult[]> {
  const slack = await startRateLimitedSlack();
  const store = createStore('memory://');
  const logger = pino({ level: 'silent' });
  const checkins = createCheckinStore(store.keyv, createKeyvIndex(store.keyv, 'checkins:index'));
  const history = createHistoryStore(store.keyv, createKeyvIndex(store.keyv, 'history:teams'));
  const proactive = createProactiveRegistry();
  const client = new webApi.WebClient('xoxb-bench', {
    slackApiUrl: slack.url,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    logLevel: webApi.LogLevel.ERROR,
  });
  proactive.register('slack', createSlackSender(client, logger));

  // All due at the same second, two seconds from now (a 7-field croner pattern with the year).
  const due = new Date(Math.ceil((Date.now() + 2_000) / 1000) * 1000);
  const pattern = `${due.getUTCSeconds()} ${due.getUTCMinutes()} ${due.getUTCHours()} ${due.getUTCDate()} ${due.getUTCMonth() + 1} * ${due.getUTCFullYear()}`;
  const parsed = parseSchedule(`cron ${pattern} in UTC`, { now: new Date() });
  if (!parsed.ok) throw new Error(parsed.message);
  for (let i = 0; i < CHECKINS; i += 1) {
    const key = `C${String(i).padStart(4, '0')}`;
    await checkins.save({
      schemaVersion: 1,
      id: `b${String(i).padStart(5, '0')}`,
      conversationId: `slack:TBENCH:${key}`,
      target: { channel: 'slack', key },
      schedule: parsed.schedule,
      status: 'active',
      createdAt: new Date().toISOString(),
    });
  }
  const deps = {
    checkins,
    history,
    consultant: { snapshot: async () => undefined },
    proactive,
    clock: systemClock,
    logger,
    metrics: createMetrics({ defaultMetrics: false }),
    staleDays: 90,
    attempts: 30,
  };
  const scheduler = createInProcessScheduler({
    checkins,
    clock: systemClock,
    logger,
    run: (id, at, options) => runCheckin(deps, id, at, options),
  });
  await scheduler.start();
  const deadline = due.getTime() + 120_000;
  while (slack.posts.size < CHECKINS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 1_500)); // any duplicate would land now
  await scheduler.close();
  await slack.close();
  await store.close();

  const delivered = slack.posts.size;
  const duplicates = [...slack.posts.values()].reduce((s, n) => s + (n - 1), 0);
  const seconds = (slack.lastPostAt() - due.getTime()) / 1000;
  const ideal = CHECKINS / PER_SECOND;
  console.log(
    `checkins bench (in-process scheduler): ${delivered}/${CHECKINS} delivered, ${duplicates} twice, ${slack.limited()} answered 429 (Retry-After: 1), all delivered ${seconds.toFixed(1)} s after they fell due (rate limit allows ${PER_SECOND}/s: ${ideal} s at best)`,
  );
  return [
    {
      name: 'check-ins delivered (of 1,000 due at once)',
      value: delivered,
      unit: 'check-ins',
      target: '= 1000',
      ok: delivered === CHECKINS,
    },
    { name: 'check-ins posted twice', value: duplicates, unit: 'check-ins', target: '= 0', ok: duplicates === 0 },
    { name: 'rate-limited answers honoured (429, Retry-After: 1)', value: slack.limited(), unit: 'responses' },
    {
      name: 'time to deliver 1,000 check-ins under a 100/s rate limit (in-process scheduler)',
      value: Math.round(seconds * 10) / 10,
      unit: 's',
      target: `< ${ideal * 2} s (2x the ${ideal} s the limit allows)`,
      baseline: { name: 'best possible under the limit', value: ideal },
      ratio: Math.round((seconds / ideal) * 100) / 100,
      ok: delivered === CHECKINS && seconds < ideal * 2,
    },
  ];
}
