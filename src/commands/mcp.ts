/** `execplan mcp`: the MCP server on stdio, for coding agents. The SDK is loaded only here, after the client's `initialize` is answered. */
import path from 'node:path';
import type { OptionsOf } from '../command-table.js';
import type { Io } from './io.js';

/** Run `execplan mcp` until the client closes stdin. */
export async function run(io: Io, opts: OptionsOf<'mcp'>): Promise<number> {
  // A folder that is not there would fail every tool call; say so now, before serving.
  if (opts.cwd !== undefined) (await import('../workspace/workspace.js')).assertFolder(path.resolve(io.cwd));
  const { serveStdio } = await import('../mcp/stdio.js');
  // stdout carries protocol messages only: anything else a command would print goes to stderr.
  await serveStdio({ ...io, stdout: (s) => io.stderr(typeof s === 'string' ? s : Buffer.from(s).toString('utf8')), stdoutIsTTY: false });
  return 0;
}
