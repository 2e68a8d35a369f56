/**
 * Where `execplan lint` writes: its report to standard output, or to the `--output` file, never
 * over a file that is not a report; and where any file of its own goes (the lint cache).
 */
import { closeSync, constants, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { isExecplanReport } from '../core/report-signature.js';
import { ExecplanError } from './errors.js';
import { mkdirInside, writablePath } from './safe-path.js';
import { isInside } from './workspace.js';

/** A destination for the report: stdout, or the `--output` file. */
export interface Sink {
  write(text: string | Uint8Array): void;
  close(): void;
}

/**
 * The path to write `file` at, its folder made. Inside the repository `root`, no symbolic link on
 * the way may lead elsewhere; a place outside it was named by the user and is theirs to choose.
 */
export function placeFile(root: string, file: string, what: 'cache' | 'report'): string {
  if (!isInside(root, file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    return file;
  }
  mkdirInside(root, path.dirname(file), `${what} folder`);
  return writablePath(root, file, `${what} file`);
}

/**
 * Open the report's destination. An `--output` file is created (with its folder, see
 * {@link placeFile}) before linting starts, so a bad path fails early. An existing file is
 * replaced only when it is a report of execplan's (see report-signature.ts), or with `force`.
 */
export function openSink(stdout: (text: string | Uint8Array) => void, root: string, cwd: string, output: string | undefined, force: boolean, beforeWrite: () => void): Sink {
  if (!output) {
    return {
      write: (text) => {
        if (!text.length) return;
        beforeWrite();
        stdout(text);
      },
      close: () => undefined,
    };
  }
  const abs = path.resolve(cwd, output);
  const fail = (err: unknown) =>
    err instanceof ExecplanError ? err : new ExecplanError('IO', `Cannot write the report to ${output}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}. Check that the folder is writable.`, { file: output });
  let fd: number;
  try {
    const target = placeFile(root, abs, 'report');
    if (!force) refuseForeign(target, output);
    fd = openSync(target, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC);
  } catch (err) {
    throw fail(err);
  }
  return {
    write: (text) => {
      try {
        if (text.length) writeSync(fd, typeof text === 'string' ? Buffer.from(text) : text);
      } catch (err) {
        throw fail(err);
      }
    },
    close: () => closeSync(fd),
  };
}

/** Refuse to replace an existing file that is not a report of execplan's. */
function refuseForeign(file: string, output: string): void {
  const st = statSync(file, { throwIfNoEntry: false });
  if (!st) return;
  // A pipe or a terminal (`--output /dev/stdout`) is a stream, not a file to lose.
  if (!st.isFile() && !st.isDirectory()) return;
  const refuse = (why: string) => new ExecplanError('USAGE', `--output ${output}: ${why}, so it was not written over. Name a new file or an earlier report of execplan's, or pass --force to replace it.`, { file: output });
  if (st.isDirectory()) throw refuse('it is a folder');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw refuse('it cannot be read to check that it is a report of execplan\'s');
  }
  if (!isExecplanReport(text)) throw refuse('it is not a report of execplan\'s');
}
