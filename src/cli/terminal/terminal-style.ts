/** How to write to this terminal: its width, and whether colour is welcome (a TTY, no NO_COLOR, not "dumb"). */
import type { CliIo } from '../cli-io.js';

export interface TerminalStyle {
  width: number;
  color: boolean;
}

export function terminalStyle(io: Pick<CliIo, 'stdoutIsTTY' | 'columns' | 'env'>): TerminalStyle {
  const fromEnv = Number(io.env.COLUMNS);
  const width = io.columns || (Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 80);
  // https://no-color.org: any non-empty NO_COLOR turns colour off.
  const color = io.stdoutIsTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb';
  return { width, color };
}
