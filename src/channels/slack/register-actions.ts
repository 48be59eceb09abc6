/**
 * Button clicks (block_actions): ack at once, collapse an answered question's buttons into "✓ <choice>",
 * then send the button's value to the command router or the consultant as a `choice`.
 */
import type { App, BlockButtonAction } from '@slack/bolt';
import type { Logger } from '../../observability/create-logger.js';
import { escapeMrkdwn } from './mrkdwn.js';
import type { RunTurn } from './run-turn.js';
import { wireBlocks } from './slack-message.js';
import { isDmChannel, type SlackPlace } from './slack-place.js';

export const ACTION_PATTERN = /^archie:/;

export function registerActions(app: App, run: RunTurn, logger: Logger): void {
  app.action<BlockButtonAction>(ACTION_PATTERN, async ({ ack, body, action, client }) => {
    await ack();
    const channelId = body.channel?.id ?? body.container?.channel_id;
    if (!channelId) return logger.warn('Slack button click without a channel; ignored');
    const message = body.message as { ts: string; thread_ts?: string; text?: string; blocks?: unknown[] } | undefined;
    const messageTs = message?.ts ?? (body.container?.message_ts as string | undefined);
    const threadTs = message?.thread_ts ?? (isDmChannel(channelId) ? undefined : messageTs);
    const label = action.text?.text;
    const place: SlackPlace = {
      teamId: body.team?.id ?? body.user.team_id ?? 'T',
      channelId,
      threadTs,
      userId: body.user.id,
      isDm: isDmChannel(channelId),
      assistant: isDmChannel(channelId) && threadTs !== undefined,
    };

    if (action.action_id.startsWith('archie:q:') && message?.blocks && messageTs) {
      // Collapse the answered question (or settled disagreement) so a second click cannot answer it twice.
      // Only its own buttons: one message may carry a disagreement and the next question.
      const blocks = collapse(message.blocks, action.block_id, `✓ ${escapeMrkdwn(label ?? action.value ?? '')}`);
      await client.chat
        .update({ channel: channelId, ts: messageTs, text: message.text ?? 'Answered', blocks: wireBlocks(blocks) })
        .catch((error) => logger.debug({ err: error }, 'Could not collapse the answered question'));
    }
    await run(place, { type: 'choice', value: action.value ?? '', label });
  });
}

/**
 * The message's blocks with the clicked button group replaced by a "✓ choice" line. A group is the
 * actions blocks sharing the clicked block's id up to its chunk index (`archie-q:engineers:0`, `…:25`).
 */
function collapse(blocks: unknown[], blockId: string, done: string): unknown[] {
  const group = blockId.replace(/:\d+$/, '');
  const inGroup = (b: unknown) => {
    const { type, block_id: id } = b as { type?: string; block_id?: string };
    return type === 'actions' && id !== undefined && id.replace(/:\d+$/, '') === group;
  };
  const at = blocks.findIndex(inGroup);
  if (at < 0) return blocks;
  const kept = blocks.filter((b) => !inGroup(b));
  kept.splice(at, 0, { type: 'context', elements: [{ type: 'mrkdwn', text: done }] });
  return kept;
}
