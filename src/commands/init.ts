/** `execplan init`: the plan folders and the PLANS.md guide, or a configuration pointing at an existing layout. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { NEW_EXECPLAN_SCRIPT, SCRIPT_PATH } from '../templates/new-execplan-script.js';
import { plansGuide, type GuidePaths } from '../templates/plans-guide.js';
import { CONFIG_FILE, DEFAULT_PATHS, loadConfig } from '../workspace/config.js';
import { detectLayout } from '../workspace/layout.js';
import { assertRealInside, mkdirInside, writablePath } from '../workspace/safe-path.js';
import { assertFolder, findRoot, relPath, workspaceFor } from '../workspace/workspace.js';
import { refusedEnvelope } from '../usecases/envelope.js';
import { writeJson, type Io } from './io.js';
import { sha256 } from '../workspace/hash.js';
import { writeFileAtomic } from '../workspace/atomic-write.js';

interface Options {
  cwd?: string;
  json?: boolean;
  agents?: boolean;
  hooks?: boolean;
  git?: boolean;
  /** Write scripts/new_execplan.py even when no rules file mentions it. */
  script?: boolean;
}

/** What init did to one path. */
export interface InitStep {
  path: string;
  action: 'created' | 'exists' | 'unchanged' | 'updated' | 'kept';
  note?: string;
  /** The file was left alone because only a person can set it right: the run did not do all it was asked. */
  blocked?: boolean;
}

/** The guide's last line records a hash of the text above it, so init can tell its own text from the user's edits. */
const MARKER = /\n<!-- execplan-guide sha256:([0-9a-f]{64}) -->\n?$/;

/** init --git installs the merge driver itself. */
export const ownsMergeDriver = true;

/** Run `execplan init`. */
export async function run(io: Io, opts: Options): Promise<number> {
  const cwd = path.resolve(opts.cwd ?? io.cwd);
  assertFolder(cwd);
  const root = findRoot(cwd);
  const steps: InitStep[] = [];
  let config = loadConfig(root);
  let detected: string | undefined;
  if (!config.file) {
    const layout = detectLayout(root);
    if (layout && layout.paths.active !== DEFAULT_PATHS.active) {
      const file = path.join(root, CONFIG_FILE);
      writeFileSync(writablePath(root, file, 'configuration file'), `${JSON.stringify({ paths: layout.paths }, null, 2)}\n`, { flag: 'wx' });
      steps.push({ path: CONFIG_FILE, action: 'created', note: `points at ${layout.paths.active} (${layout.plans} plan${layout.plans === 1 ? '' : 's'} found there)` });
      detected = layout.paths.active;
      config = loadConfig(root);
    }
  } else {
    steps.push({ path: CONFIG_FILE, action: 'exists' });
  }
  const ws = workspaceFor(root, config);
  for (const dir of [ws.dirs.active, ws.dirs.artifacts, ws.dirs.archive, ws.dirs.archiveArtifacts]) {
    // A folder that is (or lies behind) a link to elsewhere is refused even when it exists: plans would be written there.
    assertRealInside(root, dir, 'plans folder');
    const existed = existsSync(dir);
    if (!existed) mkdirInside(root, dir, 'plans folder');
    // Git keeps no empty folder: the two artifacts folders (which hold the others) get a .gitkeep.
    if (!existed && (dir === ws.dirs.artifacts || dir === ws.dirs.archiveArtifacts)) writeFileSync(writablePath(root, path.join(dir, '.gitkeep'), 'file'), '', { flag: 'wx' });
    steps.push({ path: `${relPath(ws, dir)}/`, action: existed ? 'exists' : 'created' });
  }
  steps.push(writeGuide(root, config.paths));
  const script = writeScript(root, Boolean(opts.script));
  if (script) steps.push(script);
  if (opts.git) {
    const { installGit } = await import('../usecases/git-setup.js');
    steps.push(...installGit(ws, io.env).map((s) => ({ path: s.path, action: s.action === 'removed' ? ('updated' as const) : s.action, ...(s.note ? { note: s.note } : {}) })));
  }
  if (opts.agents) {
    const { initAgents } = await import('./init-agents.js');
    steps.push(...initAgents(ws));
  }
  if (opts.hooks) {
    const { installAgentHooks } = await import('../usecases/agent-hooks.js');
    for (const h of installAgentHooks(ws, ['claude', 'codex', 'cursor', 'gemini'])) {
      const events = h.events.length ? `hooks for ${h.events.join(', ')}` : undefined;
      const note = [events, h.note].filter(Boolean).join('; ');
      steps.push({ path: h.path, action: h.action === 'removed' ? 'updated' : h.action, ...(note ? { note } : {}), ...(h.blocked ? { blocked: true } : {}) });
    }
  }

  const changed = steps.some((s) => s.action === 'created' || s.action === 'updated');
  const blocked = steps.filter((s) => s.blocked);
  // The instructions and hooks run `execplan`: say how to install it when it would not be found.
  let notInstalled = false;
  if ((opts.agents || opts.hooks) && !blocked.length) {
    const { installedCommand } = await import('../workspace/installed-command.js');
    notInstalled = !installedCommand('execplan', root, io.env);
  }
  if (opts.json) {
    if (notInstalled) io.stderr(NOT_INSTALLED);
    const data = { root, changed, detected: detected ?? null, steps };
    writeJson(io, blocked.length ? refusedEnvelope(`Left ${blocked.map((s) => s.path).join(', ')} as ${blocked.length === 1 ? 'it is' : 'they are'}.`, blocked.map((s) => `${s.path}: ${s.note}`), data) : data);
    return blocked.length ? 1 : 0;
  }
  for (const s of steps) io.stdout(`${s.action.padEnd(9)} ${s.path}${s.note ? `  (${s.note})` : ''}\n`);
  if (blocked.length) {
    for (const s of blocked) io.stderr(`execplan: left ${s.path} as it is: ${s.note}.\n`);
    return 1;
  }
  io.stdout(changed ? `\nReady. Create a plan with: execplan new "Short description"\n` : `\nNothing to do: the workspace is already set up.\n`);
  if (notInstalled) io.stderr(NOT_INSTALLED);
  // `--no-agents` declines the offer: the tip is for someone who has not said either way.
  if (opts.agents === undefined && !existsSync(path.join(root, 'AGENTS.md'))) {
    io.stderr('Tip: `execplan init --agents` adds instructions for coding agents (AGENTS.md block and skill files).\n');
  }
  return 0;
}

