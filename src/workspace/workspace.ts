/** The workspace: the repository root, its configuration and its plan folders. */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE, loadConfig, type Config } from './config.js';
import { ExecplanError } from './errors.js';

/** An opened workspace. */
export interface Workspace {
  /** Absolute path of the repository root. */
  root: string;
  config: Config;
  /** Absolute paths of the plan folders. */
  dirs: Config['paths'];
}

/** Find the repository root from `cwd`: the nearest folder with `execplan.json` or `.git`, else `cwd` itself (a plain folder works too). */
export function findRoot(cwd: string): string {
  let dir = path.resolve(cwd);
  for (;;) {
    if (existsSync(path.join(dir, CONFIG_FILE)) || existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(cwd);
    dir = parent;
  }
}

/** Check that `cwd`, where a command starts (`--cwd`), is a folder that exists. */
export function assertFolder(cwd: string): void {
  let stat;
  try {
    stat = statSync(cwd);
  } catch {
    throw new ExecplanError('USAGE', `The folder ${cwd} does not exist. Pass an existing folder to --cwd.`);
  }
  if (!stat.isDirectory()) throw new ExecplanError('USAGE', `${cwd} is not a folder. Pass a folder to --cwd.`);
}

/** Open the workspace that `cwd` belongs to. */
export function openWorkspace(cwd: string): Workspace {
  assertFolder(cwd);
  const root = findRoot(cwd);
  return workspaceFor(root, loadConfig(root));
}

/**
 * Refuse to create files in a folder that is no repository: no `.git`, no `execplan.json` there or
 * above, and none of the plan folders. `what` names the command, for the message. Started in `/tmp`
 * or a home folder by mistake, a command would otherwise leave `.agent/execplans/` there.
 */
export function assertRepository(ws: Workspace, what: string): void {
  if (existsSync(path.join(ws.root, '.git')) || existsSync(path.join(ws.root, CONFIG_FILE))) return;
  if (Object.values(ws.dirs).some((d) => existsSync(d))) return;
  throw new ExecplanError(
    'REFUSED',
    `${ws.root} is not in a repository: it has no .git, no ${CONFIG_FILE} and no plan folder, nor has any folder above it, so ${what} would create ${ws.config.paths.active}/ here. Change to the repository the plan is for (or pass --cwd), or run \`execplan init\` here to keep plans in this folder.`,
  );
}

/** A workspace from a root and a resolved configuration. */
export function workspaceFor(root: string, config: Config): Workspace {
  const abs = (p: string) => path.resolve(root, p);
  return {
    root,
    config,
    dirs: {
      active: abs(config.paths.active),
      archive: abs(config.paths.archive),
      artifacts: abs(config.paths.artifacts),
      archiveArtifacts: abs(config.paths.archiveArtifacts),
    },
  };
}

/** A path relative to the workspace root, with `/` separators. */
export function relPath(ws: Workspace, abs: string): string {
  return path.relative(ws.root, abs).split(path.sep).join('/');
}

/** Whether `abs` lies inside `dir` (or is `dir`). */
export function isInside(dir: string, abs: string): boolean {
  const rel = path.relative(dir, abs);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Whether `rel`, a path a plan names, is a file inside the workspace. */
export function isRepoFile(ws: Workspace, rel: string): boolean {
  const abs = path.resolve(ws.root, rel);
  if (!isInside(ws.root, abs)) return false;
  try {
    return statSync(abs).isFile();
  } catch {
    return false;
  }
}
