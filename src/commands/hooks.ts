/** `execplan hooks install|uninstall [--claude] [--codex] [--cursor] [--gemini]`: the agents' lifecycle hooks in their settings files. */
import type { OptionsOf } from '../command-table.js';
import { AGENT_IDS } from '../core/agent-hooks.js';
import { ExecplanError } from '../workspace/errors.js';
import { openWorkspace } from '../workspace/workspace.js';
import { refusedEnvelope } from '../usecases/envelope.js';
import { writeJson, type Io } from './io.js';

/** Run `execplan hooks <action>`. */
export async function run(io: Io, opts: OptionsOf<'hooks'>, action: string): Promise<number> {
  if (action !== 'install' && action !== 'uninstall') {
    throw new ExecplanError('USAGE', `Unknown action "${action}". Use \`execplan hooks install\` or \`execplan hooks uninstall\`, with --claude, --codex, --cursor or --gemini to pick agents (default: all four).`);
  }
  const ws = openWorkspace(io.cwd);
  const picked = AGENT_IDS.filter((id) => opts[id]);
  const agents = picked.length ? picked : [...AGENT_IDS];
  const uc = await import('../usecases/agent-hooks.js');
  const steps = action === 'install' ? uc.installAgentHooks(ws, agents) : uc.uninstallAgentHooks(ws, agents);
  const blockedSteps = steps.filter((s) => s.blocked);
  const blocked = blockedSteps.length > 0;
  const data = { root: ws.root, steps };
  if (opts.json) writeJson(io, blocked ? refusedEnvelope(`Left ${blockedSteps.map((s) => s.path).join(', ')} as ${blockedSteps.length === 1 ? 'it is' : 'they are'}.`, blockedSteps.map((s) => `${s.path}: ${s.note ?? 'left as it is'}`), data) : data);
  // One line per settings file: what was done, to which events.
  else io.stdout(steps.map((s) => `${s.action.padEnd(9)} ${s.path}${s.events.length ? ` (${s.events.join(', ')})` : ''}${s.note ? `: ${s.note}` : ''}\n`).join(''));
  return blocked ? 1 : 0;
}
