/**
 * Serving MCP on stdin/stdout. A client's first message is `initialize`, and it waits for the
 * answer before sending anything else; loading the MCP SDK and zod takes several times as long as
 * starting Node. So the first line is read and, when it is a well-formed `initialize` request,
 * answered at once (handshake.ts), and only then is the SDK loaded. Everything read, that request
 * included, is handed to the SDK's server as if it had just arrived; its own answer to the request
 * is not sent again.
 */
import { PassThrough, type Readable, type Writable } from 'node:stream';
import type { Io } from '../commands/io.js';
import { answerInitialize } from './handshake.js';

/** Serve on stdin/stdout until the client closes stdin. */
export async function serveStdio(io: Io, stdin: Readable = process.stdin, stdout: Writable = process.stdout): Promise<void> {
  const ended = new Promise<void>((resolve) => {
    stdin.once('end', resolve);
    stdin.once('close', resolve);
  });
  // What the client sends goes, unchanged and in order, to the SDK's transport once it is there.
  const input = new PassThrough();
  const forward = (chunk: Buffer) => input.write(chunk);
  stdin.on('data', forward);
  stdin.once('end', () => input.end());
  // The transport reports a failing stdin as it did when it read stdin itself.
  stdin.on('error', (err) => input.destroy(err));
  const line = await firstLine(stdin);
  const answered = line === undefined ? undefined : answerInitialize(line);
  if (answered) await new Promise<void>((resolve) => stdout.write(answered.line, () => resolve()));
  const { startServer } = await import('./server.js');
  const { closed } = await startServer(io, input, stdout, answered);
  // Requests still in flight when stdin ends finish on their own; the process exits once they have.
  await Promise.race([ended, closed]);
  stdin.off('data', forward);
  stdin.pause();
}

/** The first line the client sends, without its newline; undefined when stdin ends or fails before one. */
function firstLine(stdin: Readable): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const done = (line: string | undefined) => {
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      stdin.off('close', onEnd);
      stdin.off('error', onEnd);
      resolve(line);
    };
    const onData = (chunk: Buffer) => {
      const nl = chunk.indexOf(0x0a);
      if (nl < 0) return void chunks.push(chunk);
      chunks.push(chunk.subarray(0, nl));
      done(Buffer.concat(chunks).toString('utf8'));
    };
    const onEnd = () => done(undefined);
    stdin.on('data', onData);
    stdin.once('end', onEnd);
    stdin.once('close', onEnd);
    stdin.once('error', onEnd);
  });
}
