/** The rule runner: profiles and overrides, sorted findings, and `fixPlan` (passes, conflicts, CRLF and BOM). */
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/core/apply-edits.js';
import { fixPlan, lintPlan, summarize } from '../../src/core/lint.js';
import { parsePlan } from '../../src/core/parse.js';
import { RULES, resolveRuleSettings } from '../../src/rules/index.js';
import { ExecplanError } from '../../src/workspace/errors.js';
import { GOOD, ctxBase } from './helpers.js';

const ids = (enabled: ReturnType<typeof resolveRuleSettings>) => enabled.map((e) => `${e.rule.meta.id}:${e.severity}`);

describe('resolveRuleSettings', () => {
  it('runs every rule at its strict severity by default', () => {
    expect(ids(resolveRuleSettings())).toEqual(RULES.filter((r) => r.meta.severity !== 'off').map((r) => `${r.meta.id}:${r.meta.severity}`));
  });

  it('uses the recommended levels and leaves out rules that are off there', () => {
    const enabled = resolveRuleSettings({ profile: 'recommended' });
    expect(ids(enabled)).toEqual(RULES.filter((r) => r.meta.recommended !== 'off').map((r) => `${r.meta.id}:${r.meta.recommended}`));
    expect(ids(enabled)).not.toContain('file-name:warn');
  });

  it('applies per-rule overrides and merges options over the defaults', () => {
    const enabled = resolveRuleSettings({ profile: 'recommended', rules: { 'file-name': 'error', title: 'off', 'timestamp-valid': ['warn', { toleranceMinutes: 30 }] } });
    expect(ids(enabled)).toContain('file-name:error');
    expect(ids(enabled).some((i) => i.startsWith('title:'))).toBe(false);
    const tv = enabled.find((e) => e.rule.meta.id === 'timestamp-valid')!;
    expect(tv).toMatchObject({ severity: 'warn', options: { toleranceMinutes: 30 } });
    expect(enabled.find((e) => e.rule.meta.id === 'heading-style')!.options).toEqual({ allowVariants: false });
  });

  it('refuses an unknown rule id and lists the known ones', () => {
    const run = () => resolveRuleSettings({ rules: { 'no-such-rule': 'warn' } });
    expect(run).toThrow(ExecplanError);
    expect(run).toThrow(/unknown rule "no-such-rule"; known rules: title, well-formed, /);
  });

  it('refuses an unknown option', () => {
    expect(() => resolveRuleSettings({ rules: { title: ['error', { strict: true }] } })).toThrow(/"lint.rules.title" has unknown option "strict"; this rule takes no options/);
    expect(() => resolveRuleSettings({ rules: { 'heading-style': ['error', { allow: true }] } })).toThrow(/known options: allowVariants/);
  });
});

