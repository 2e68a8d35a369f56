/** `execplan completion bash|zsh|fish`: a shell completion script generated from the command table (src/command-table.ts). */
import { optionShape, PROGRAM, type CommandSpec, type OptionSpec, type OptionsOf } from '../command-table.js';
import { completionScript, SHELLS, type CompletionCommand, type CompletionOption, type CompletionTable, type Shell } from '../core/completion.js';
import { ExecplanError } from '../workspace/errors.js';
import { listPlanRefs } from '../workspace/plans.js';
import { openWorkspace } from '../workspace/workspace.js';
import type { Io } from './io.js';

/** Run `execplan completion`. */
export async function run(io: Io, opts: OptionsOf<'completion'>, shell: string | undefined): Promise<number> {
  if (opts.planIds) {
    // Called by the scripts as the user types: prints the ids it can find, and nothing else, ever.
    try {
      const ws = openWorkspace(io.cwd);
      io.stdout(listPlanRefs(ws, 'all').map((p) => `${p.id}\n`).join(''));
    } catch {
      // No workspace, or one that cannot be read: nothing to complete.
    }
    return 0;
  }
  if (!SHELLS.includes(shell as Shell)) {
    throw new ExecplanError('USAGE', `${shell === undefined ? 'No shell given' : `Unknown shell "${shell}"`}. Use \`execplan completion bash\`, \`execplan completion zsh\` or \`execplan completion fish\`.`);
  }
  io.stdout(completionScript(completionTable(), shell as Shell));
  return 0;
}

/** The command table as the completion scripts need it: hidden commands and options left out. */
export function completionTable(): CompletionTable {
  const commands: CompletionCommand[] = [];
  const visit = (list: readonly CommandSpec[], prefix: string[]) => {
    for (const c of visible(list)) {
      const path = [...prefix, c.name];
      commands.push({ path, description: c.description, options: options(c.options), plan: c.arguments?.[0]?.[0].slice(1, -1) === 'plan', subcommands: visible(c.commands).map((s) => s.name) });
      visit(c.commands ?? [], path);
    }
  };
  visit(PROGRAM.commands, []);
  return { options: options([PROGRAM.version, ...PROGRAM.options]), subcommands: visible(PROGRAM.commands).map((c) => c.name), commands };
}

function visible(list: readonly CommandSpec[] = []): CommandSpec[] {
  return list.filter((c) => !c.hidden);
}

function options(list: readonly OptionSpec[] = []): CompletionOption[] {
  return list
    .filter((o) => !o.hidden)
    .map((o) => {
      const shape = optionShape(o.flags);
      return { ...(shape.long ? { long: shape.long } : {}), ...(shape.short ? { short: shape.short } : {}), takesValue: shape.value !== 'none', description: o.description };
    });
}
