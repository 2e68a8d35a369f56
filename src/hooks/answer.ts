/**
 * Answers in each agent's own hook format (see each agent's documentation, linked from
 * src/core/agent-hooks.ts): context at session start, a blocked stop with its reason, a message
 * before compaction, or nothing to say.
 */
import { AGENTS, type AgentId } from '../core/agent-hooks.js';

/** What execplan answers a hook with. */
export type HookAnswer = { kind: 'context'; text: string } | { kind: 'block'; reason: string } | { kind: 'message'; text: string } | { kind: 'none' };

/** The JSON document an agent reads on the hook's stdout. */
export function renderAnswer(agent: AgentId, answer: HookAnswer): Record<string, unknown> {
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