describe('lintPlan', () => {
  it('finds nothing in the good plan with every rule on', () => {
    expect(lintPlan(parsePlan(GOOD), ctxBase(), resolveRuleSettings())).toEqual([]);
  });

  it('sorts findings by line and column and counts them', () => {
    const text = '## Decision log\n\n- [X] a\n';
    const found = lintPlan(parsePlan(text), ctxBase(), resolveRuleSettings());
    const positions = found.map((d) => [d.line, d.column] as const);
    expect(positions).toEqual([...positions].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    expect(found.every((d) => d.line >= 1 && d.column >= 1)).toBe(true);
    const summary = summarize('p.md', found);
    expect(summary.errorCount + summary.warningCount).toBe(found.length);
    expect(summary.fixableCount).toBe(found.filter((d) => d.fix).length);
  });

  it('names the rule and the file when a rule fails', () => {
    const broken = { meta: { ...RULES[0]!.meta, id: 'broken' }, check: () => { throw new Error('boom'); } };
    expect(() => lintPlan(parsePlan(GOOD), ctxBase(), [{ rule: broken, severity: 'error', options: {} }])).toThrow(/Rule "broken" failed on \.agent\/execplans\/2026-01-05_add-upload-retry\.md: boom/);
  });
});

const BROKEN = [
  '# Retry uploads',
  '',
  '## Progress',
  '',
  '- [X] (2026-01-05 09:00) Wrote the test.',
  '- [ ] (2026-01-05T10:00) Add the loop.',
  '',
  '## Decision log',
  '',
  '- Decision: a',
  '  Rationale: b',
  '  Date/Author: 2026-01-05 / Dana',
  '',
].join('\n');

const FIXED = [
  '# Retry uploads',
  '',
  'This ExecPlan is a living document. Keep `Progress`, `Surprises & Discoveries`, `Decision Log`, and `Outcomes & Retrospective` up to date.',
  '',
  '## Purpose / Big Picture',
  '',
  '## Progress',
  '',
  '- [x] (2026-01-05 09:00) Wrote the test.',
  '- [ ] (2026-01-05 10:00) Add the loop.',
  '',
  '## Surprises & Discoveries',
  '',
  '## Decision Log',
  '',
  '- Decision: a',
  '  Rationale: b',
  '  Date/Author: 2026-01-05 / Dana',
  '',
  '## Outcomes & Retrospective',
  '',
  '## Context and Orientation',
  '',
  '## Plan of Work',
  '',
  '## Concrete Steps',
  '',
  '## Validation and Acceptance',
  '',
  '## Idempotence and Recovery',
  '',
  '## Artifacts and Notes',
  '',
  '## Interfaces and Dependencies',
  '',
].join('\n');

describe('fixPlan', () => {
  it('applies every safe fix, over as many passes as insertions at one point need', () => {
    const result = fixPlan(BROKEN, ctxBase(), resolveRuleSettings());
    expect(result.output).toBe(FIXED);
    expect(result.diagnostics.filter((d) => d.fix)).toEqual([]);
    expect(result.passes.length).toBeGreaterThan(1);
    expect(new Set(result.fixes.map((f) => f.ruleId))).toEqual(new Set(['living-preamble', 'required-sections', 'living-sections', 'progress-item-style', 'timestamp-style', 'heading-style']));
    // The passes replay: each pass's edits apply to the text the previous pass left.
    expect(result.passes.reduce((text, edits) => applyEdits(text, edits), BROKEN)).toBe(result.output);
  });

  it('keeps CRLF line endings and the BOM', () => {
    const crlf = (s: string) => s.replace(/\n/g, '\r\n');
    const result = fixPlan(`\uFEFF${crlf(BROKEN)}`, ctxBase(), resolveRuleSettings());
    expect(result.output).toBe(`\uFEFF${crlf(FIXED)}`);
    expect(result.output).not.toMatch(/[^\r]\n/);
  });

  it('renames a heading on the first line after a BOM without touching the BOM', () => {
    const only = resolveRuleSettings({ profile: 'strict', rules: Object.fromEntries(RULES.filter((r) => r.meta.id !== 'heading-style').map((r) => [r.meta.id, 'off' as const])) });
    const result = fixPlan('\uFEFF# Decision log\r\n\r\n- x\r\n', ctxBase(), only);
    expect(result.output).toBe('\uFEFF## Decision Log\r\n\r\n- x\r\n');
  });

  it('keeps a missing final newline missing', () => {
    const result = fixPlan(BROKEN.trimEnd(), ctxBase(), resolveRuleSettings({ rules: { 'required-sections': 'off', 'living-sections': 'off' } }));
    expect(result.output.endsWith('Dana')).toBe(true);
  });

  it('changes nothing when nothing is fixable', () => {
    const result = fixPlan(GOOD, ctxBase(), resolveRuleSettings());
    expect(result).toMatchObject({ output: GOOD, fixes: [], passes: [], diagnostics: [] });
  });

  it('stops after the last pass it is allowed', () => {
    const result = fixPlan(BROKEN, ctxBase(), resolveRuleSettings(), 1);
    expect(result.passes).toHaveLength(1);
    expect(result.diagnostics.some((d) => d.fix)).toBe(true);
  });
});
