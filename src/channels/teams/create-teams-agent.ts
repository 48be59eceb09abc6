/**
 * The Agents SDK application: routes Teams activities (messages, with a channel's reply chain read when
 * Archie is mentioned in it; card submits and Action.Execute invokes; the "Ask Archie about this" message
 * action; installs and removals) to Archie's turn handling.
 */
import { AgentApplication, type CloudAdapter, type TurnContext, type TurnState } from '@microsoft/agents-hosting';
import type { ChannelDeps } from '../../app/channel.js';
import { answerInChain, type ChainReading } from './answer-in-chain.js';
import { answerTurn, invokeAcknowledgement, send } from './answer-turn.js';
import { deleteConversationReference } from './conversation-references.js';
import { registerMessageAction } from './message-action.js';
import { conversationKind, mentionsBot, readCardValue, readMessageInput } from './read-teams-input.js';
import { teamsConversationId } from './teams-conversation-id.js';

/** Install events arrive twice (conversationUpdate and installationUpdate); greet once per window. */
const WELCOME_WINDOW_MS = 10 * 60 * 1_000;

export interface TeamsAgentOptions {
  /** Reading channel reply chains (Microsoft Graph) for mentions and the message action. */
  chains: ChainReading;
  /** The bot's app id, for posting the message action's answer (undefined when unauthenticated). */
  appId?: string;
  streaming: boolean;
  /** Show "typing…" only when a turn takes longer than this (a quick answer needs no indicator). */
  typingDelayMs: number;
  streamDelayMs?: number;
}

export function createTeamsAgent(
  adapter: CloudAdapter,
  deps: ChannelDeps,
  options: TeamsAgentOptions,
): AgentApplication<TurnState> {
  const app = new AgentApplication<TurnState>({
    adapter,
    removeRecipientMention: true,
    startTypingTimer: false,
    typing: { initialDelayMs: options.typingDelayMs, intervalMs: 3_000 },
  });

  const welcome = async (context: TurnContext) => {
    const conversationId = teamsConversationId(context.activity.conversation!);
    const key = `teams:welcomed:${conversationId}`;
    if (await deps.store.get(key)) return;
    await deps.store.set(key, 1, WELCOME_WINDOW_MS);
    await send(context, await deps.consultant.greet(conversationId, { channel: 'teams' }));
  };
  const forget = (context: TurnContext) => deleteConversationReference(deps.store, context.activity.conversation!.id);
  const isBot = (context: TurnContext, id?: string) => id !== undefined && id === context.activity.recipient?.id;

  app.onConversationUpdate('membersAdded', async (context) => {
    if (context.activity.membersAdded?.some((m) => isBot(context, m.id))) await welcome(context);
  });
  app.onConversationUpdate('membersRemoved', async (context) => {
    if (context.activity.membersRemoved?.some((m) => isBot(context, m.id))) await forget(context);
  });
  app.onActivity('installationUpdate', async (context) => {
    const action = context.activity.action ?? '';
    if (action.startsWith('add')) await welcome(context);
    if (action.startsWith('remove')) await forget(context);
  });

  app.onActivity('message', async (context) => {
    const activity = context.activity;
    const isSubmit = readCardValue(activity.value) !== undefined;
    // In group chats and channels Archie answers only when @mentioned (card submits carry no mention).
    if (conversationKind(activity) !== 'personal' && !isSubmit && !mentionsBot(activity)) return;
    const input = readMessageInput(activity);
    if (!input) {
      await context.sendActivity('Ask me about your architecture, or type **help** to see what I can do.');
      return;
    }
    app.startTypingTimer(context);
    await answerInChain(context, input, deps, options, options.chains);
  });

  // Before the card-action route below: invoke routes are tried in the order they were added.
  registerMessageAction(app, { adapter, deps, appId: options.appId, ...options.chains });

  app.onActivity('invoke', async (context) => {
    const card = context.activity.name === 'adaptiveCard/action' ? readCardValue(context.activity.value) : undefined;
    // Other invokes (message extensions, task modules) are not offered; the SDK answers 501.
    if (!card) return;
    await answerTurn(context, { type: 'choice', ...card }, deps, options);
    await context.sendActivity(invokeAcknowledgement());
  });

  return app;
}
