/** A unified diff of two texts, line by line (Myers' algorithm), for previews such as `--dry-run`. */

/** One line of an edit script: kept (` `), removed (`-`) or added (`+`), with its line break. */
export type Op = { kind: ' ' | '-' | '+'; line: string };

/** Lines with their line breaks, so a changed line ending shows as a change. */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    const next = end === -1 ? text.length : end + 1;
    lines.push(text.slice(start, next));
    start = next;
  }
  return lines;
}

/** The shortest edit script from `a` to `b` (Myers 1986), as a list of kept, removed and added lines. */
export function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  // Common ends are cheap to strip and keep the quadratic part small.
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const x0 = a.slice(pre, a.length - suf);
  const y0 = b.slice(pre, b.length - suf);
  const n = x0.length;
  const m = y0.length;
  const max = n + m;
  const v = new Map<number, number>([[1, 0]]);
  const trace: Map<number, number>[] = [];
  let done = max === 0;
  for (let d = 0; d <= max && !done; d++) {
    trace.push(new Map(v));
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v.get(k - 1) ?? -1) < (v.get(k + 1) ?? -1));
      let x = down ? v.get(k + 1)! : v.get(k - 1)! + 1;
      let y = x - k;
      while (x < n && y < m && x0[x] === y0[y]) {
        x++;
        y++;
      }
      v.set(k, x);
      if (x >= n && y >= m) {
        done = true;
        break;
      }
    }
  }
  const middle: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0 && (x > 0 || y > 0); d--) {
    const vd = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && (vd.get(k - 1) ?? -1) < (vd.get(k + 1) ?? -1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = vd.get(prevK) ?? 0;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      middle.push({ kind: ' ', line: x0[--x]! });
      y--;
    }
    if (d > 0) {
      if (down) middle.push({ kind: '+', line: y0[--y]! });
      else middle.push({ kind: '-', line: x0[--x]! });
    }
  }
  while (x > 0 && y > 0) {
    middle.push({ kind: ' ', line: x0[--x]! });
    y--;
  }
  middle.reverse();
  return [...a.slice(0, pre).map((line) => ({ kind: ' ' as const, line })), ...middle, ...a.slice(a.length - suf).map((line) => ({ kind: ' ' as const, line }))];
}

/**
 * A unified diff from `before` to `after`, with `context` lines around each change and git's
 * `\ No newline at end of file` marker. Empty when the texts are equal.
 */
export function unifiedDiff(before: string, after: string, options: { from?: string; to?: string; context?: number } = {}): string {
  if (before === after) return '';
  const context = options.context ?? 3;
  const ops = diffLines(splitLines(before), splitLines(after));
  const out = [`--- ${options.from ?? 'a'}`, `+++ ${options.to ?? 'b'}`];
  let i = 0;
  while (i < ops.length) {
    while (i < ops.length && ops[i]!.kind === ' ') i++;
    if (i >= ops.length) break;
    const start = Math.max(0, i - context);
    let end = i;
    // Extend the hunk while the next change is within two contexts of this one.
    for (;;) {
      while (end < ops.length && ops[end]!.kind !== ' ') end++;
      let next = end;
      while (next < ops.length && ops[next]!.kind === ' ') next++;
      if (next < ops.length && next - end <= 2 * context) end = next;
      else break;
    }
    const stop = Math.min(ops.length, end + context);
    let aLine = 1;
    let bLine = 1;
    for (let j = 0; j < start; j++) {
      if (ops[j]!.kind !== '+') aLine++;
      if (ops[j]!.kind !== '-') bLine++;
    }
    const hunk = ops.slice(start, stop);
    const aCount = hunk.filter((o) => o.kind !== '+').length;
    const bCount = hunk.filter((o) => o.kind !== '-').length;
    out.push(`@@ -${aCount ? aLine : aLine - 1},${aCount} +${bCount ? bLine : bLine - 1},${bCount} @@`);
    for (const o of hunk) {
      const eol = o.line.endsWith('\n');
      out.push(o.kind + o.line.replace(/\r?\n$/, ''));
      if (!eol) out.push('\\ No newline at end of file');
    }
    i = stop;
  }
  return `${out.join('\n')}\n`;
}
