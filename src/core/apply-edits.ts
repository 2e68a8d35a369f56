/** The one function through which every change to a plan's text passes. */
import type { Range } from './types.js';

/** A replacement of `[start, end)` in the original text by `text`. An insertion has `start === end`. */
export interface Edit extends Range {
  text: string;
}

/** Thrown when two edits touch the same bytes: a bug in the caller, never the user's fault. */
export class OverlappingEditsError extends Error {
  constructor(a: Edit, b: Edit) {
    super(`Edits overlap: [${a.start}, ${a.end}) and [${b.start}, ${b.end}).`);
    this.name = 'OverlappingEditsError';
  }
}

/**
 * Apply edits to the original text. Edits are sorted by position; overlapping ones are refused;
 * line breaks in inserted text are written with the file's own line ending (`eol`), so a CRLF file
 * stays CRLF. Every byte outside the edited ranges is kept as it was, BOM included.
 */
export function applyEdits(source: string, edits: readonly Edit[], eol: '\n' | '\r\n' = '\n'): string {
  if (!edits.length) return source;
  const sorted = edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i)
    .map((x) => x.e);
  let out = '';
  let pos = 0;
  let prev: Edit | undefined;
  for (const e of sorted) {
    if (e.start < 0 || e.end > source.length || e.start > e.end) {
      throw new RangeError(`Edit [${e.start}, ${e.end}) is outside the text (length ${source.length}).`);
    }
    // Two insertions at one point are fine; anything that shares bytes is not.
    if (prev && e.start < prev.end) throw new OverlappingEditsError(prev, e);
    out += source.slice(pos, e.start) + (eol === '\n' ? e.text : e.text.replace(/\r?\n/g, '\r\n'));
    pos = e.end;
    prev = e;
  }
  return out + source.slice(pos);
}
