/**
 * Every real plan, the project's own in the shapes real plans take and those of the shared corpus
 * when it is there: linting never crashes and points inside the file; `--fix` adds no finding the
 * plan did not have, applies exactly the fixes lint shows, has nothing left to do when run again, replays from its recorded edits, and
 * keeps every untouched line as it was, with LF and with CRLF line endings alike.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits, type Edit } from '../../src/core/apply-edits.js';
import { findingKey, fixPlan, lintPlan, newFindings } from '../../src/core/lint.js';
import { resolveRuleSettings } from '../../src/rules/index.js';
import { computeLineStarts } from '../../src/core/lines.js';
import { parsePlan } from '../../src/core/parse.js';
import { CORPUS, realPlans, skipsWithout } from '../helpers/prerequisites.js';
import { ctxBase } from './helpers.js';

const plans = realPlans();
const enabled = resolveRuleSettings();

function base(file: string) {
  return ctxBase({
    file: { path: `.agent/execplans/${file}`, name: file },
    timestampStyle: 'utc',
    now: new Date('2026-12-31T00:00:00Z'),
    artifacts: { path: '.agent/execplans/artifacts/x', exists: false },
    // Half the repository exists: both outcomes of the path check run.
    exists: (p) => p.length % 2 === 0,
  });
}

/** Each line of `before` that no edit touches appears unchanged in `after`, shifted by the edits before it. */
function untouchedLinesKept(before: string, edits: Edit[], after: string, eol: '\n' | '\r\n'): void {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const starts = computeLineStarts(before);
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    const end = starts[i + 1] ?? before.length;
    // An insertion at the very start of a line leaves that line's bytes alone.
    const touched = sorted.some((e) => (e.start < end && e.end > start) || (e.start === e.end && e.start > start && e.start < end));
    if (touched) continue;
    // applyEdits writes inserted line breaks with the file's own ending.
    const written = (e: Edit) => (eol === '\r\n' ? e.text.replace(/\r?\n/g, '\r\n') : e.text).length;
    const shift = sorted.filter((e) => e.end <= start).reduce((d, e) => d + written(e) - (e.end - e.start), 0);
    expect(after.slice(start + shift, end + shift)).toBe(before.slice(start, end));
  }
}

skipsWithout(CORPUS, 'lints and fixes every real plan');

describe.each(plans.map((p) => [p.name, p.path]))('%s', (_name, file) => {
  const lf = readFileSync(file, 'utf8');

  it.each([
    ['LF', lf],
    ['CRLF', lf.replace(/\r?\n/g, '\r\n')],
  ])('lints and fixes (%s)', (_eol, source) => {
    const plan = parsePlan(source);
    const lineCount = plan.lineStarts.length;
    const found = lintPlan(plan, base(path.basename(file)), enabled);
    for (const d of found) {
      expect(d.line, `${d.ruleId}: ${d.message}`).toBeGreaterThanOrEqual(1);
      expect(d.line, `${d.ruleId}: ${d.message}`).toBeLessThanOrEqual(lineCount);
      expect(d.message).toMatch(/; expected .+\.$/);
    }
    const result = fixPlan(source, base(path.basename(file)), enabled);
    // A finding is shown as fixable exactly when --fix applies its fix.
    expect(found.filter((d) => d.fix).map(findingKey).sort()).toEqual(result.fixes.map(findingKey).sort());
    // A fix never makes the plan worse.
    expect(newFindings(found, result.diagnostics).map((d) => `${d.ruleId}:${d.line}: ${d.message}`)).toEqual([]);
    expect(result.diagnostics.filter((d) => d.fix).map((d) => `${d.ruleId}:${d.line}`)).toEqual([]);
    expect(fixPlan(result.output, base(path.basename(file)), enabled).output).toBe(result.output);
    let text = source;
    for (const edits of result.passes) {
      const eol = parsePlan(text).eol;
      const next = applyEdits(text, edits, eol);
      untouchedLinesKept(text, edits, next, eol);
      text = next;
    }
    expect(text).toBe(result.output);
    if (source.includes('\r\n')) expect(result.output).not.toMatch(/[^\r]\n/);
    expect(result.output.startsWith('\uFEFF')).toBe(source.startsWith('\uFEFF'));
  });
});
