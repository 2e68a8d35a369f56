/** `execplan mcp`: the MCP server on stdio, for coding agents. The SDK is loaded only here, after the client's `initialize` is answered. */
import type { Io } from './io.js';

interface Options {
  cwd?: string;
}

/** Run `execplan mcp` until the client closes stdin. */
export async function run(io: Io, opts: Options): Promise<number> {
  const { serveStdio } = await import('../mcp/stdio.js');
  // stdout carries protocol messages only: anything else a command would print goes to stderr.
  await serveStdio({ ...io, cwd: opts.cwd ?? io.cwd, stdout: (s) => io.stderr(typeof s === 'string' ? s : Buffer.from(s).toString('utf8')), stdoutIsTTY: false });
  return 0;
}
