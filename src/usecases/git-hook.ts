/**
 * The git pre-commit hook: installed into git's hooks folder (core.hooksPath respected), chaining a
 * hook already there rather than replacing it, and removed restoring that hook; and what it runs:
 * lint of the plans staged for commit, read from the index, so what is checked is what is committed.
 */
import { chmodSync, existsSync, readFileSync, renameSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { writeFileAtomic } from '../workspace/atomic-write.js';
import { ExecplanError } from '../workspace/errors.js';
import { CatFileBatch, git, gitDirs } from '../workspace/git.js';
import type { LintSetup } from '../workspace/lint-files.js';
import { isInside, relPath, type Workspace } from '../workspace/workspace.js';

/** The line that marks the hook as execplan's. */
const MARK = '# execplan pre-commit hook';
/** Where a hook that was there before is kept, beside ours. */
const CHAINED = 'pre-commit.execplan-chained';

/** What install or uninstall did. */
export interface HookStep {
  path: string;
  action: 'created' | 'unchanged' | 'removed' | 'restored' | 'chained';
  note?: string;
}

function hookFile(ws: Workspace, env?: Record<string, string | undefined>): string {
  if (!gitDirs(ws.root)) throw new ExecplanError('USAGE', `${ws.root} is not a git repository (no .git there). Run git init first, or run this command at the root of a clone.`);
  const rel = git(ws.root, ['rev-parse', '--git-path', 'hooks/pre-commit'], { env }).stdout.trim();
  return path.resolve(ws.root, rel);
}

/** The hook's script: the chained hook first (its failure stops the commit), then execplan. */
function script(chained: boolean): string {
  return [
    '#!/bin/sh',
    `${MARK}: lints the plans staged for commit. Remove it with: execplan git hook uninstall`,
    ...(chained ? [`"$(dirname "$0")/${CHAINED}" "$@" || exit $?`] : []),
    'exec execplan git hook run',
    '',
  ].join('\n');
}

/** Install the hook; a hook already there is kept and run first. */
export function installHook(ws: Workspace, env?: Record<string, string | undefined>): HookStep[] {
  const file = hookFile(ws, env);
  const shown = isInside(ws.root, file) ? relPath(ws, file) : file;
  const chained = path.join(path.dirname(file), CHAINED);
  if (existsSync(file)) {
    if (readFileSync(file, 'utf8').includes(MARK)) return [{ path: shown, action: 'unchanged' }];
    if (existsSync(chained)) throw new ExecplanError('REFUSED', `${shown} is not execplan's, and ${CHAINED} is already beside it; move one of them away, then install again.`);
    renameSync(file, chained);
    writeFileAtomic(file, script(true));
    chmodSync(file, 0o755);
    return [
      { path: shown, action: 'created', note: 'lints the staged plans' },
      { path: path.join(path.dirname(shown), CHAINED), action: 'chained', note: 'the hook that was there, run first' },
    ];
  }
  writeFileAtomic(file, script(false));
  chmodSync(file, 0o755);
  return [{ path: shown, action: 'created', note: 'lints the staged plans' }];
}

/** Remove the hook, putting back the one it chained. */
export function uninstallHook(ws: Workspace, env?: Record<string, string | undefined>): HookStep[] {
  const file = hookFile(ws, env);
  const shown = isInside(ws.root, file) ? relPath(ws, file) : file;
  if (!existsSync(file) || !readFileSync(file, 'utf8').includes(MARK)) return [{ path: shown, action: 'unchanged', note: 'not execplan\'s hook; left alone' }];
  unlinkSync(file);
  const chained = path.join(path.dirname(file), CHAINED);
  if (existsSync(chained)) {
    const mode = statSync(chained).mode;
    renameSync(chained, file);
    chmodSync(file, mode);
    return [{ path: shown, action: 'restored', note: 'the hook that was there before' }];
  }
  return [{ path: shown, action: 'removed' }];
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
  const batch = new CatFileBatch(ws.root, env);
  let blobs;
  try {
    blobs = await batch.read(plans.map((p) => `:${p}`));
  } finally {
    batch.close();
  }
  const results = plans.map((rel, i) => {
    const abs = path.resolve(ws.root, rel);
    const archived = path.dirname(abs) === ws.dirs.archive;
    const id = path.basename(rel, '.md');
    const job = { abs, rel, artifacts: `${archived ? ws.config.paths.archiveArtifacts : ws.config.paths.artifacts}/${id}` };
    return { file: rel, diagnostics: linter.lintText(job, blobs[i]?.data.toString('utf8') ?? '') };
  });
  return { results, enabled };
}
