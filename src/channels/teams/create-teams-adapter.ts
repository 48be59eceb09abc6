/**
 * The SDK's CloudAdapter with two platform chores added: each outgoing activity is retried when Teams
 * throttles (429), and a failed turn shows the user a plain message while the stack goes to the log.
 */
import type { Activity } from '@microsoft/agents-activity';
import {
  type AuthConfiguration,
  CloudAdapter,
  type ResourceResponse,
  type TurnContext,
} from '@microsoft/agents-hosting';
import type { Clock } from '../../core/clock.js';
import { toArchieError } from '../../core/errors.js';
import type { Logger } from '../../observability/create-logger.js';
import { withThrottleRetry } from './throttle-retry.js';

export interface TeamsAdapterOptions {
  auth: AuthConfiguration;
  logger: Logger;
  clock: Clock;
  maxSendAttempts?: number;
}

class ArchieCloudAdapter extends CloudAdapter {
  constructor(private readonly options: TeamsAdapterOptions) {
    // Options are passed explicitly so the SDK does not fill them from CloudAdapterOptions__* variables.
    super(options.auth, undefined, undefined, { emitStackTrace: false, validateServiceUrl: true });
  }

  override async sendActivities(context: TurnContext, activities: Activity[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    // One at a time, so a retry never re-sends an activity that already went through.
    for (const activity of activities) {
      const [response] = await withThrottleRetry(() => super.sendActivities(context, [activity]), {
        clock: this.options.clock,
        maxAttempts: this.options.maxSendAttempts,
        onRetry: ({ attempt, delayMs, status }) =>
          this.options.logger.warn({ attempt, delayMs, status }, 'teams: throttled by the Bot Connector, retrying'),
      });
      responses.push(response ?? { id: '' });
    }
    return responses;
  }
}

export function createTeamsAdapter(options: TeamsAdapterOptions): CloudAdapter {
  const adapter = new ArchieCloudAdapter(options);
  adapter.onTurnError = async (context, error) => {
    const archieError = toArchieError(error);
    options.logger.error(
      { err: error, activityType: context.activity.type, conversationId: context.activity.conversation?.id },
      'teams: turn failed',
    );
    try {
      await context.sendActivity(archieError.userMessage);
    } catch (sendError) {
      options.logger.error({ err: sendError }, 'teams: could not tell the user about the failure');
    }
  };
  return adapter;
}
