import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../src/core/parse.js';
import { SECTION_KEYS, SECTIONS } from '../src/core/sections.js';
import { LIVING_DOCUMENT_PREAMBLE, planSlug, renderSkeleton, SKELETON_TITLE_PLACEHOLDER, slugify } from '../src/core/skeleton.js';
import { need, SPEC } from './helpers/prerequisites.js';

/** The skeleton as the specification writes it: the ```md fence, which runs to the end of the file. */
function specSkeleton(): string {
  const text = readFileSync(SPEC.path, 'utf8');
  const start = text.indexOf('```md\n') + '```md\n'.length;
  const close = text.indexOf('\n```', start);
  return text.slice(start, close === -1 ? undefined : close).replace(/\n?$/, '\n');
}

describe('renderSkeleton', () => {
  it('reproduces the specification skeleton byte for byte', (ctx) => {
    need(ctx, SPEC);
    expect(renderSkeleton({ title: SKELETON_TITLE_PLACEHOLDER })).toBe(specSkeleton());
  });

  it('takes each guidance line from SECTIONS exactly as the specification writes it', (ctx) => {
    need(ctx, SPEC);
    const spec = specSkeleton();
    for (const s of SECTIONS) expect(spec).toContain(`## ${s.title}\n\n${s.guidance}\n`);
  });

  it('parses into the twelve sections in canonical order, with title and preamble', () => {
    const plan = parsePlan(renderSkeleton({ title: 'Store readings in SQLite' }));
    expect(plan.diagnostics).toEqual([]);
    expect(plan.title?.text).toBe('Store readings in SQLite');
    expect(plan.preamble?.text).toBe(LIVING_DOCUMENT_PREAMBLE);
    expect(plan.sections.map((s) => s.key)).toEqual([...SECTION_KEYS]);
    expect(plan.sections.every((s) => s.match === 'exact' && s.level === 2)).toBe(true);
  });

  it('carries the placeholder entries the parser reads as items and log entries', () => {
    const plan = parsePlan(renderSkeleton({ title: 'T' }));
    expect(plan.progress).toHaveLength(1);
    expect(plan.progress[0]).toMatchObject({ state: 'todo', text: '(YYYY-MM-DD HH:MM) First concrete step.' });
    expect(plan.surprises[0]?.fields.map((f) => [f.name, f.value])).toEqual([['observation', '…'], ['evidence', '…']]);
    expect(plan.decisions[0]?.fields.map((f) => [f.name, f.value])).toEqual([['decision', '…'], ['rationale', '…'], ['date-author', '…']]);
  });

  it('writes neither the date nor the author: the output stays the specification skeleton', () => {
    const plain = renderSkeleton({ title: 'T' });
    const text = renderSkeleton({ title: 'T', date: '2026-03-10', author: 'Ana Ruiz' });
    expect(text).toBe(plain);
    // The Progress stamp stays the template that `progress done` fills in when the step is finished.
    expect(parsePlan(text).progress[0]?.timestamp).toBeUndefined();
  });

  it('keeps the title on one line, and falls back to the placeholder title when blank', () => {
    expect(renderSkeleton({ title: '  Add retries\n  to the fetcher ' })).toMatch(/^# Add retries to the fetcher\n\n/);
    expect(renderSkeleton({ title: ' \n ' })).toMatch(/^# <Short, action-oriented description>\n/);
  });
});

describe('slugify', () => {
  it.each([
    ['Store readings in SQLite', 'store-readings-in-sqlite'],
    ['Café déjà vu: naïve façade', 'cafe-deja-vu-naive-facade'],
    ['Straße, Æther, Øresund, Œuvre, Łódź, Đakovo, Þór', 'strasse-aether-oresund-oeuvre-lodz-dakovo-thor'],
    ['STRASSE vs ẞ', 'strasse-vs-ss'],
    ['İstanbul ıslık', 'istanbul-islik'],
    ['添加日志', ''],
    ['🚀 Launch the rocket 🚀', 'launch-the-rocket'],
    ['🚀🎉', ''],
    ['', ''],
    ['--Hello, world!--', 'hello-world'],
    ['...(v2) migrate *users* table???', 'v2-migrate-users-table'],
    ["Fix the user's login page", 'fix-the-users-login-page'],
    ['ＦＵＬＬ　ｗｉｄｔｈ ２０２６', 'full-width-2026'],
    ['a  --  b', 'a-b'],
    ['中文 and English', 'and-english'],
  ])('%j -> %j', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it('bounds a long description at a word boundary', () => {
    const long = 'Refactor the reading importer so that it streams rows instead of loading whole files into memory';
    const slug = slugify(long);
    expect(slug).toBe('refactor-the-reading-importer-so-that-it-streams-rows');
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slugify(long, 20)).toBe('refactor-the-reading');
  });

  it('cuts inside a word only when a boundary would lose more than half', () => {
    expect(slugify('a ' + 'x'.repeat(100), 10)).toBe('a-xxxxxxxx');
    expect(slugify('y'.repeat(100))).toBe('y'.repeat(60));
  });

  it('never leaves a hyphen at either end or two in a row', () => {
    for (let n = 1; n <= 40; n++) {
      const s = slugify('ab cd ef gh ij kl mn op qr st', n);
      expect(s.length).toBeLessThanOrEqual(n);
      expect(s).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
  });

  it('refuses a maxLength that is not a positive integer', () => {
    expect(() => slugify('x', 0)).toThrow(RangeError);
  });
});

describe('planSlug', () => {
  it.each([
    ['Store readings in SQLite', 'store-readings-in-sqlite'],
    ['Café déjà vu', 'cafe-deja-vu'],
    ['日本語のプラン', '日本語のプラン'],
    ['添加日志', '添加日志'],
    ['中文 and English', '中文-and-english'],
    ['Ελληνικά: Docs', 'ελληνικά-docs'],
    ['हिन्दी योजना', 'हिन्दी-योजना'],
    ['Русский план!', 'русский-план'],
    ['🚀🎉', 'plan'],
    ['???', 'plan'],
  ])('%j -> %j', (input, expected) => {
    expect(planSlug(input)).toBe(expected);
  });

  it('bounds a long description at a word, and never splits a letter from its marks', () => {
    expect([...planSlug('日本語 '.repeat(30))].length).toBeLessThanOrEqual(60);
    expect(planSlug('日本語 '.repeat(30))).toBe(Array(15).fill('日本語').join('-'));
    const devanagari = 'हिन्दी'.repeat(20);
    const cut = planSlug(devanagari, 10);
    expect(devanagari.startsWith(cut)).toBe(true);
    expect(/\p{M}$/u.test(devanagari.slice(cut.length, cut.length + 1))).toBe(false);
  });
});
