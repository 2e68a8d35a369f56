/**
 * The files `execplan init` sets up: the configuration pointing at a detected layout, the plan
 * folders, the PLANS.md guide and scripts/new_execplan.py, each only where nothing of the
 * user's is in the way; and where the `execplan` those files tell agents to run would be found.
 */
import { accessSync, constants, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dominantEol } from '../core/lines.js';
import { NEW_EXECPLAN_SCRIPT, SCRIPT_PATH } from '../templates/new-execplan-script.js';
import { plansGuide, type GuidePaths } from '../templates/plans-guide.js';
import { writeFileAtomic } from './atomic-write.js';
import { CONFIG_FILE } from './config.js';
import { sha256 } from './hash.js';
import type { DetectedLayout } from './layout.js';
import { assertRealInside, mkdirInside, writablePath } from './safe-path.js';
import { relPath, type Workspace } from './workspace.js';

/** What init did to one path. */
export interface InitStep {
  path: string;
  action: 'created' | 'exists' | 'unchanged' | 'updated' | 'kept';
  note?: string;
  /** The file was left alone because only a person can set it right: the run did not do all it was asked. */
  blocked?: boolean;
}

/** Write execplan.json pointing at a layout found in the repository. */
export function writeDetectedConfig(root: string, layout: DetectedLayout): InitStep {
  const file = path.join(root, CONFIG_FILE);
  writeFileSync(writablePath(root, file, 'configuration file'), `${JSON.stringify({ paths: layout.paths }, null, 2)}\n`, { flag: 'wx' });
  return { path: CONFIG_FILE, action: 'created', note: `points at ${layout.paths.active} (${layout.plans} plan${layout.plans === 1 ? '' : 's'} found there)` };
}

/** Create the workspace's plan and artifacts folders that are missing. */
export function makePlanFolders(ws: Workspace): InitStep[] {
  const steps: InitStep[] = [];
  for (const dir of [ws.dirs.active, ws.dirs.artifacts, ws.dirs.archive, ws.dirs.archiveArtifacts]) {
    // A folder that is (or lies behind) a link to elsewhere is refused even when it exists: plans would be written there.
    assertRealInside(ws.root, dir, 'plans folder');
    const existed = existsSync(dir);
    if (!existed) mkdirInside(ws.root, dir, 'plans folder');
    // Git keeps no empty folder: the two artifacts folders (which hold the others) get a .gitkeep.
    if (!existed && (dir === ws.dirs.artifacts || dir === ws.dirs.archiveArtifacts)) writeFileSync(writablePath(ws.root, path.join(dir, '.gitkeep'), 'file'), '', { flag: 'wx' });
    steps.push({ path: `${relPath(ws, dir)}/`, action: existed ? 'exists' : 'created' });
  }
  return steps;
}

/** Where a repository's rules for plans may be, the guide init writes first. */
const GUIDES = ['.agent/PLANS.md', '.agents/PLANS.md', 'PLANS.md', 'docs/PLANS.md'];

/** The repository's rules file for plans, the first of {@link GUIDES} there; undefined when it has none. */
export function guideFile(root: string): string | undefined {
  return GUIDES.find((p) => existsSync(path.join(root, p)));
}

/**
 * Write `.agent/PLANS.md` unless the repository has its own rules: a file the user wrote or edited
 * is never overwritten; an unedited guide from an older version is brought up to date.
 */
export function writeGuide(root: string, paths: GuidePaths): InitStep {
  const own = guideFile(root);
  if (own && own !== GUIDES[0]) return { path: own, action: 'kept', note: 'the repository has its own rules file; no guide written' };
  return writeStamped(root, GUIDES[0]!, 'guide', plansGuide(paths));
}

/**
 * Write `body` with a last line recording its hash, so a later run tells its own text from the
 * user's edits: a missing file is created, an unedited one from an older version brought up to date
 * (in the line endings a checkout may have given it), an edited one left as it is.
 */
export function writeStamped(root: string, rel: string, kind: 'guide' | 'skill', body: string): InitStep {
  const text = `${body}\n<!-- execplan-${kind} sha256:${sha256(body)} -->\n`;
  // Checked before it is even read: a file that is a link to elsewhere is not the repository's.
  const file = writablePath(root, path.join(root, rel), kind);
  if (!existsSync(file)) {
    writeFileSync(file, text, { flag: 'wx' });
    return { path: rel, action: 'created' };
  }
  const current = readFileSync(file, 'utf8');
  const lf = current.replace(/\r\n/g, '\n');
  if (lf === text) return { path: rel, action: 'unchanged' };
  const stamp = new RegExp(`\\n<!-- execplan-${kind} sha256:([0-9a-f]{64}) -->\\n?$`).exec(lf);
  if (stamp && sha256(lf.slice(0, stamp.index)) === stamp[1]) {
    writeFileAtomic(file, dominantEol(current) === '\n' ? text : text.replace(/\n/g, '\r\n'));
    return { path: rel, action: 'updated', note: `the ${kind} was unedited; brought up to date` };
  }
  return { path: rel, action: 'kept', note: 'edited by you; left as it is' };
}

/** The rules files that may tell agents to run `scripts/new_execplan.py`, as the specification's tip does. */
const RULES_FILES = ['PLANS.md', '.agent/PLANS.md', '.agents/PLANS.md', 'AGENTS.md'];

/**
 * Write `scripts/new_execplan.py` when a rules file mentions it (or `always`) and it is missing. A
 * file of that name is never touched; returns undefined when there is nothing to say.
 */
export function writeScript(root: string, always: boolean): InitStep | undefined {
  const file = path.join(root, SCRIPT_PATH);
  const mentioned = RULES_FILES.some((rel) => {
    try {
      return readFileSync(path.join(root, rel), 'utf8').includes('new_execplan.py');
    } catch {
      return false;
    }
  });
  if (!always && !mentioned) return undefined;
  if (existsSync(file)) return { path: SCRIPT_PATH, action: 'kept', note: 'a file of that name is there already; left as it is' };
  mkdirInside(root, path.dirname(file), 'scripts folder');
  writeFileSync(writablePath(root, file, 'file'), NEW_EXECPLAN_SCRIPT, { flag: 'wx', mode: 0o755 });
  return { path: SCRIPT_PATH, action: 'created', note: 'runs execplan new, as the rules file tells agents to' };
}

/** The executable file `name` resolves to from `root` (its node_modules/.bin first, then PATH), or undefined. */
export function installedCommand(name: string, root: string, env: Record<string, string | undefined>): string | undefined {
  const windows = process.platform === 'win32';
  const extensions = windows ? ['', ...(env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean)] : [''];
  const dirs = [path.join(root, 'node_modules', '.bin'), ...(env.PATH ?? env.Path ?? '').split(path.delimiter).filter(Boolean)];
  for (const dir of dirs) {
    for (const ext of extensions) {
      const file = path.join(dir, name + ext);
      if (runnable(file, windows)) return file;
    }
  }
  return undefined;
}

function runnable(file: string, windows: boolean): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    if (!windows) accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
