/**
 * Every rule page's examples do what the page says: the "Fails" example makes the rule report, the
 * "Passes" example does not. The examples are fragments; each is put into the clean plan the rule
 * tests share (GOOD): a fragment with section headings replaces the run of sections it spans, a
 * fragment without them becomes the body of the section it belongs to.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../src/core/parse.js';
import { headingMatcher } from '../src/core/sections.js';
import { RULES } from '../src/rules/index.js';
import type { LintContextBase } from '../src/rules/types.js';
import { GOOD, lintWith } from './rules/helpers.js';

/** Where a fragment without section headings goes, and the context a page's examples assume. */
const PLACES: Record<string, { section?: string; ctx?: Partial<LintContextBase> }> = {
  'decision-fields': { section: 'decisions' },
  'surprise-fields': { section: 'surprises' },
  'progress-item-style': { section: 'progress' },
  'progress-timestamp': { section: 'progress' },
  'timestamp-order': { section: 'progress' },
  'timestamp-style': { section: 'progress', ctx: { timestampStyle: 'utc' } },
  'timestamp-valid': { section: 'progress' },
  'milestone-outcome': { section: 'plan-of-work' },
  'no-outside-context': { section: 'context' },
  'referenced-paths-exist': { section: 'context' },
  'repo-relative-paths': { section: 'context' },
  // The history the page describes: two commits changed src/export.ts after the plan's last commit.
  'plan-drift': {
    section: 'context',
    ctx: {
      file: { path: '.agent/execplans/2026-01-05_add-csv-export.md', name: '2026-01-05_add-csv-export.md' },
      history: [
        { hash: 'c3', time: Date.parse('2026-01-06T15:00:00Z') / 1000, changes: [{ status: 'M', path: 'src/export.ts' }] },
        { hash: 'c2', time: Date.parse('2026-01-06T09:00:00Z') / 1000, changes: [{ status: 'M', path: 'src/export.ts' }] },
        { hash: 'c1', time: Date.parse('2026-01-05T12:00:00Z') / 1000, changes: [{ status: 'A', path: '.agent/execplans/2026-01-05_add-csv-export.md' }] },
      ],
    },
  },
};

/** Rules whose examples are file names or folders, not Markdown: tested in their own rule tests. */
const NOT_MARKDOWN = new Set(['artifacts-folder', 'file-name']);

const match = headingMatcher({});

/** The Markdown of the page's example that follows the line starting with `label`. */
function example(page: string, label: 'Fails' | 'Passes'): string {
  const examples = page.slice(page.indexOf('## Examples'), page.indexOf('## How to fix'));
  const at = examples.search(new RegExp(`^${label}\\b`, 'm'));
  expect(at, `a "${label}" example`).toBeGreaterThan(-1);
  const fence = /^(`{3,})md\n([\s\S]*?)^\1$/m.exec(examples.slice(at));
  expect(fence, `a fenced md block after "${label}"`).not.toBeNull();
  return fence![2]!;
}

/** GOOD with the fragment in place. */
function embed(id: string, fragment: string): string {
  const plan = parsePlan(GOOD);
  const place = PLACES[id]?.section;
  if (place) {
    const s = plan.sections.find((x) => x.key === place)!;
    return `${GOOD.slice(0, s.bodyStart)}\n${fragment}\n${GOOD.slice(s.bodyEnd)}`;
  }
  const lines = fragment.split('\n');
  const keys = lines.flatMap((l) => (/^#{2,6} /.test(l) ? [match(l.replace(/^#+ /, ''))?.key].filter((k): k is string => Boolean(k)) : []));
  let text = GOOD;
  let body = fragment;
  if (/^# /.test(fragment)) {
    // A title: the fragment's title and introduction replace the plan's.
    const first = fragment.search(/^## /m);
    const intro = first === -1 ? fragment : fragment.slice(0, first);
    body = first === -1 ? '' : fragment.slice(first);
    text = `${intro}\n${GOOD.slice(plan.sections[0]!.headingRange.start)}`;
  }
  if (!keys.length) return text;
  const parsed = parsePlan(text);
  const span = parsed.sections.map((s, i) => (s.key && keys.includes(s.key) ? i : -1)).filter((i) => i !== -1);
  const from = parsed.sections[Math.min(...span)]!;
  const to = parsed.sections[Math.max(...span)]!;
  return `${text.slice(0, from.headingRange.start)}${body.trimEnd()}\n\n${text.slice(to.bodyEnd)}`;
}

describe('rule pages', () => {
  for (const rule of RULES) {
    const { id } = rule.meta;
    if (NOT_MARKDOWN.has(id)) continue;
    const page = readFileSync(new URL(`../docs/rules/${id}.md`, import.meta.url), 'utf8');
    const ctx = PLACES[id]?.ctx;
    it(`${id}: the "Fails" example is reported`, () => {
      const found = lintWith(rule, embed(id, example(page, 'Fails')), ctx ? { ctx } : {});
      expect(found.length).toBeGreaterThan(0);
    });
    it(`${id}: the "Passes" example is not`, () => {
      const found = lintWith(rule, embed(id, example(page, 'Passes')), ctx ? { ctx } : {});
      expect(found.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([]);
    });
  }
});
