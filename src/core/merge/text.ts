/**
 * Line-level three-way merge, as git's own merge does it: node-diff3 on lines that keep their line
 * breaks, and git's conflict markers where both sides changed the same lines differently.
 */
import { diff3Merge } from 'node-diff3';

/** How conflict markers are written: the labels after `<<<<<<<` and `>>>>>>>`, and the markers' length. */
export interface MergeLabels {
  ours: string;
  theirs: string;
  /** Length of each marker run (git's `%L`, 7 by default). */
  markerSize?: number;
}

/** A merged text and how many conflict blocks it holds. */
export interface TextMerge {
  text: string;
  conflicts: number;
}

/** The lines of `text`, each with its own line break (`\n`, `\r\n` or `\r`), so joining them gives `text` back. */
export function splitLinesKeep(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    out.push(text.slice(start, i + 1));
    start = i + 1;
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

/** `text` ending with a line break (`eol` added when it has none); the empty text stays empty. */
export function withEol(text: string, eol: string): string {
  if (!text) return text;
  const last = text.charCodeAt(text.length - 1);
  return last === 10 || last === 13 ? text : text + eol;
}

/** One conflict block with git's default markers: ours, `=======`, theirs. */
export function conflictBlock(ours: string, theirs: string, labels: MergeLabels, eol: string): string {
  const n = labels.markerSize ?? 7;
  return `${'<'.repeat(n)} ${labels.ours}${eol}${withEol(ours, eol)}${'='.repeat(n)}${eol}${withEol(theirs, eol)}${'>'.repeat(n)} ${labels.theirs}${eol}`;
}

/**
 * Three-way merge of sequences of strings: node-diff3 on interned numbers, so that a line such as
 * `constructor` or `__proto__` cannot collide with what the library's lookup objects inherit.
 */
export function diff3Sequences(ours: readonly string[], base: readonly string[], theirs: readonly string[]): ({ ok: string[] } | { conflict: { a: string[]; o: string[]; b: string[] } })[] {
  const ids = new Map<string, number>();
  const words: string[] = [];
  const intern = (s: string) => {
    let id = ids.get(s);
    if (id === undefined) {
      ids.set(s, (id = words.length));
      words.push(s);
    }
    return id;
  };
  const a = ours.map(intern);
  const o = base.map(intern);
  const b = theirs.map(intern);
  const back = (xs: readonly number[]) => xs.map((x) => words[x]!);
  return diff3Merge(a, o, b).map((r) => (r.ok ? { ok: back(r.ok) } : { conflict: { a: back(r.conflict!.a), o: back(r.conflict!.o), b: back(r.conflict!.b) } }));
}

/** Settles a conflict region (lines of each side) when it can: the merged lines, or undefined to leave markers. */
export type Resolver = (region: { a: string[]; o: string[]; b: string[] }) => string | undefined;

/** Merge three texts line by line as git does; conflicts are written with markers unless `resolve` settles them. */
export function mergeText(base: string, ours: string, theirs: string, labels: MergeLabels, eol: string, resolve?: Resolver): TextMerge {
  if (ours === theirs || base === theirs) return { text: ours, conflicts: 0 };
  if (base === ours) return { text: theirs, conflicts: 0 };
  let text = '';
  let conflicts = 0;
  let settled: string | undefined;
  for (const region of diff3Sequences(splitLinesKeep(ours), splitLinesKeep(base), splitLinesKeep(theirs))) {
    if ('ok' in region) text += region.ok.join('');
    else if (resolve && (settled = resolve(region.conflict)) !== undefined) text += settled;
    else {
      conflicts++;
      text += conflictBlock(region.conflict.a.join(''), region.conflict.b.join(''), labels, eol);
    }
  }
  return { text, conflicts };
}
