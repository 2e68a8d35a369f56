/**
 * Standard output and error for the command line, written to their file descriptors.
 *
 * `process.stdout` and `process.stderr` are made on first use, and making them loads Node's
 * stream modules (and, for a pipe or a terminal, its socket modules): about 5 ms, more than a
 * one-plan lint spends on the plan. Most commands print one block of text, which a direct write
 * to the descriptor does as well, in the same order. A write the descriptor refuses for now
 * (EAGAIN: a pipe left non-blocking by another process) hands that text, and every write after
 * it, to the stream, which waits for the reader. On Windows, where pipes are asynchronous, the
 * streams are used throughout.
 */
import { fstatSync, statSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/**
 * Whether `fd` is a terminal. Files, pipes and sockets are known not to be from one `fstat`, and
 * so is `/dev/null`, where output is thrown away; other character devices are asked of the
 * `tty` module, which loads the socket modules.
 */
export function isTerminal(fd: number): boolean {
  if (process.platform !== 'win32') {
    try {
      const st = fstatSync(fd);
      if (!st.isCharacterDevice()) return false;
      if (st.rdev === statSync('/dev/null').rdev) return false;
    } catch {
      // A closed descriptor is not a terminal; the tty module says so too.
    }
  }
  return (load('node:tty') as typeof import('node:tty')).isatty(fd);
}

/** A writer to a file descriptor; `streamed()` says whether it has handed anything to the stream. */
export interface FdWriter {
  (data: string | Uint8Array): void;
  streamed(): boolean;
}

/**
 * A writer to `fd`: direct writes, or `stream()` once a write could not be made directly.
 * `onClosed` runs when the reader has gone, by either path.
 */
export function fdWriter(fd: number, stream: () => NodeJS.WriteStream, onClosed: () => void): FdWriter {
  let streamed: NodeJS.WriteStream | undefined;
  const toStream = (data: string | Uint8Array) => {
    if (!streamed) {
      streamed = stream();
      streamed.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code !== 'EPIPE') throw err;
        onClosed();
      });
    }
    streamed.write(data);
  };
  const write = (data: string | Uint8Array) => {
    if (streamed || process.platform === 'win32') return toStream(data);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let done = 0;
    try {
      while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') onClosed();
      else if (code === 'EAGAIN') toStream(bytes.subarray(done));
      else throw err;
    }
  };
  return Object.assign(write, { streamed: () => streamed !== undefined });
}
