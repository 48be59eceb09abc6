/** Drops activities the bot itself sent (echoes, other bots' loops) before any handler sees them. */
import type { Middleware, TurnContext } from '@microsoft/agents-hosting';

export function createIgnoreOwnMessagesMiddleware(): Middleware {
  return {
    onTurn: async (context: TurnContext, next) => {
      const { from, recipient, type } = context.activity;
      const fromBot = from?.role === 'bot' || (from?.id !== undefined && from.id === recipient?.id);
      if (type === 'message' && fromBot) return;
      await next();
    },
  };
}
