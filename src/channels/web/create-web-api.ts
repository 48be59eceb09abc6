/**
 * The web chat's JSON API under /api/web: start a conversation, read its transcript, send a turn.
 * Input is size-limited and zod-validated; every error is a plain sentence in `{ error }`.
 */
import { randomBytes } from 'node:crypto';
import express, { type ErrorRequestHandler, type RequestHandler, type Router } from 'express';
import { z } from 'zod';
import type { CommandContext, CommandRouter } from '../../app/commands.js';
import { VERDICT_LABELS } from '../../core/assessment/assessment.js';
import type { Clock } from '../../core/clock.js';
import type { Consultant } from '../../core/consultant.js';
import { type ArchieErrorCode, toArchieError } from '../../core/errors.js';
import { EXAMPLES, exampleValue } from '../../core/interview/interview-messages.js';
import { createLocalWindowCounter } from '../../core/limits/fixed-window-counter.js';
import type { OutMessage, QuickReply, TurnContext, UserInput } from '../../core/message.js';
import { redactSecrets } from '../../core/redact-secrets.js';
import { createSerializeByKey, type SerializeByKey } from '../../core/serialize-by-key.js';
import type { Logger } from '../../observability/create-logger.js';
import type { WebHistory, WebMessage } from './web-history.js';

export interface WebApiDeps {
  consultant: Consultant;
  history: WebHistory;
  /** Per-conversation queue shared with anything else that writes the transcript. */
  serialize?: SerializeByKey;
  commands: CommandRouter;
  logger: Logger;
  maxBodyBytes: number;
  /** The page's character counter shows this limit; `tooLong` (the guard's rule) enforces it. */
  maxMessageChars: number;
  tooLong(text: string): string | undefined;
  /** Conversations one client address may start per hour (they cost storage; the chat has no login). */
  conversationsPerHour: number;
  clock: Clock;
  /** In front of each turn and new conversation: refuses it (503, Retry-After) while Archie is answering all it can. */
  admit?: RequestHandler;
  /** Unguessable conversation ids; injectable for tests. */
  newId?: () => string;
}

/** 144 random bits, URL-safe: the id is the only thing that grants access to a conversation. */
export const newConversationId = (): string => randomBytes(18).toString('base64url');
const ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
const NOT_FOUND = 'That conversation was not found. Start a new conversation.';

/** Errors with a status the client can act on; the message is safe to show. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Codes that can reach the web API and are the client's doing; every other code is a 500 (and logged). */
const STATUS_BY_CODE: Partial<Record<ArchieErrorCode, number>> = { bad_input: 400 };

/** The consultant's id for a web conversation, so web ids never collide with Slack or Teams ones. */
export const consultantConversationId = (id: string): string => `web:${id}`;

