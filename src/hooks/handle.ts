/**
 * `execplan hook <event>`: an agent's lifecycle hook. Reads the payload, asks the use cases, and
 * answers in the agent's format. A hook must never break the agent: whatever cannot be read or
 * answered (an unknown agent, a malformed payload, a broken workspace) ends with exit 0, nothing on
 * stdout and a note on stderr.
 */
import { eventFromName, type AgentId, type HookEvent } from '../core/agent-hooks.js';
import { openWorkspace } from '../workspace/workspace.js';
import { renderAnswer, type HookAnswer } from './answer.js';
import { isAgent, readPayload } from './payload.js';

/** What a hook run is given. */
export interface HookRequest {
  event: string;
  agent: string | undefined;
  /** The payload as read from stdin. */
  input: string;
  /** Where the hook process runs; the payload's folder wins. */
  cwd: string;
  /** Token budget of the session-start context. */
  budget?: number;
}

/** What a hook run writes and its exit code (always 0). */
export interface HookResult {
  stdout: string;
  stderr: string;
}

/** Answer one hook call. */
export async function handleHook(req: HookRequest): Promise<HookResult> {
  const note = (why: string): HookResult => ({ stdout: '', stderr: `execplan hook: ${why}; nothing done.\n` });
  const event = eventFromName(req.event);
  if (!event) return note(`unknown event "${req.event}" (known: session-start, stop, pre-compact, or an agent's own name for them)`);
  const agentName = req.agent ?? 'claude';
  if (!isAgent(agentName)) return note(`unknown agent "${agentName}" (known: claude, codex, cursor, gemini)`);
  const agent: AgentId = agentName;
  const payload = readPayload(req.input, agent);
  if (typeof payload === 'string') return note(payload);
  let stderr = '';
  if (payload.event && payload.event !== event) stderr += `execplan hook: the payload is for ${payload.eventName}, the command for ${req.event}; answering ${req.event}.\n`;
  try {
    const answer = await answerFor(event, payload.cwd ?? req.cwd, payload.continuing, req.budget);
    const doc = renderAnswer(agent, answer.answer);
    if (answer.why) stderr += `execplan hook: ${answer.why}.\n`;
    return { stdout: `${JSON.stringify(doc)}\n`, stderr };
  } catch (err) {
    return { stdout: '', stderr: `${stderr}execplan hook: ${(err as Error)?.message ?? String(err)}; nothing done.\n` };
  }
}

async function answerFor(event: HookEvent, cwd: string, continuing: boolean, budget: number | undefined): Promise<{ answer: HookAnswer; why?: string }> {
  const ws = openWorkspace(cwd);
  const uc = await import('../usecases/session-hooks.js');
  if (event === 'session-start') {
    const ctx = await uc.sessionContext(ws, budget);
    return ctx.context === null ? { answer: { kind: 'none' }, why: ctx.why } : { answer: { kind: 'context', text: ctx.context } };
  }
  // Never twice in a row: the agent continues because of the last block, so this stop goes through.
  if (event === 'stop' && continuing) return { answer: { kind: 'none' }, why: 'the agent is already continuing after a blocked stop' };
  const check = await uc.checkPlanCurrent(ws);
  if (!check.stale) return { answer: { kind: 'none' }, why: check.why };
  return { answer: event === 'stop' ? { kind: 'block', reason: check.reminder } : { kind: 'message', text: check.reminder } };
}
