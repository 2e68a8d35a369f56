/**
 * The command line's grammar, once: every command with its arguments, options, examples and the
 * module that runs it. src/cli.ts builds the option parser from it, src/direct.ts starts the most
 * frequent commands from it without that parser, and `execplan completion` writes its scripts from
 * it. Plain data: reading it loads no command and no parser.
 */
import type { CommandModule } from './direct.js';

/** An option, in the option parser's notation: `-f, --format <name>`, `--done [text]`, `--no-cache`. */
export interface OptionSpec {
  flags: string;
  description: string;
  /** Left out of `--help` and of completion. */
  hidden?: boolean;
  /** Given several times, its values are collected in a list. */
  repeatable?: boolean;
}

/** A command: a leaf that runs a module, or a group of subcommands. */
export interface CommandSpec {
  name: string;
  description: string;
  /** The usage line, where the one built from the arguments says too little. */
  usage?: string;
  /** Arguments in order, as `<required>`, `[optional]` or `<many...>`, with their descriptions. */
  arguments?: readonly (readonly [string, string])[];
  options?: readonly OptionSpec[];
  /** Real command lines shown under `--help`. */
  examples?: readonly string[];
  /** Left out of `--help` and of completion. */
  hidden?: boolean;
  /** The module that runs the command, loaded when it runs. */
  run?: () => Promise<CommandModule>;
  /**
   * Started without the option parser (src/direct.ts) when its words need no interpretation: for
   * the commands agents run over and over, where loading the parser would be a large part of the run.
   * `'serves'`: started the same way, but it serves until its client leaves and the process ends on
   * its own, never cut short when the command returns.
   */
  direct?: boolean | 'serves';
  commands?: readonly CommandSpec[];
}

/** The program: its own options and its commands. */
export interface ProgramSpec {
  name: string;
  description: string;
  /** `--version`'s spelling and description. */
  version: OptionSpec;
  options: readonly OptionSpec[];
  commands: readonly CommandSpec[];
}

/** How a command's `<plan>` argument may be given (see resolvePlan in src/workspace/plans.ts). */
const PLAN_ARG = 'plan id (its date may be left out), any part of one that names it alone, or a path';

const JSON_OPTION = { flags: '--json', description: 'print one JSON document on stdout' } as const;

/** The options every living-section edit takes, after its own. */
const EDIT_OPTIONS = [
  { flags: '--dry-run', description: 'print the change as a unified diff and write nothing' },
  { flags: '--expect-hash <sha256>', description: 'refuse if the plan changed since the `--dry-run --json` that printed this hash' },
  JSON_OPTION,
] as const;

