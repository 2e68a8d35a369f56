/** `execplan git install` and `execplan git uninstall`: the merge driver for plans, on and off. */
import { installGit, uninstallGit, type GitSetupStep } from '../usecases/git-setup.js';
import { openWorkspace } from '../workspace/workspace.js';
import type { OptionsOf } from '../command-table.js';
import { writeJson, type Io } from './io.js';

type Options = OptionsOf<'git install'>;

/** These commands install or remove the driver: no reminder to install it. */
export const ownsMergeDriver = true;

/** Print what was done, one line per file. */
export function printSteps(io: Io, steps: readonly GitSetupStep[]): void {
  for (const s of steps) io.stdout(`${s.action.padEnd(9)} ${s.path}${s.note ? `  (${s.note})` : ''}\n`);
}

/** Run `execplan git install`. */
export async function run(io: Io, opts: Options): Promise<number> {
  const ws = openWorkspace(io.cwd);
  const steps = installGit(ws, io.env);
  if (opts.json) writeJson(io, { ok: true, root: ws.root, steps });
  else printSteps(io, steps);
  return 0;
}

/** Run `execplan git uninstall`. */
export async function uninstall(io: Io, opts: Options): Promise<number> {
  const ws = openWorkspace(io.cwd);
  const steps = uninstallGit(ws, io.env);
  if (opts.json) writeJson(io, { ok: true, root: ws.root, steps });
  else printSteps(io, steps);
  return 0;
}

