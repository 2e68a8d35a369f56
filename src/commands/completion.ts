/** `execplan completion bash|zsh|fish`: a shell completion script generated from the option parser's command table. */
import type { Command, Option } from 'commander';
import { completionScript, SHELLS, type CompletionCommand, type CompletionOption, type CompletionTable, type Shell } from '../core/completion.js';
import { ExecplanError } from '../workspace/errors.js';
import { listPlanRefs } from '../workspace/plans.js';
import { openWorkspace } from '../workspace/workspace.js';
import type { Io } from './io.js';

interface Options {
  cwd?: string;
  planIds?: boolean;
}

/** Run `execplan completion`. */
export async function run(io: Io, opts: Options, shell: string | undefined): Promise<number> {
  if (opts.planIds) {
    // Called by the scripts as the user types: prints the ids it can find, and nothing else, ever.
    try {
      const ws = openWorkspace(opts.cwd ?? io.cwd);
      io.stdout(listPlanRefs(ws, 'all').map((p) => `${p.id}\n`).join(''));
    } catch {
      // No workspace, or one that cannot be read: nothing to complete.
    }
    return 0;
  }
  if (!SHELLS.includes(shell as Shell)) {
    throw new ExecplanError('USAGE', `${shell === undefined ? 'No shell given' : `Unknown shell "${shell}"`}. Use \`execplan completion bash\`, \`execplan completion zsh\` or \`execplan completion fish\`.`);
  }
  const { commandTree } = await import('../cli.js');
  io.stdout(completionScript(completionTable(commandTree()), shell as Shell));
  return 0;
}

/** The parser's commands as the completion scripts need them: hidden ones left out. */
export function completionTable(program: Command): CompletionTable {
  const commands: CompletionCommand[] = [];
  const visit = (cmd: Command, prefix: string[]) => {
    for (const c of visible(cmd)) {
      const path = [...prefix, c.name()];
      commands.push({ path, description: c.description(), options: options(c.options), plan: c.registeredArguments[0]?.name() === 'plan', subcommands: visible(c).map((s) => s.name()) });
      visit(c, path);
    }
  };
  visit(program, []);
  return { options: options(program.options), subcommands: visible(program).map((c) => c.name()), commands };
}

function visible(cmd: Command): Command[] {
  return cmd.commands.filter((c) => !(c as unknown as { _hidden?: boolean })._hidden);
}

function options(list: readonly Option[]): CompletionOption[] {
  return list
    .filter((o) => !o.hidden)
    .map((o) => ({ ...(o.long ? { long: o.long } : {}), ...(o.short ? { short: o.short } : {}), takesValue: o.required || o.optional, description: o.description }));
}
