/** The error-level lint findings of one plan, with the workspace's settings: what `archive` refuses on. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { lintPlan, resolveRuleSettings } from '../core/lint.js';
import { parsePlan } from '../core/parse.js';
import type { LintError } from './finished.js';
import type { PlanRef } from './plans.js';
import { parseOptions } from './read.js';
import { isInside, relPath, type Workspace } from './workspace.js';

/** Lint `text` (the plan at `ref`) with the workspace's rules and keep the findings of severity `error`. */
export function planLintErrors(ws: Workspace, ref: PlanRef, text: string, now: Date, tzOffsetMinutes: number): LintError[] {
  const enabled = resolveRuleSettings(ws.config.lint);
  const artifacts = path.join(ref.archived ? ws.dirs.archiveArtifacts : ws.dirs.artifacts, ref.id);
  const diagnostics = lintPlan(parsePlan(text, parseOptions(ws)), {
    file: { path: ref.relPath, name: path.basename(ref.path) },
    sections: ws.config.sections,
    timestampStyle: ws.config.timestamps.style,
    ...(ws.config.timestamps.explicit ? {} : { timestampStyleFromPlan: true }),
    now,
    tzOffsetMinutes,
    artifacts: { path: relPath(ws, artifacts), exists: existsSync(artifacts) },
    exists: (rel) => {
      const abs = path.resolve(ws.root, rel);
      return isInside(ws.root, abs) && existsSync(abs);
    },
  }, enabled);
  return diagnostics.filter((d) => d.severity === 'error').map((d) => ({ line: d.line, column: d.column, message: d.message, ruleId: d.ruleId }));
}
