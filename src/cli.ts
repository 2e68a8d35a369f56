/**
 * The command line: option parsing with commander, then a lazy import of the one command module
 * that runs. Commands return exit codes; errors a user can fix are printed without a stack.
 */
import { Command, CommanderError, Option } from 'commander';
import type { Io } from './commands/io.js';
import { addExamples } from './cli-examples.js';
import { reportError, runCommand, type CommandModule } from './run-command.js';
import { errorEnvelope } from './usecases/envelope.js';
import { ExecplanError } from './workspace/errors.js';
import { VERSION } from './version.js';

/** How a command's `<plan>` argument may be given (see resolvePlan in src/workspace/plans.ts). */
const PLAN_ARG = 'plan id (its date may be left out), any part of one that names it alone, or a path';

export { reportError, systemErrorMessage } from './run-command.js';

/** Runs a command module with the options and arguments commander parsed; returns the exit code. */
export type Runner = (load: () => Promise<CommandModule>, opts: Record<string, unknown>, positional: unknown[]) => Promise<number>;

/** Run the CLI with `argv` (without `node` and the script) and return the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  argv = commandAfterPlan(argv);
  let exitCode = 0;
  const json = wantsJson(argv);
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  return parse(program, argv, io, json, () => exitCode);
}

/**
 * Parse `argv` as `main` does, but hand each command to `runner` instead of running it: what a
 * command receives from the option parser, for tests that compare it with src/direct.ts.
 */
export async function parseOnly(argv: string[], io: Io, runner: Runner): Promise<number> {
  argv = commandAfterPlan(argv);
  let exitCode = 0;
  const program = buildProgram(
    io,
    (code) => {
      exitCode = code;
    },
    runner,
  );
  return parse(program, argv, io, wantsJson(argv), () => exitCode);
}

/** Options that take a value, before or after `run`: their value is not a positional argument. */
const VALUE_OPTIONS = new Set(['-C', '--cwd', '--label', '--max-output', '--grace']);

/**
 * `execplan run <plan> <command> [args...]`: everything after the plan is the command, its options
 * included (`run p python3 -c "print(1)"`), as if it followed `--`, which stays accepted. Returns
 * `argv` with the `--` in place.
 */
export function commandAfterPlan(argv: readonly string[]): string[] {
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

async function parse(program: Command, argv: string[], io: Io, json: boolean, exitCode: () => number): Promise<number> {
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      if (err.exitCode === 0) return 0;
      // The option parser has said what is wrong on stderr; a JSON reader gets it as its one document.
      if (json) io.stdout(`${JSON.stringify(errorEnvelope(new ExecplanError('USAGE', err.message.replace(/^error: /, ''))), null, 2)}\n`);
      return 2;
    }
    return reportError(io, err, json);
  }
  return exitCode();
}

/**
 * The command table the parser is built from, without running anything: for generated shell
 * completion and the tests that walk every command.
 */
export function commandTree(): Command {
  const none = () => undefined;
  return buildProgram({ cwd: '.', env: {}, stdout: none, stderr: none, stdoutIsTTY: false, stderrIsTTY: false }, none, async () => 0);
}

