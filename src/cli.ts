/**
 * The command line: option parsing with commander, built from the command table
 * (src/command-table.ts), then a lazy import of the one command module that runs. Commands return
 * exit codes; errors a user can fix are printed without a stack.
 */
import { Command, CommanderError, Option } from 'commander';
import { optionShape, PROGRAM, type CommandSpec, type OptionSpec } from './command-table.js';
import { writeJson, type Io } from './commands/io.js';
import { reportError, runCommand, type CommandModule } from './direct.js';
import { errorEnvelope } from './usecases/envelope.js';
import { ExecplanError } from './workspace/errors.js';
import { VERSION } from './version.js';

/** Runs a command module with the options and arguments commander parsed; returns the exit code. */
export type Runner = (load: () => Promise<CommandModule>, opts: Record<string, unknown>, positional: unknown[]) => Promise<number>;

/**
 * Run the CLI with `argv` (without `node` and the script) and return the exit code. A test may
 * hand each command to `runner` instead of running it, to compare what the option parser passes
 * with what src/direct.ts does.
 */
export async function main(argv: string[], io: Io, runner: Runner = (load, opts, positional) => runCommand(io, load, opts, positional)): Promise<number> {
  argv = commandAfterPlan(argv);
  const json = wantsJson(argv);
  let exitCode = 0;
  const program = buildProgram(io, async (load, opts, positional) => {
    exitCode = await runner(load, opts, positional);
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      if (err.exitCode === 0) return 0;
      // The option parser has said what is wrong on stderr; a JSON reader gets it as its one document.
      if (json) writeJson(io, errorEnvelope(new ExecplanError('USAGE', err.message.replace(/^error: /, ''))));
      return 2;
    }
    return reportError(io, err, json);
  }
  return exitCode;
}

/** Options that take a value, before or after `run`: their value is not a positional argument. */
const VALUE_OPTIONS = new Set(
  [...PROGRAM.options, ...(PROGRAM.commands.find((c) => c.name === 'run')?.options ?? [])]
    .map((o) => optionShape(o.flags))
    .flatMap((o) => (o.value === 'required' ? [o.short, o.long] : []))
    .filter((spelling): spelling is string => spelling !== undefined),
);

/**
 * `execplan run <plan> <command> [args...]`: everything after the plan is the command, its options
 * included (`run p python3 -c "print(1)"`), as if it followed `--`, which stays accepted. Returns
 * `argv` with the `--` in place.
 */
function commandAfterPlan(argv: readonly string[]): string[] {
  let i = 0;
  // Options of the program come before the command's name.
  while (i < argv.length && argv[i]!.startsWith('-') && argv[i] !== '--') i += VALUE_OPTIONS.has(argv[i]!) ? 2 : 1;
  if (argv[i] !== 'run') return [...argv];
  let plan = false;
  for (let j = i + 1; j < argv.length; j++) {
    const a = argv[j]!;
    if (a === '--') break;
    if (a.startsWith('-') && a !== '-') {
      if (VALUE_OPTIONS.has(a)) j++;
      continue;
    }
    if (plan) return [...argv.slice(0, j), '--', ...argv.slice(j)];
    plan = true;
  }
  return [...argv];
}

/** Whether the command line asks for one JSON document on stdout: `--json`, or lint's `--format json`. */
function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((a, i) => a === '--json' || a === '--format=json' || ((a === '--format' || a === '-f') && argv[i + 1] === 'json'));
}

/** The option parser, built without running anything: for the tests that walk every command's help. */
export function commandTree(): Command {
  const none = () => undefined;
  return buildProgram({ cwd: '.', env: {}, stdout: none, stderr: none, stdoutIsTTY: false, stderrIsTTY: false }, async () => 0);
}

function buildProgram(io: Io, runner: (...args: Parameters<Runner>) => Promise<unknown>): Command {
  const program = new Command(PROGRAM.name);
  program
    .description(PROGRAM.description)
    .version(VERSION, PROGRAM.version.flags, PROGRAM.version.description)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: (s, write) => write(s.startsWith('error:') ? `execplan: ${s.slice(7)}` : s),
    });
  for (const o of PROGRAM.options) program.addOption(option(o));

  /** The action of a command whose module is loaded only when it runs. */
  const lazy = (load: () => Promise<CommandModule>) =>
    async (...args: unknown[]) => {
      const cmd = args[args.length - 1] as Command;
      const opts = { ...program.opts(), ...cmd.opts() };
      await runner(load, opts, args.slice(0, -2));
    };
  const declare = (parent: Command, spec: CommandSpec): void => {
    const cmd = parent.command(spec.name, spec.hidden ? { hidden: true } : {}).description(spec.description);
    if (spec.usage) cmd.usage(spec.usage);
    for (const [name, description] of spec.arguments ?? []) cmd.argument(name, description);
    for (const o of spec.options ?? []) cmd.addOption(option(o));
    if (spec.examples) cmd.addHelpText('after', `\nExamples:\n${spec.examples.map((l) => `  ${l}`).join('\n')}\n`);
    if (spec.run) cmd.action(lazy(spec.run));
    for (const sub of spec.commands ?? []) declare(cmd, sub);
  };
  for (const spec of PROGRAM.commands) declare(program, spec);
  return program;
}

function option(spec: OptionSpec): Option {
  const o = new Option(spec.flags, spec.description);
  if (spec.hidden) o.hideHelp();
  if (spec.repeatable) o.argParser((v: string, prev: string[] | undefined) => [...(prev ?? []), v]);
  return o;
}
