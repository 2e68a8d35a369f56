/** Shared fixtures and a table runner for rule tests: valid cases report nothing, invalid ones report exactly what they list. */
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/core/apply-edits.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { DEFAULT_SECTION_SETTINGS, lintPlan, parseOptionsFor } from '../../src/core/lint.js';
import { parsePlan } from '../../src/core/parse.js';
import type { LintContextBase, Rule } from '../../src/rules/types.js';

/** A plan that every rule accepts under `ctxBase()`. */
export const GOOD = `# Add retry to the upload client

This ExecPlan is a living document. Keep \`Progress\`, \`Surprises & Discoveries\`, \`Decision Log\`, and \`Outcomes & Retrospective\` up to date.

## Purpose / Big Picture

After this change, uploads that fail with a network error are retried three times, and a user sees one clear error only when every attempt fails.

## Progress

- [x] (2026-01-05 09:00) Wrote the failing test for a dropped connection.
- [ ] Add the retry loop to \`src/upload.ts\`.

## Surprises & Discoveries

- Observation: The HTTP client already retries DNS failures once.
  Evidence: \`src/http.ts\` calls \`lookup\` twice on ENOTFOUND.

## Decision Log

- Decision: Retry in the upload client, not in the HTTP layer.
  Rationale: Other callers must not retry requests that are not idempotent.
  Date/Author: 2026-01-05 / Dana

## Outcomes & Retrospective

## Context and Orientation

The upload client lives in \`src/upload.ts\`; it calls \`send\` from \`src/http.ts\`. A retry means sending the same request again after a short wait.

## Plan of Work

Add a loop around the \`send\` call in \`src/upload.ts\` that retries network errors up to three times, waiting 200 ms, then 400 ms, then 800 ms.

## Concrete Steps

From the repository root:

    npm test -- upload

## Validation and Acceptance

Run \`npm test\` from the repository root; expect every test to pass, including "retries a dropped connection".

## Idempotence and Recovery

Every step can be re-run. To roll back, revert the change to \`src/upload.ts\`.

## Artifacts and Notes

    PASS  test/upload.test.ts (3 tests)

## Interfaces and Dependencies

No new dependency. \`upload(file, options)\` keeps its signature; \`options.retries\` defaults to 3.
`;

/** Paths that exist in the fake repository. */
export const EXISTING = new Set(['src/upload.ts', 'src/http.ts', 'test/upload.test.ts', 'package.json']);

/** A lint context with a fixed clock (2026-01-10 12:00 UTC), default sections and a fake file system. */
export function ctxBase(over: Partial<LintContextBase> = {}): LintContextBase {
  return {
    file: { path: '.agent/execplans/2026-01-05_add-upload-retry.md', name: '2026-01-05_add-upload-retry.md' },
    sections: DEFAULT_SECTION_SETTINGS,
    timestampStyle: 'local',
    now: new Date('2026-01-10T12:00:00Z'),
    tzOffsetMinutes: 0,
    artifacts: { path: '.agent/execplans/artifacts/2026-01-05_add-upload-retry', exists: true },
    exists: (p) => EXISTING.has(p),
    ...over,
  };
}

/** Run one rule on a text. */
export function lintWith(rule: Rule, text: string, opts: { ctx?: Partial<LintContextBase>; options?: Record<string, unknown> } = {}): Diagnostic[] {
  const base = ctxBase(opts.ctx);
  const plan = parsePlan(text, parseOptionsFor(base.sections));
  return lintPlan(plan, base, [{ rule, severity: rule.meta.severity === 'off' ? 'warn' : rule.meta.severity, options: { ...(rule.meta.options ?? {}), ...(opts.options ?? {}) } }]);
}

/** Apply every fix of some findings at once, as one pass of `--fix` would. */
export function applyFixes(text: string, diagnostics: Diagnostic[]): string {
  const plan = parsePlan(text);
  return applyEdits(text, diagnostics.flatMap((d) => d.fix ?? []), plan.eol);
}

/** Replace the body of the section under `heading` (up to the next `## `) in a text. */
export function withSection(text: string, heading: string, body: string): string {
  const start = text.indexOf(`${heading}\n`);
  if (start === -1) throw new Error(`no heading ${heading}`);
  const bodyStart = start + heading.length + 1;
  const next = text.indexOf('\n## ', bodyStart);
  return `${text.slice(0, bodyStart)}${body}${next === -1 ? '' : text.slice(next)}`;
}

/** Remove a section (heading and body) from a text. */
export function withoutSection(text: string, heading: string): string {
  const start = text.indexOf(`${heading}\n`);
  if (start === -1) throw new Error(`no heading ${heading}`);
  const next = text.indexOf('\n## ', start);
  return next === -1 ? text.slice(0, start) : text.slice(0, start) + text.slice(next + 1);
}

interface Case {
  name: string;
  text: string;
  ctx?: Partial<LintContextBase>;
  options?: Record<string, unknown>;
}

interface InvalidCase extends Case {
  /** Expected findings in order: line, optionally column and a pattern the message matches. */
  errors: { line: number; column?: number; message?: RegExp }[];
  /** The text after applying the findings' fixes; null when no fix may be offered. */
  output?: string | null;
}

/** Run a rule's valid/invalid table. */
export function ruleTable(rule: Rule, table: { valid: Case[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    it.each(table.valid)('accepts: $name', (c) => {
      expect(lintWith(rule, c.text, c).map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([]);
    });
    it.each(table.invalid)('reports: $name', (c) => {
      const found = lintWith(rule, c.text, c);
      expect(found.map((d) => d.line), found.map((d) => `${d.line}:${d.column} ${d.message}`).join('\n')).toEqual(c.errors.map((e) => e.line));
      c.errors.forEach((e, i) => {
        const d = found[i]!;
        if (e.column !== undefined) expect(d.column).toBe(e.column);
        if (e.message) expect(d.message).toMatch(e.message);
        // One sentence saying what was found and what was expected.
        expect(d.message).toMatch(/; expected .+\.$/);
      });
      if (c.output === null) expect(found.every((d) => !d.fix)).toBe(true);
      else if (c.output !== undefined) {
        const fixed = applyFixes(c.text, found);
        expect(fixed).toBe(c.output);
        expect(lintWith(rule, fixed, c).filter((d) => d.fix)).toEqual([]);
      }
      if (!rule.meta.fixable) expect(found.every((d) => !d.fix)).toBe(true);
    });
  });
}
