/** Which plans `execplan lint` looks at when given ids, prefixes, paths, folders or globs. */
import { statSync } from 'node:fs';
import path from 'node:path';
import { ExecplanError } from './errors.js';
import { listPlanRefs, planRefsUnder, resolvePlan, type PlanRef } from './plans.js';
import { isInside, relPath, type Workspace } from './workspace.js';

/**
 * Resolve the command's arguments to plan files, without duplicates, sorted by path so output is
 * the same on every run. A glob matches the plan files of the workspace (active and archived) by
 * their path from `cwd`; `*` and `**` match dot-folders such as `.agent/` too. A folder means the
 * Markdown plans inside it, and a glob also matches the Markdown files under its folder, whether
 * or not the configuration names it as a plan folder.
 */
export async function resolveLintTargets(ws: Workspace, cwd: string, args: readonly string[]): Promise<PlanRef[]> {
  // The glob matcher loads only when an argument has a character that can make it a glob.
  const glob = args.some(mayBeGlob) ? await import('./glob.js') : undefined;
  let all: PlanRef[] | undefined;
  const everyPlan = () => (all ??= listPlanRefs(ws, 'all'));
  const found = new Map<string, PlanRef>();
  for (const arg of args) {
    for (const ref of resolveOne(ws, cwd, arg, everyPlan, glob)) found.set(ref.path, ref);
  }
  return [...found.values()].sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
}

/** Characters without which picomatch sees no glob: wildcards, classes, braces and extglobs. */
const GLOB_CHARS = /[*?[\]{}()!+@]/;

/** Whether `arg` may be a glob; when not, it names a path, an id or a prefix. */
export function mayBeGlob(arg: string): boolean {
  return GLOB_CHARS.test(arg);
}

function resolveOne(ws: Workspace, cwd: string, arg: string, everyPlan: () => PlanRef[], glob: typeof import('./glob.js') | undefined): PlanRef[] {
  if (glob?.isGlob(arg)) {
    const base = relPath(ws, path.resolve(cwd));
    const pattern = path.posix.normalize(`${base ? `${base}/` : ''}${arg.replace(/\\/g, '/')}`).replace(/^\.\//, '');
    const re = glob.globToRegExp(pattern);
    // The configured plan folders, and the Markdown files under the glob's own folder, whatever the configuration.
    const from = path.resolve(ws.root, glob.globBase(pattern) || '.');
    const under = isInside(ws.root, from) && statSync(from, { throwIfNoEntry: false })?.isDirectory() ? planRefsUnder(ws, from) : [];
    const seen = new Set<string>();
    const matched = [...everyPlan(), ...under].filter((p) => re.test(p.relPath) && !seen.has(p.path) && seen.add(p.path));
    if (!matched.length) {
      throw new ExecplanError('USAGE', `No plan file matches "${arg}". Quote the pattern so the shell passes it on, and check it against \`execplan list --all\`.`, { details: [arg] });
    }
    return matched;
  }
  const abs = path.resolve(cwd, arg);
  if (statSync(abs, { throwIfNoEntry: false })?.isDirectory()) {
    if (!isInside(ws.root, abs)) throw new ExecplanError('UNSAFE_PATH', `${arg} is outside the workspace ${ws.root}. Run execplan from the repository that holds the plans, or pass --cwd.`);
    return planRefsUnder(ws, abs);
  }
  return [resolvePlan(ws, arg, cwd)];
}
