/** Where `execplan lint` writes its report, and the formatters it loads on demand. */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Formatter, FormatName, StreamingFormatter } from '../formatters/types.js';
import { ExecplanError } from '../workspace/errors.js';
import type { Io } from './io.js';

/** A destination for the report: stdout, or the `--output` file. */
export interface Sink {
  write(text: string | Uint8Array): void;
  close(): void;
}

/** Open the report's destination. An `--output` file is created (with its folder) before linting starts, so a bad path fails early. */
export function openSink(io: Io, cwd: string, output: string | undefined, beforeWrite: () => void): Sink {
  if (!output) {
    return {
      write: (text) => {
        if (!text.length) return;
        beforeWrite();
        io.stdout(text);
      },
      close: () => undefined,
    };
  }
  const abs = path.resolve(cwd, output);
  const fail = (err: unknown) =>
    new ExecplanError('IO', `Cannot write the report to ${output}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}. Check that the folder is writable.`, { file: output });
  let fd: number;
  try {
    mkdirSync(path.dirname(abs), { recursive: true });
    fd = openSync(abs, 'w');
  } catch (err) {
    throw fail(err);
  }
  return {
    write: (text) => {
      try {
        if (!text.length) return;
        // One call per overload of writeSync: text, or bytes as they are.
        if (typeof text === 'string') writeSync(fd, text);
        else writeSync(fd, text);
      } catch (err) {
        throw fail(err);
      }
    },
    close: () => closeSync(fd),
  };
}

/** Load only the formatter the run needs. */
export async function loadFormatter(name: FormatName): Promise<Formatter> {
  switch (name) {
    case 'json':
      return (await import('../formatters/json.js')).format;
    case 'github':
      return (await import('../formatters/github.js')).format;
    case 'sarif':
      return (await import('../formatters/sarif.js')).format;
    default:
      return (await import('../formatters/stylish.js')).format;
  }
}

/** The per-file form of the formats that have one (stylish, github); undefined for whole documents. */
export async function loadStreamingFormatter(name: FormatName): Promise<StreamingFormatter | undefined> {
  if (name === 'stylish') return import('../formatters/stylish.js');
  if (name === 'github') return import('../formatters/github.js');
  return undefined;
}
