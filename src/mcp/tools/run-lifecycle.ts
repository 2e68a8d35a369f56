/** What lint_plan, resume_plan and archive_plan do (their schemas are in lifecycle.ts). */
import path from 'node:path';
import { renderMoves } from '../../commands/archive.js';
import { clock, tzOffset } from '../../commands/io.js';
import { lintSettings } from '../../commands/lint-options.js';
import { resumePlan as resume } from '../../commands/resume.js';
import { summarize } from '../../core/lint.js';
import { format as stylish } from '../../formatters/stylish.js';
import { RULES } from '../../rules/index.js';
import { VERSION } from '../../version.js';
import { archivePlan as archive } from '../../workspace/archive.js';
import { createFileLinter } from '../../workspace/lint-runner.js';
import { planLintErrors } from '../../workspace/lint-errors.js';
import { listPlanRefs, type PlanRef } from '../../workspace/plans.js';
import { relPath } from '../../workspace/workspace.js';
import type { McpContext } from '../context.js';
import type { ToolArgs, ToolResult } from '../tool.js';
import type { archivePlanInput, archivePlanOutput, lintPlanInput, lintPlanOutput, resumePlanInput, resumePlanOutput } from './lifecycle.js';

/** `lint_plan`: the workspace's rules on one plan, or on every active plan. */
export async function lintPlan(args: ToolArgs<typeof lintPlanInput>, ctx: McpContext): ToolResult<typeof lintPlanOutput> {
  const ws = await ctx.workspace();
  const refs: PlanRef[] = args.plan !== undefined ? [ctx.plan(ws, args.plan)] : listPlanRefs(ws, 'active');
  const now = clock(ctx.io);
  const linter = createFileLinter({
    root: ws.root,
    lint: lintSettings(ws.config, {}, RULES.map((r) => r.meta)),
    sections: ws.config.sections,
    timestampStyle: ws.config.timestamps.style,
    ...(ws.config.timestamps.explicit ? {} : { timestampStyleFromPlan: true }),
    now: now.getTime(),
    tzOffsetMinutes: tzOffset(ctx.io, now),
  });
  const results = refs.map((ref) => {
    const artifacts = relPath(ws, path.join(ref.archived ? ws.dirs.archiveArtifacts : ws.dirs.artifacts, ref.id));
    const { diagnostics } = linter.lintFile({ abs: ref.path, rel: ref.relPath, artifacts }, false);
    return summarize(ref.relPath, diagnostics);
  });
  const findings = results.flatMap((r) => r.diagnostics.map((d) => ({ path: r.file, line: d.line, severity: d.severity, rule: d.ruleId, message: d.message })));
  const enabled = Object.fromEntries(linter.enabled.map((e) => [e.rule.meta.id, e.severity]));
  const text = stylish({ results, rules: RULES.map((r) => r.meta), enabled, version: VERSION, color: false }).trim() || 'No plans to check.';
  return {
    data: { checked: results.length, errors: findings.filter((f) => f.severity === 'error').length, warnings: findings.filter((f) => f.severity === 'warn').length, findings },
    text,
  };
}

/** `resume_plan`: the brief to pick a plan up from. */
export async function resumePlan(args: ToolArgs<typeof resumePlanInput>, ctx: McpContext): ToolResult<typeof resumePlanOutput> {
  const ws = await ctx.workspace();
  const ref = ctx.plan(ws, args.plan);
  const { brief, text } = resume(ws, ref);
  const next = brief.progress.next.items.map((i) => ({ n: i.index, text: i.text }));
  return { data: { id: ref.id, path: ref.relPath, done: brief.progress.done, total: brief.progress.total, next, brief: text }, text };
}

/** `archive_plan`: move a finished plan and its artifacts to the archive. */
export async function archivePlan(args: ToolArgs<typeof archivePlanInput>, ctx: McpContext): ToolResult<typeof archivePlanOutput> {
  const ws = await ctx.workspace();
  const ref = ctx.plan(ws, args.plan);
  const now = clock(ctx.io);
  const tz = tzOffset(ctx.io, now);
  const result = await archive(ws, ref, { now, tzOffsetMinutes: tz, lint: (text, r) => planLintErrors(ws, r, text, now, tz) });
  return { data: { id: result.id, from: result.from, to: result.to }, text: renderMoves(result, 'Archived').trimEnd() };
}
