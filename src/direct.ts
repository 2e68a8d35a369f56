/**
 * The commands an agent runs over and over (`progress <plan> done 3`, `list --json`, `lint <plan>`,
 * `resume <plan>`) start without the option parser when they are given nothing it would have to
 * interpret: positional arguments and a few flags. Loading commander and declaring every command
 * costs about a fifth of such a command's run; anything else (other options, `--`, help, mistakes)
 * goes through src/cli.ts, which declares the commands. test/direct.test.ts checks that a command
 * started either way gets the same options and arguments.
 */
import type { Io } from './commands/io.js';
import { runCommand, type CommandModule } from './run-command.js';

/** A command started directly: its module, options and positional arguments as commander would pass them. */
export interface DirectCommand {
  load: () => Promise<CommandModule>;
  opts: Record<string, unknown>;
  positional: unknown[];
}

interface Shape {
  load: () => Promise<CommandModule>;
  /** Flags the command takes, by their spelling on the command line, and the option each sets to true. */
  flags: Record<string, string>;
  /** Options that take a value (`--agent claude`), by their spelling, and the option each sets. */
  values?: Record<string, string>;
  /** Option values commander sets without being asked (the defaults of `--no-…` options). */
  defaults: Record<string, unknown>;
  /** Arguments after the command name: turned into the positional arguments, or undefined when commander must judge them. */
  positional: (args: string[]) => unknown[] | undefined;
}

const JSON_FLAG = { '--json': 'json' };

const SHAPES: Record<string, Shape> = {
  // progress <plan> [action] [args...]
  progress: {
    load: () => import('./commands/progress.js'),
    flags: { ...JSON_FLAG, '--dry-run': 'dryRun' },
    defaults: {},
    positional: (a) => (a.length >= 1 ? [a[0], a[1], a.slice(2)] : undefined),
  },
  list: {
    load: () => import('./commands/list.js'),
    flags: { ...JSON_FLAG, '--all': 'all', '--archived': 'archived' },
    defaults: { cache: true },
    positional: (a) => (a.length === 0 ? [] : undefined),
  },
  // lint [plans...]
  lint: {
    load: () => import('./commands/lint.js'),
    flags: { ...JSON_FLAG, '--fix': 'fix', '--fix-dry-run': 'fixDryRun', '--cache': 'cache', '--quiet': 'quiet' },
    defaults: { color: true },
    positional: (a) => [a],
  },
  resume: {
    load: () => import('./commands/resume.js'),
    flags: JSON_FLAG,
    defaults: {},
    positional: (a) => (a.length === 1 ? [a[0]] : undefined),
  },
  // hook <event> --agent <name>: runs at every stop of an agent session.
  hook: {
    load: () => import('./commands/hook.js'),
    flags: {},
    values: { '--agent': 'agent' },
    defaults: {},
    positional: (a) => (a.length === 1 ? [a[0]] : undefined),
  },
  // merge-driver <base> <ours> <theirs> [path]: git runs it once per plan merged on both sides.
  'merge-driver': {
    load: () => import('./commands/merge-driver.js'),
    flags: {},
    defaults: {},
    positional: (a) => (a.length === 3 || a.length === 4 ? [a[0], a[1], a[2], a[3]] : undefined),
  },
  show: {
    load: () => import('./commands/show.js'),
    flags: JSON_FLAG,
    defaults: {},
    positional: (a) => (a.length === 1 ? [a[0]] : undefined),
  },
};

/** The command `argv` starts directly, or undefined when it needs the option parser. */
export function directCommand(argv: readonly string[]): DirectCommand | undefined {
  const [name, ...rest] = argv;
  const shape = name === undefined ? undefined : Object.hasOwn(SHAPES, name) ? SHAPES[name] : undefined;
  if (!shape) return undefined;
  const opts: Record<string, unknown> = { ...shape.defaults };
  const args: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (!arg.startsWith('-')) args.push(arg);
    else if (Object.hasOwn(shape.flags, arg)) opts[shape.flags[arg]!] = true;
    else if (shape.values && Object.hasOwn(shape.values, arg) && rest[i + 1] !== undefined && !rest[i + 1]!.startsWith('-')) opts[shape.values[arg]!] = rest[++i];
    else return undefined;
  }
  const positional = shape.positional(args);
  return positional && { load: shape.load, opts, positional };
}

/** Run the command line `argv`: directly when it can be, else through the option parser. Returns the exit code. */
export async function start(argv: string[], io: Io): Promise<number> {
  const direct = directCommand(argv);
  if (direct) return runCommand(io, direct.load, direct.opts, direct.positional);
  return (await import('./cli.js')).main(argv, io);
}
