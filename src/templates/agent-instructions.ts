/**
 * What `execplan init --agents` writes for coding agents: the managed block for AGENTS.md and
 * CLAUDE.md, and the `execplan` skill for Claude Code and Codex. Lines end with `\n`; the writer
 * converts them to the target file's line ending.
 */
import type { Config } from '../workspace/config.js';

/** The plan folders, as the workspace configures them, and the rules file agents must follow (`.agent/PLANS.md` or the repository's own). */
export type AgentLayout = Pick<Config['paths'], 'active' | 'archive' | 'artifacts'> & { guide: string };

/** First line of the managed block. */
export const BLOCK_START = '<!-- execplan:start -->';
/** Last line of the managed block. */
export const BLOCK_END = '<!-- execplan:end -->';

/** The block for AGENTS.md / CLAUDE.md, markers included, without a final line break. */
export function agentsBlock(l: AgentLayout): string {
  return [
    BLOCK_START,
    '## ExecPlans',
    '',
    `Before work that is multi-hour, cross-cutting (several subsystems or more than three files), risky (migrations, refactors, security-sensitive), ambiguous, or hard to validate, write an ExecPlan: a self-contained, living design document that someone with only the repository and the plan can follow. Read \`${l.guide}\` whole and follow it to the letter.`,
    '',
    `- Active plans live in \`${l.active}/\`, their logs and transcripts in \`${l.artifacts}/<plan-id>/\`, finished plans in \`${l.archive}/\`.`,
    '- Start one with `execplan new "Short description"`, then replace every guidance line of the skeleton; `execplan lint <plan>` checks it.',
    '- Keep it current at every stopping point: `execplan progress <plan> done <item>` (or `add`, `split`), `execplan decide <plan> "…" --rationale "…"`, `execplan discover <plan> "…" --evidence "…"`, `execplan outcome <plan> "…"`. Never leave a half-true checkbox.',
    '- After a break, `execplan resume <plan>` says where the plan stands; when it is finished, `execplan archive <plan>`.',
    '- The same operations are MCP tools when `execplan mcp` is registered with your client. Run the installed `execplan` (on PATH, or `node_modules/.bin/execplan` where it is a project dependency), never through npx, which may fetch another package of that name.',
    BLOCK_END,
  ].join('\n');
}

/** The skill's name: lower-case, and the name of the folder it lives in, as Agent Skills require. */
export const SKILL_NAME = 'execplan';

/** The skill file's text, without its hash marker line. */
export function skillText(l: AgentLayout): string {
  return `---
name: ${SKILL_NAME}
description: Write, follow and keep current an ExecPlan, a living design document in ${l.active}/. Use before multi-hour, cross-cutting, risky or ambiguous work, when resuming a plan after a break, and at every stopping point of work that has a plan.
---

# ExecPlans with execplan

An ExecPlan lets someone who has only the repository and the plan deliver the
change. The rules are in \`${l.guide}\`: read it whole before writing or
resuming a plan, and follow it to the letter.

## Write a plan

1. Research the code, configuration and documentation the task touches.
2. Run \`execplan new "Short, action-oriented description"\`. It creates
   \`${l.active}/YYYY-MM-DD_short-description.md\` from the skeleton and the
   artifacts folder \`${l.artifacts}/<plan-id>/\`.
3. Replace every guidance line and placeholder, keeping the twelve sections
   in order. Progress lists concrete, checkable steps.
4. Run \`execplan lint <plan>\` and fix every finding.

## Carry it out

- Resume with \`execplan resume <plan>\`: it prints where the plan stands and
  the next open step.
- At every stopping point:
  - \`execplan progress <plan> done <item>\` ticks a step (its number or a
    piece of its text) with a timestamp;
    \`execplan progress <plan> split <item> --done "…" --remaining "…"\`
    splits a partly done one; \`execplan progress <plan> add "step"\` adds one.
  - \`execplan decide <plan> "decision" --rationale "why"\` records a decision.
  - \`execplan discover <plan> "observation" --evidence "what shows it"\`
    records a surprise.
  - \`execplan outcome <plan> "text"\` records what shipped at a milestone or
    at the end.
- When the plan changes course, edit the sections it affects and say why in
  the Decision Log.
- When every step is done and the outcomes are written, run
  \`execplan archive <plan>\`.

Run \`execplan <command> --help\` for the options. Run the installed
\`execplan\` (on PATH, or \`node_modules/.bin/execplan\` where it is a project
dependency), never through npx, which may fetch another package of that name.
With the \`execplan mcp\` server registered,
the same operations are tools: create_plan, progress, log_decision,
log_surprise, log_outcome, resume_plan, lint_plan, archive_plan.
`;
}
