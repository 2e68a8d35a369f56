/**
 * `execplan git install` and `uninstall`: the merge driver named for the plan folders in
 * `.gitattributes` and defined in the clone's `.git/config`.
 */
import { assertGitRepo, git } from '../workspace/git.js';
import { addAttributes, removeAttributes } from '../workspace/git-files.js';
import { attributeLine, DRIVER_COMMAND, DRIVER_DESCRIPTION, DRIVER_NAME } from '../workspace/git-merge-setup.js';
import { isInside, relPath, type Workspace } from '../workspace/workspace.js';

/** One thing install or uninstall did. */
export interface GitSetupStep {
  path: string;
  action: 'created' | 'updated' | 'unchanged' | 'removed';
  note?: string;
}

/** The `.gitattributes` lines for the plan folders: the active folder, and the archive when it lies outside it. */
function attributeLines(ws: Workspace): string[] {
  const folders = [ws.dirs.active];
  if (!isInside(ws.dirs.active, ws.dirs.archive)) folders.push(ws.dirs.archive);
  return folders.map((f) => attributeLine(relPath(ws, f)));
}

/** Register the merge driver: the `.gitattributes` lines and the definition in `.git/config`. */
export function installGit(ws: Workspace, env?: Record<string, string | undefined>): GitSetupStep[] {
  assertGitRepo(ws.root);
  const { added, existed } = addAttributes(ws.root, attributeLines(ws));
  const steps: GitSetupStep[] = [];
  if (added.length) steps.push({ path: '.gitattributes', action: existed ? 'updated' : 'created', note: `${added.join(', ')}; commit it so every clone merges plans this way` });
  else steps.push({ path: '.gitattributes', action: 'unchanged' });
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
  assertGitRepo(ws.root);
  const removed = removeAttributes(ws.root, attributeLines(ws));
  const steps: GitSetupStep[] = [];
  if (removed) steps.push({ path: '.gitattributes', action: 'updated', note: 'removed the merge=execplan lines; commit it' });
  else if (removed === false) steps.push({ path: '.gitattributes', action: 'unchanged' });
  const had = git(ws.root, ['config', '--local', '--get-regexp', `^merge\\.${DRIVER_NAME}\\.`], { allowFail: true, env }).stdout.trim();
  if (had) {
    git(ws.root, ['config', '--local', '--remove-section', `merge.${DRIVER_NAME}`], { env });
    steps.push({ path: '.git/config', action: 'removed', note: `merge.${DRIVER_NAME}` });
  } else steps.push({ path: '.git/config', action: 'unchanged' });
  return steps;
}
