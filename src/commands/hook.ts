/** `execplan hook <event> [--agent <name>]`: answer a coding agent's lifecycle hook (see src/hooks/). Always exits 0. */
import type { OptionsOf } from '../command-table.js';
import type { Io } from './io.js';

/** Run `execplan hook`. */
export async function run(io: Io, opts: OptionsOf<'hook'>, event: string): Promise<number> {
  const input = await readAll(io.stdin ?? process.stdin);
  const { handleHook } = await import('../hooks/handle.js');
  const budget = opts.budget === undefined ? undefined : Number(opts.budget);
  if (budget !== undefined && !(Number.isInteger(budget) && budget >= 200)) {
    io.stderr(`execplan hook: --budget ${opts.budget} is not a whole number of tokens of at least 200; using the default.\n`);
  }
  const result = await handleHook({ event, agent: opts.agent, input, cwd: io.cwd, ...(budget !== undefined && Number.isInteger(budget) && budget >= 200 ? { budget } : {}) });
  if (result.stdout) io.stdout(result.stdout);
  if (result.stderr) io.stderr(result.stderr);
  return 0;
}

/** Everything on a stream, as UTF-8 text; a terminal (no payload piped in) reads as nothing. */
function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  if ((stream as { isTTY?: boolean }).isTTY) return Promise.resolve('');
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer | string) => chunks.push(typeof c === 'string' ? Buffer.from(c) : c));
    stream.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    stream.once('error', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}