const GRAMMAR = {
  name: 'execplan',
  description: 'Create, check, update, report and archive ExecPlans: living design documents for coding agents.',
  version: { flags: '-V, --version', description: 'output the version number' },
  options: [{ flags: '-C, --cwd <dir>', description: 'run as if started in <dir>' }],
  commands: [
    {
      name: 'init',
      description: 'set up the plan folders and the PLANS.md guide (or detect an existing layout)',
      options: [
        JSON_OPTION,
        { flags: '--agents', description: 'also write agent instructions (AGENTS.md block, skill files)' },
        { flags: '--no-agents', description: 'do not offer agent instructions' },
        { flags: '--hooks', description: 'also install the lifecycle hooks of Claude Code, Codex, Cursor and Gemini CLI (see `execplan hooks`)' },
        { flags: '--git', description: 'also register the merge driver for plans (.gitattributes and .git/config)' },
        { flags: '--script', description: 'also write scripts/new_execplan.py (written anyway when a rules file mentions it)' },
      ],
      examples: ['execplan init', 'execplan init --agents'],
      run: (): Promise<CommandModule> => import('./commands/init.js'),
    },
    {
      name: 'new',
      description: 'create a plan from the skeleton, with its artifacts folder',
      arguments: [['<description>', 'short, action-oriented description: becomes the title and the file name']],
      options: [{ flags: '--date <YYYY-MM-DD>', description: 'date for the file name (default: today)' }, JSON_OPTION],
      examples: ['execplan new "Add CSV export to reports"', 'execplan new "Migrate the importer" --date 2026-03-01'],
      run: (): Promise<CommandModule> => import('./commands/new.js'),
    },
    {
      name: 'list',
      description: 'list plans with their progress and state',
      options: [
        { flags: '--archived', description: 'list archived plans only' },
        { flags: '--all', description: 'list active and archived plans' },
        { flags: '--no-cache', description: 'parse every plan instead of reusing summaries of unchanged ones' },
        { flags: '--branches', description: 'list the plans of every local branch and worktree, read from git without checking out, and plans that overlap' },
        { flags: '--remote', description: 'with --branches: remote-tracking branches too' },
        JSON_OPTION,
      ],
      examples: ['execplan list', 'execplan list --all --json'],
      run: (): Promise<CommandModule> => import('./commands/list.js'),
      direct: true,
    },
    {
      name: 'show',
      description: 'print the parsed plan: sections, progress, decisions, surprises, milestones',
      arguments: [['<plan>', PLAN_ARG]],
      options: [{ flags: '--section <name>', description: 'print one section only' }, JSON_OPTION],
      examples: ['execplan show add-csv', 'execplan show add-csv --section progress'],
      run: (): Promise<CommandModule> => import('./commands/show.js'),
      direct: true,
    },
    {
      name: 'lint',
      description: 'check plans against the ExecPlan rules; exit 1 on errors',
      arguments: [['[plans...]', 'plan ids, unique prefixes, paths, folders or quoted globs (default: every active plan)']],
      options: [
        { flags: '-f, --format <name>', description: 'output format: stylish, json, github or sarif (default: stylish)' },
        JSON_OPTION,
        { flags: '-o, --output <file>', description: 'write the report to <file> instead of stdout' },
        { flags: '--max-warnings <n>', description: 'exit 1 when there are more than <n> warnings' },
        { flags: '--fix', description: 'apply the safe fixes and write the plans; report what is left' },
        { flags: '--fix-dry-run', description: 'print the fixes as a unified diff and write nothing' },
        { flags: '--profile <name>', description: 'strict or recommended (overrides execplan.json)' },
        { flags: '--rule <id=severity>', description: 'set a rule to off, warn or error (repeatable)', repeatable: true },
        { flags: '--cache', description: 'reuse the results of plans unchanged since the last --cache run' },
        { flags: '--cache-location <path>', description: 'cache file or folder (default: .execplan/cache/lint.json)' },
        { flags: '--force', description: 'let --output and --cache-location replace an existing file that is not a report or cache of execplan' },
        { flags: '-q, --quiet', description: 'report errors only' },
        { flags: '--no-color', description: 'no colours, even on a terminal' },
      ],
      examples: ['execplan lint', "execplan lint docs/exec-plans/active 'plans/**/*.md' --format github"],
      run: (): Promise<CommandModule> => import('./commands/lint.js'),
      direct: true,
    },
    {
      name: 'progress',
      description: 'list Progress items, or add one, mark one done, undo that, or split one into done and remaining',
      usage: '<plan> [add "step" [--done] | done <item> | undo <item> | split <item> --done "…" --remaining "…"]',
      arguments: [
        ['<plan>', PLAN_ARG],
        ['[action]', 'add, done, undo or split; none lists the items'],
        ['[args...]', 'the step to add, or the item: its number or a piece of its text'],
      ],
      options: [
        { flags: '--done [text]', description: 'with add: add the step as completed now; with split: what is done' },
        { flags: '--remaining <text>', description: 'with split: what remains' },
        { flags: '--evidence <transcript|commit>', description: 'with done: cite a run transcript of the plan that exited 0, or a commit' },
        ...EDIT_OPTIONS,
      ],
      examples: ['execplan progress add-csv add "Write the exporter"', 'execplan progress add-csv done 2'],
      run: (): Promise<CommandModule> => import('./commands/progress.js'),
      direct: true,
    },
    {
      name: 'decide',
      description: 'append a Decision Log entry: Decision, Rationale, Date/Author',
      arguments: [
        ['<plan>', PLAN_ARG],
        ['<decision...>', 'what was decided'],
      ],
      options: [
        { flags: '--rationale <text>', description: 'why (required)' },
        { flags: '--author <name>', description: 'who decided (default: execplan.json author, EXECPLAN_AUTHOR, git user.name)' },
        ...EDIT_OPTIONS,
      ],
      examples: ['execplan decide add-csv "Use the csv module" --rationale "It quotes fields correctly"'],
      run: (): Promise<CommandModule> => import('./commands/decide.js'),
    },
    {
      name: 'discover',
      description: 'append a Surprises & Discoveries entry: Observation, Evidence',
      arguments: [
        ['<plan>', PLAN_ARG],
        ['<observation...>', 'what was found'],
      ],
      options: [{ flags: '--evidence <text>', description: 'what shows it: output, numbers, a file (required)' }, ...EDIT_OPTIONS],
      examples: ['execplan discover add-csv "Excel needs a BOM to read UTF-8" --evidence "report.csv opened as mojibake"'],
      run: (): Promise<CommandModule> => import('./commands/discover.js'),
    },
    {
      name: 'outcome',
      description: 'append an Outcomes & Retrospective entry',
      arguments: [
        ['<plan>', PLAN_ARG],
        ['<text...>', 'what shipped, what did not, what was learned'],
      ],
      options: EDIT_OPTIONS,
      examples: ['execplan outcome add-csv "Shipped CSV export; streaming is left for later."'],
      run: (): Promise<CommandModule> => import('./commands/outcome.js'),
    },
    {
      name: 'resume',
      description: 'a short brief to pick the plan up from: purpose, state, next steps, latest decisions, checks, files',
      arguments: [['<plan>', PLAN_ARG]],
      options: [JSON_OPTION],
      examples: ['execplan resume add-csv', 'execplan resume add-csv --json'],
      run: (): Promise<CommandModule> => import('./commands/resume.js'),
      direct: true,
    },
    {
      name: 'doctor',
      description: 'find what an interrupted archive, reopen or edit left behind (a plan apart from its artifacts, a move record, temporary files, dead locks); --fix repairs it',
      options: [
        { flags: '--fix', description: 'repair what was found: finish or roll back interrupted moves, bring artifacts to their plan, remove leftovers' },
        { flags: '--dry-run', description: 'only report (the default without --fix)' },
        JSON_OPTION,
      ],
      examples: ['execplan doctor', 'execplan doctor --fix'],
      run: (): Promise<CommandModule> => import('./commands/doctor.js'),
    },
    {
      name: 'use',
      description: 'name the plan agent sessions work on (kept out of git); with no plan, say which one they work on and why',
      arguments: [['[plan]', PLAN_ARG]],
      options: [{ flags: '--clear', description: 'forget the plan named before; sessions fall back to the single plan in progress, else the latest updated' }, JSON_OPTION],
      examples: ['execplan use add-csv', 'execplan use --clear'],
      run: (): Promise<CommandModule> => import('./commands/use.js'),
    },
    {
      name: 'hooks',
      description: "install or remove execplan's lifecycle hooks in the agents' settings files, keeping everything else byte for byte",
      arguments: [['<action>', 'install or uninstall']],
      options: [
        { flags: '--claude', description: 'Claude Code: .claude/settings.json' },
        { flags: '--codex', description: 'Codex: .codex/hooks.json' },
        { flags: '--cursor', description: 'Cursor: .cursor/hooks.json' },
        { flags: '--gemini', description: 'Gemini CLI: .gemini/settings.json' },
        JSON_OPTION,
      ],
      examples: ['execplan hooks install', 'execplan hooks uninstall --codex'],
      run: (): Promise<CommandModule> => import('./commands/hooks.js'),
    },
    {
      name: 'hook',
      description: "answer an agent's lifecycle hook: the payload on stdin, the answer in the agent's format on stdout; always exits 0",
      arguments: [['<event>', "session-start, stop or pre-compact (or the agent's own name for it)"]],
      options: [
        { flags: '--agent <name>', description: 'claude, codex, cursor or gemini (default: claude)' },
        { flags: '--budget <tokens>', description: 'token budget of the session-start context (default 1500)' },
      ],
      examples: ['execplan hook session-start --agent claude < payload.json'],
      run: (): Promise<CommandModule> => import('./commands/hook.js'),
      direct: true,
    },
    {
      name: 'serve',
      description: 'a local live dashboard of every plan, in the browser; read-only, on 127.0.0.1',
      options: [
        { flags: '--port <n>', description: 'port to listen on (default: a free one)' },
        { flags: '--host <address>', description: 'address to listen on (default: 127.0.0.1; anything else is reachable from other machines)' },
        { flags: '--open', description: 'open the dashboard in the default browser' },
        { flags: '--branches', description: 'also list the plans of every branch and worktree' },
      ],
      examples: ['execplan serve', 'execplan serve --port 4780 --open'],
      run: (): Promise<CommandModule> => import('./commands/serve.js'),
    },
    {
      name: 'report',
      description: "write the dashboard's pages as a static site: no server, no network",
      options: [
        { flags: '-o, --out <dir>', description: 'folder to write the report to' },
        { flags: '--force', description: 'write into a folder that holds other files' },
        { flags: '--branches', description: 'also list the plans of every branch and worktree' },
        JSON_OPTION,
      ],
      examples: ['execplan report --out plan-report', 'execplan report --out public --force'],
      run: (): Promise<CommandModule> => import('./commands/report.js'),
    },
    {
      name: 'mcp',
      description: 'serve plans to coding agents over MCP (stdio): tools, plan resources and prompts',
      examples: ['execplan mcp', 'claude mcp add execplan -- execplan mcp'],
      direct: 'serves',
      run: (): Promise<CommandModule> => import('./commands/mcp.js'),
    },
    {
      name: 'archive',
      description: 'move a finished plan and its artifacts folder to the archive, together',
      arguments: [['<plan>', PLAN_ARG]],
      options: [
        { flags: '--force', description: 'archive an unfinished plan, recording that in Outcomes & Retrospective' },
        { flags: '--dry-run', description: 'list what would move, without moving it' },
        JSON_OPTION,
      ],
      examples: ['execplan archive add-csv', 'execplan archive add-csv --force --dry-run'],
      run: (): Promise<CommandModule> => import('./commands/archive.js'),
    },
    {
      name: 'reopen',
      description: 'bring an archived plan and its artifacts folder back to the active folders',
      arguments: [['<plan>', `archived ${PLAN_ARG}`]],
      options: [{ flags: '--dry-run', description: 'list what would move, without moving it' }, JSON_OPTION],
      examples: ['execplan reopen add-csv'],
      run: (): Promise<CommandModule> => import('./commands/reopen.js'),
    },
    {
      name: 'run',
      description: "run a command, save its output as a transcript in the plan's artifacts and link it from the plan",
      usage: '[options] <plan> <command> [args...]',
      arguments: [
        ['<plan>', PLAN_ARG],
        ['[command...]', 'the command and its arguments: everything after the plan, options included (`--` before it is accepted)'],
      ],
      options: [
        { flags: '--label <name>', description: 'name the transcript <timestamp>_<name>.log (default: from the command)' },
        { flags: '--max-output <size>', description: 'keep at most this much output in the transcript, e.g. 2M (default 1M)' },
        { flags: '--shell', description: 'run the command through /bin/sh -c' },
        { flags: '--no-link', description: 'do not link the transcript from Artifacts and Notes' },
        { flags: '--grace <seconds>', description: 'after SIGTERM or a second Ctrl-C, give the command this long to stop before SIGKILL (default 5)' },
        { flags: '--no-redact', description: 'keep values that look like secrets (tokens, keys, password=) in the plan line and the transcript' },
        { flags: '--json', description: "print the result as JSON on stdout; the command's output goes to stderr" },
      ],
      examples: ['execplan run add-csv npm test', 'execplan run add-csv --label unit python3 -m pytest -q'],
      run: (): Promise<CommandModule> => import('./commands/run.js'),
    },
    {
      name: 'artifact',
      description: "a plan's artifacts folder: add and list evidence files",
      examples: ['execplan artifact add add-csv bench.txt', 'execplan artifact list add-csv'],
      commands: [
        {
          name: 'add',
          description: "copy files into the plan's artifacts folder and link them from Artifacts and Notes",
          arguments: [
            ['<plan>', PLAN_ARG],
            ['<file...>', 'files to copy'],
          ],
          options: [
            { flags: '--force', description: 'replace artifacts of the same name' },
            { flags: '--no-link', description: 'do not link the files from Artifacts and Notes' },
            JSON_OPTION,
          ],
          examples: ['execplan artifact add add-csv bench.txt screenshot.png', 'execplan artifact add add-csv bench.txt --force'],
          run: (): Promise<CommandModule> => import('./commands/artifact-add.js'),
        },
        {
          name: 'list',
          description: "list the files in the plan's artifacts folder: name, size, modification time",
          arguments: [['<plan>', PLAN_ARG]],
          options: [JSON_OPTION],
          examples: ['execplan artifact list add-csv', 'execplan artifact list add-csv --json'],
          run: (): Promise<CommandModule> => import('./commands/artifact-list.js'),
        },
      ],
    },
    {
      name: 'log',
      description: 'the commits that changed a plan (across renames into the archive) and its progress at each',
      arguments: [['<plan>', PLAN_ARG]],
      options: [JSON_OPTION],
      examples: ['execplan log add-csv', 'execplan log add-csv --json'],
      run: (): Promise<CommandModule> => import('./commands/log.js'),
    },
    {
      name: 'merge-driver',
      description: 'merge a plan changed on two branches, section by section (git runs it as: execplan merge-driver %O %A %B %P)',
      arguments: [
        ['<base>', "the common ancestor's version (git's %O)"],
        ['<ours>', "our version, where the result is written (git's %A)"],
        ['<theirs>', "their version (git's %B)"],
        ['[path]', "the plan's path in the repository (git's %P)"],
      ],
      options: [{ flags: '--marker-size <n>', description: "length of conflict markers (git's %L, default 7)" }],
      examples: ['execplan merge-driver %O %A %B %P'],
      run: (): Promise<CommandModule> => import('./commands/merge-driver.js'),
      direct: true,
    },
    {
      name: 'git',
      description: 'git integration: the merge driver for plans and the pre-commit hook',
      examples: ['execplan git install', 'execplan git uninstall'],
      commands: [
        {
          name: 'install',
          description: 'register the merge driver: a .gitattributes line for the plan folders and the driver in .git/config',
          options: [JSON_OPTION],
          examples: ['execplan git install'],
          run: (): Promise<CommandModule> => import('./commands/git-setup.js'),
        },
        {
          name: 'uninstall',
          description: 'remove the merge driver: its .gitattributes lines and its .git/config section',
          options: [JSON_OPTION],
          examples: ['execplan git uninstall'],
          run: async (): Promise<CommandModule> => ({ run: (await import('./commands/git-setup.js')).uninstall, ownsMergeDriver: true }),
        },
        {
          name: 'hook',
          description: 'the pre-commit hook that lints the staged plans',
          examples: ['execplan git hook install', 'execplan git hook uninstall'],
          commands: [
            {
              name: 'install',
              description: 'add a pre-commit hook that lints the staged plans, chaining a hook already there',
              options: [JSON_OPTION],
              examples: ['execplan git hook install'],
              run: (): Promise<CommandModule> => import('./commands/git-hook.js'),
            },
            {
              name: 'uninstall',
              description: 'remove the pre-commit hook, restoring the hook it chained',
              options: [JSON_OPTION],
              examples: ['execplan git hook uninstall'],
              run: async (): Promise<CommandModule> => ({ run: (await import('./commands/git-hook.js')).uninstall }),
            },
            {
              name: 'run',
              description: 'lint the plans staged for commit (what the hook runs)',
              hidden: true,
              examples: ['execplan git hook run'],
              run: async (): Promise<CommandModule> => ({ run: (await import('./commands/git-hook.js')).runHook }),
            },
          ],
        },
      ],
    },
    {
      name: 'completion',
      description: 'print a completion script for bash, zsh or fish: commands, options and the plan ids of the workspace',
      arguments: [['[shell]', 'bash, zsh or fish']],
      options: [{ flags: '--plan-ids', description: 'print the plan ids, one a line (what the scripts call)', hidden: true }],
      examples: ['execplan completion bash > ~/.local/share/bash-completion/completions/execplan', 'execplan completion fish > ~/.config/fish/completions/execplan.fish'],
      run: (): Promise<CommandModule> => import('./commands/completion.js'),
    },
  ],
} as const satisfies ProgramSpec;

