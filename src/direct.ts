/**
 * Starting a command, and reporting how it failed: a user's mistake as one clear message, anything
 * else as a bug with its stack.
 *
 * The commands an agent runs over and over (`progress <plan> done 3`, `list --json`, `lint <plan>`,
 * `hook stop`, `merge-driver`…, marked `direct` in src/command-table.ts) start without the option
 * parser when their words need no interpretation: positional arguments, flags and options given a
 * value, as the table declares them. Loading commander and declaring every command costs about a
 * fifth of such a command's run; anything else (`--no-…` options, an optional value, `--`, help,
 * mistakes) goes through src/cli.ts, built from the same table, which runs the command through
 * `runCommand` here too. test/direct.test.ts checks that a command started either way gets the
 * same options and arguments.
 */
import { optionShape, PROGRAM, type CommandSpec } from './command-table.js';
import { writeJson, type Io } from './commands/io.js';
import { errorEnvelope } from './usecases/envelope.js';
import { ExecplanError } from './workspace/errors.js';
import { driverMissing, DRIVER_MISSING_MESSAGE } from './workspace/git-merge-setup.js';
import { findRoot } from './workspace/workspace.js';

/** A command started directly: its module, options and positional arguments as commander would pass them. */
export interface DirectCommand {
  load: () => Promise<CommandModule>;
  opts: Record<string, unknown>;
  positional: unknown[];
  /** Whether the process may exit as soon as the command returns (not for a server, which ends on its own). */
  exits: boolean;
}

/** The command `argv` starts directly, or undefined when it needs the option parser. */
export function directCommand(argv: readonly string[]): DirectCommand | undefined {
  const [name, ...rest] = argv;
  const spec = PROGRAM.commands.find((c) => c.name === name && c.direct);
  if (!spec?.run) return undefined;
  const shapes = (spec.options ?? []).map((o) => ({ ...optionShape(o.flags), repeatable: o.repeatable }));
  const opts: Record<string, unknown> = {};
  // A `--no-…` option alone makes its attribute true unless given.
  for (const s of shapes) if (s.negate && !shapes.some((t) => !t.negate && t.attribute === s.attribute)) opts[s.attribute] = true;
  const args: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (!arg.startsWith('-')) {
      args.push(arg);
      continue;
    }
    const shape = shapes.find((s) => s.long === arg || s.short === arg);
    if (!shape || shape.negate || shape.repeatable || shape.value === 'optional') return undefined;
    if (shape.value === 'none') opts[shape.attribute] = true;
    else if (rest[i + 1] !== undefined && !rest[i + 1]!.startsWith('-')) opts[shape.attribute] = rest[++i];
    else return undefined;
  }
  const positional = positionalArguments(spec, args);
  return positional && { load: spec.run, opts, positional, exits: spec.direct === true };
}

/**
 * The words after the command as the arguments its action receives: one per declared argument
 * (undefined for an optional one not given, a list for the last, variadic one); undefined when
 * a required one is missing or there are words left over, which the option parser reports.
 */
function positionalArguments(spec: CommandSpec, words: string[]): unknown[] | undefined {
  const out: unknown[] = [];
  let next = 0;
  for (const [name] of spec.arguments ?? []) {
    const required = name.startsWith('<');
    if (name.endsWith('...>') || name.endsWith('...]')) {
      if (required && next >= words.length) return undefined;
      out.push(words.slice(next));
      next = words.length;
    } else if (next < words.length) out.push(words[next++]);
    else if (required) return undefined;
    else out.push(undefined);
  }
  return next < words.length ? undefined : out;
}

/** Run the command line `argv`: directly when it can be, else through the option parser. Returns the exit code. */
export async function start(argv: string[], io: Io): Promise<number> {
  const direct = directCommand(argv);
  if (direct) return runCommand(io, direct.load, direct.opts, direct.positional);
  return (await import('./cli.js')).main(argv, io);
}

/** A command module: `src/commands/<verb>.ts`. */
export interface CommandModule {
  // Each command module checks its own arguments; `any` is the seam between the parsers and them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  run: (io: Io, ...args: any[]) => Promise<number>;
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
