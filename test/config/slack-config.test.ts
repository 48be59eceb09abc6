import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { ArchieError } from '../../src/core/errors.js';

const load = (env: Record<string, string>) => loadConfig({ env, dotenvPath: false });
const problem = (env: Record<string, string>): string => {
  try {
    load(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ArchieError);
    return (error as ArchieError).userMessage;
  }
  throw new Error('expected a configuration problem');
};

describe('Slack configuration', () => {
  it('leaves Slack off when no Slack variable is set', () => {
    expect(load({}).slack).toBeUndefined();
  });

  it('runs over HTTP with a bot token and signing secret, and Socket Mode with an app token', () => {
    expect(load({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).slack).toMatchObject({
      mode: 'http',
      botToken: 'xoxb-1',
    });
    expect(load({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slack).toMatchObject({ mode: 'socket' });
    expect(
      load({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'http://127.0.0.1:9/api/' }).slack
        ?.apiUrl,
    ).toBe('http://127.0.0.1:9/api/');
  });

  it('says where to find the bot token when only the signing secret or app token is set', () => {
    expect(problem({ SLACK_SIGNING_SECRET: 's' })).toMatch(
      /SLACK_SIGNING_SECRET is set but SLACK_BOT_TOKEN is missing.*OAuth & Permissions/,
    );
    expect(problem({ SLACK_APP_TOKEN: 'xapp-1' })).toMatch(/SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN is missing/);
  });

  it('says where to find the signing secret when only the bot token is set', () => {
    expect(problem({ SLACK_BOT_TOKEN: 'xoxb-1' })).toMatch(
      /SLACK_SIGNING_SECRET is missing.*Basic Information.*SLACK_APP_TOKEN/,
    );
  });

  it('catches tokens pasted into the wrong variable', () => {
    expect(problem({ SLACK_BOT_TOKEN: 'xapp-1', SLACK_SIGNING_SECRET: 's' })).toMatch(
      /SLACK_BOT_TOKEN should start with xoxb-/,
    );
    expect(problem({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-2' })).toMatch(
      /SLACK_APP_TOKEN should start with xapp-.*connections:write/,
    );
  });
});
