/**
 * The merge driver's two halves: the `.gitattributes` lines that name it for the plan folders
 * (committed, shared by every clone) and its definition in the clone's `.git/config` (not shared:
 * each clone installs it). Both are read as files, so any command can check them for free.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { configValues, gitDirs } from './git-dirs.js';

/** The name of the merge driver, as `.gitattributes` and `git config` spell it. */
export const DRIVER_NAME = 'execplan';
/** The command git runs, with git's placeholders. */
export const DRIVER_COMMAND = 'execplan merge-driver %O %A %B %P';
/** The driver's description in `git config`. */
export const DRIVER_DESCRIPTION = 'execplan: merges ExecPlans section by section';

/** The `.gitattributes` line for a plan folder (repository-relative, `/` separators). */
export function attributeLine(folder: string): string {
  const clean = folder.replace(/^\.\/+|(?<!\/)\/+$/g, '');
  // Spaces would end the pattern: git's attribute patterns escape nothing, so `[ ]` stands for one.
  return `${clean.replace(/ /g, '[ ]')}/**/*.md merge=${DRIVER_NAME}`;
}

/** Whether the repository at `root` asks for the driver in `.gitattributes` but no git configuration this clone reads defines it. */
export function driverMissing(root: string, env: Record<string, string | undefined>): boolean {
  let attributes: string;
  try {
    attributes = readFileSync(path.join(root, '.gitattributes'), 'utf8');
  } catch {
    return false;
  }
  if (!attributes.split(/\r\n|\r|\n/).some((l) => !l.trimStart().startsWith('#') && /(?:^|\s)merge=execplan(?:\s|$)/.test(l))) return false;
  const dirs = gitDirs(root);
  if (!dirs) return false;
  const home = env.HOME ?? os.homedir();
  const xdg = env.XDG_CONFIG_HOME || path.join(home, '.config');
  const files = [path.join(dirs.commonDir, 'config'), path.join(dirs.gitDir, 'config.worktree'), path.join(home, '.gitconfig'), path.join(xdg, 'git', 'config')];
  if (env.GIT_CONFIG_GLOBAL) files.push(env.GIT_CONFIG_GLOBAL);
  return !files.some((f) => configValues(f, 'merge', 'driver', DRIVER_NAME).length > 0);
}

/** The line every command prints on stderr when the driver is missing. */
export const DRIVER_MISSING_MESSAGE = 'execplan: .gitattributes merges plans with the execplan merge driver, but this clone does not define it; run `execplan git install` to add it to .git/config.\n';
