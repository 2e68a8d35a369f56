/**
 * The success half of the one envelope every `--json` document has: `{ ok: true, ...data }`. It is
 * pure, so the formatters (lint's JSON report) build it too; src/usecases/envelope.ts adds the
 * error half and the function the command line writes every document through.
 */

/** A successful operation's data, as `--json` prints it. */
export function okEnvelope<T extends object>(data: T): { ok: true } & T {
  return { ok: true, ...data };
}
