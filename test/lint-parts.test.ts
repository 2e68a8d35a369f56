import { mkdirSync, mkdtempSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editsFor } from '../src/usecases/lint-fix.js';
import { debugRun } from '../src/commands/lint.js';
import { workersFor } from '../src/usecases/lint-workers.js';
import { startSpinner } from '../src/terminal/spinner.js';
import { applyEdits } from '../src/core/apply-edits.js';
import { diffLines, splitLines, unifiedDiff } from '../src/core/unified-diff.js';
import { globToRegExp, isGlob } from '../src/workspace/glob.js';
import { fsAnswers } from '../src/workspace/lint-files.js';
import { mayBeGlob } from '../src/workspace/lint-targets.js';

/** Apply a unified diff to a text, as `patch` would, checking every context and removed line. */
function patch(before: string, diff: string): string {
  const old = before.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const lines = diff.split('\n');
  const out: string[] = [];
  let at = 0;
  let i = 2;
  while (i < lines.length && lines[i]) {
    const h = /^@@ -(\d+),(\d+) \+\d+,\d+ @@$/.exec(lines[i]!)!;
    expect(h, lines[i]).not.toBeNull();
    const start = Number(h[2]) === 0 ? Number(h[1]) : Number(h[1]) - 1;
    while (at < start) out.push(old[at++]!);
    for (i++; i < lines.length && /^[ +-]/.test(lines[i]!); i++) {
      const noEol = lines[i + 1] === '\\ No newline at end of file';
      const text = lines[i]!.slice(1) + (noEol ? '' : '\n');
      if (lines[i]![0] === '+') out.push(text);
      else {
        expect(old[at]).toBe(text);
        if (lines[i]![0] === ' ') out.push(text);
        at++;
      }
      if (noEol) i++;
    }
  }
  while (at < old.length) out.push(old[at++]!);
  return out.join('');
}

const ab = { from: 'a/p.md', to: 'b/p.md' };

const textArb = fc.array(fc.constantFrom('a', 'b', 'c', 'd', '', 'x y'), { maxLength: 25 }).chain((ls) =>
  fc.boolean().map((finalNewline) => (ls.length ? ls.join('\n') + (finalNewline ? '\n' : '') : '')),
);

describe('unified diff, as --fix-dry-run prints it', () => {
  it('prints headers and hunks with context', () => {
    const before = 'one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\n';
    const after = 'one\ntwo\nthree\nfour\nFIVE\nsix\nseven\neight\n';
    expect(unifiedDiff(before, after, ab)).toBe('--- a/p.md\n+++ b/p.md\n@@ -2,7 +2,7 @@\n two\n three\n four\n-five\n+FIVE\n six\n seven\n eight\n');
    expect(unifiedDiff(before, before, ab)).toBe('');
  });

  it('marks a last line without a newline', () => {
    expect(unifiedDiff('a\nb', 'a\nb\nc\n', ab)).toBe('--- a/p.md\n+++ b/p.md\n@@ -1,2 +1,3 @@\n a\n-b\n\\ No newline at end of file\n+b\n+c\n');
  });

  it('patches the old text into the new one, for any pair', () => {
    fc.assert(
      fc.property(textArb, textArb, (a, b) => {
        const d = unifiedDiff(a, b, ab);
        expect(d === '').toBe(a === b);
        if (d) expect(patch(a, d)).toBe(b);
      }),
      { numRuns: 300 },
    );
  });

  it('finds a shortest script', () => {
    const ops = diffLines(splitLines('a\nb\nc\nd\n'), splitLines('a\nc\nd\ne\n'));
    expect(ops.filter((o) => o.kind !== ' ').map((o) => o.kind + o.line)).toEqual(['-b\n', '+e\n']);
  });
});

