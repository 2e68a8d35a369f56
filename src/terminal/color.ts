/** Whether a command's output is coloured. */
import type { Io } from '../io.js';

/** Colour for terminal output: `--no-color` and NO_COLOR turn it off, FORCE_COLOR on; else only on a terminal and not into an `--output` file. */
export function useColor(io: Io, opts: { color?: boolean; output?: string }): boolean {
  if (opts.color === false) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (io.env.NO_COLOR) return false;
  return !opts.output && io.stdoutIsTTY;
}
