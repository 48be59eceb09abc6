/** The `/archie help` text, listing built-in and registered commands. */
import type { ChatCommand } from '../../app/commands.js';
import { escapeMrkdwn } from './mrkdwn.js';

export function renderHelp(commands: Pick<ChatCommand, 'name' | 'summary'>[], unknown?: string): string {
  const lines = [
    ...(unknown ? [`I don't know the command \`${escapeMrkdwn(unknown)}\`. Here is what I can do:`] : []),
    '*Archie*: architecture advice for generative-AI systems (monolith, modular monolith, hybrid or microservices).',
    '• `/archie assess <description>`: a verdict with reasons, risks and next steps from a description of your system',
    '• `/archie ask <question>`: an answer with sources from the knowledge base',
    ...commands.map((c) => `• \`/archie ${escapeMrkdwn(c.name)}\`: ${escapeMrkdwn(c.summary)}`),
    '• `/archie help`: this list',
    'For a full interview, message me directly or mention `@Archie` in a channel.',
  ];
  return lines.join('\n');
}
