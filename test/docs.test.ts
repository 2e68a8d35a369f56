import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderRulesTable } from '../src/formatters/rules-table.js';
import { RULES } from '../src/rules/index.js';

const read = (rel: string) => readFileSync(new URL(`../${rel}`, import.meta.url), 'utf8');
const metas = RULES.map((r) => r.meta);

describe('the rule tables match the rules', () => {
  it('README.md, between its markers', () => {
    const text = read('README.md');
    const m = /<!-- rules:start -->\r?\n([\s\S]*?)<!-- rules:end -->/.exec(text);
    expect(m, 'README.md has no <!-- rules:start --> ... <!-- rules:end --> block').not.toBeNull();
    expect(m![1]).toBe(renderRulesTable(metas));
  });

  it('docs/rules/README.md', () => {
    expect(read('docs/rules/README.md')).toContain(renderRulesTable(metas, ''));
  });

  it('every rule has its page, and every page its rule', () => {
    for (const { id } of metas) expect(existsSync(new URL(`../docs/rules/${id}.md`, import.meta.url)), `docs/rules/${id}.md`).toBe(true);
    const pages = readdirSync(new URL('../docs/rules/', import.meta.url)).filter((f) => f.endsWith('.md') && f !== 'README.md');
    expect(pages.map((f) => f.replace(/\.md$/, '')).sort()).toEqual(metas.map((m) => m.id).sort());
  });
});