describe('editsFor', () => {
  it('turns the source into the output and leaves unchanged lines alone', () => {
    fc.assert(
      fc.property(textArb, textArb, (a, b) => {
        const edits = editsFor(a, b, [[], []]);
        expect(applyEdits(a, edits)).toBe(b);
        for (const e of edits) expect(a.slice(e.start, e.end)).not.toBe(e.text);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps an untouched lone-LF line of a CRLF file as it is', () => {
    const source = '# T\r\n\r\nkeep\nthis\r\n\r\nend\r\n';
    const output = '# T\r\n\r\n## A\r\n\r\nkeep\nthis\r\n\r\n## B\r\n\r\nend\r\n';
    expect(applyEdits(source, editsFor(source, output, [[], []]), '\r\n')).toBe(output);
  });

  it('uses one pass’s edits as they are', () => {
    const edit = { start: 1, end: 2, text: 'X' };
    expect(editsFor('abc', 'aXc', [[edit]])).toEqual([edit]);
  });
});

describe('glob', () => {
  it.each([
    ['.agent/execplans/*.md', '.agent/execplans/a.md', true],
    ['.agent/execplans/*.md', '.agent/execplans/archive/a.md', false],
    ['**/*.md', 'a.md', true],
    ['**/*.md', '.agent/execplans/archive/a.md', true],
    ['.agent/**/*.md', '.agent/a.md', true],
    ['.agent/**', '.agent/x/y.md', true],
    ['a/**b', 'a/x/b', false],
    ['*-{retry,cache}.md', 'add-cache.md', true],
    ['*-{retry,cache}.md', 'add-x.md', false],
    ['{a,b{c,d}}.md', 'bd.md', true],
    ['202[0-9]-*.md', '2026-x.md', true],
    ['202[!0-5]-*.md', '2024-x.md', false],
    ['?.md', 'ab.md', false],
    ['a.b', 'axb', false],
    ['a\\+\\(b\\).md', 'a+(b).md', true],
    ['+(a|b).md', 'ab.md', true],
  ])('%s matches %s: %s', (glob, path, expected) => {
    expect(globToRegExp(glob).test(path)).toBe(expected);
  });

  it('tells globs from plain references', () => {
    expect(isGlob('2026-01-05_add')).toBe(false);
    expect(isGlob('.agent/execplans/plan.md')).toBe(false);
    expect(isGlob('*.md')).toBe(true);
    expect(isGlob('plan-{a,b}')).toBe(true);
  });

  it('loads the matcher for every argument picomatch reads as a glob', () => {
    const pathChars = fc.constantFrom(...'ab-_./\\*?[]{}()!+@|,^$ '.split(''));
    fc.assert(fc.property(fc.string({ unit: pathChars, maxLength: 12 }), (arg) => !isGlob(arg) || mayBeGlob(arg)), { numRuns: 2000 });
    expect(mayBeGlob('2026-01-05_add-cache')).toBe(false);
    expect(mayBeGlob('.agent/execplans/2026-01-05_add-cache.md')).toBe(false);
  });
});

describe('progress line', () => {
  const io = (tty: boolean) => {
    const out: string[] = [];
    return { out, io: { cwd: '/', env: {}, stdout: () => undefined, stderr: (s: string) => void out.push(s), stdoutIsTTY: false, stderrIsTTY: tty } };
  };

  it('stays silent off a terminal and for short runs', () => {
    const a = io(false);
    const p = startSpinner(a.io, 'Linting', 100);
    p.tick(1);
    p.clear();
    const b = io(true);
    const q = startSpinner(b.io, 'Linting', 50);
    q.tick(1);
    q.clear();
    expect([...a.out, ...b.out]).toEqual([]);
  });

  it('redraws at most every interval, always shows the end, and erases itself', () => {
    const a = io(true);
    let now = 0;
    const p = startSpinner(a.io, 'Linting', 100, 50, 80, () => now);
    for (let n = 1; n <= 100; n++) {
      now += 10;
      p.tick(n);
    }
    p.clear();
    expect(a.out.length).toBeLessThan(15);
    expect(a.out.at(-2)).toBe('\r\u001b[2KLinting 100/100');
    expect(a.out.at(-1)).toBe('\r\u001b[2K');
  });
});

describe('fsAnswers', () => {
  it('answers folder lookups from the parent listing as a stat of each would', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'execplan-fs-'));
    const parent = path.join(root, 'artifacts');
    mkdirSync(parent);
    const names: string[] = [];
    for (let i = 0; i < 30; i++) {
      const name = `2026-01-05_plan-${i}`;
      names.push(name, `${name}-missing`);
      if (i % 3 === 0) mkdirSync(path.join(parent, name));
      else if (i % 3 === 1) writeFileSync(path.join(parent, name), 'a file, not a folder');
    }
    mkdirSync(path.join(root, 'elsewhere'));
    symlinkSync(path.join(root, 'elsewhere'), path.join(parent, 'linked-folder'));
    symlinkSync(path.join(parent, `2026-01-05_plan-1`), path.join(parent, 'linked-file'));
    names.push('linked-folder', 'linked-file');
    const fs = fsAnswers(root);
    for (const name of names) {
      const rel = `artifacts/${name}`;
      expect(fs.dirExists(rel), rel).toBe(statSync(path.join(root, rel), { throwIfNoEntry: false })?.isDirectory() ?? false);
    }
    expect(fs.dirExists('no-such-parent/x')).toBe(false);
  });
});

describe('workersFor', () => {
  it('uses worker threads only for runs large enough to pay for their start-up', () => {
    expect(workersFor(200, {}, 8)).toBe(0);
    expect(workersFor(201, {}, 8)).toBe(3);
    expect(workersFor(5000, {}, 4)).toBe(3);
    expect(workersFor(5000, {}, 3)).toBe(2);
    // On two cores the main thread alone is faster below 2,000 plans.
    expect(workersFor(1999, {}, 2)).toBe(0);
    expect(workersFor(2000, {}, 2)).toBe(1);
    expect(workersFor(5000, {}, 1)).toBe(0);
  });

  it('follows EXECPLAN_WORKERS for large runs, and reads anything but a positive whole number as none', () => {
    expect(workersFor(500, { EXECPLAN_WORKERS: '2' }, 2)).toBe(2);
    expect(workersFor(500, { EXECPLAN_WORKERS: '0' }, 8)).toBe(0);
    expect(workersFor(500, { EXECPLAN_WORKERS: 'many' }, 8)).toBe(0);
    expect(workersFor(100, { EXECPLAN_WORKERS: '4' }, 8)).toBe(0);
  });
});

describe('EXECPLAN_DEBUG', () => {
  it('turns the lint line on for lint, 1, true, * and all, and leaves it off otherwise', () => {
    const said = (value: string | undefined) => {
      let err = '';
      const io = { env: { EXECPLAN_DEBUG: value }, stderr: (t: string) => (err += t) } as unknown as Parameters<typeof debugRun>[0];
      debugRun(io, { plans: 3, cached: 1, threads: 'the main thread', ms: 12 });
      return err;
    };
    for (const on of ['lint', '1', 'true', '*', 'all', 'cache,lint']) expect(said(on), on).toMatch(/^execplan: linted 3 plans \(1 from the cache\) on the main thread in \d+ ms\.\n$/);
    for (const off of [undefined, '', '0', 'mcp', 'linting']) expect(said(off), String(off)).toBe('');
  });
});
