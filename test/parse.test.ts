import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORPUS, corpusPlans, need, realPlans, skipsWithout } from './helpers/prerequisites.js';
import { parsePlan } from '../src/core/parse.js';
import type { Plan } from '../src/core/types.js';

const canonical = [
  '# Add CSV export',
  '',
  'This ExecPlan is a living document. Keep `Progress`, `Surprises & Discoveries`, `Decision Log`, and `Outcomes & Retrospective` up to date.',
  '',
  '## Purpose / Big Picture',
  '',
  'Users can export reports as CSV.',
  '',
  '## Progress',
  '',
  '- [x] (2026-01-05 14:30) Wrote the exporter.',
  '- [ ] Wire the button.',
  '',
  '## Surprises & Discoveries',
  '',
  '- Observation: Excel wants a BOM.',
  '  Evidence: opening the file showed mojibake.',
  '',
  '## Decision Log',
  '',
  '- Decision: Use the csv module.',
  '  Rationale: It quotes correctly.',
  '  Date/Author: 2026-01-05 / Ana',
  '',
  '## Outcomes & Retrospective',
  '',
  'Nothing yet.',
  '',
].join('\n');

function slice(plan: Plan, r: { start: number; end: number }): string {
  return plan.source.slice(r.start, r.end);
}

