/**
 * The harness of the hostile-input tests. Hostile plans cost linear time: every parser, rule, report and edit builder runs over plans whose
 * lines hold 100,000 repeats of one character or fragment, and each must finish within a generous
 * bound relative to reading the same bytes (splitting them into lines, measured in the same run).
 * A pattern that backtracks or rescans without bound takes seconds on such a line; linear code takes
 * milliseconds. The bound is a ratio plus a constant, never a fixed duration.
 */
import { describe, expect, it } from 'vitest';
import { addDecision, addOutcome, addProgressItem, addSurprise, markItemDone, splitItem, undoItem } from '../../src/core/edits/index.js';
import { isPlaceholderEntry, isPlaceholderItem } from '../../src/core/edits/placeholders.js';
import { lintPlan } from '../../src/core/lint.js';
import { resolveRuleSettings } from '../../src/rules/index.js';
import { parsePlan } from '../../src/core/parse.js';
import { buildResume, renderResume } from '../../src/core/resume.js';
import { renderSkeleton } from '../../src/core/skeleton.js';
import { summarizePlan } from '../../src/core/summary.js';
import { unifiedDiff } from '../../src/core/unified-diff.js';
import type { Plan } from '../../src/core/types.js';
import { ctxBase } from '../rules/helpers.js';

const REPEAT_CHARS = 100_000;



/** Where the run goes, section by section: a timestamp left open, a Progress item, log fields, prose, a heading, a list. */
const PLACES: [string, (run: string) => string[]][] = [
  ['## Progress', (run) => [`- [x] (2026-01-01${run}10:00`, `- [ ] (2026-01-05 10:00) ${run}x (2026-01-05)`]],
  ['## Decision Log', (run) => [`- Decision: x${run}`, '  Rationale: r']],
  ['## Surprises & Discoveries', (run) => ['- Observation: o', `  Evidence: \`${run}`]],
  ['## Purpose / Big Picture', (run) => [`${run}x`, '', `### ${run}z`]],
];

/** The skeleton with the run placed in its sections, after each one's guidance. */
function hostilePlan(fragment: string): string {
  const run = fragment.repeat(Math.ceil(REPEAT_CHARS / fragment.length));
  let text = renderSkeleton({ title: 'Hostile input' });
  for (const [heading, lines] of PLACES) {
    const at = text.indexOf('\n\n', text.indexOf(`${heading}\n`) + heading.length + 2);
    text = `${text.slice(0, at)}\n\n${lines(run).join('\n')}${text.slice(at)}`;
  }
  return text;
}

/** The best of a few runs of `fn`, in milliseconds. */
function best(fn: () => unknown, runs: number): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

/** Reading the same bytes: split into lines, trim each and fold its spaces and case. */
function readLines(text: string): number {
  let n = 0;
  for (const line of text.split(/\r?\n/)) n += line.trim().replace(/\s+/g, ' ').toLowerCase().length;
  return n;
}

// Linear work on these 600 kB plans (a brief shrunk in rounds, a rule reading every line) takes up to
// a few dozen times the reading on a loaded machine; a pattern that backtracks over one
// 100,000-character run takes thousands of times longer (seconds to minutes).
const RATIO = 200;
const CONSTANT_MS = 100;

/** Runs `fn` and fails when it takes longer than the bound; a slow first run is measured again before failing. */
function withinBound(what: string, text: string, fn: () => unknown): void {
  const bound = RATIO * best(() => readLines(text), 3) + CONSTANT_MS;
  let took = best(fn, 1);
  if (took > bound) took = Math.min(took, best(fn, 2));
  expect(took, `${what}: ${took.toFixed(1)} ms, bound ${bound.toFixed(1)} ms`).toBeLessThanOrEqual(bound);
}

const enabled = resolveRuleSettings();
const editCtx = { now: new Date('2026-01-06T10:00:00Z'), style: 'local' as const, offsetMinutes: 0 };

/** One test per fragment: a plan holding runs of it is parsed, linted, summarised, resumed and edited in linear time. */
export function hostileInputSuite(fragments: readonly string[]): void {
describe.each(fragments.map((f) => [JSON.stringify(f), f]))('100,000 characters of %s', (_name, fragment) => {
  const text = hostilePlan(fragment);
  let plan: Plan;

  it('parses, lints with each rule, summarises, resumes and edits in linear time', () => {
    withinBound('parsePlan', text, () => (plan = parsePlan(text)));
    plan ??= parsePlan(text);
    const base = ctxBase();
    for (const rule of enabled) withinBound(`rule ${rule.rule.meta.id}`, text, () => lintPlan(plan, base, [rule]));
    withinBound('summarizePlan', text, () => summarizePlan(plan));
    withinBound('show (placeholders)', text, () => [...plan.progress.map(isPlaceholderItem), ...plan.decisions.map(isPlaceholderEntry), ...plan.surprises.map(isPlaceholderEntry)]);
    withinBound('resume', text, () => renderResume(buildResume(plan, { exists: () => true })));
    const item = plan.progress.length || 1;
    const attempts: [string, () => unknown][] = [
      ['progress add', () => addProgressItem(plan, `step ${fragment.repeat(1000)}`, {}, editCtx)],
      ['progress done', () => markItemDone(plan, item, editCtx)],
      ['progress undo', () => undoItem(plan, item, editCtx)],
      ['progress split', () => splitItem(plan, item, { done: 'a', remaining: 'b' }, editCtx)],
      ['decide', () => addDecision(plan, { decision: `x${fragment.repeat(1000)}`, rationale: 'r', author: 'me' }, editCtx)],
      ['discover', () => addSurprise(plan, { observation: 'o', evidence: fragment.repeat(1000) }, editCtx)],
      ['outcome', () => addOutcome(plan, fragment.repeat(1000), editCtx)],
    ];
    for (const [what, build] of attempts) {
      withinBound(what, text, () => {
        try {
          build();
        } catch {
          // A refusal (no such item, nothing to undo) is an answer too; only its cost matters here.
        }
      });
    }
    withinBound('unified diff', text, () => unifiedDiff(text, text.replace('Hostile input', 'Hostile')));
  });
});
}
