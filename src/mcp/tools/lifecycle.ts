/** Tools that check a plan, brief its next reader and archive it: the library behind lint, resume and archive. */
import path from 'node:path';
import { z } from 'zod';
import { renderMoves } from '../../commands/archive.js';
import { clock, tzOffset } from '../../commands/io.js';
import { lintSettings } from '../../commands/lint-options.js';
import { resumePlan } from '../../commands/resume.js';
import { summarize } from '../../core/lint.js';
import { format as stylish } from '../../formatters/stylish.js';
import { RULES } from '../../rules/index.js';
import { VERSION } from '../../version.js';
import { archivePlan } from '../../workspace/archive.js';
import { createFileLinter } from '../../workspace/lint-runner.js';
import { planLintErrors } from '../../workspace/lint-errors.js';
import { resolveLintTargets } from '../../workspace/lint-targets.js';
import type { PlanRef } from '../../workspace/plans.js';
import { relPath } from '../../workspace/workspace.js';
import { reallyInside } from '../context.js';
import { defineTool } from '../tool.js';
import { planField } from './fields.js';

/** `lint_plan`: the workspace's rules on one plan, or on every active plan. */
export const lintPlanTool = defineTool({
  name: 'lint_plan',
  description: 'Check one plan, or every active plan, against the specification and the workspace rules.',
  input: { plan: planField.optional() },
  output: {
    checked: z.number(),
    errors: z.number(),
    warnings: z.number(),
    findings: z.array(z.object({ path: z.string(), line: z.number(), severity: z.enum(['error', 'warn']), rule: z.string(), message: z.string() })),
  },
  annotations: { readOnlyHint: true },
  async run(args, ctx) {
    const ws = await ctx.workspace();
    const refs: PlanRef[] = args.plan !== undefined ? [ctx.plan(ws, args.plan)] : resolveLintTargets(ws, ws.root, []).filter((r) => reallyInside(ws, r.path));
    const now = clock(ctx.io);
    const linter = createFileLinter({
      root: ws.root,
      lint: lintSettings(ws.config, {}, RULES.map((r) => r.meta)),
      sections: ws.config.sections,
      timestampStyle: ws.config.timestamps.style,
      now: now.getTime(),
      tzOffsetMinutes: tzOffset(ctx.io, now),
    });
    const results = refs.map((ref) => {
      const artifacts = relPath(ws, path.join(ref.archived ? ws.dirs.archiveArtifacts : ws.dirs.artifacts, ref.id));
      const { diagnostics } = linter.lintFile({ abs: ref.path, rel: ref.relPath, artifacts }, undefined, false);
      return summarize(ref.relPath, diagnostics);
    });
    const findings = results.flatMap((r) => r.diagnostics.map((d) => ({ path: r.file, line: d.line, severity: d.severity, rule: d.ruleId, message: d.message })));
    const enabled = Object.fromEntries(linter.enabled.map((e) => [e.rule.meta.id, e.severity]));
    const text = stylish({ results, rules: RULES.map((r) => r.meta), enabled, version: VERSION, color: false }).trim() || 'No plans to check.';
    return {
      data: { checked: results.length, errors: findings.filter((f) => f.severity === 'error').length, warnings: findings.filter((f) => f.severity === 'warn').length, findings },
      text,
    };
  },
});

/** `resume_plan`: the brief to pick a plan up from. */
export const resumePlanTool = defineTool({
  name: 'resume_plan',
  description: 'Brief for picking a plan up: purpose, where it stands, next steps, latest decisions and surprises, checks to run.',
  input: { plan: planField },
  output: {
    id: z.string(),
    path: z.string(),
    done: z.number(),
    total: z.number(),
    next: z.array(z.object({ n: z.number(), text: z.string() })),
    brief: z.string(),
  },
  annotations: { readOnlyHint: true },
  async run(args, ctx) {
    const ws = await ctx.workspace();
    const ref = ctx.plan(ws, args.plan);
    const { brief, text } = resumePlan(ws, ref);
    const next = brief.progress.next.items.map((i) => ({ n: i.index, text: i.text }));
    return { data: { id: ref.id, path: ref.relPath, done: brief.progress.done, total: brief.progress.total, next, brief: text }, text };
  },
});

/** `archive_plan`: move a finished plan and its artifacts to the archive. */
export const archivePlanTool = defineTool({
  name: 'archive_plan',
  description: 'Move a finished plan and its artifacts folder to the archive; an unfinished plan is refused with the reasons.',
  input: { plan: planField },
  output: { id: z.string(), from: z.string(), to: z.string() },
  async run(args, ctx) {
    const ws = await ctx.workspace();
    const ref = ctx.plan(ws, args.plan);
    const now = clock(ctx.io);
    const tz = tzOffset(ctx.io, now);
    const result = await archivePlan(ws, ref, { now, tzOffsetMinutes: tz, lint: (text, r) => planLintErrors(ws, r, text, now, tz) });
    return { data: { id: result.id, from: result.from, to: result.to }, text: renderMoves(result, 'Archived').trimEnd() };
  },
});