/** The command line's grammar. */
export const PROGRAM: ProgramSpec = GRAMMAR;

/** The command at `path` (`'archive'`, `'artifact add'`) among `list`. */
type CommandAt<List, Path extends string> = List extends readonly CommandSpec[]
  ? Path extends `${infer Head} ${infer Rest}`
    ? CommandAt<Extract<List[number], { name: Head }>['commands'], Rest>
    : Extract<List[number], { name: Path }>
  : never;

type Camel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;

/** The key an option sets, as `optionShape` reads it: `--fix-dry-run` sets `fixDryRun`, `--no-cache` sets `cache`. */
type OptionKey<Flags extends string> = Flags extends `${string}--${infer Long}`
  ? Long extends `${infer Name} ${string}`
    ? Camel<Name>
    : Long extends `no-${infer Name}`
      ? Camel<Name>
      : Camel<Long>
  : never;

/** What an option's key holds: a list when repeatable, the text of `<value>`, the text or true for `[value]`, else true or false. */
type OptionValue<O extends OptionSpec> = O extends { repeatable: true } ? string[] : O['flags'] extends `${string}<${string}` ? string : O['flags'] extends `${string}[${string}` ? string | true : boolean;

/** The options a command's module is handed, typed from the table: `OptionsOf<'lint'>`, `OptionsOf<'artifact add'>`. */
export type OptionsOf<Path extends string> = { cwd?: string } & OptionsIn<CommandAt<typeof GRAMMAR.commands, Path>>;

