/** Rules and their documentation cannot drift: one file and one page per rule, with the same facts. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import type { Rule } from '../../src/rules/types.js';

const rulesDir = new URL('../../src/rules/', import.meta.url);
const docsDir = new URL('../../docs/rules/', import.meta.url);
const ruleFiles = readdirSync(rulesDir).filter((f) => f.endsWith('.ts') && !['index.ts', 'types.ts', 'metas.ts'].includes(f));
const docFiles = readdirSync(docsDir).filter((f) => f.endsWith('.md') && f !== 'README.md');

describe('rule files and ids', () => {
  it('index.ts lists exactly the rule files, by id', () => {
    expect(RULES.map((r) => `${r.meta.id}.ts`).sort()).toEqual([...ruleFiles].sort());
  });

  it.each(ruleFiles)('%s exports the rule whose id is its file name', async (file) => {
    const mod = (await import(new URL(file, rulesDir).href)) as { rule: Rule };
    expect(mod.rule.meta.id).toBe(file.replace(/\.ts$/, ''));
    expect(mod.rule.meta.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
    expect(RULES).toContain(mod.rule);
  });

  it('each rule has a one-line description and the requirement it enforces', () => {
    for (const r of RULES) {
      expect(r.meta.description).toMatch(/^[A-Z`].*\.$/);
      expect(r.meta.description).not.toContain('\n');
      expect(r.meta.requirement.length).toBeGreaterThan(10);
    }
  });
});

describe('docs/rules', () => {
  it('has one page per rule and no page without a rule', () => {
    expect([...docFiles].sort()).toEqual(RULES.map((r) => `${r.meta.id}.md`).sort());
  });

  it.each(RULES.map((r) => [r.meta.id, r] as const))('%s.md states the rule as its metadata does', (id, rule) => {
    const page = readFileSync(new URL(`${id}.md`, docsDir), 'utf8');
    const { meta } = rule;
    expect(page.startsWith(`# \`${id}\`\n\n${meta.description}\n`)).toBe(true);
    expect(page).toContain(`- **Default severity:** \`${meta.severity}\` (strict), \`${meta.recommended}\` (recommended)`);
    expect(page).toContain(`- **Fixable:** ${meta.fixable ? 'yes' : 'no'}`);
    const options = Object.entries(meta.options ?? {});
    const optionsLine = options.length ? options.map(([k, v]) => `\`${k}\` (default \`${JSON.stringify(v)}\`)`).join(', ') : 'none';
    expect(page).toContain(`- **Options:** ${optionsLine}`);
    for (const heading of ['## What it checks', '## Why', '## Examples', '## How to fix', '## Options']) expect(page).toContain(heading);
    expect(page).toMatch(/Fails/);
    expect(page).toMatch(/Passes/);
  });

  it('README.md lists every rule with its severities and fixability', () => {
    const index = readFileSync(new URL('README.md', docsDir), 'utf8');
    const rows = index.split('\n').filter((l) => l.startsWith('| [`'));
    expect(rows).toEqual(
      RULES.map((r) => `| [\`${r.meta.id}\`](${r.meta.id}.md) | ${r.meta.description.replace(/\|/g, '\\|')} | ${r.meta.severity} | ${r.meta.recommended} | ${r.meta.fixable ? 'yes' : 'no'} |`),
    );
  });
});
