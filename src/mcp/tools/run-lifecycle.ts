/** What lint_plan, resume_plan and archive_plan do (their schemas are in lifecycle.ts). */
import { fixOne, needsFix } from '../../usecases/lint-fix.js';
import { summarize } from '../../core/lint.js';
import { renderMoves } from '../../formatters/moves.js';
import { format as stylish } from '../../formatters/stylish.js';
import { RULES } from '../../rules/index.js';
import { VERSION } from '../../version.js';
import { archivePlan as archive, reopenPlan as reopen } from '../../usecases/archive.js';
import { clockFrom } from '../../usecases/clock.js';
import { lintJob, lintSetup } from '../../usecases/lint-setup.js';
import { resumePlan as resume } from '../../usecases/resume.js';
import { createFileLinter } from '../../workspace/lint-runner.js';
import { listPlanRefs, type PlanRef } from '../../workspace/plans.js';
import type { McpContext } from '../context.js';
import type { ToolArgs, ToolResult } from '../tool.js';
import type { archivePlanInput, archivePlanOutput, lintPlanInput, lintPlanOutput, reopenPlanInput, resumePlanInput, resumePlanOutput } from './lifecycle.js';

/** `lint_plan`: the workspace's rules on one plan, or on every active plan. */
export async function lintPlan(args: ToolArgs<typeof lintPlanInput>, ctx: McpContext): ToolResult<typeof lintPlanOutput> {
  const ws = await ctx.workspace();
  const refs: PlanRef[] = args.plan !== undefined ? [ctx.plan(ws, args.plan)] : listPlanRefs(ws, 'active');
  const linter = createFileLinter(lintSetup(ws, clockFrom(ctx.io.env)));
  let fixed = 0;
  const results = [];
  for (const ref of refs) {
    const job = lintJob(ws, ref);
    let diagnostics = linter.lintFile(job, false).diagnostics;
    if (args.fix && !ref.archived && needsFix(diagnostics)) {
      const outcome = await fixOne(ws, ref, job, linter, diagnostics, false);
      fixed += outcome.fixed;
      diagnostics = outcome.diagnostics;
    }
    results.push(summarize(ref.relPath, diagnostics));
  }
  const findings = results.flatMap((r) => r.diagnostics.map((d) => ({ path: r.file, line: d.line, severity: d.severity, rule: d.ruleId, message: d.message })));
  const enabled = Object.fromEntries(linter.enabled.map((e) => [e.rule.meta.id, e.severity]));
  const report = stylish({ results, rules: RULES.map((r) => r.meta), enabled, version: VERSION, color: false }).trim() || (results.length ? 'No findings.' : 'No plans to check.');
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
