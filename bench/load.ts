/**
 * Load bench (`npm run bench:load [-- --seconds 60 --senders 200]`): the real server (`archie serve` in its
 * own process: offline engine, SQLite store, Slack over HTTP against a fake Slack Web API, the web chat,
 * Teams in its local mode against a fake Bot Connector) under 200 concurrent senders on loopback for 60 s.
 * Senders are closed loops (send, wait for the answer, send again): 70% signed Slack DM events from 50
 * users, 15% web chat turns, 15% Teams activities. Meanwhile a prober opens a fresh connection to /healthz
 * every 200 ms, as a container health check would.
 *
 * Prints /healthz p99, Slack ack p99, the share of web and Teams requests refused with 503, errors (anything
 * else that is not an answer), and the server's RSS before, at peak and after a settle period, each with its
 * target. Not part of CI: run it on a quiet machine. Exit code 1 when a target is missed.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startFakeBotConnector } from '../test/support/fake-bot-connector.js';
import { slackEnv, startFakeSlackApi } from '../test/support/fake-slack-api.js';
import { dmMessage, eventEnvelope, postSlack } from '../test/support/slack-request.js';

const TARGETS = { healthP99Ms: 250, slackAckP99Ms: 1_500, rssGrowth: 1.25 };
const ROOT = resolve(import.meta.dirname, '..');

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    senders: { type: 'string', default: '200' },
    settle: { type: 'string', default: '30' },
    /** sqlite (the default store) or memory. */
    store: { type: 'string', default: 'sqlite' },
    /** A directory for a CPU profile of the server (node --cpu-prof), to see where its time goes. */
    profile: { type: 'string' },
  },
});
const seconds = Number(values.seconds);
const senders = Number(values.senders);
const settleSeconds = Number(values.settle);
if (![seconds, senders, settleSeconds].every((n) => Number.isFinite(n) && n > 0)) {
  console.error(
    'usage: npm run bench:load -- [--seconds 60] [--senders 200] [--settle 30] [--store sqlite|memory] [--profile <dir>]',
  );
  process.exit(2);
}

const DESCRIPTIONS = [
  'We are 3 engineers building a RAG assistant on the OpenAI API, no on-call.',
  'Six teams, 50 engineers, on Kubernetes with CI/CD and tracing; one shared release train blocks everyone.',
  'One team of 8 self-hosts a 70B model on GPUs with nightly ingestion of millions of PDFs.',
  'Two teams, 14 engineers, building an agent; boundaries are emerging; modest ops.',
];

