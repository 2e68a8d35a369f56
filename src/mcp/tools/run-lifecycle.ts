/** What lint_plan, resume_plan and archive_plan do (their schemas are in lifecycle.ts). */
import type { LintResult } from '../../core/diagnostic.js';
import type { FormatInput } from '../../formatters/types.js';
import { renderMoves } from '../../formatters/moves.js';
import { format as stylish } from '../../formatters/stylish.js';
import { VERSION } from '../../version.js';
import { archivePlan as archive, reopenPlan as reopen } from '../../usecases/archive.js';
import { clockFrom } from '../../usecases/clock.js';
import { lintPlans } from '../../usecases/lint.js';
import { resumePlan as resume } from '../../usecases/resume.js';
import type { McpContext } from '../context.js';
import type { ToolArgs, ToolResult } from '../tool.js';
import type { archivePlanInput, archivePlanOutput, lintPlanInput, lintPlanOutput, reopenPlanInput, resumePlanInput, resumePlanOutput } from './lifecycle.js';

/** `lint_plan`: the workspace's rules on one plan, or on every active plan. */
export async function lintPlan(args: ToolArgs<typeof lintPlanInput>, ctx: McpContext): ToolResult<typeof lintPlanOutput> {
  const ws = await ctx.workspace();
  const named = args.plan !== undefined ? ctx.plan(ws, args.plan) : undefined;
  const results: LintResult[] = [];
  let input: Pick<FormatInput, 'rules' | 'enabled'> = { rules: [], enabled: {} };
  let fixed = 0;
  // An archived plan is a closed record: it is checked, never fixed.
  const fix = args.fix && !named?.archived ? 'write' : 'none';
  await lintPlans(ws, { cwd: ws.root, targets: [], ...(named ? { plans: [named] } : {}), clock: clockFrom(ctx.io.env), env: ctx.io.env, fix }, {
    start: (_, run) => (input = { rules: run.rules, enabled: Object.fromEntries(run.enabled.map((e) => [e.rule.meta.id, e.severity])) }),
    result: (r) => void results.push(r),
    end: async (fixes) => void (fixed = fixes?.fixed ?? 0),
  });
  const findings = results.flatMap((r) => r.diagnostics.map((d) => ({ path: r.file, line: d.line, severity: d.severity, rule: d.ruleId, message: d.message })));
  const report = stylish({ results, ...input, version: VERSION, color: false }).trim() || (results.length ? 'No findings.' : 'No plans to check.');
  const text = args.fix ? `Fixed ${fixed} finding${fixed === 1 ? '' : 's'}.\n${report}` : report;
  return {
    data: { checked: results.length, ...(args.fix ? { fixed } : {}), errors: findings.filter((f) => f.severity === 'error').length, warnings: findings.filter((f) => f.severity === 'warn').length, findings },
    text,
  };
}

/** `resume_plan`: the brief to pick a plan up from. */
export async function resumePlan(args: ToolArgs<typeof resumePlanInput>, ctx: McpContext): ToolResult<typeof resumePlanOutput> {
  const ws = await ctx.workspace();
  const ref = ctx.plan(ws, args.plan);
  const { brief, text } = resume({ ws, ref });
  const next = brief.progress.next.items.map((i) => ({ n: i.index, text: i.text }));
  return { data: { id: ref.id, path: ref.relPath, done: brief.progress.done, total: brief.progress.total, next, brief: text }, text };
}

/** `archive_plan`: move a finished plan and its artifacts to the archive. */
export async function archivePlan(args: ToolArgs<typeof archivePlanInput>, ctx: McpContext): ToolResult<typeof archivePlanOutput> {
  const ws = await ctx.workspace();
  const ref = ctx.plan(ws, args.plan);
  const result = await archive({ ws, ref }, clockFrom(ctx.io.env));
  return { data: { id: result.id, from: result.from, to: result.to }, text: renderMoves(result, 'Archived').trimEnd() };
}

/** `reopen_plan`: bring an archived plan and its artifacts back to the active folders. */
export async function reopenPlan(args: ToolArgs<typeof reopenPlanInput>, ctx: McpContext): ToolResult<typeof archivePlanOutput> {
  const ws = await ctx.workspace();
  // The reference is checked as any tool's is (no absolute path, nothing outside the workspace).
  const ref = ctx.plan(ws, args.plan);
  const result = await reopen(ws, ref.archived ? ref.relPath : args.plan, ws.root);
  return { data: { id: result.id, from: result.from, to: result.to }, text: renderMoves(result, 'Reopened').trimEnd() };
}
