/**
 * The one shape every result and error takes as data: `{ ok: true, ...data }` or
 * `{ ok: false, error: { code, message, ... } }`. `--json` output, `--format json` errors and MCP
 * tool errors are all built here.
 */
import { okEnvelope } from '../core/envelope.js';
import { errnoWords, ExecplanError } from '../workspace/errors.js';

/** An error as data: an ExecplanError's, or an `INTERNAL` one. */
export type ErrorData = ReturnType<ExecplanError['toJSON']> | { code: 'INTERNAL'; message: string };

/** A failed operation, as `--json` prints it. */
export interface ErrorEnvelope {
  ok: false;
  error: ErrorData;
}

export { okEnvelope } from '../core/envelope.js';

/**
 * Any `--json` document in the envelope: data becomes `{ ok: true, ...data }`, an error envelope (or
 * data that carries `ok: false` with its `error`) stays as it is. Every `--json` document of the
 * command line is written through this.
 */
export function envelope(value: object): object {
  if ('ok' in value && value.ok === false && 'error' in value) return value;
  const { ok: _ok, ...data } = value as { ok?: unknown };
  return okEnvelope(data);
}

/**
 * An operation refused part-way, as `--json` prints it: `ok: false`, the error (code `REFUSED`,
 * each reason in `details`), and the data of what was done.
 */
export function refusedEnvelope<T extends object>(message: string, details: string[], data: T): ErrorEnvelope & T {
  return { ok: false, error: { code: 'REFUSED', message, details }, ...data };
}

/** A failed operation's envelope: the error's code and the message the command line prints. */
export function errorEnvelope(err: unknown): ErrorEnvelope {
  return { ok: false, error: errorData(err) };
}

/**
 * Any thrown value as data: an ExecplanError as it is, a failed system call as an `IO` error in
 * words, anything else as `INTERNAL` (a bug in execplan).
 */
export function errorData(err: unknown): ErrorData {
  if (err instanceof ExecplanError) return err.toJSON();
  const io = systemErrorMessage(err);
  if (io !== undefined) return { code: 'IO', message: io };
  return { code: 'INTERNAL', message: String((err as Error)?.message ?? err) };
}

/** The message for a failed system call (a file that cannot be read or written), or undefined for any other error. */
export function systemErrorMessage(err: unknown): string | undefined {
  const e = err as NodeJS.ErrnoException;
  if (!e || typeof e.code !== 'string' || typeof e.syscall !== 'string') return undefined;
  const why = errnoWords(e);
  return `${e.syscall} failed for ${e.path ?? 'a file'}: ${why ? `${why} (${e.code})` : e.code}. Check that the path exists and that you may read and write it.`;
}