type OptionsIn<C> = C extends { options: readonly OptionSpec[] } ? { [O in C['options'][number] as OptionKey<O['flags']>]?: OptionValue<O> } : unknown;

/** An option's spellings and value, read from its flags. */
export interface OptionShape {
  short?: string;
  long?: string;
  /** Whether it takes a value: `<v>` required, `[v]` optional. */
  value: 'none' | 'required' | 'optional';
  /** A `--no-…` option, which sets its attribute to false. */
  negate: boolean;
  /** The key it sets in the parsed options: `--fix-dry-run` sets `fixDryRun`, `--no-cache` sets `cache`. */
  attribute: string;
}

/** Read `-f, --format <name>` as the option parser reads it. */
export function optionShape(flags: string): OptionShape {
  const words = flags.split(/[ ,|]+/).filter(Boolean);
  const short = words.find((w) => /^-[^-]$/.test(w));
  const long = words.find((w) => w.startsWith('--'));
  const arg = words.find((w) => w.startsWith('<') || w.startsWith('['));
  const negate = long?.startsWith('--no-') ?? false;
  const name = (long ?? short ?? '').replace(negate ? /^--no-/ : /^-+/, '');
  return {
    ...(short ? { short } : {}),
    ...(long ? { long } : {}),
    value: arg === undefined ? 'none' : arg.startsWith('<') ? 'required' : 'optional',
    negate,
    attribute: name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()),
  };
}
