/**
 * Reading an agent's hook payload: the JSON object it writes on stdin. Only the few fields execplan
 * needs are read, by each agent's documented names (test/fixtures/hooks/ holds the documented
 * payloads): where the session works, which event fired, and whether the agent is already
 * continuing because a stop hook asked it to.
 */
import { AGENT_IDS, eventFromName, type AgentId, type HookEvent } from '../core/agent-hooks.js';

/** What execplan reads of a payload. */
export interface Payload {
  /** The folder the session works in. */
  cwd?: string;
  /** The event the payload says fired, as execplan names it. */
  event?: HookEvent;
  /** The agent's own event name. */
  eventName?: string;
  /** The agent continues because a stop hook blocked its last stop (`stop_hook_active`, Cursor's `loop_count`). */
  continuing: boolean;
}

/** Read a payload; a string saying what is wrong when it is not a JSON object. */
export function readPayload(text: string, agent: AgentId): Payload | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return text.trim() === '' ? 'stdin was empty; the agent sends its hook payload there as JSON' : `the payload on stdin is not JSON (${(err as Error).message})`;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'the payload on stdin is not a JSON object';
  const p = data as Record<string, unknown>;
  const eventName = typeof p.hook_event_name === 'string' ? p.hook_event_name : undefined;
  const roots = Array.isArray(p.workspace_roots) ? p.workspace_roots.find((r): r is string => typeof r === 'string') : undefined;
  const cwd = agent === 'cursor' ? (roots ?? str(p.cwd)) : (str(p.cwd) ?? roots);
  const continuing = p.stop_hook_active === true || (typeof p.loop_count === 'number' && p.loop_count > 0);
  const event = eventName === undefined ? undefined : eventFromName(eventName);
  return { ...(cwd ? { cwd } : {}), ...(event ? { event } : {}), ...(eventName ? { eventName } : {}), continuing };
}

/** Whether a string names an agent execplan knows. */
export function isAgent(s: string): s is AgentId {
  return (AGENT_IDS as readonly string[]).includes(s);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}
