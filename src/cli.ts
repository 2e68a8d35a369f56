/**
 * The command line: option parsing with commander, then a lazy import of the one command module
 * that runs. Commands return exit codes; errors a user can fix are printed without a stack.
 */
import { Command, CommanderError, Option } from 'commander';
import type { Io } from './commands/io.js';
import { ExecplanError } from './workspace/errors.js';
import { VERSION } from './version.js';

// Each command module checks its own arguments; `any` is the seam between commander and them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Action = (io: Io, ...args: any[]) => Promise<number>;

/** Run the CLI with `argv` (without `node` and the script) and return the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  let exitCode = 0;
  const json = argv.includes('--json');
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return err.exitCode === 0 ? 0 : 2;
    }
    return reportError(io, err, json);
  }
  return exitCode;
}

/** Print an error: a user's mistake as one clear message, anything else as a bug with its stack. */
export function reportError(io: Io, err: unknown, json: boolean): number {
  if (err instanceof ExecplanError) {
    if (json) io.stdout(`${JSON.stringify({ ok: false, error: err.toJSON() }, null, 2)}\n`);
    io.stderr(`execplan: ${err.message}\n`);
    return err.exitCode;
  }
  const msg = systemErrorMessage(err);
  if (msg !== undefined) {
    if (json) io.stdout(`${JSON.stringify({ ok: false, error: { code: 'IO', message: msg } }, null, 2)}\n`);
    io.stderr(`execplan: ${msg}\n`);
    return 2;
  }
  if (json) io.stdout(`${JSON.stringify({ ok: false, error: { code: 'INTERNAL', message: String((err as Error)?.message ?? err) } }, null, 2)}\n`);
  io.stderr(`execplan: internal error (please report it): ${(err as Error)?.stack ?? String(err)}\n`);
  return 2;
}

/** The message for a failed system call (a file that cannot be read or written), or undefined for any other error. */
export function systemErrorMessage(err: unknown): string | undefined {
  const e = err as NodeJS.ErrnoException;
  if (!e || typeof e.code !== 'string' || typeof e.syscall !== 'string') return undefined;
  return `${e.syscall} failed for ${e.path ?? 'a file'}: ${e.code}. Check that the path exists and that you may read and write it.`;
}

function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('execplan');
  program
    .description('Create, check, update, report and archive ExecPlans: living design documents for coding agents.')
    .version(VERSION, '-V, --version')
    .option('-C, --cwd <dir>', 'run as if started in <dir>')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: (s, write) => write(s.startsWith('error:') ? `execplan: ${s.slice(7)}` : s),
    });

  /** Declare a command whose action lives in `src/commands/<file>.ts` and is loaded only when it runs. */
  const lazy = (load: () => Promise<{ run: Action }>) =>
    async (...args: unknown[]) => {
      const cmd = args[args.length - 1] as Command;
      const opts = { ...program.opts(), ...cmd.opts() };
      const positional = args.slice(0, -2);
      const json = Boolean(opts.json);
      try {
        const mod = await load();
        setExit(await mod.run(io, opts, ...positional));
      } catch (err) {
        setExit(reportError(io, err, json));
      }
    };
  const jsonOption = () => new Option('--json', 'print one JSON document on stdout');

  program
    .command('init')
    .description('set up the plan folders and the PLANS.md guide (or detect an existing layout)')
    .addOption(jsonOption())
    .option('--agents', 'also write agent instructions (AGENTS.md block, skill files)')
    .option('--no-agents', 'do not offer agent instructions')
    .action(lazy(() => import('./commands/init.js')));

  program
    .command('new')
    .description('create a plan from the skeleton, with its artifacts folder')
    .argument('<description>', 'short, action-oriented description: becomes the title and the file name')
    .option('--date <YYYY-MM-DD>', 'date for the file name (default: today)')
    .option('--author <name>', 'author recorded in the plan')
    .addOption(jsonOption())
    .action(lazy(() => import('./commands/new.js')));

  program
    .command('list')
    .description('list plans with their progress and state')
    .option('--archived', 'list archived plans only')
    .option('--all', 'list active and archived plans')
    .option('--no-cache', 'parse every plan instead of reusing summaries of unchanged ones')
    .addOption(jsonOption())
    .action(lazy(() => import('./commands/list.js')));

  program
    .command('show')
    .description('print the parsed plan: sections, progress, decisions, surprises, milestones')
    .argument('<plan>', 'plan id, unique prefix of one, or path')
    .option('--section <name>', 'print one section only')
    .addOption(jsonOption())
    .action(lazy(() => import('./commands/show.js')));

  program
    .command('mcp')
    .description('serve plans to coding agents over MCP (stdio): tools, plan resources and prompts')
    .action(lazy(() => import('./commands/mcp.js')));

  return program;
}
