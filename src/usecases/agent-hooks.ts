/**
 * Installing and removing execplan's lifecycle hooks in the agents' settings files of a workspace.
 * Each file is edited as text (src/core/hook-settings.ts): the user's other settings and hooks keep
 * every byte.
 */
import { AGENTS, type AgentId } from '../core/agent-hooks.js';
import { installHooks, uninstallHooks } from '../core/hook-settings.js';
import { readSettings, writeSettings } from '../workspace/agent-files.js';
import type { Workspace } from '../workspace/workspace.js';

/** What was done to one agent's settings file. */
export interface HookStep {
  agent: AgentId;
  path: string;
  action: 'created' | 'updated' | 'unchanged' | 'removed' | 'kept';
  /** The agent's events whose entries were added or removed. */
  events: string[];
  note?: string;
  /** Left alone because only a person can set it right (not JSON, an unexpected shape). */
  blocked?: boolean;
}

/** Add execplan's hooks to the settings file of each agent. */
export function installAgentHooks(ws: Workspace, agents: readonly AgentId[]): HookStep[] {
  return agents.map((id) => edit(ws, id, 'install'));
}

/** Take execplan's hooks out of the settings file of each agent, and nothing else. */
export function uninstallAgentHooks(ws: Workspace, agents: readonly AgentId[]): HookStep[] {
  return agents.map((id) => edit(ws, id, 'uninstall'));
}

function edit(ws: Workspace, id: AgentId, what: 'install' | 'uninstall'): HookStep {
  const agent = AGENTS[id];
  const settings = `${agent.name} settings file`;
  const current = readSettings(ws.root, agent.file, settings);
  if (current === undefined && what === 'uninstall') return { agent: id, path: agent.file, action: 'unchanged', events: [] };
  const text = current ?? '';
  const result = what === 'install' ? installHooks(text, agent) : uninstallHooks(text, agent);
  if (!result.ok) {
    const where = result.problem.line !== undefined ? `${agent.file}:${result.problem.line}` : agent.file;
    return { agent: id, path: agent.file, action: 'kept', events: [], blocked: true, note: `${where}: ${result.problem.message}; fix it by hand and run again` };
  }
  if (result.text === text) return { agent: id, path: agent.file, action: 'unchanged', events: [] };
  // A file that holds nothing but what an empty one would is the file install created: it goes.
  if (what === 'uninstall' && result.text.replace(/\s+/g, '') === agent.emptyFile.replace(/\s+/g, '')) {
    writeSettings(ws.root, agent.file, undefined, settings);
    return { agent: id, path: agent.file, action: 'removed', events: result.changed };
  }
  writeSettings(ws.root, agent.file, result.text, settings);
  const note = what === 'install' && id === 'codex' ? 'Codex runs hooks only with them enabled: `codex_hooks = true` under [features] in .codex/config.toml or ~/.codex/config.toml, on versions that still ask for it' : undefined;
  return { agent: id, path: agent.file, action: current === undefined ? 'created' : 'updated', events: result.changed, ...(note ? { note } : {}) };
}
