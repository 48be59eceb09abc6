import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SLACK_EVENTS_PATH } from '../../../src/channels/slack/create-bolt-app.js';
import { ASK_THREAD_CALLBACK_ID } from '../../../src/channels/slack/register-shortcut.js';

const manifest = JSON.parse(readFileSync(new URL('../../../slack/manifest.json', import.meta.url), 'utf8'));

describe('Slack app manifest', () => {
  it('subscribes to every event Archie handles and points every URL at /slack/events', () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining([
        'app_mention',
        'message.im',
        'message.channels',
        'message.groups',
        'assistant_thread_started',
        'assistant_thread_context_changed',
        'app_home_opened',
      ]),
    );
    const urls = [
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      manifest.features.slash_commands[0].url,
    ];
    for (const url of urls) expect(new URL(url).pathname).toBe(SLACK_EVENTS_PATH);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });

  it('asks for the scopes the features need, the agent view, both App Home tabs and /archie', () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining([
        'app_mentions:read',
        'assistant:write',
        'chat:write',
        'im:history',
        'commands',
        'files:write',
        'users:read',
      ]),
    );
    expect(manifest.features.assistant_view.assistant_description).toBeTruthy();
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
    expect(manifest.features.slash_commands[0].command).toBe('/archie');
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it('offers the thread shortcut the app handles, with the history scopes it reads threads with', () => {
    expect(manifest.features.shortcuts).toContainEqual(
      expect.objectContaining({
        type: 'message',
        callback_id: ASK_THREAD_CALLBACK_ID,
        name: 'Ask Archie about this thread',
      }),
    );
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining(['channels:history', 'groups:history', 'im:history', 'mpim:history']),
    );
  });
});
