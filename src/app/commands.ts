/**
 * Extra chat commands beyond the interview (`checkin …`, `history`), registered by features and offered
 * by every channel: Slack routes `/archie <word> …` and messages starting with a registered word here,
 * Teams does the same for messages and card submits.
 */
import type { OutMessage } from '../core/message.js';
import type { ProactiveTarget } from './proactive.js';

export interface CommandContext {
  /** Where the command was typed; check-ins post back to the same place. */
  target: ProactiveTarget;
  /** The conversation id the consultant uses for this place (history is kept per team = per conversation). */
  conversationId: string;
  userId?: string;
  /** IANA time zone of the user when the platform tells us (Slack users.info tz), else undefined. */
  timeZone?: string;
}

export interface ChatCommand {
  /** First word that selects the command, e.g. "checkin". */
  name: string;
  summary: string;
  run(args: string, ctx: CommandContext): Promise<OutMessage[]>;
  /** Button values this command owns (prefix, e.g. "checkin:"), routed here instead of the consultant. */
  actionPrefix?: string;
  onAction?(value: string, ctx: CommandContext): Promise<OutMessage[]>;
}

export interface CommandRouter {
  register(command: ChatCommand): void;
  /** Runs the command when `text` starts with a registered word; undefined when it is not a command. */
  tryText(text: string, ctx: CommandContext): Promise<OutMessage[] | undefined>;
  /** Runs the owner of a button value; undefined when no command owns it. */
  tryAction(value: string, ctx: CommandContext): Promise<OutMessage[] | undefined>;
  /** True when the first word of `text` (with or without a leading slash) selects a command. */
  isCommand(text: string): boolean;
  list(): ChatCommand[];
}

const FIRST_WORD = /^\s*\/?(\w[\w-]*)\b\s*([\s\S]*)$/;

export function createCommandRouter(): CommandRouter {
  const commands = new Map<string, ChatCommand>();
  return {
    register: (command) => {
      commands.set(command.name.toLowerCase(), command);
    },
    tryText: async (text, ctx) => {
      const match = FIRST_WORD.exec(text);
      const command = match ? commands.get(match[1]!.toLowerCase()) : undefined;
      return command ? command.run(match![2]!.trim(), ctx) : undefined;
    },
    tryAction: async (value, ctx) => {
      for (const command of commands.values()) {
        if (command.actionPrefix && command.onAction && value.startsWith(command.actionPrefix)) {
          return command.onAction(value, ctx);
        }
      }
      return undefined;
    },
    isCommand: (text) => commands.has(FIRST_WORD.exec(text)?.[1]?.toLowerCase() ?? ''),
    list: () => [...commands.values()],
  };
}
