/**
 * Teams activity payloads in the documented shapes (channelId "msteams", 28:/29: ids, channelData with
 * tenant/team/channel), pointed at a fake Bot Connector through `serviceUrl`.
 * See https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/conversation-messages
 */
import { randomUUID } from 'node:crypto';

export const BOT = { id: '28:00000000-0000-0000-0000-00000000b07', name: 'Archie' };
export const USER = { id: '29:1user-megan', name: 'Megan Bowen', aadObjectId: '6b1e0d4c-0000-4000-8000-0000000000aa' };
export const TENANT = '72f988bf-0000-4000-8000-000000000001';
/** The team's Microsoft 365 group id (what Graph calls the team). */
export const TEAM_GROUP = 'a1b2c3d4-0000-4000-8000-0000000000cc';

export type Payload = Record<string, unknown>;

interface Place {
  serviceUrl: string;
  conversationId: string;
  kind?: 'personal' | 'groupChat' | 'channel';
}

function base(place: Place, extra: Payload): Payload {
  const kind = place.kind ?? 'personal';
  return {
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: place.serviceUrl,
    from: USER,
    recipient: BOT,
    conversation: {
      id: place.conversationId,
      conversationType: kind,
      tenantId: TENANT,
      ...(kind !== 'personal' ? { isGroup: true } : {}),
    },
    channelData: {
      tenant: { id: TENANT },
      ...(kind === 'channel'
        ? {
            teamsChannelId: place.conversationId.split(';')[0],
            teamsTeamId: '19:team-general@thread.skype',
            channel: { id: place.conversationId.split(';')[0] },
            team: { id: '19:team-general@thread.skype', aadGroupId: TEAM_GROUP },
          }
        : {}),
    },
    locale: 'en-US',
    ...extra,
  };
}

/** A typed message in a personal chat (or any place). */
export function message(place: Place, text: string, extra: Payload = {}): Payload {
  return base(place, {
    type: 'message',
    text,
    textFormat: 'plain',
    entities: [{ type: 'clientInfo', locale: 'en-US', country: 'US', platform: 'Web', timezone: 'Europe/Berlin' }],
    ...extra,
  });
}

/** A channel or group-chat message that @mentions the bot, as Teams sends it. */
export function mention(place: Place, text: string): Payload {
  return base(place, {
    type: 'message',
    text: `<at>${BOT.name}</at> ${text}`,
    textFormat: 'plain',
    entities: [{ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: BOT }],
  });
}

/** An Action.Submit button press: a message whose `value` is the button's data. */
export function submit(place: Place, data: Record<string, unknown>, replyToId?: string): Payload {
  return base(place, { type: 'message', value: data, ...(replyToId ? { replyToId } : {}) });
}

/** An Action.Execute (Universal Actions) invoke. */
export function executeAction(place: Place, data: Record<string, unknown>): Payload {
  return base(place, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb: 'archie', data }, trigger: 'manual' },
  });
}

/** The bot was added to a conversation. */
export function botAdded(place: Place): Payload {
  return base(place, { type: 'conversationUpdate', membersAdded: [BOT], from: USER });
}

/** The app was installed (Teams sends this beside conversationUpdate). */
export function installed(place: Place): Payload {
  return base(place, { type: 'installationUpdate', action: 'add' });
}

/** A mention in a channel reply chain: conversation `<channel>;messageid=<root>`, the activity's own id. */
export function chainMention(serviceUrl: string, channel: string, rootId: string, text: string, id?: string): Payload {
  return {
    ...mention({ serviceUrl, conversationId: `${channel};messageid=${rootId}`, kind: 'channel' }, text),
    ...(id ? { id } : {}),
  };
}

/** The "Ask Archie about this" message action submitted on `messagePayload` (a chatMessage). */
export function messageAction(
  place: Place,
  messagePayload: Record<string, unknown>,
  data: Record<string, unknown> = {},
  commandId = 'askArchie',
): Payload {
  return base(place, {
    type: 'invoke',
    name: 'composeExtension/submitAction',
    value: { commandId, commandContext: 'message', messagePayload, data, context: { theme: 'default' } },
  });
}
