/** `execplan git hook install|uninstall`, and `execplan git hook run`, what the hook runs. */
import type { OptionsOf } from '../command-table.js';
import { installHook, lintStaged, uninstallHook } from '../usecases/git-hook.js';
import { lintSetup } from '../usecases/lint-setup.js';
import { openWorkspace } from '../workspace/workspace.js';
import { clockOf, printSteps, type Io } from './io.js';

type Options = OptionsOf<'git hook install'>;

/** Run `execplan git hook install`. */
export async function run(io: Io, opts: Options): Promise<number> {
  const ws = openWorkspace(io.cwd);
  return printSteps(io, opts.json, ws.root, installHook(ws, io.env));
}

/** Run `execplan git hook uninstall`. */
export async function uninstall(io: Io, opts: Options): Promise<number> {
  const ws = openWorkspace(io.cwd);
  return printSteps(io, opts.json, ws.root, uninstallHook(ws, io.env));
}

/** Run `execplan git hook run`: lint the staged plans; exit 1 on an error-level finding. */
export async function runHook(io: Io): Promise<number> {
  const ws = openWorkspace(io.cwd);
  const { results, enabled } = await lintStaged(ws, lintSetup(ws, clockOf(io)), io.env);
  if (!results.length) return 0;
  const [{ summarize }, { RULES }, { format }, { VERSION }] = await Promise.all([import('../core/diagnostic.js'), import('../rules/index.js'), import('../formatters/stylish.js'), import('../version.js')]);
  const summaries = results.map((r) => summarize(r.file, r.diagnostics));
  // Git shows a hook's output on the terminal that ran the commit; stdout and stderr alike.
  io.stderr(format({ results: summaries, rules: RULES.map((r) => r.meta), enabled, version: VERSION, color: io.stderrIsTTY && !io.env.NO_COLOR }));
  const errors = summaries.reduce((n, r) => n + r.errorCount, 0);
  if (errors) io.stderr('\nexecplan: the commit was stopped by errors in the staged plans above; fix them and stage again (or commit with --no-verify to skip the check).\n');
  return errors ? 1 : 0;
}