const freePort = () =>
  new Promise<number>((done) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

const rssMb = (pid: number) => {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : Number.NaN;
};

const percentile = (samples: number[], p: number) => {
  if (!samples.length) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

/** GET on a fresh connection (no keep-alive pool), like a health check; latency in ms, or an error. */
function probe(url: string, timeoutMs: number): Promise<{ ms: number; ok: boolean }> {
  const started = performance.now();
  return new Promise((done) => {
    const req = request(url, { agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => done({ ms: performance.now() - started, ok: res.statusCode === 200 }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => done({ ms: performance.now() - started, ok: false }));
    req.end();
  });
}

const slack = await startFakeSlackApi();
const connector = await startFakeBotConnector();
const dir = mkdtempSync(join(tmpdir(), 'archie-load-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const profile = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${resolve(values.profile)}`] : [];
const server = spawn(process.execPath, [...profile, join(ROOT, 'bin/archie.js'), 'serve'], {
  cwd: dir,
  env: {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    LOG_LEVEL: 'warn',
    PORT: String(port),
    HOST: '127.0.0.1',
    STORE_URL: values.store === 'memory' ? 'memory://' : `sqlite://${join(dir, 'archie.sqlite')}`,
    WEB_CHAT: 'true',
    // One address (the bench) starts every web conversation.
    WEB_CONVERSATIONS_PER_HOUR: '100000',
    ...slackEnv(slack),
  },
  stdio: ['ignore', 'ignore', 'pipe'],
});
let serverErrors = '';
server.stderr.on('data', (chunk: Buffer) => {
  serverErrors += chunk.toString();
});

const stop = async () => {
  if (server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((done) => server.once('exit', done));
  }
  await slack.close();
  await connector.close();
  rmSync(dir, { recursive: true, force: true });
};

try {
  for (let i = 0; ; i += 1) {
    if ((await probe(`${base}/healthz`, 1_000)).ok) break;
    if (i > 300 || server.exitCode !== null) throw new Error(`the server did not start:\n${serverErrors}`);
    await new Promise((r) => setTimeout(r, 100));
  }

  // Warm-up: a few turns on every channel, then the baseline.
  const counts = {
    slack: 0,
    web: 0,
    web503: 0,
    teams: 0,
    teams503: 0,
    errors: 0,
    healthErrors: 0,
  };
  /** A new web chat conversation; while Archie is full (503) it waits Retry-After and asks again. */
  const webConversation = async (): Promise<string> => {
    for (;;) {
      const res = await fetch(`${base}/api/web/conversations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      const body = (await res.json()) as { id?: string };
      if (res.status === 201 && body.id) return body.id;
      if (res.status !== 503) throw new Error(`starting a web conversation answered ${res.status}`);
      counts.web += 1;
      counts.web503 += 1;
      await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after') ?? 1) * 1_000));
    }
  };
  /** The server's V8 heap in use (MB), from /metrics: tells a leak from memory the process keeps. */
  const heapMb = async () => {
    const text = await (await fetch(`${base}/metrics`)).text();
    const match = /^archie_nodejs_heap_size_used_bytes (\S+)$/m.exec(text);
    return match ? Math.round(Number(match[1]) / 1_048_576) : Number.NaN;
  };
  for (const text of DESCRIPTIONS) {
    const id = await webConversation();
    await fetch(`${base}/api/web/conversations/${id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
    });
  }
  await new Promise((r) => setTimeout(r, 2_000));
  const rssBefore = rssMb(server.pid!);
  const heapBefore = await heapMb();

  const slackAcks: number[] = [];
  const health: number[] = [];
  const errorKinds = new Map<string, number>();
  const error = (kind: string) => {
    counts.errors += 1;
    errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
  };
  const deadline = performance.now() + seconds * 1_000;
  const running = () => performance.now() < deadline;
  let rssPeak = rssBefore;
  const memory = setInterval(() => {
    rssPeak = Math.max(rssPeak, rssMb(server.pid!));
    slack.reset();
    connector.reset();
  }, 1_000);

  let sequence = 0;
  const slackSender = async (n: number) => {
    while (running()) {
      const user = n % 50;
      const body = eventEnvelope(
        dmMessage(DESCRIPTIONS[sequence % DESCRIPTIONS.length]!, {
          channel: `DLOAD${user}`,
          user: `ULOAD${user}`,
          ts: `1710000000.${String(++sequence).padStart(6, '0')}`,
        }),
      );
      const started = performance.now();
      try {
        const res = await postSlack(base, body);
        await res.arrayBuffer();
        slackAcks.push(performance.now() - started);
        counts.slack += 1;
        if (res.status !== 200) error(`slack ${res.status}`);
      } catch {
        error('slack connection');
      }
    }
  };
  const webSender = async () => {
    let id = await webConversation();
    let turns = 0;
    while (running()) {
      try {
        const res = await fetch(`${base}/api/web/conversations/${id}/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ text: DESCRIPTIONS[turns++ % DESCRIPTIONS.length] }),
        });
        await res.arrayBuffer();
        counts.web += 1;
        if (res.status === 503) {
          counts.web503 += 1;
          await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after') ?? 1) * 1_000));
        } else if (res.status !== 200) error(`web ${res.status}`);
        // A long conversation reaches its turn limit: start another, as a person would.
        if (turns % 50 === 0) id = await webConversation();
      } catch {
        error('web connection');
      }
    }
  };
  const teamsSender = async (n: number) => {
    let turn = 0;
    while (running()) {
      try {
        const res = await fetch(`${base}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            type: 'message',
            id: `load-${n}-${++turn}`,
            channelId: 'msteams',
            serviceUrl: connector.url,
            from: { id: `teams-load-${n}`, name: 'Load' },
            recipient: { id: 'archie-bot', name: 'Archie' },
            conversation: { id: `a:load-${n}`, conversationType: 'personal', tenantId: 'tenant-load' },
            text: DESCRIPTIONS[turn % DESCRIPTIONS.length],
          }),
        });
        await res.arrayBuffer();
        counts.teams += 1;
        if (res.status === 503) {
          counts.teams503 += 1;
          await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after') ?? 1) * 1_000));
        } else if (res.status >= 300) error(`teams ${res.status}`);
      } catch {
        error('teams connection');
      }
    }
  };
  const prober = async () => {
    while (running()) {
      const result = await probe(`${base}/healthz`, 10_000);
      health.push(result.ms);
      if (!result.ok) counts.healthErrors += 1;
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  const webCount = Math.round(senders * 0.15);
  const teamsCount = Math.round(senders * 0.15);
  const slackCount = senders - webCount - teamsCount;
  console.log(
    `Load: ${senders} senders (${slackCount} Slack, ${webCount} web, ${teamsCount} Teams) for ${seconds} s against ${base}`,
  );
  await Promise.all([
    ...Array.from({ length: slackCount }, (_, i) => slackSender(i)),
    ...Array.from({ length: webCount }, () => webSender()),
    ...Array.from({ length: teamsCount }, (_, i) => teamsSender(i)),
    prober(),
  ]);
  clearInterval(memory);
  const rssAtEnd = rssMb(server.pid!);
  await new Promise((r) => setTimeout(r, settleSeconds * 1_000));
  const rssAfter = rssMb(server.pid!);
  const heapAfter = await heapMb();

  const healthP99 = percentile(health, 99);
  const slackP99 = percentile(slackAcks, 99);
  const share = (part: number, whole: number) => (whole ? `${((100 * part) / whole).toFixed(1)}%` : 'n/a');
  const rows: [string, string, string, boolean][] = [
    [
      '/healthz p99 (fresh connection)',
      `${healthP99.toFixed(0)} ms (p50 ${percentile(health, 50).toFixed(0)}, ${health.length} probes, ${counts.healthErrors} failed)`,
      `< ${TARGETS.healthP99Ms} ms`,
      healthP99 < TARGETS.healthP99Ms && counts.healthErrors === 0,
    ],
    [
      'Slack ack p99',
      `${slackP99.toFixed(0)} ms (p50 ${percentile(slackAcks, 50).toFixed(0)}, max ${Math.max(...slackAcks).toFixed(0)}, ${counts.slack} events, ${(counts.slack / seconds).toFixed(0)}/s)`,
      `< ${TARGETS.slackAckP99Ms} ms`,
      slackP99 < TARGETS.slackAckP99Ms,
    ],
    ['Web 503 share', `${share(counts.web503, counts.web)} of ${counts.web}`, 'reported', true],
    ['Teams 503 share', `${share(counts.teams503, counts.teams)} of ${counts.teams}`, 'reported', true],
    [
      'Errors',
      `${counts.errors}${errorKinds.size ? ` (${[...errorKinds].map(([k, v]) => `${k}: ${v}`).join(', ')})` : ''}`,
      '0',
      counts.errors === 0,
    ],
    [
      'Server RSS',
      `${rssBefore} MB before, ${rssPeak} MB peak, ${rssAtEnd} MB at the end, ${rssAfter} MB ${settleSeconds} s later (V8 heap in use ${heapBefore} → ${heapAfter} MB)`,
      `after <= ${TARGETS.rssGrowth}x before`,
      rssAfter <= rssBefore * TARGETS.rssGrowth,
    ],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [name, figure, target, met] of rows) {
    console.log(`${met ? 'ok  ' : 'MISS'} ${name.padEnd(width)}  ${figure}  [target ${target}]`);
  }
  if (serverErrors.trim())
    console.log(`Server log (warn and above):\n${serverErrors.trim().split('\n').slice(-10).join('\n')}`);
  process.exitCode = rows.every((r) => r[3]) ? 0 : 1;
} finally {
  await stop();
}
