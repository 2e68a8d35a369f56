/**
 * Tools that check a plan, brief its next reader and archive it: the library behind lint, resume
 * and archive, loaded on the first call: the rules, the parser and the formatter are not needed to
 * start the server.
 */
import { z } from 'zod';
import type { LintResult } from '../../core/diagnostic.js';
import type { FormatInput } from '../../formatters/types.js';
import { clockFrom } from '../../usecases/clock.js';
import { VERSION } from '../../version.js';
import type { MoveResult } from '../../workspace/archive.js';
import { defineTool, planField } from '../tool.js';

/** `lint_plan`: the workspace's rules on one plan, or on every active plan. */
export const lintPlanTool = defineTool({
  name: 'lint_plan',
  description: 'Check one plan, or every active plan, against the specification and the workspace rules; with fix, apply the safe fixes.',
  inputSchema: { plan: planField.optional(), fix: z.boolean().optional().describe('Apply the safe fixes first') },
  outputSchema: {
    checked: z.number(),
    fixed: z.number().optional(),
    errors: z.number(),
    warnings: z.number(),
    findings: z.array(z.object({ path: z.string(), line: z.number(), severity: z.enum(['error', 'warn']), rule: z.string(), message: z.string() })),
  },
  async run(args, ctx) {
    const { format: stylish } = await import('../../formatters/stylish.js');
    const { lintPlans } = await import('../../usecases/lint.js');
    const { ws, ref: named } = args.plan !== undefined ? await ctx.plan(args.plan) : { ws: await ctx.workspace(), ref: undefined };
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
    const errors = findings.filter((f) => f.severity === 'error').length;
    return { data: { checked: results.length, ...(args.fix ? { fixed } : {}), errors, warnings: findings.length - errors, findings }, text };
  },
});

/** `resume_plan`: the brief to pick a plan up from. */
export const resumePlanTool = defineTool({
  name: 'resume_plan',
  description: 'Brief for picking a plan up: purpose, where it stands, next steps, latest decisions and surprises, checks to run.',
  inputSchema: { plan: planField },
  outputSchema: {
    id: z.string(),
    path: z.string(),
    done: z.number(),
    total: z.number(),
    next: z.array(z.object({ n: z.number(), text: z.string() })),
    brief: z.string(),
  },
  annotations: { readOnlyHint: true },
  async run(args, ctx) {
    const { resumePlan } = await import('../../usecases/resume.js');
    const { ws, ref } = await ctx.plan(args.plan);
    const { brief, text } = resumePlan({ ws, ref });
    const next = brief.progress.next.items.map((i) => ({ n: i.index, text: i.text }));
    return { data: { id: ref.id, path: ref.relPath, done: brief.progress.done, total: brief.progress.total, next, brief: text }, text };
  },
});

/** What archive_plan and reopen_plan return: where the plan was and where it is now. */
const movedOutput = { id: z.string(), from: z.string(), to: z.string() };

/** A move as archive_plan and reopen_plan answer it. */
async function moved(result: MoveResult, verb: string) {
  const { renderMoves } = await import('../../formatters/moves.js');
  return { data: { id: result.id, from: result.from, to: result.to }, text: renderMoves(result, verb).trimEnd() };
}

/** `archive_plan`: move a finished plan and its artifacts to the archive. */
export const archivePlanTool = defineTool({
  name: 'archive_plan',
  description: 'Move a finished plan and its artifacts folder to the archive; an unfinished plan is refused with the reasons.',
  inputSchema: { plan: planField },
  outputSchema: movedOutput,
  async run(args, ctx) {
    const { archivePlan } = await import('../../usecases/archive.js');
    const { ws, ref } = await ctx.plan(args.plan);
    return moved(await archivePlan({ ws, ref }, clockFrom(ctx.io.env)), 'Archived');
  },
});

/** `reopen_plan`: bring an archived plan and its artifacts back to the active folders. */
export const reopenPlanTool = defineTool({
  name: 'reopen_plan',
  description: 'Bring an archived plan and its artifacts folder back to the active plans.',
  inputSchema: { plan: planField },
  outputSchema: movedOutput,
  async run(args, ctx) {
    const { reopenPlan } = await import('../../usecases/archive.js');
    // The reference is checked as any tool's is (no absolute path, nothing outside the workspace).
    const { ws, ref } = await ctx.plan(args.plan);
    return moved(await reopenPlan(ws, ref.archived ? ref.relPath : args.plan, ws.root), 'Reopened');
  },
});