describe('parsePlan', () => {
  it('reads the sections after a list nested too deep, and says where reading of the list stopped', () => {
    const nested = (levels: number) => Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n');
    const after = '## Surprises & Discoveries\n\n- Observation: o\n  Evidence: e\n\n## Decision Log\n\n- Decision: d\n  Rationale: r\n  Date/Author: 2026-01-05 / Dana\n';
    for (const [deep, diagnostics] of [
      [nested(25), []],
      [nested(40), [{ code: 'nesting-too-deep', line: 36 }]],
      [`${'- '.repeat(100_000)}x`, [{ code: 'nesting-too-deep', line: 5 }]],
      [`${'>'.repeat(100_000)} deep`, [{ code: 'nesting-too-deep', line: 5 }]],
    ] as const) {
      const plan = parsePlan(`# T\n\n## Plan of Work\n\n${deep}\n\n${after}`);
      expect(plan.sections.map((s) => s.key)).toEqual(['plan-of-work', 'surprises', 'decisions']);
      expect([plan.surprises.length, plan.decisions.length]).toEqual([1, 1]);
      expect(plan.diagnostics.map((d) => ({ code: d.code, line: d.line }))).toEqual(diagnostics);
    }
  });

  it('reads the canonical shape', () => {
    const plan = parsePlan(canonical);
    expect(plan.title?.text).toBe('Add CSV export');
    expect(plan.preamble?.line).toBe(3);
    expect(plan.sections.map((s) => s.key)).toEqual(['purpose', 'progress', 'surprises', 'decisions', 'outcomes']);
    expect(plan.sections.every((s) => s.match === 'exact')).toBe(true);
    expect(plan.progress).toHaveLength(2);
    expect(plan.progress[0]).toMatchObject({ state: 'done', mark: 'x', text: 'Wrote the exporter.', line: 11 });
    expect(plan.progress[0]!.timestamp).toMatchObject({ form: 'local', date: '2026-01-05', time: '14:30', place: 'start', valid: true });
    expect(plan.progress[1]).toMatchObject({ state: 'todo', text: 'Wire the button.' });
    expect(plan.decisions[0]!.fields.map((f) => f.name)).toEqual(['decision', 'rationale', 'date-author']);
    expect(plan.surprises[0]!.fields.map((f) => [f.name, f.value])).toEqual([
      ['observation', 'Excel wants a BOM.'],
      ['evidence', 'opening the file showed mojibake.'],
    ]);
    expect(plan.diagnostics).toEqual([]);
  });

  it('keeps offsets that slice back to the exact text', () => {
    const plan = parsePlan(canonical);
    const progress = plan.sections[1]!;
    expect(slice(plan, progress.headingRange)).toBe('## Progress');
    expect(slice(plan, { start: progress.bodyStart, end: progress.bodyEnd })).toBe('\n- [x] (2026-01-05 14:30) Wrote the exporter.\n- [ ] Wire the button.\n\n');
    expect(slice(plan, plan.progress[0]!.boxRange)).toBe('[x]');
    expect(slice(plan, plan.progress[0]!.timestamp!.range)).toBe('(2026-01-05 14:30)');
    expect(slice(plan, plan.decisions[0]!.range)).toBe('- Decision: Use the csv module.\n  Rationale: It quotes correctly.\n  Date/Author: 2026-01-05 / Ana');
  });

  it('handles CRLF line endings with the same model and CRLF-aware offsets', () => {
    const crlf = canonical.replace(/\n/g, '\r\n');
    const plan = parsePlan(crlf);
    expect(plan.eol).toBe('\r\n');
    expect(plan.sections.map((s) => s.key)).toEqual(['purpose', 'progress', 'surprises', 'decisions', 'outcomes']);
    expect(slice(plan, plan.sections[1]!.headingRange)).toBe('## Progress');
    expect(slice(plan, plan.progress[1]!.range)).toBe('- [ ] Wire the button.');
    expect(plan.progress[0]!.timestamp?.raw).toBe('(2026-01-05 14:30)');
  });

  it('handles a BOM: offsets include it, the title excludes it', () => {
    const plan = parsePlan(`\uFEFF${canonical}`);
    expect(plan.bom).toBe(true);
    expect(slice(plan, plan.title!.range)).toBe('# Add CSV export');
    expect(slice(plan, plan.progress[0]!.boxRange)).toBe('[x]');
  });

  it('handles no final newline', () => {
    const plan = parsePlan('# T\n\n## Progress\n\n- [x] (2026-01-05 10:00) Done');
    expect(plan.finalNewline).toBe(false);
    expect(plan.progress[0]!.text).toBe('Done');
    expect(plan.sections[0]!.bodyEnd).toBe(plan.source.length);
  });

  it('reads sections at H1, H2 and H3', () => {
    const h1 = parsePlan('# Progress\n\n- [ ] a\n\n# Decision Log\n\n- Decision: x\n');
    expect(h1.title).toBeUndefined();
    expect(h1.sections.map((s) => [s.key, s.level])).toEqual([['progress', 1], ['decisions', 1]]);
    const h3 = parsePlan('# T\n\n### Progress\n\n- [ ] a\n\n### Decision Log\n\ntext\n');
    expect(h3.sections.map((s) => [s.key, s.level])).toEqual([['progress', 3], ['decisions', 3]]);
    expect([h1.sectionLevel, h3.sectionLevel, parsePlan('# T\n\n## Progress\n\n## Milestone 1\n\n### Decision Log\n').sectionLevel]).toEqual([1, 3, 2]);
  });

  it('matches heading variants: case, and/&, numbering, parentheticals, misspellings, localized', () => {
    const plan = parsePlan(
      [
        '# T',
        '## Purpose and big picture',
        '## 2. Progress (Update First)',
        '## Suprises & Discoveries',
        '## Decision log',
        '## Outcomes and Retrospective',
        '## Context And Orientation',
        '## Validation',
        '## Hallazgos',
      ].join('\n\n'),
    );
    expect(plan.sections.map((s) => [s.key, s.match])).toEqual([
      ['purpose', 'variant'],
      ['progress', 'variant'],
      ['surprises', 'misspelled'],
      ['decisions', 'variant'],
      ['outcomes', 'variant'],
      ['context', 'variant'],
      ['validation', 'variant'],
      ['surprises', 'variant'],
    ]);
    expect(plan.diagnostics.map((d) => d.code)).toContain('duplicate-section');
  });

  it('reads the Russian and Chinese headings real plans use', () => {
    const ru = parsePlan(['# План выполнения', '## Цель', '## Контекст', '## План', '## Проверка', '## Журнал решений', '## Находки', '## Следующие шаги', '## Итоги'].join('\n\n'));
    expect(ru.sections.map((s) => s.key)).toEqual(['purpose', 'context', 'plan-of-work', 'validation', 'decisions', 'surprises', null, 'outcomes']);
    const zh = parsePlan(['# ExecPlan', '## 1. 问题陈述', '## 6. 验收标准', '## 7. 验证计划'].join('\n\n'));
    expect(zh.sections.map((s) => s.key)).toEqual([null, 'validation', null]);
  });

  it('reads Goal and Objective, which real plans write instead of Purpose, as the Purpose section', () => {
    for (const heading of ['Goal', 'Goals', 'Objective', 'Objectives', '目标']) expect(parsePlan(`# T\n\n## ${heading}\n\nWhy.\n`).sections[0]?.key, heading).toBe('purpose');
  });

  it('reads the Spanish headings real plans use', () => {
    const es = parsePlan(['# Plan', '## Propósito y alcance', '## Plan de implementación', '## Comandos y validación', '## Recovery y seguridad', '## Progreso'].join('\n\n'));
    expect(es.sections.map((s) => s.key)).toEqual(['purpose', 'plan-of-work', 'validation', 'idempotence', 'progress']);
  });

  it('keeps extra sections and any order', () => {
    const plan = parsePlan('# T\n\n## Milestones\n\n### Milestone 1: Build\n\nRun it.\n\n## Decision Log\n\n## Progress\n\n- [ ] a\n');
    expect(plan.sections.map((s) => s.key)).toEqual([null, 'decisions', 'progress']);
    expect(plan.milestones.map((m) => m.title)).toEqual(['Milestone 1: Build']);
  });

  it('reads YAML front matter, and reports malformed and unclosed front matter', () => {
    const ok = parsePlan('---\nid: EP-1\nstatus: active\n---\n# T\n\n## Progress\n');
    expect(ok.frontMatter).toMatchObject({ keys: { id: 'EP-1', status: 'active' }, malformed: false, line: 1, endLine: 4 });
    expect(ok.title?.text).toBe('T');
    const noOpen = parsePlan('owner: me\nstatus: active\n---\n# T\n');
    expect(noOpen.frontMatter?.malformed).toBe(true);
    expect(noOpen.diagnostics[0]!.code).toBe('front-matter-malformed');
    const unclosed = parsePlan('---\nid: 1\n# T\n');
    expect(unclosed.diagnostics.map((d) => d.code)).toContain('front-matter-unclosed');
  });

  it('reads a plan wrapped in one outer ```md or ~~~md fence, with nested fences inside', () => {
    for (const fence of ['```', '~~~']) {
      const text = `${fence}md\n# T\n\n## Progress\n\n- [x] (2026-01-05 10:00) a\n\n## Concrete Steps\n\n\`\`\`bash\nnpm test\n\`\`\`\n\n## Decision Log\n\n${fence}\n`;
      const plan = parsePlan(text);
      expect(plan.outerFence?.info).toBe('md');
      expect(plan.outerFence?.close).toBeDefined();
      expect(plan.title?.text).toBe('T');
      expect(plan.sections.map((s) => s.key)).toEqual(['progress', 'concrete-steps', 'decisions']);
      expect(plan.sections[2]!.bodyEnd).toBe(plan.outerFence!.close!.start);
      expect(plan.codeBlocks.map((c) => c.info)).toEqual(['bash']);
    }
    expect(parsePlan('```md\n# T\n').diagnostics.map((d) => d.code)).toContain('outer-fence-unclosed');
  });

  it('reads every timestamp form real plans use', () => {
    const items = [
      ['(2026-01-05 02:10Z)', 'utc'],
      ['(2026-01-05 02:10)', 'local'],
      ['(2026-03-19T00:00:00Z)', 'iso'],
      ['(2026-02-07)', 'date'],
      ['2026-05-08T23:18:28Z -', 'bare-datetime'],
      ['2026-08-02：', 'bare-date'],
      ['(2025-12-29 21:05 CET)', 'zoned'],
      ['(2026-05-09 14:10+08:00)', 'zoned'],
      ['(2026-04-29 Asia/Shanghai)', 'zoned'],
    ] as const;
    const text = `# T\n\n## Progress\n\n${items.map(([ts]) => `- [x] ${ts} step`).join('\n')}\n- [x] Milestone 1 done (2026-03-20)\n- [ ] no stamp\n`;
    const plan = parsePlan(text);
    expect(plan.progress.map((i) => i.timestamp?.form)).toEqual([...items.map(([, f]) => f), 'date', undefined]);
    expect(plan.progress[9]!.timestamp?.place).toBe('end');
    expect(plan.progress[9]!.text).toBe('Milestone 1 done');
    expect(plan.progress.slice(0, 9).every((i) => i.text === 'step')).toBe(true);
    expect(plan.progress[6]!.timestamp!.epoch).toBe(Date.UTC(2025, 11, 29, 20, 5));
  });

  it('flags impossible dates as invalid', () => {
    const plan = parsePlan('# T\n\n## Progress\n\n- [x] (2026-02-30 10:00) a\n- [x] (2026-01-05 25:00) b\n');
    expect(plan.progress.map((i) => i.timestamp?.valid)).toEqual([false, false]);
  });

  it('reads [x], [X], [ ], [~] and continuation lines', () => {
    const plan = parsePlan('# T\n\n## Progress\n\n- [X] a\n- [ ] b\n  continues here\n- [~] c\n* [x] d\n');
    expect(plan.progress.map((i) => [i.state, i.mark, i.marker])).toEqual([
      ['done', 'X', '-'],
      ['todo', ' ', '-'],
      ['partial', '~', '-'],
      ['done', 'x', '*'],
    ]);
    expect(plan.progress[1]!.text).toBe('b continues here');
    expect(plan.progress[1]!.contentIndent).toBe('  ');
  });

  it('tolerates tabs, zero-width and CJK characters', () => {
    const plan = parsePlan('# 计划\u200B\n\n## 目的与用户价值\n\n说明。\n\n## Progress\n\n-\t[x] (2026-01-05 10:00) 完成\t任务\n');
    expect(plan.title?.text).toBe('计划\u200B');
    expect(plan.sections.map((s) => s.key)).toEqual(['purpose', 'progress']);
    expect(plan.progress[0]).toMatchObject({ state: 'done', text: '完成\t任务' });
  });

  it('does not read headings inside code blocks', () => {
    const plan = parsePlan('# T\n\n## Concrete Steps\n\n```md\n## Progress\n- [ ] not real\n```\n\n    ## Decision Log\n');
    expect(plan.sections.map((s) => s.key)).toEqual(['concrete-steps']);
    expect(plan.progress).toEqual([]);
  });

  it('reads bold-label decisions and custom aliases', () => {
    const plan = parsePlan('# T\n\n## Choices\n\n- **Decision:** A\n  **Rationale:** B\n  **Date/Author:** 2026-01-05 / me\n', { aliases: { decisions: ['Choices'] } });
    expect(plan.sections[0]!.key).toBe('decisions');
    expect(plan.decisions[0]!.fields.map((f) => f.name)).toEqual(['decision', 'rationale', 'date-author']);
    expect(plan.decisions[0]!.fields[0]!.value).toBe('A');
  });

  it('keeps underscores and asterisks inside field values', () => {
    const plan = parsePlan('# T\n\n## Surprises & Discoveries\n\n- Observation: `a__b__c.md` broke on **bold** text\n  Evidence: see `x__y.md`\n');
    expect(plan.surprises[0]!.fields.map((f) => f.value)).toEqual(['`a__b__c.md` broke on **bold** text', 'see `x__y.md`']);
  });

  it('reads fields written on one line, bold or plain, and field labels in other languages', () => {
    const plan = parsePlan(
      [
        '# T',
        '',
        '## Decision Log',
        '',
        '- Decision: Use SQLite. Rationale: one file, no server. Date/Author: 2026-03-02 / Ana',
        '- **Decisión:** usar colas. **Justificación:** el envío no bloquea. **Fecha/Autor:** 2026-03-03 / Luis',
        '- 决策：使用缓存。理由：减少请求。日期/作者：2026-03-04 / 王',
        '- Decision: keep the rationale: word inside prose lower-case.',
        '',
        '## Surprises & Discoveries',
        '',
        '- Observation: the index is rebuilt twice. Evidence: two "reindex" lines per start in the log.',
        '- Наблюдение: кэш не сбрасывается. Доказательство: размер растёт после очистки.',
        '',
      ].join('\n'),
    );
    const fields = (e: Plan['decisions'][number]) => Object.fromEntries(e.fields.map((f) => [f.name, f.value]));
    expect(plan.decisions.map(fields)).toEqual([
      { decision: 'Use SQLite.', rationale: 'one file, no server.', 'date-author': '2026-03-02 / Ana' },
      { decision: 'usar colas.', rationale: 'el envío no bloquea.', 'date-author': '2026-03-03 / Luis' },
      { decision: '使用缓存。', rationale: '减少请求。', 'date-author': '2026-03-04 / 王' },
      { decision: 'keep the rationale: word inside prose lower-case.' },
    ]);
    expect(plan.surprises.map(fields)).toEqual([
      { observation: 'the index is rebuilt twice.', evidence: 'two "reindex" lines per start in the log.' },
      { observation: 'кэш не сбрасывается.', evidence: 'размер растёт после очистки.' },
    ]);
  });

  it('reads a log written as paragraphs of bold labels, and leaves a numbered analysis under a sub-heading out', () => {
    const plan = parsePlan(
      [
        '# T',
        '',
        '## Decision Log',
        '',
        '**Decision:** Keep the parser pure.',
        '**Rationale:** Tests need no file system.',
        '**Date/Author:** 2026-03-02 / Ana',
        '',
        '**Decision:** Cache by content hash.',
        '**Rationale:** Paths move.',
        '',
        '### Options weighed',
        '',
        '1. A global cache.',
        '2. No cache.',
        '',
      ].join('\n'),
    );
    expect(plan.decisions.map((e) => [e.form, e.line, e.fields.map((f) => f.name)])).toEqual([
      ['paragraph', 5, ['decision', 'rationale', 'date-author']],
      ['paragraph', 9, ['decision', 'rationale']],
    ]);
  });

  it('reads a one-word part heading inside another section as that section\'s part, not the plan\'s section', () => {
    const plan = parsePlan('# T\n\n## Phase 0\n\n### Goal\n\nShip the parser.\n\n## Progress\n\n- [ ] a\n');
    expect(plan.sections.map((s) => [s.heading, s.key])).toEqual([['Phase 0', null], ['Progress', 'progress']]);
    expect(parsePlan('# T\n\n## Overview\n\n### Purpose / Big Picture\n\nShip it.\n').sections.map((s) => s.key)).toEqual([null, 'purpose']);
  });

  it('reads close synonyms as the section when the plan has it under no other name', () => {
    const keys = (text: string) => parsePlan(text).sections.map((s) => s.key);
    expect(keys('# T\n\n## Testing Approach\n\n## Lessons Learned\n\n## Rollback Notes\n\n## Project Context\n')).toEqual(['validation', 'outcomes', 'idempotence', 'context']);
    expect(keys('# T\n\n## Plan of Work\n\n## Approach\n')).toEqual(['plan-of-work', null]);
    expect(keys('# T\n\n## Approach\n\n## Implementation Plan\n')).toEqual(['plan-of-work', null]);
  });

  it('never throws and reports what it cannot read', () => {
    for (const text of ['', '\n', '```', '---', '# ', '- [x]', '\uFEFF', '\r\r\r', '#'.repeat(7), '```md\n```']) {
      expect(() => parsePlan(text)).not.toThrow();
    }
    expect(parsePlan('## Progress\n').diagnostics.map((d) => d.code)).toContain('no-title');
    expect(parsePlan('# A\n\n# B\n').diagnostics.map((d) => d.code)).toContain('multiple-titles');
  });
});