/** Said by `init --agents` and `--hooks` when `execplan` is neither on PATH nor in the repository's node_modules/.bin. */
export const NOT_INSTALLED =
  'execplan: note: the files written for agents run `execplan`, which is neither on PATH nor in node_modules/.bin of this repository, so agents would not find it. ' +
  'Install it from a checkout of execplan with `npm install -g <checkout>` (or `npm install --save-dev <checkout>` in a JavaScript project); the README\'s Install section has the details.\n';

/** The guide's text for the workspace's folders, with its marker line. */
export function guideText(paths?: GuidePaths): string {
  const guide = plansGuide(paths);
  return `${guide}\n<!-- execplan-guide sha256:${sha256(guide)} -->\n`;
}

/**
 * Write `.agent/PLANS.md` unless the repository has its own rules: a file the user wrote or edited
 * is never overwritten; an unedited guide from an older version is brought up to date.
 */
function writeGuide(root: string, paths: GuidePaths): InitStep {
  const rel = '.agent/PLANS.md';
  const file = path.join(root, rel);
  const text = guideText(paths);
  if (!existsSync(file)) {
    const own = ['.agents/PLANS.md', 'PLANS.md', 'docs/PLANS.md'].find((p) => existsSync(path.join(root, p)));
    if (own) return { path: own, action: 'kept', note: 'the repository has its own rules file; no guide written' };
    writeFileSync(writablePath(root, file, 'guide'), text, { flag: 'wx' });
    return { path: rel, action: 'created' };
  }
  // Checked before it is even read: a guide that is a link to elsewhere is not the repository's.
  const target = writablePath(root, file, 'guide');
  const current = readFileSync(target, 'utf8');
  if (current === text) return { path: rel, action: 'unchanged' };
  const m = MARKER.exec(current);
  const body = m ? current.slice(0, m.index) : undefined;
  if (m && body !== undefined && sha256(body) === m[1]) {
    writeFileAtomic(target, text);
    return { path: rel, action: 'updated', note: 'the guide was unedited; brought up to date' };
  }
  return { path: rel, action: 'kept', note: 'edited by you; left as it is' };
}

/** The rules files that may tell agents to run `scripts/new_execplan.py`, as the specification's tip does. */
const RULES_FILES = ['PLANS.md', '.agent/PLANS.md', '.agents/PLANS.md', 'AGENTS.md'];

/**
 * Write `scripts/new_execplan.py` when a rules file mentions it (or `always`) and it is missing. A
 * file of that name is never touched; returns undefined when there is nothing to say.
 */
function writeScript(root: string, always: boolean): InitStep | undefined {
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
