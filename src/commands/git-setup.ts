/** `execplan git install` and `execplan git uninstall`: the merge driver for plans, on and off. */
import type { OptionsOf } from '../command-table.js';
import { installGit, uninstallGit } from '../usecases/git-setup.js';
import { openWorkspace } from '../workspace/workspace.js';
import { printSteps, type Io } from './io.js';

type Options = OptionsOf<'git install'>;

/** These commands install or remove the driver: no reminder to install it. */
export const ownsMergeDriver = true;

/** Run `execplan git install`. */
export async function run(io: Io, opts: Options): Promise<number> {
  const ws = openWorkspace(io.cwd);
  return printSteps(io, opts.json, ws.root, installGit(ws, io.env));
}

/** Run `execplan git uninstall`. */
export async function uninstall(io: Io, opts: Options): Promise<number> {
  const ws = openWorkspace(io.cwd);
  return printSteps(io, opts.json, ws.root, uninstallGit(ws, io.env));
}
