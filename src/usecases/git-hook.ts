/**
 * The git pre-commit hook: installed into git's hooks folder (core.hooksPath respected), chaining a
 * hook already there rather than replacing it, and removed restoring that hook; and what it runs:
 * lint of the plans staged for commit, read from the index, so what is checked is what is committed.
 */
import path from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { assertGitRepo, git, readObjects } from '../workspace/git.js';
import { CHAINED_HOOK, installHookFile, removeHookFile } from '../workspace/git-files.js';
import type { LintSetup } from '../workspace/lint-files.js';
import { isInside, relPath, type Workspace } from '../workspace/workspace.js';

/** What install or uninstall did. */
export interface HookStep {
  path: string;
  action: 'created' | 'unchanged' | 'removed' | 'restored' | 'chained';
  note?: string;
}

/** The hook's file, and how to show it: repository-relative when it lies inside. */
function hookFile(ws: Workspace, env?: Record<string, string | undefined>): { file: string; shown: string } {
  assertGitRepo(ws.root);
  const file = path.resolve(ws.root, git(ws.root, ['rev-parse', '--git-path', 'hooks/pre-commit'], { env }).stdout.trim());
  return { file, shown: isInside(ws.root, file) ? relPath(ws, file) : file };
}

/** Install the hook; a hook already there is kept and run first. */
export function installHook(ws: Workspace, env?: Record<string, string | undefined>): HookStep[] {
  const { file, shown } = hookFile(ws, env);
  const done = installHookFile(file, shown);
  if (done === 'unchanged') return [{ path: shown, action: 'unchanged' }];
  const ours: HookStep = { path: shown, action: 'created', note: 'lints the staged plans' };
  return done === 'created' ? [ours] : [ours, { path: path.join(path.dirname(shown), CHAINED_HOOK), action: 'chained', note: 'the hook that was there, run first' }];
}

/** Remove the hook, putting back the one it chained. */
export function uninstallHook(ws: Workspace, env?: Record<string, string | undefined>): HookStep[] {
  const { file, shown } = hookFile(ws, env);
  const done = removeHookFile(file);
  if (done === 'not ours') return [{ path: shown, action: 'unchanged', note: 'not execplan\'s hook; left alone' }];
  return [done === 'restored' ? { path: shown, action: 'restored', note: 'the hook that was there before' } : { path: shown, action: 'removed' }];
}

/** The findings of one staged plan. */
export interface StagedResult {
  file: string;
  diagnostics: Diagnostic[];
}

/** Lint the plans staged for commit, as the index holds them. */
export async function lintStaged(ws: Workspace, setup: LintSetup, env?: Record<string, string | undefined>): Promise<{ results: StagedResult[]; enabled: Record<string, 'error' | 'warn'> }> {
  const staged = git(ws.root, ['diff', '--cached', '--name-only', '--diff-filter=ACMR', '-z'], { env }).stdout.split('\0').filter(Boolean);
  const folders = [ws.dirs.active, ws.dirs.archive];
  const artifacts = [ws.dirs.artifacts, ws.dirs.archiveArtifacts];
  const plans = staged.filter((rel) => {
    const abs = path.resolve(ws.root, rel);
    return rel.endsWith('.md') && folders.some((f) => path.dirname(abs) === f) && !artifacts.some((a) => isInside(a, abs));
  });
  const { createFileLinter } = await import('../workspace/lint-runner.js');
  const linter = createFileLinter(setup);
  const enabled = Object.fromEntries(linter.enabled.map((e) => [e.rule.meta.id, e.severity]));
  if (!plans.length) return { results: [], enabled };
  const blobs = readObjects(ws.root, plans.map((p) => `:${p}`), env);
  const results = plans.map((rel, i) => {
    const abs = path.resolve(ws.root, rel);
    const archived = path.dirname(abs) === ws.dirs.archive;
    const id = path.basename(rel, '.md');
    const job = { abs, rel, artifacts: `${archived ? ws.config.paths.archiveArtifacts : ws.config.paths.artifacts}/${id}` };
    return { file: rel, diagnostics: linter.lintText(job, blobs[i]?.data.toString('utf8') ?? '') };
  });
  return { results, enabled };
}
