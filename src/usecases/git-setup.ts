/**
 * `execplan git install` and `uninstall`: the merge driver named for the plan folders in
 * `.gitattributes` (only the lines it needs added or removed, the file's own line endings kept) and
 * defined in the clone's `.git/config`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { dominantEol } from '../core/lines.js';
import { writeFileAtomic } from '../workspace/atomic-write.js';
import { ExecplanError } from '../workspace/errors.js';
import { git, gitDirs } from '../workspace/git.js';
import { attributeLine, DRIVER_COMMAND, DRIVER_DESCRIPTION, DRIVER_NAME } from '../workspace/git-merge-setup.js';
import { assertRealInside } from '../workspace/safe-path.js';
import { isInside, relPath, type Workspace } from '../workspace/workspace.js';

/** One thing install or uninstall did. */
export interface GitSetupStep {
  path: string;
  action: 'created' | 'updated' | 'unchanged' | 'removed';
  note?: string;
}

/** The plan folders the attribute covers: the active folder, and the archive when it lies outside it. */
function planFolders(ws: Workspace): string[] {
  const folders = [ws.dirs.active];
  if (!isInside(ws.dirs.active, ws.dirs.archive)) folders.push(ws.dirs.archive);
  return folders.map((f) => relPath(ws, f));
}

function requireGit(ws: Workspace): void {
  if (!gitDirs(ws.root)) throw new ExecplanError('USAGE', `${ws.root} is not a git repository (no .git there). Run git init first, or run this command at the root of a clone.`);
}

/** Register the merge driver: the `.gitattributes` lines and the definition in `.git/config`. */
export function installGit(ws: Workspace, env?: Record<string, string | undefined>): GitSetupStep[] {
  requireGit(ws);
  const steps: GitSetupStep[] = [];
  const file = path.join(ws.root, '.gitattributes');
  assertRealInside(ws.root, file, '.gitattributes');
  const existed = existsSync(file);
  const text = existed ? readFileSync(file, 'utf8') : '';
  const have = new Set(text.split(/\r\n|\r|\n/).map((l) => l.trim()));
  const missing = planFolders(ws).map(attributeLine).filter((l) => !have.has(l));
  if (missing.length) {
    const eol = text ? dominantEol(text) : '\n';
    const sep = text && !/[\r\n]$/.test(text) ? eol : '';
    writeFileAtomic(file, text + sep + missing.map((l) => l + eol).join(''));
    steps.push({ path: '.gitattributes', action: existed ? 'updated' : 'created', note: `${missing.join(', ')}; commit it so every clone merges plans this way` });
  } else steps.push({ path: '.gitattributes', action: 'unchanged' });
  const current = git(ws.root, ['config', '--local', '--get', `merge.${DRIVER_NAME}.driver`], { allowFail: true, env }).stdout.trim();
  if (current === DRIVER_COMMAND) steps.push({ path: '.git/config', action: 'unchanged' });
  else {
    git(ws.root, ['config', '--local', `merge.${DRIVER_NAME}.name`, DRIVER_DESCRIPTION], { env });
    git(ws.root, ['config', '--local', `merge.${DRIVER_NAME}.driver`, DRIVER_COMMAND], { env });
    steps.push({ path: '.git/config', action: current ? 'updated' : 'created', note: `merge.${DRIVER_NAME}.driver = ${DRIVER_COMMAND}` });
  }
  return steps;
}

/** Remove what install added: its `.gitattributes` lines (nothing else of the file) and the `.git/config` section. */
export function uninstallGit(ws: Workspace, env?: Record<string, string | undefined>): GitSetupStep[] {
  requireGit(ws);
  const steps: GitSetupStep[] = [];
  const file = path.join(ws.root, '.gitattributes');
  if (existsSync(file)) {
    assertRealInside(ws.root, file, '.gitattributes');
    const text = readFileSync(file, 'utf8');
    const ours = new Set(planFolders(ws).map(attributeLine));
    // Each line with its own line break, so removing one leaves every other byte as it was.
    const lines = text.match(/(?<![^\r\n])(?:[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$)/g) ?? [];
    const kept = lines.filter((l) => !ours.has(l.trim()));
    if (kept.length !== lines.length) {
      writeFileAtomic(file, kept.join(''));
      steps.push({ path: '.gitattributes', action: 'updated', note: 'removed the merge=execplan lines; commit it' });
    } else steps.push({ path: '.gitattributes', action: 'unchanged' });
  }
  const had = git(ws.root, ['config', '--local', '--get-regexp', `^merge\\.${DRIVER_NAME}\\.`], { allowFail: true, env }).stdout.trim();
  if (had) {
    git(ws.root, ['config', '--local', '--remove-section', `merge.${DRIVER_NAME}`], { env });
    steps.push({ path: '.git/config', action: 'removed', note: `merge.${DRIVER_NAME}` });
  } else steps.push({ path: '.git/config', action: 'unchanged' });
  return steps;
}
