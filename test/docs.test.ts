import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveSettingsOf } from '../src/core/lint-settings.js';
import { renderRulesTable } from '../src/formatters/rules-table.js';
import { RULES } from '../src/rules/index.js';
import { parseConfig } from '../src/workspace/config.js';

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

describe('the README', () => {
  it('shows an execplan.json that execplan accepts, with rule settings that name real rules and options', () => {
    const text = read('README.md');
    const section = text.slice(text.indexOf('## Configuration'), text.indexOf('## Commands'));
    const json = /```json\r?\n([\s\S]*?)```/.exec(section);
    expect(json, 'a ```json block under ## Configuration').not.toBeNull();
    const config = parseConfig(json![1]!, '/repo');
    expect(Object.keys(config.lint.rules ?? {}).length).toBeGreaterThan(0);
    expect(() => resolveSettingsOf(config.lint, RULES)).not.toThrow();
  });
});
