/**
 * The coding agents whose lifecycle hooks execplan installs: where each keeps its hooks, what it
 * calls the three moments execplan answers (a session starts, the agent stops, the context is about
 * to be compacted), and the shape of one hook entry in its settings file. Pure data.
 */

/** The agents execplan knows. */
export const AGENT_IDS = ['claude', 'codex', 'cursor', 'gemini'] as const;
/** One agent. */
export type AgentId = (typeof AGENT_IDS)[number];

/** The moments execplan answers, as `execplan hook <event>` names them. */
export const HOOK_EVENTS = ['session-start', 'stop', 'pre-compact'] as const;
/** One moment. */
export type HookEvent = (typeof HOOK_EVENTS)[number];

/** How one agent keeps its hooks. */
export interface AgentHooks {
  id: AgentId;
  /** The agent's name, for messages. */
  name: string;
  /** The settings file in the repository that holds its hooks. */
  file: string;
  /** Where the map from event names to hook lists sits in that file. */
  eventsPath: readonly string[];
  /** The agent's own name of each event. */
  events: Record<HookEvent, string>;
  /** A new settings file, before anything is added. */
  emptyFile: string;
  /** One hook list entry that runs `command`. */
  entry(command: string): unknown;
  /** Whether entries are matcher groups (`{ hooks: [{ type, command }] }`) rather than `{ command }`. */
  grouped: boolean;
  /** Documentation of the agent's hooks. */
  docs: string;
}

const group = (command: string) => ({ hooks: [{ type: 'command', command }] });

/** Every agent, by id. */
export const AGENTS: Record<AgentId, AgentHooks> = {
  claude: {
    id: 'claude',
    name: 'Claude Code',
    file: '.claude/settings.json',
    eventsPath: ['hooks'],
    events: { 'session-start': 'SessionStart', stop: 'Stop', 'pre-compact': 'PreCompact' },
    emptyFile: '{}\n',
    entry: group,
    grouped: true,
    docs: 'https://code.claude.com/docs/en/hooks',
  },
  codex: {
    id: 'codex',
    name: 'Codex',
    file: '.codex/hooks.json',
    eventsPath: ['hooks'],
    events: { 'session-start': 'SessionStart', stop: 'Stop', 'pre-compact': 'PreCompact' },
    emptyFile: '{}\n',
    entry: group,
    grouped: true,
    docs: 'https://developers.openai.com/codex/hooks',
  },
  cursor: {
    id: 'cursor',
    name: 'Cursor',
    file: '.cursor/hooks.json',
    eventsPath: ['hooks'],
    events: { 'session-start': 'sessionStart', stop: 'stop', 'pre-compact': 'preCompact' },
    emptyFile: '{\n  "version": 1\n}\n',
    entry: (command) => ({ command }),
    grouped: false,
    docs: 'https://cursor.com/docs/agent/hooks',
  },
  gemini: {
    id: 'gemini',
    name: 'Gemini CLI',
    file: '.gemini/settings.json',
    eventsPath: ['hooks'],
    events: { 'session-start': 'SessionStart', stop: 'AfterAgent', 'pre-compact': 'PreCompress' },
    emptyFile: '{}\n',
    entry: group,
    grouped: true,
    docs: 'https://geminicli.com/docs/hooks/reference',
  },
};

/** The command an agent runs for one event. */
export function hookCommand(agent: AgentId, event: HookEvent): string {
  return `execplan hook ${event} --agent ${agent}`;
}

/** Whether a hook command is one execplan installed (any event, any agent). */
export function isExecplanHook(command: unknown): boolean {
  return typeof command === 'string' && /^execplan hook [a-z-]+ --agent [a-z]+$/.test(command.trim());
}

/** Our event for an agent's own event name (`Stop`, `AfterAgent`, `preCompact`…), or for ours; undefined when unknown. */
export function eventFromName(name: string): HookEvent | undefined {
  if ((HOOK_EVENTS as readonly string[]).includes(name)) return name as HookEvent;
  for (const agent of Object.values(AGENTS)) {
    for (const [ours, theirs] of Object.entries(agent.events)) if (theirs === name) return ours as HookEvent;
  }
  return undefined;
}
