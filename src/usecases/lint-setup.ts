/**
 * The one place a lint run's settings and each plan's rule context come from: `lint`, the MCP
 * `lint_plan` tool and `archive`'s check all judge a plan the same way.
 */
import type { LintSettingsInput } from '../core/lint-settings.js';
import type { LintError } from '../workspace/finished.js';
import type { FileJob, LintSetup } from '../workspace/lint-files.js';
import type { PlanRef } from '../workspace/plans.js';
import type { Workspace } from '../workspace/workspace.js';
import type { Clock } from './clock.js';

/** Everything a lint run's results depend on besides the plans: the workspace's settings, or `lint` in their place, and the clock. */
export function lintSetup(ws: Workspace, clock: Clock, lint: LintSettingsInput = ws.config.lint): LintSetup {
  return {
    root: ws.root,
    lint,
    sections: ws.config.sections,
    timestampStyle: ws.config.timestamps.style,
    ...(ws.config.timestamps.explicit ? {} : { timestampStyleFromPlan: true }),
    now: clock.now.getTime(),
    tzOffsetMinutes: clock.tzOffsetMinutes,
  };
}

/** The plan as the linter sees it: paths, and where its artifacts folder is. */
export function lintJob(ws: Workspace, ref: PlanRef): FileJob {
  const dir = ref.archived ? ws.config.paths.archiveArtifacts : ws.config.paths.artifacts;
  return { abs: ref.path, rel: ref.relPath, artifacts: `${dir}/${ref.id}` };
}

/** Lint `text` (the plan at `ref`, as it is about to be written) with the workspace's rules and keep the findings of severity `error`: what `archive` refuses on. */
export async function planLintErrors(ws: Workspace, ref: PlanRef, text: string, clock: Clock): Promise<LintError[]> {
  const { createFileLinter } = await import('../workspace/lint-runner.js');
  const diagnostics = createFileLinter(lintSetup(ws, clock)).lintText(lintJob(ws, ref), text);
  return diagnostics.filter((d) => d.severity === 'error').map((d) => ({ line: d.line, column: d.column, message: d.message, ruleId: d.ruleId }));
}
