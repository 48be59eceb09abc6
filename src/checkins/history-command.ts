/** The `history` chat command: this team's verdicts over time, with the trend line. */
import type { ChatCommand } from '../app/commands.js';
import type { HistoryStore } from './history-store.js';
import { renderHistoryText } from './render-history.js';

export function createHistoryCommand(history: HistoryStore): ChatCommand {
  return {
    name: 'history',
    summary: 'This team’s assessments over time, with the trend (`history`)',
    run: async (_args, ctx) => [{ type: 'text', text: renderHistoryText(await history.list(ctx.conversationId)) }],
  };
}