function buildProgram(io: Io, setExit: (code: number) => void, runner: Runner = (load, opts, positional) => runCommand(io, load, opts, positional)): Command {
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
  const lazy = (load: () => Promise<CommandModule>) =>
    async (...args: unknown[]) => {
      const cmd = args[args.length - 1] as Command;
      const opts = { ...program.opts(), ...cmd.opts() };
      setExit(await runner(load, opts, args.slice(0, -2)));
    };
  const jsonOption = () => new Option('--json', 'print one JSON document on stdout');

  program
    .command('init')
    .description('set up the plan folders and the PLANS.md guide (or detect an existing layout)')
    .addOption(jsonOption())
    .option('--agents', 'also write agent instructions (AGENTS.md block, skill files)')
    .option('--no-agents', 'do not offer agent instructions')
    .option('--hooks', "also install the lifecycle hooks of Claude Code, Codex, Cursor and Gemini CLI (see `execplan hooks`)")
    .option('--git', 'also register the merge driver for plans (.gitattributes and .git/config)')
    .option('--script', 'also write scripts/new_execplan.py (written anyway when a rules file mentions it)')
    .action(lazy(() => import('./commands/init.js')));

  program
    .command('new')
    .description('create a plan from the skeleton, with its artifacts folder')
    .argument('<description>', 'short, action-oriented description: becomes the title and the file name')
    .option('--date <YYYY-MM-DD>', 'date for the file name (default: today)')
    .addOption(jsonOption())
    .action(lazy(() => import('./commands/new.js')));

  program
    .command('list')
    .description('list plans with their progress and state')
    .option('--archived', 'list archived plans only')
    .option('--all', 'list active and archived plans')
    .option('--no-cache', 'parse every plan instead of reusing summaries of unchanged ones')
    .option('--branches', "list the plans of every local branch and worktree, read from git without checking out, and plans that overlap")
    .option('--remote', 'with --branches: remote-tracking branches too')
    .addOption(jsonOption())
    .action(lazy(() => import('./commands/list.js')));

  program
    .command('show')
    .description('print the parsed plan: sections, progress, decisions, surprises, milestones')
    .argument('<plan>', PLAN_ARG)
    .option('--section <name>', 'print one section only')
    .addOption(jsonOption())
    .action(lazy(() => import('./commands/show.js')));

  program
    .command('lint')
    .description('check plans against the ExecPlan rules; exit 1 on errors')
    .argument('[plans...]', 'plan ids, unique prefixes, paths, folders or quoted globs (default: every active plan)')
    .option('-f, --format <name>', 'output format: stylish, json, github or sarif (default: stylish)')
    .addOption(jsonOption())
    .option('-o, --output <file>', 'write the report to <file> instead of stdout')
    .option('--max-warnings <n>', 'exit 1 when there are more than <n> warnings')
    .option('--fix', 'apply the safe fixes and write the plans; report what is left')
    .option('--fix-dry-run', 'print the fixes as a unified diff and write nothing')
    .option('--profile <name>', 'strict or recommended (overrides execplan.json)')
    .option('--rule <id=severity>', 'set a rule to off, warn or error (repeatable)', (v: string, prev: string[] | undefined) => [...(prev ?? []), v])
    .option('--cache', 'reuse the results of plans unchanged since the last --cache run')
    .option('--cache-location <path>', 'cache file or folder (default: .execplan/cache/lint.json)')
    .option('--force', 'let --output and --cache-location replace an existing file that is not a report or cache of execplan')
    .option('-q, --quiet', 'report errors only')
    .option('--no-color', 'no colours, even on a terminal')
    .action(lazy(() => import('./commands/lint.js')));

  const editOptions = (cmd: Command) =>
    cmd
      .option('--dry-run', 'print the change as a unified diff and write nothing')
      .option('--expect-hash <sha256>', 'refuse if the plan changed since the `--dry-run --json` that printed this hash')
      .addOption(jsonOption());

  editOptions(
    program
      .command('progress')
      .description('list Progress items, or add one, mark one done, undo that, or split one into done and remaining')
      .usage('<plan> [add "step" [--done] | done <item> | undo <item> | split <item> --done "…" --remaining "…"]')
      .argument('<plan>', PLAN_ARG)
      .argument('[action]', 'add, done, undo or split; none lists the items')
      .argument('[args...]', 'the step to add, or the item: its number or a piece of its text')
      .option('--done [text]', 'with add: add the step as completed now; with split: what is done')
      .option('--remaining <text>', 'with split: what remains')
      .option('--evidence <transcript|commit>', "with done: cite a run transcript of the plan that exited 0, or a commit"),
  ).action(lazy(() => import('./commands/progress.js')));

  editOptions(
    program
      .command('decide')
      .description('append a Decision Log entry: Decision, Rationale, Date/Author')
      .argument('<plan>', PLAN_ARG)
      .argument('<decision...>', 'what was decided')
      .option('--rationale <text>', 'why (required)')
      .option('--author <name>', 'who decided (default: execplan.json author, EXECPLAN_AUTHOR, git user.name)'),
  ).action(lazy(() => import('./commands/decide.js')));

  editOptions(
    program
      .command('discover')
      .description('append a Surprises & Discoveries entry: Observation, Evidence')
      .argument('<plan>', PLAN_ARG)
      .argument('<observation...>', 'what was found')
      .option('--evidence <text>', 'what shows it: output, numbers, a file (required)'),
  ).action(lazy(() => import('./commands/discover.js')));

  editOptions(
    program
      .command('outcome')
      .description('append an Outcomes & Retrospective entry')
      .argument('<plan>', PLAN_ARG)
      .argument('<text...>', 'what shipped, what did not, what was learned'),
  ).action(lazy(() => import('./commands/outcome.js')));

  program
    .command('resume')
    .description('a short brief to pick the plan up from: purpose, state, next steps, latest decisions, checks, files')
    .argument('<plan>', PLAN_ARG)
    .addOption(jsonOption())
    .action(lazy(() => import('./commands/resume.js')));

  program
    .command('doctor')
    .description('find what an interrupted archive, reopen or edit left behind (a plan apart from its artifacts, a move record, temporary files, dead locks); --fix repairs it')
    .option('--fix', 'repair what was found: finish or roll back interrupted moves, bring artifacts to their plan, remove leftovers')
    .option('--dry-run', 'only report (the default without --fix)')
    .addOption(jsonOption())
    .action(lazy(() => import('./commands/doctor.js')));

  program
    .command('use')
    .description('name the plan agent sessions work on (kept out of git); with no plan, say which one they work on and why')
    .argument('[plan]', PLAN_ARG)
    .option('--clear', 'forget the plan named before; sessions fall back to the single plan in progress, else the latest updated')
    .addOption(jsonOption())
    .action(lazy(() => import('./commands/use.js')));

  program
    .command('hooks')
    .description("install or remove execplan's lifecycle hooks in the agents' settings files, keeping everything else byte for byte")
    .argument('<action>', 'install or uninstall')
    .option('--claude', 'Claude Code: .claude/settings.json')
    .option('--codex', 'Codex: .codex/hooks.json')
    .option('--cursor', 'Cursor: .cursor/hooks.json')
    .option('--gemini', 'Gemini CLI: .gemini/settings.json')
    .addOption(jsonOption())
    .action(lazy(() => import('./commands/hooks.js')));

  program
    .command('hook')
    .description("answer an agent's lifecycle hook: the payload on stdin, the answer in the agent's format on stdout; always exits 0")
    .argument('<event>', "session-start, stop or pre-compact (or the agent's own name for it)")
    .option('--agent <name>', 'claude, codex, cursor or gemini (default: claude)')
    .option('--budget <tokens>', 'token budget of the session-start context (default 1500)')
    .action(lazy(() => import('./commands/hook.js')));

  program
    .command('serve')
    .description('a local live dashboard of every plan, in the browser; read-only, on 127.0.0.1')
    .option('--port <n>', 'port to listen on (default: a free one)')
    .option('--host <address>', 'address to listen on (default: 127.0.0.1; anything else is reachable from other machines)')
    .option('--open', 'open the dashboard in the default browser')
    .option('--branches', 'also list the plans of every branch and worktree')
    .addHelpText('after', '\nExamples:\n  execplan serve\n  execplan serve --port 4780 --open\n')
    .action(lazy(() => import('./commands/serve.js')));

  program
    .command('report')
    .description("write the dashboard's pages as a static site: no server, no network")
    .option('-o, --out <dir>', 'folder to write the report to')
    .option('--force', 'write into a folder that holds other files')
    .option('--branches', 'also list the plans of every branch and worktree')
    .addOption(jsonOption())
    .addHelpText('after', '\nExamples:\n  execplan report --out plan-report\n  execplan report --out public --force\n')
    .action(lazy(() => import('./commands/report.js')));

  program
    .command('mcp')
    .description('serve plans to coding agents over MCP (stdio): tools, plan resources and prompts')
    .action(lazy(() => import('./commands/mcp.js')));

  program
    .command('archive')
    .description('move a finished plan and its artifacts folder to the archive, together')
    .argument('<plan>', PLAN_ARG)
    .option('--force', 'archive an unfinished plan, recording that in Outcomes & Retrospective')
    .option('--dry-run', 'list what would move, without moving it')
    .addOption(jsonOption())
    .action(lazy(() => import('./commands/archive.js')));

  program
    .command('reopen')
    .description('bring an archived plan and its artifacts folder back to the active folders')
    .argument('<plan>', `archived ${PLAN_ARG}`)
    .option('--dry-run', 'list what would move, without moving it')
    .addOption(jsonOption())
    .action(lazy(() => import('./commands/reopen.js')));

  program
    .command('run')
    .description("run a command, save its output as a transcript in the plan's artifacts and link it from the plan")
    .usage('[options] <plan> <command> [args...]')
    .argument('<plan>', PLAN_ARG)
    .argument('[command...]', 'the command and its arguments: everything after the plan, options included (`--` before it is accepted)')
    .option('--label <name>', 'name the transcript <timestamp>_<name>.log (default: from the command)')
    .option('--max-output <size>', 'keep at most this much output in the transcript, e.g. 2M (default 1M)')
    .option('--shell', 'run the command through /bin/sh -c')
    .option('--no-link', 'do not link the transcript from Artifacts and Notes')
    .option('--grace <seconds>', 'after SIGTERM or a second Ctrl-C, give the command this long to stop before SIGKILL (default 5)')
    .option('--no-redact', 'keep values that look like secrets (tokens, keys, password=) in the plan line and the transcript')
    .addOption(new Option('--json', "print the result as JSON on stdout; the command's output goes to stderr"))
    .action(lazy(() => import('./commands/run.js')));

  const artifact = program.command('artifact').description("a plan's artifacts folder: add and list evidence files");
  artifact
    .command('add')
    .description("copy files into the plan's artifacts folder and link them from Artifacts and Notes")
    .argument('<plan>', PLAN_ARG)
    .argument('<file...>', 'files to copy')
    .option('--force', 'replace artifacts of the same name')
    .option('--no-link', 'do not link the files from Artifacts and Notes')
    .addOption(jsonOption())
    .action(lazy(() => import('./commands/artifact-add.js')));
  artifact
    .command('list')
    .description("list the files in the plan's artifacts folder: name, size, modification time")
    .argument('<plan>', PLAN_ARG)
    .addOption(jsonOption())
    .action(lazy(() => import('./commands/artifact-list.js')));

  program
    .command('log')
    .description("the commits that changed a plan (across renames into the archive) and its progress at each")
    .argument('<plan>', PLAN_ARG)
    .addOption(jsonOption())
    .action(lazy(() => import('./commands/log.js')));

  program
    .command('merge-driver')
    .description('merge a plan changed on two branches, section by section (git runs it as: execplan merge-driver %O %A %B %P)')
    .argument('<base>', "the common ancestor's version (git's %O)")
    .argument('<ours>', 'our version, where the result is written (git\'s %A)')
    .argument('<theirs>', "their version (git's %B)")
    .argument('[path]', "the plan's path in the repository (git's %P)")
    .option('--marker-size <n>', "length of conflict markers (git's %L, default 7)")
    .action(lazy(() => import('./commands/merge-driver.js')));

  const gitCommand = program.command('git').description('git integration: the merge driver for plans and the pre-commit hook');
  gitCommand
    .command('install')
    .description('register the merge driver: a .gitattributes line for the plan folders and the driver in .git/config')
    .addOption(jsonOption())
    .action(lazy(() => import('./commands/git-setup.js')));
  gitCommand
    .command('uninstall')
    .description('remove the merge driver: its .gitattributes lines and its .git/config section')
    .addOption(jsonOption())
    .action(lazy(async () => ({ run: (await import('./commands/git-setup.js')).uninstall, ownsMergeDriver: true })));
  const hookCommand = gitCommand.command('hook').description('the pre-commit hook that lints the staged plans');
  hookCommand
    .command('install')
    .description('add a pre-commit hook that lints the staged plans, chaining a hook already there')
    .addOption(jsonOption())
    .action(lazy(() => import('./commands/git-hook.js')));
  hookCommand
    .command('uninstall')
    .description('remove the pre-commit hook, restoring the hook it chained')
    .addOption(jsonOption())
    .action(lazy(async () => ({ run: (await import('./commands/git-hook.js')).uninstall })));
  hookCommand
    .command('run', { hidden: true })
    .description('lint the plans staged for commit (what the hook runs)')
    .action(lazy(async () => ({ run: (await import('./commands/git-hook.js')).runHook })));

  program
    .command('completion')
    .description('print a completion script for bash, zsh or fish: commands, options and the plan ids of the workspace')
    .argument('[shell]', 'bash, zsh or fish')
    .addOption(new Option('--plan-ids', 'print the plan ids, one a line (what the scripts call)').hideHelp())
    .action(lazy(() => import('./commands/completion.js')));

  addExamples(program);
  return program;
}
