/**
 * Running one command module, and reporting how it failed: a user's mistake as one clear message,
 * anything else as a bug with its stack. The option parser (src/cli.ts) and the direct start of the
 * most frequent commands (src/direct.ts) both run commands through here.
 */
import { writeJson, type Io } from './commands/io.js';
import { errorEnvelope } from './usecases/envelope.js';
import { ExecplanError } from './workspace/errors.js';
import { driverMissing, DRIVER_MISSING_MESSAGE } from './workspace/git-merge-setup.js';
import { findRoot } from './workspace/workspace.js';

// Each command module checks its own arguments; `any` is the seam between the parsers and them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Action = (io: Io, ...args: any[]) => Promise<number>;

/** A command module: `src/commands/<verb>.ts`. */
export interface CommandModule {
  run: Action;
  /** True for the commands that set up or run the merge driver themselves: they skip the check that it is installed. */
  ownsMergeDriver?: boolean;
}

/**
 * Load a command module and run it with parsed options and positional arguments, in the folder
 * `-C` names, which the command reads as `io.cwd`; errors a user can fix become messages and exit codes.
 */
export async function runCommand(io: Io, load: () => Promise<CommandModule>, opts: Record<string, unknown>, positional: unknown[]): Promise<number> {
  // A copy of the descriptors, not a spread: `io`'s getters are asked only by the commands that need them.
  if (typeof opts.cwd === 'string') io = Object.defineProperties({}, { ...Object.getOwnPropertyDescriptors(io), cwd: { value: opts.cwd, enumerable: true } }) as Io;
  try {
    const mod = await load();
    if (!mod.ownsMergeDriver) warnMissingDriver(io);
    return await mod.run(io, opts, ...positional);
  } catch (err) {
    // Lint's `--format json` promises one JSON document on stdout too, unless the report goes to a file.
    return reportError(io, err, Boolean(opts.json) || (opts.format === 'json' && !opts.output));
  }
}

/**
 * One line on stderr when `.gitattributes` merges plans with the execplan driver but this clone's
 * git configuration does not define it (git would then fall back to its line merge, silently).
 * Two small file reads, no process.
 */
function warnMissingDriver(io: Io): void {
  try {
    if (driverMissing(findRoot(io.cwd), io.env)) io.stderr(DRIVER_MISSING_MESSAGE);
  } catch {
    // A folder that cannot be read is the command's own error to report.
  }
}

/** Print an error and return the exit code: 1 or 2 for a user's mistake (see ExecplanError), 2 for a failed system call or a bug. */
export function reportError(io: Io, err: unknown, json: boolean): number {
  const envelope = errorEnvelope(err);
  if (json) writeJson(io, envelope);
  if (err instanceof ExecplanError) {
    io.stderr(`execplan: ${err.message}\n`);
    return err.exitCode;
  }
  if (envelope.error.code === 'IO') io.stderr(`execplan: ${envelope.error.message}\n`);
  else io.stderr(`execplan: internal error (please report it): ${(err as Error)?.stack ?? String(err)}\n`);
  return 2;
}