describe('real plans', () => {
  skipsWithout(CORPUS, 'parses every plan of the real corpus');

  it('has the corpus plans', (ctx) => {
    need(ctx, CORPUS);
    expect(corpusPlans().length).toBeGreaterThanOrEqual(90);
  });

  it.each(realPlans().map((p) => [p.name, p.path]))('%s parses, and every offset slices back to the original text', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const plan = parsePlan(text);
    const lines = text.split(/\r\n|\r|\n/);
    const lineOf = (l: number) => lines[l - 1] ?? '';
    for (const s of plan.sections) {
      expect(slice(plan, s.headingRange)).toBe(lineOf(s.line).replace(/^\uFEFF/, ''));
      expect(slice(plan, s.headingRange)).toContain(s.heading);
      expect(s.bodyStart).toBeLessThanOrEqual(s.bodyEnd);
    }
    // Sections tile the text from the first heading to the content end.
    for (let i = 1; i < plan.sections.length; i++) expect(plan.sections[i]!.headingRange.start).toBe(plan.sections[i - 1]!.bodyEnd);
    for (const item of plan.progress) {
      expect(slice(plan, item.boxRange)).toMatch(/^\[[ xX~\-/]\]$/);
      expect(slice(plan, item.range).startsWith(lineOf(item.line).replace(/^\uFEFF/, ''))).toBe(true);
      if (item.timestamp) expect(slice(plan, item.timestamp.range)).toBe(item.timestamp.raw);
    }
    for (const e of [...plan.decisions, ...plan.surprises, ...plan.outcomes]) {
      expect(slice(plan, e.range).split(/\r\n|\r|\n/)[0]).toBe(lineOf(e.line));
    }
    if (plan.title) expect(slice(plan, plan.title.range)).toContain(plan.title.text);
  });
});
