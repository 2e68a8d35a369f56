/**
 * `execplan hook <event>`: an agent's lifecycle hook. Reads the payload, asks the use cases, and
 * answers in the agent's format (see each agent's documentation, linked from
 * src/core/agent-hooks.ts; test/fixtures/hooks/ holds the documented payloads). A hook must never
 * break the agent: whatever cannot be read or answered (an unknown agent, a malformed payload, a
 * broken workspace) ends with exit 0, nothing on stdout and a note on stderr.
 */
import { AGENT_IDS, AGENTS, eventFromName, type AgentId, type HookEvent } from '../core/agent-hooks.js';
import { openWorkspace } from '../workspace/workspace.js';

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
  const name = req.agent ?? 'claude';
  const agent = AGENT_IDS.find((id) => id === name);
  if (!agent) return note(`unknown agent "${name}" (known: claude, codex, cursor, gemini)`);
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

/** What execplan reads of a payload. */
interface Payload {
  /** The folder the session works in. */
  cwd?: string;
  /** The event the payload says fired, as execplan names it. */
  event?: HookEvent;
  /** The agent's own event name. */
  eventName?: string;
  /** The agent continues because a stop hook blocked its last stop (`stop_hook_active`, Cursor's `loop_count`). */
  continuing: boolean;
}

/** Read the JSON object an agent writes on stdin, only the fields execplan needs, by the agent's names; a string saying what is wrong when it is not one. */
function readPayload(text: string, agent: AgentId): Payload | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return text.trim() === '' ? 'stdin was empty; the agent sends its hook payload there as JSON' : `the payload on stdin is not JSON (${(err as Error).message})`;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'the payload on stdin is not a JSON object';
  const p = data as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const eventName = typeof p.hook_event_name === 'string' ? p.hook_event_name : undefined;
  const roots = Array.isArray(p.workspace_roots) ? p.workspace_roots.find((r): r is string => typeof r === 'string') : undefined;
  const cwd = agent === 'cursor' ? (roots ?? str(p.cwd)) : (str(p.cwd) ?? roots);
  const continuing = p.stop_hook_active === true || (typeof p.loop_count === 'number' && p.loop_count > 0);
  const event = eventName === undefined ? undefined : eventFromName(eventName);
  return { ...(cwd ? { cwd } : {}), ...(event ? { event } : {}), ...(eventName ? { eventName } : {}), continuing };
}

/** What execplan answers a hook with. */
type HookAnswer = { kind: 'context'; text: string } | { kind: 'block'; reason: string } | { kind: 'message'; text: string } | { kind: 'none' };

async function answerFor(event: HookEvent, cwd: string, continuing: boolean, budget: number | undefined): Promise<{ answer: HookAnswer; why?: string }> {
  const ws = openWorkspace(cwd);
  const uc = await import('../usecases/session.js');
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

/** The JSON document an agent reads on the hook's stdout. */
function renderAnswer(agent: AgentId, answer: HookAnswer): Record<string, unknown> {
  switch (answer.kind) {
    case 'none':
      return {};
    case 'context':
      if (agent === 'cursor') return { additional_context: answer.text };
      return { hookSpecificOutput: { hookEventName: AGENTS[agent].events['session-start'], additionalContext: answer.text } };
    case 'block':
      if (agent === 'cursor') return { followup_message: answer.reason };
      // Gemini CLI's AfterAgent retries the turn with the reason on "deny"; the others block with "block".
      return { decision: agent === 'gemini' ? 'deny' : 'block', reason: answer.reason };
    case 'message':
      if (agent === 'cursor') return { user_message: answer.text };
      return { systemMessage: answer.text };
  }
}
