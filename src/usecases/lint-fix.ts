/**
 * Fixing one plan, for `execplan lint --fix` and `--fix-dry-run` and the MCP lint_plan tool: create the folders findings ask for (a
 * missing artifacts folder: I/O, so the rule only names it), then apply every safe fix through the
 * plan store's locked, atomic update, and return the findings left on the fixed text.
 */
import type { Edit } from '../core/apply-edits.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { fixPlan, parseOptionsFor } from '../core/lint.js';
import { diffLines, splitLines, unifiedDiff } from '../core/unified-diff.js';
import { ensureArtifactsDir } from '../workspace/artifacts.js';
import { ExecplanError } from '../workspace/errors.js';
import type { FileJob } from '../workspace/lint-files.js';
import type { FileLinter } from '../workspace/lint-runner.js';
import type { PlanRef } from '../workspace/plans.js';
import { updatePlan } from '../workspace/store.js';
import type { Workspace } from '../workspace/workspace.js';

/** What fixing one plan did. */
interface FixOutcome {
  diagnostics: Diagnostic[];
  /** Findings fixed: text fixes applied, plus the artifacts folder when it was created. */
  fixed: number;
  /** The unified diff of the change, for a dry run. */
  diff?: string;
  /** The folder a dry run would create (repository-relative). */
  wouldCreate?: string;
  /** The fixed text, for a dry run. */
  output?: string;
}

/** Fix one plan; with `dryRun`, compute the same change and write nothing. */
export async function fixOne(ws: Workspace, ref: PlanRef, job: FileJob, linter: FileLinter, diagnostics: readonly Diagnostic[], dryRun: boolean): Promise<FixOutcome> {
  let fixed = 0;
  const base = linter.contextFor(job);
  const folder = diagnostics.find((d) => d.createFolder !== undefined && d.createFolder === base.artifacts?.path)?.createFolder;
  if (folder !== undefined && !base.artifacts?.exists && !dryRun) {
    try {
      await ensureArtifactsDir(ws, ref, { keep: true });
      base.artifacts = { path: folder, exists: true };
      fixed++;
    } catch (err) {
      // A plan id that cannot name a folder (or a link leading outside) leaves the finding standing.
      if (!(err instanceof ExecplanError)) throw err;
    }
  }
  const outcome = await updatePlan(
    ref.path,
    (plan) => {
      const result = fixPlan(plan.source, base, linter.enabled);
      return { edits: editsFor(plan.source, result.output, result.passes), result };
    },
    // fixPlan makes no fix in a plan with conflict markers: well-formed reports them instead.
    { dryRun, parse: parseOptionsFor(base.sections), display: ref.relPath, allowConflictMarkers: true },
  );
  const out: FixOutcome = { diagnostics: outcome.result.diagnostics, fixed: fixed + outcome.result.fixes.length };
  if (dryRun && folder !== undefined && !base.artifacts?.exists) out.wouldCreate = folder;
  if (dryRun && outcome.changed) {
    out.diff = unifiedDiff(outcome.before, outcome.after, { from: `a/${ref.relPath}`, to: `b/${ref.relPath}` });
    out.output = outcome.after;
  }
  return out;
}

/**
 * The edits that turn `source` into `output`. One pass's edits are on the source already; after
 * several passes, each run of changed lines becomes one edit, so every line the fixes did not
 * touch keeps its bytes (its own line ending included).
 */
export function editsFor(source: string, output: string, passes: readonly (readonly Edit[])[]): Edit[] {
  if (source === output) return [];
  if (passes.length === 1) return [...passes[0]!];
  const edits: Edit[] = [];
  let offset = 0;
  let open: Edit | undefined;
  for (const op of diffLines(splitLines(source), splitLines(output))) {
    if (op.kind === ' ') {
      open = undefined;
      offset += op.line.length;
      continue;
    }
    if (!open) edits.push((open = { start: offset, end: offset, text: '' }));
    if (op.kind === '-') {
      offset += op.line.length;
      open.end = offset;
    } else open.text += op.line;
  }
  return edits;
}
