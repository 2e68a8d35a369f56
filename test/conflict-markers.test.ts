/** Git conflict markers: found where git writes them, and nowhere else; every edit refuses a plan that has them. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findConflictMarkers } from '../src/core/conflict-markers.js';
import { fixPlan } from '../src/core/lint.js';
import { parsePlan } from '../src/core/parse.js';
import { resolveRuleSettings } from '../src/rules/index.js';
import { runCli, tempRepo } from './helpers.js';
import { ctxBase } from './rules/helpers.js';

const CONFLICTED = `# Ship the importer

## Progress

- [x] (2026-01-05 09:00) Read the CSV header.
<<<<<<< HEAD
- [ ] Map the columns.
=======
- [x] (2026-01-05 11:00) Map the columns by name.
>>>>>>> feature/mapping

## Decision Log

## Outcomes & Retrospective
`;

describe('findConflictMarkers', () => {
  it('finds the open, base, separator and close lines of each conflict, with LF, CRLF and a BOM', () => {
    const text = 'a\n<<<<<<< ours\nb\n||||||| base\nc\n=======\nd\n>>>>>>> theirs\ne\n';
    const want = [
      { kind: 'open', line: 2 },
      { kind: 'base', line: 4 },
      { kind: 'separator', line: 6 },
      { kind: 'close', line: 8 },
    ];
    expect(findConflictMarkers(text).map(({ kind, line }) => ({ kind, line }))).toEqual(want);
    expect(findConflictMarkers(`\uFEFF${text.replace(/\n/g, '\r\n')}`).map(({ kind, line }) => ({ kind, line }))).toEqual(want);
    const [open] = findConflictMarkers(text);
    expect(text.slice(open!.start, open!.end)).toBe('<<<<<<< ours');
  });

  it('leaves alone what only looks like a marker: setext underlines, longer runs, markers inside a line', () => {
    expect(findConflictMarkers('Title\n=======\n')).toEqual([]);
    expect(findConflictMarkers('<<<<<<<< eight\n>>>>>>>> eight\n')).toEqual([]);
    expect(findConflictMarkers('text <<<<<<< HEAD\n')).toEqual([]);
    expect(findConflictMarkers('x\n=======\ny\n>>>>>>> b\n').map((m) => m.kind)).toEqual(['close']);
  });
});

describe('a plan with conflict markers', () => {
  it('is read without the marker lines in any item, and reported once by well-formed, with no fix', () => {
    const plan = parsePlan(CONFLICTED);
    expect(plan.progress.map((i) => i.text)).toEqual(['Read the CSV header.', 'Map the columns.', 'Map the columns by name.']);
    expect(plan.diagnostics.filter((d) => d.code === 'conflict-markers')).toEqual([{ code: 'conflict-markers', message: 'Unresolved merge conflict markers at lines 6, 8 and 10.', line: 6 }]);
    const result = fixPlan(CONFLICTED, ctxBase(), resolveRuleSettings());
    expect(result.output).toBe(CONFLICTED);
    expect(result.diagnostics.filter((d) => d.fix)).toEqual([]);
    expect(result.diagnostics.filter((d) => d.ruleId === 'well-formed').map((d) => d.line)).toEqual([6]);
  });

  it('is refused by every edit, naming the lines, and left as it was', async () => {
    const root = tempRepo();
    const dir = path.join(root, '.agent/execplans');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, '2026-01-05_importer.md');
    writeFileSync(file, CONFLICTED);
    const edits = [
      ['progress', 'importer', 'add', 'Write the docs'],
      ['progress', 'importer', 'done', '1'],
      ['decide', 'importer', 'Map by name', '--rationale', 'Headers move', '--author', 'Ada'],
      ['discover', 'importer', 'Headers repeat', '--evidence', 'row 2 equals row 1'],
      ['outcome', 'importer', 'Imported'],
      ['archive', 'importer', '--force'],
    ];
    for (const args of edits) {
      const r = await runCli(args, { cwd: root });
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toContain('.agent/execplans/2026-01-05_importer.md has unresolved merge conflict markers at lines 6, 8 and 10; resolve the conflict');
    }
    expect(readFileSync(file, 'utf8')).toBe(CONFLICTED);
    const fix = await runCli(['lint', 'importer', '--fix'], { cwd: root });
    expect(fix.code).toBe(1);
    expect(fix.stdout).toContain('Unresolved merge conflict markers at lines 6, 8 and 10');
    expect(readFileSync(file, 'utf8')).toBe(CONFLICTED);
  });
});
