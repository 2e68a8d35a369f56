import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../src/core/unified-diff.js';

/** Apply a unified diff to `before`, as `patch` would: the check that a diff says what changed. */
function patch(before: string, diff: string): string {
  const lines = before.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const out: string[] = [];
  let pos = 0;
  const body = diff.split('\n').slice(2, -1);
  for (let i = 0; i < body.length; i++) {
    const h = /^@@ -(\d+),(\d+) \+\d+,\d+ @@$/.exec(body[i]!);
    if (!h) continue;
    const start = Number(h[2]) === 0 ? Number(h[1]) : Number(h[1]) - 1;
    while (pos < start) out.push(lines[pos++]!);
    for (i++; i < body.length && !body[i]!.startsWith('@@'); i++) {
      const l = body[i]!;
      const noEol = body[i + 1] === '\\ No newline at end of file';
      if (l.startsWith('\\')) continue;
      if (l[0] === ' ' || l[0] === '-') pos++;
      if (l[0] === ' ' || l[0] === '+') out.push(l.slice(1) + (noEol ? '' : '\n'));
    }
    i--;
  }
  while (pos < lines.length) out.push(lines[pos++]!);
  return out.join('');
}

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a\n', 'a\n')).toBe('');
  });

  it('shows an insertion with three lines of context', () => {
    expect(unifiedDiff('1\n2\n3\n4\n5\n6\n', '1\n2\n3\nnew\n4\n5\n6\n', { from: 'a/p.md', to: 'b/p.md' })).toBe('--- a/p.md\n+++ b/p.md\n@@ -1,6 +1,7 @@\n 1\n 2\n 3\n+new\n 4\n 5\n 6\n');
  });

  it('makes separate hunks for distant changes and one for close ones', () => {
    const a = Array.from({ length: 20 }, (_, i) => `${i}\n`).join('');
    const b = a.replace('2\n', 'two\n').replace('17\n', 'seventeen\n');
    expect(unifiedDiff(a, b).match(/^@@/gm)).toHaveLength(2);
    expect(unifiedDiff(a, a.replace('2\n', 'two\n').replace('7\n', 'seven\n')).match(/^@@/gm)).toHaveLength(1);
  });

  it('marks a missing final newline', () => {
    expect(unifiedDiff('a\nb', 'a\nb\nc')).toBe('--- a\n+++ b\n@@ -1,2 +1,3 @@\n a\n-b\n\\ No newline at end of file\n+b\n+c\n\\ No newline at end of file\n');
  });

  it('describes every change exactly: patching the old text with it gives the new one', () => {
    const text = fc.array(fc.constantFrom('a\n', 'b\n', 'c\n', 'd\n', '\n'), { maxLength: 30 }).map((l) => l.join(''));
    fc.assert(
      fc.property(text, text, fc.boolean(), (a, b, cut) => {
        const after = cut && b.endsWith('\n') ? b.slice(0, -1) : b;
        const diff = unifiedDiff(a, after);
        expect(diff === '' ? a : patch(a, diff)).toBe(after);
      }),
      { numRuns: 500 },
    );
  });
});