export function createWebApi(deps: WebApiDeps): Router {
  const { consultant, history, commands, logger } = deps;
  const newId = deps.newId ?? newConversationId;
  const serialize = deps.serialize ?? createSerializeByKey();
  const ctx: TurnContext = { channel: 'web' };
  const turnSchema = z.union([
    z.strictObject({
      text: z.string({ error: 'Type a message.' }).trim().min(1, { error: 'Type a message.' }),
    }),
    z.strictObject({
      choice: z.string().min(1).max(500),
      label: z.string().max(500).optional(),
    }),
  ]);

  // What the page needs besides the transcript: verdict names, the message length limit (the character
  // counter's only source) and the text each starter example sends (its button shows it).
  const pageSettings = {
    verdictLabels: VERDICT_LABELS,
    maxMessageChars: deps.maxMessageChars,
    examples: EXAMPLE_TEXTS,
  };

  // Per process: the web chat serves one machine (it is off on public addresses unless WEB_CHAT=true).
  const startedPerHour = createLocalWindowCounter(deps.clock, 3_600_000);

  const router = express.Router();
  router.use(express.json({ limit: deps.maxBodyBytes, strict: true }));

  const admit: RequestHandler = deps.admit ?? ((_req, _res, next) => next());
  router.post('/conversations', admit, async (req, res) => {
    const started = await startedPerHour.add(req.ip ?? 'unknown');
    if (started.count > deps.conversationsPerHour) {
      const minutes = Math.ceil(started.resetInMs / 60_000);
      res.setHeader('Retry-After', String(Math.ceil(started.resetInMs / 1_000)));
      throw new HttpError(
        429,
        `You have started ${deps.conversationsPerHour} conversations from this address in the last hour. Carry on in one of them, or start a new one in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      );
    }
    const id = newId();
    const greeting = await consultant.greet(consultantConversationId(id), ctx);
    await history.create(id);
    const messages = await history.append(
      id,
      greeting.map((message) => ({ from: 'archie' as const, message })),
    );
    res.status(201).json({ id, messages, ...pageSettings });
  });

  router.get('/conversations/:id', async (req, res) => {
    const id = checkId(req.params.id);
    // Waits for a turn still in flight (a reload mid-reply) so the transcript includes its answer.
    const transcript = await serialize(id, () => history.load(id));
    if (!transcript) throw new HttpError(404, NOT_FOUND);
    res.json({ id, messages: transcript.messages, ...pageSettings });
  });

  router.post('/conversations/:id/messages', admit, async (req, res) => {
    const id = checkId(req.params.id);
    const parsed = turnSchema.safeParse(req.body);
    if (!parsed.success) throw new HttpError(400, describeBadTurn(req.body, parsed.error));
    const body = parsed.data;
    // Refused before the turn so an over-long text never enters the transcript.
    const long = 'text' in body ? deps.tooLong(body.text) : undefined;
    if (long) throw new HttpError(400, long);
    const added = await serialize(id, async () => {
      const transcript = await history.load(id);
      if (!transcript) throw new HttpError(404, NOT_FOUND);
      const input: UserInput =
        'text' in body ? { type: 'text', text: body.text } : { type: 'choice', value: body.choice, label: body.label };
      const shown = 'text' in body ? body.text : labelFor(transcript.messages, body.choice, body.label);
      const replies = await runTurn(id, input);
      // The user's line is stored only with its answer: a failed turn leaves the transcript unchanged and
      // the page keeps the typed text, so nothing is lost. A credential typed by mistake is not kept.
      return history.append(id, [
        { from: 'user', text: redactSecrets(shown) },
        ...replies.map((message) => ({ from: 'archie' as const, message })),
      ]);
    });
    if (!added) throw new HttpError(404, NOT_FOUND);
    res.json({ id, messages: added });
  });

  async function runTurn(id: string, input: Extract<UserInput, { type: 'text' | 'choice' }>): Promise<OutMessage[]> {
    const commandCtx: CommandContext = {
      target: { channel: 'web', key: id },
      conversationId: consultantConversationId(id),
    };
    const fromCommand =
      input.type === 'text'
        ? await commands.tryText(input.text, commandCtx)
        : await commands.tryAction(input.value, commandCtx);
    return fromCommand ?? consultant.handle(consultantConversationId(id), input, ctx);
  }

  router.use((_req, _res, next) => next(new HttpError(404, 'There is no such web chat endpoint.')));
  router.use(errorHandler(logger));
  return router;
}

function checkId(raw: unknown): string {
  if (typeof raw !== 'string' || !ID_PATTERN.test(raw)) throw new HttpError(404, NOT_FOUND);
  return raw;
}

/** Starter example values and the descriptions they send. */
const EXAMPLE_TEXTS: Record<string, string> = Object.fromEntries(EXAMPLES.map((e, i) => [exampleValue(i), e.text]));

/**
 * What the transcript shows for a button press: the description a starter example sends, else the label
 * of the button whose value was sent, so the transcript shows what the user clicked.
 */
function labelFor(messages: WebMessage[], value: string, fallback?: string): string {
  if (Object.hasOwn(EXAMPLE_TEXTS, value)) return EXAMPLE_TEXTS[value]!;
  for (let i = messages.length - 1; i >= 0; i--) {
    const line = messages[i]!;
    if (line.from === 'user') break;
    const { message } = line;
    const buttons: QuickReply[] =
      message.type === 'recommendation' ? message.actions : message.type === 'adr' ? [] : (message.quickReplies ?? []);
    const hit = buttons.find((b) => b.value === value);
    if (hit) return hit.label;
  }
  return fallback?.trim() || value;
}

function describeBadTurn(body: unknown, error: z.ZodError): string {
  // Only a turn that tried to send text gets the text rule it broke; any other shape gets the format.
  const triedText = typeof body === 'object' && body !== null && 'text' in body && !('choice' in body);
  const textIssue = error.issues
    .flatMap((issue) => (issue.code === 'invalid_union' ? issue.errors.flat() : [issue]))
    .find((issue) => issue.path[0] === 'text' && issue.code !== 'unrecognized_keys');
  return triedText && textIssue
    ? textIssue.message
    : 'Send JSON like {"text": "your message"} or {"choice": "<button value>"}.';
}

function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    if (error instanceof HttpError) return void res.status(error.status).json({ error: error.message });
    const type = (error as { type?: string }).type;
    if (type === 'entity.too.large') {
      return void res.status(413).json({ error: 'That message is too large to send. Shorten it and try again.' });
    }
    if (type === 'entity.parse.failed') {
      return void res.status(400).json({ error: 'The request body is not valid JSON.' });
    }
    if (typeof (error as { status?: unknown }).status === 'number' && (error as { status: number }).status < 500) {
      return void res.status((error as { status: number }).status).json({ error: 'The request could not be read.' });
    }
    const archieError = toArchieError(error);
    const status = STATUS_BY_CODE[archieError.code] ?? 500;
    if (status >= 500) logger.error({ err: error, path: req.path }, 'web chat request failed');
    res.status(status).json({ error: archieError.userMessage });
  };
}
