/**
 * What a person waits for when a model answers: a knowledge question asked in Slack (the agent thread),
 * Teams (a personal chat) and the web chat, against a fake model with realistic timing (first token after
 * 400 ms, then 50 tokens a second) behind the real LangChain → openai SDK. Per channel, median of 3:
 * first visible text after the model's first token (target < 150 ms), and the whole reply against the
 * model's own time (target: within 5%). The fake Slack API and Bot Connector on 127.0.0.1 record when
 * each piece arrives.
 */
import { createArchie } from '../src/app/create-archie.js';
import { loadConfig } from '../src/config/load-config.js';
import { createLogger } from '../src/observability/create-logger.js';
import { startFakeBotConnector } from '../test/support/fake-bot-connector.js';
import { type ChatBody, startFakeOpenAiServer } from '../test/support/fake-openai-server.js';
import { type RecordedCall, slackEnv, startFakeSlackApi } from '../test/support/fake-slack-api.js';
import { dmMessage, eventEnvelope, postSlack } from '../test/support/slack-request.js';
import { type BenchResult, summarize } from './bench-result.js';
import { BENCH_APP_ENV } from './support/bench-app.js';
import { postActivity } from './support/channel-drivers.js';

const QUESTION = 'When should model inference run as its own service?';
const ROUNDS = 3;
const FIRST_TOKEN_MS = 400;
/** ~120 tokens of answer: 2.4 s at 50 tokens/s after the first token. */
const ANSWER_WORDS =
  'Split inference out when it needs hardware, scaling or a release pace the rest of the system does not share: GPUs that sit idle between bursts, a model that loads for minutes, or a team that ships model versions weekly while the product ships daily. Until then one deployable keeps latency and operations simpler, and a clear module boundary around the model client keeps the later split cheap.';

function answer(body: ChatBody) {
  if (body.response_format || body.tools) return { json: { facts: {}, evidence: {} } };
  const system = body.messages.find((m) => m.role === 'system')?.content ?? '';
  const label = /^\[(p\d+)\]/m.exec(system)?.[1] ?? 'p1';
  return { content: `${ANSWER_WORDS} [${label}]` };
}

interface Turn {
  /** When the question was sent. */
  sentAt: number;
  firstVisibleAt: number;
  doneAt: number;
}

export async function bench(): Promise<BenchResult[]> {
  const model = await startFakeOpenAiServer();
  model.onChat(answer);
  model.pace({ firstTokenMs: FIRST_TOKEN_MS, tokensPerSecond: 50 });
  const api = await startFakeSlackApi();
  const connector = await startFakeBotConnector();
  const env = {
    ...slackEnv(api),
    ...BENCH_APP_ENV,
    HOST: '127.0.0.1',
    WEB_CHAT: 'true',
    OPENAI_API_KEY: 'sk-bench-0000000000000000',
    OPENAI_BASE_URL: model.url,
    OPENAI_EMBEDDING_MODEL: 'text-embedding-3-small',
  };
  const config = loadConfig({ env, dotenvPath: false });
  const archie = await createArchie(config, { logger: createLogger({ level: 'silent' }), defaultMetrics: false });
  const url = `http://127.0.0.1:${await archie.listen()}`;
  const quiet = (ms: number) => new Promise((r) => setTimeout(r, ms));

  const slackTurn = async (n: number): Promise<Turn> => {
    const channel = `DSTREAM${n}`;
    const threadTs = `1720000000.${String(n).padStart(6, '0')}`;
    const shown: number[] = [];
    let stopped: number | undefined;
    const visible = (c: RecordedCall) =>
      c.method === 'chat.postMessage' || c.method.endsWith('Stream')
        ? Boolean(c.args.markdown_text ?? c.args.text ?? c.args.chunks)
        : false;
    const stop = api.onCall((c) => {
      if (c.args.channel !== channel) return;
      if (visible(c)) shown.push(performance.now());
      if (c.method === 'chat.stopStream') stopped = performance.now();
    });
    const sentAt = performance.now();
    await postSlack(url, eventEnvelope(dmMessage(QUESTION, { channel, user: `USTREAM${n}`, thread_ts: threadTs })));
    while (stopped === undefined && performance.now() - sentAt < 30_000) await quiet(20);
    await quiet(300); // anything posted after the stream (sources) belongs to the reply
    stop();
    return { sentAt, firstVisibleAt: shown[0] ?? Number.NaN, doneAt: Math.max(...shown, stopped ?? Number.NaN) };
  };

  const teamsTurn = async (n: number): Promise<Turn> => {
    const conversationId = `a:1stream-${n}`;
    const shown: number[] = [];
    const watching = connector.waitFor((received) => {
      const last = received.at(-1);
      if (last?.conversationId === conversationId && typeof last.activity.text === 'string' && last.activity.text)
        shown.push(performance.now());
      return false;
    }, 60_000);
    watching.catch(() => undefined);
    const sentAt = performance.now();
    const res = await postActivity(url, {
      id: `stream-${n}`,
      serviceUrl: connector.url,
      user: `29:stream-user-${n}`,
      conversationId,
      fields: { text: QUESTION, textFormat: 'plain' },
    });
    await res.arrayBuffer();
    return { sentAt, firstVisibleAt: shown[0] ?? Number.NaN, doneAt: Math.max(...shown) };
  };

  const webTurn = async (): Promise<Turn> => {
    const post = (path: string, body: unknown) =>
      fetch(`${url}/api/web${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then(async (r) => (await r.json()) as { id: string });
    const { id } = await post('/conversations', {});
    const sentAt = performance.now();
    await post(`/conversations/${id}/messages`, { text: QUESTION });
    const at = performance.now();
    return { sentAt, firstVisibleAt: at, doneAt: at };
  };

  try {
    const channels = { slack: slackTurn, teams: teamsTurn, web: webTurn };
    const rows: BenchResult[] = [];
    let n = 0;
    await webTurn(); // warm-up: loads the model client and the knowledge index's embeddings
    for (const [name, run] of Object.entries(channels)) {
      const lateFirst: number[] = [];
      const overModel: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const from = model.timings.length;
        const turn = await run(++n);
        const calls = model.timings.slice(from);
        const streamed = calls.find((t) => t.stream && t.firstContentAt !== undefined);
        // Without a stream, the answer's first token is 400 ms after its call arrived (the pacing above).
        const last = calls.at(-1);
        const firstToken = streamed?.firstContentAt ?? (last ? last.arrivedAt + FIRST_TOKEN_MS : Number.NaN);
        const modelMs = calls.reduce((sum, t) => sum + ((t.endedAt ?? t.arrivedAt) - t.arrivedAt), 0);
        lateFirst.push(turn.firstVisibleAt - firstToken);
        overModel.push((turn.doneAt - turn.sentAt) / modelMs);
      }
      const late = summarize(lateFirst).median;
      const ratio = summarize(overModel).median;
      rows.push(
        {
          name: `${name}: first visible text after the model's first token (median of ${ROUNDS})`,
          value: late,
          unit: 'ms',
          target: '< 150 ms',
          ok: late < 150,
        },
        {
          name: `${name}: whole reply ÷ the model's time (median of ${ROUNDS})`,
          value: ratio,
          unit: '×',
          target: '<= 1.05×',
          ok: ratio <= 1.05,
        },
      );
    }
    return rows;
  } finally {
    await archie.close();
    await connector.close();
    await api.close();
    await model.close();
  }
}
