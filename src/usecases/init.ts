/** Setting a repository up for plans, for `execplan init`: folders, guide, and on request agent instructions, agent hooks and git's merge driver. */
import path from 'node:path';
import { CONFIG_FILE, DEFAULT_PATHS, loadConfig } from '../workspace/config.js';
import { installedCommand, makePlanFolders, writeDetectedConfig, writeGuide, writeScript, type InitStep } from '../workspace/init-files.js';
import { detectLayout } from '../workspace/layout.js';
import { isFile } from '../workspace/read.js';
import { assertFolder, findRoot, workspaceFor } from '../workspace/workspace.js';

/** What to set up besides the folders and the guide. */
export interface InitRequest {
  /** Instructions for coding agents: the AGENTS.md block and the skill files. */
  agents?: boolean;
  /** Agent hooks for every agent execplan knows. */
  hooks?: boolean;
  /** git's merge driver for plans. */
  git?: boolean;
  /** scripts/new_execplan.py even when no rules file mentions it. */
  script?: boolean;
  env: Record<string, string | undefined>;
}

/** What init did. */
export interface InitResult {
  root: string;
  steps: InitStep[];
  /** Whether anything was created or updated. */
  changed: boolean;
  /** The plan folder a new execplan.json points at, when one was found. */
  detected: string | null;
  /** Steps that left a file alone because only a person can set it right. */
  blocked: InitStep[];
  /** The files written for agents run `execplan`, which would not be found. */
  notInstalled: boolean;
  /** Whether the repository has an AGENTS.md. */
  hasAgentsFile: boolean;
}

/** Set up the repository that holds `cwd`. */
export async function initWorkspace(cwd: string, req: InitRequest): Promise<InitResult> {
  assertFolder(cwd);
  const root = findRoot(cwd);
  const steps: InitStep[] = [];
  let config = loadConfig(root);
  let detected: string | null = null;
  if (!config.file) {
    const layout = detectLayout(root);
    if (layout && layout.paths.active !== DEFAULT_PATHS.active) {
      steps.push(writeDetectedConfig(root, layout));
      detected = layout.paths.active;
      config = loadConfig(root);
    }
  } else {
    steps.push({ path: CONFIG_FILE, action: 'exists' });
  }
  const ws = workspaceFor(root, config);
  steps.push(...makePlanFolders(ws), writeGuide(root, config.paths));
  const script = writeScript(root, Boolean(req.script));
  if (script) steps.push(script);
  if (req.git) {
    const { installGit } = await import('./git-setup.js');
    steps.push(...installGit(ws, req.env).map((s) => ({ path: s.path, action: s.action === 'removed' ? ('updated' as const) : s.action, ...(s.note ? { note: s.note } : {}) })));
  }
  if (req.agents) steps.push(...(await import('../workspace/agent-files.js')).initAgents(ws));
  if (req.hooks) {
    const { installAgentHooks } = await import('./agent-hooks.js');
    for (const h of installAgentHooks(ws, ['claude', 'codex', 'cursor', 'gemini'])) {
      const events = h.events.length ? `hooks for ${h.events.join(', ')}` : undefined;
      const note = [events, h.note].filter(Boolean).join('; ');
      steps.push({ path: h.path, action: h.action === 'removed' ? 'updated' : h.action, ...(note ? { note } : {}), ...(h.blocked ? { blocked: true } : {}) });
    }
  }
  const blocked = steps.filter((s) => s.blocked);
  // The instructions and hooks run `execplan`: the caller says how to install it when it would not be found.
  let notInstalled = false;
  if ((req.agents || req.hooks) && !blocked.length) {
    notInstalled = !installedCommand('execplan', root, req.env);
  }
  return { root, steps, changed: steps.some((s) => s.action === 'created' || s.action === 'updated'), detected, blocked, notInstalled, hasAgentsFile: isFile(path.join(root, 'AGENTS.md')) };
}
