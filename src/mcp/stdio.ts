/**
 * Serving MCP on stdin/stdout. A first line that is a well-formed `initialize` request is answered
 * at once (handshake.ts says why), and only then is the SDK loaded. Everything read, that request
 * included, is handed to the SDK's server as if it had just arrived; its own answer is not sent again.
 */
import type { Readable, Writable } from 'node:stream';
import type { Io } from '../io.js';
import { answerInitialize } from './handshake.js';
import { LineGuard, MAX_MESSAGE_BYTES } from './line-guard.js';

/**
 * Serve on stdin/stdout until the client closes stdin, or closes stdout: a client that has gone
 * away can read no answer, so the server ends quietly, with a line on stderr.
 */
export async function serveStdio(io: Io, stdin: Readable = process.stdin, stdout: Writable = process.stdout, limit = MAX_MESSAGE_BYTES): Promise<void> {
  const ended = new Promise<void>((resolve) => {
    stdin.once('end', resolve);
    stdin.once('close', resolve);
  });
  const gone = new Promise<void>((resolve) => {
    stdout.on('error', (err: NodeJS.ErrnoException) => {
      io.stderr(`execplan mcp: the client closed its end of stdout (${err.code ?? err.message}); stopping.\n`);
      resolve();
    });
  });
  // What the client sends goes, in order, to the SDK's transport once it is there: whole lines, a
  // line over the size limit answered with an error instead.
  const input = new LineGuard(limit, ({ id, bytes }) => {
    const message = `Invalid Request: the message is ${bytes} bytes long, over the limit of ${limit} bytes; it was not read`;
    io.stderr(`execplan mcp: ${message}\n`);
    if (!stdout.destroyed) stdout.write(`${JSON.stringify({ jsonrpc: '2.0', id, error: { code: -32600, message } })}\n`);
  });
  const forward = (chunk: Buffer) => input.write(chunk);
  stdin.on('data', forward);
  stdin.once('end', () => input.end());
  // The transport reports a failing stdin as it did when it read stdin itself.
  stdin.on('error', (err) => input.destroy(err));
  const line = await Promise.race([input.firstLine, ended, gone]);
  const answered = typeof line === 'string' ? answerInitialize(line) : undefined;
  if (answered && !stdout.destroyed) await new Promise<void>((resolve) => stdout.write(answered.line, () => resolve()));
  const { startServer } = await import('./server.js');
  const { closed } = await startServer(io, input, stdout, answered);
  // Requests still in flight when stdin ends finish on their own; the process exits once they have.
  await Promise.race([ended, closed, gone]);
  stdin.off('data', forward);
  stdin.pause();
  if (stdout.destroyed || stdout.writableEnded) stdin.destroy();
}

