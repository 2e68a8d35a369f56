/**
 * Running one command module, and reporting how it failed: a user's mistake as one clear message,
 * anything else as a bug with its stack. The option parser (src/cli.ts) and the direct start of the
 * most frequent commands (src/direct.ts) both run commands through here.
 */
import type { Io } from './commands/io.js';
import { errorEnvelope } from './usecases/envelope.js';
import { ExecplanError } from './workspace/errors.js';

// Each command module checks its own arguments; `any` is the seam between the parsers and them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Action = (io: Io, ...args: any[]) => Promise<number>;

/** A command module: `src/commands/<verb>.ts`. */
export interface CommandModule {
  run: Action;
}

/** Load a command module and run it with parsed options and positional arguments; errors a user can fix become messages and exit codes. */
export async function runCommand(io: Io, load: () => Promise<CommandModule>, opts: Record<string, unknown>, positional: unknown[]): Promise<number> {
  try {
    const mod = await load();
    return await mod.run(io, opts, ...positional);
  } catch (err) {
    return reportError(io, err, Boolean(opts.json));
  }
}

/** Print an error and return the exit code: 1 or 2 for a user's mistake (see ExecplanError), 2 for a failed system call or a bug. */
export function reportError(io: Io, err: unknown, json: boolean): number {
  const envelope = errorEnvelope(err);
  if (json) io.stdout(`${JSON.stringify(envelope, null, 2)}\n`);
  if (err instanceof ExecplanError) {
    io.stderr(`execplan: ${err.message}\n`);
    return err.exitCode;
  }
  if (envelope.error.code === 'IO') io.stderr(`execplan: ${envelope.error.message}\n`);
  else io.stderr(`execplan: internal error (please report it): ${(err as Error)?.stack ?? String(err)}\n`);
  return 2;
}

export { systemErrorMessage } from './usecases/envelope.js';
