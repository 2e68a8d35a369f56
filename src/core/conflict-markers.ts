/**
 * Git conflict markers left in a text after a merge that could not be completed: `<<<<<<< ours`,
 * an optional `||||||| base` (diff3 style), `=======` and `>>>>>>> theirs`, each at the start of a
 * line and seven characters long, as git writes them by default.
 *
 * `=======` alone is also a setext heading underline and `>>>>>>>` a deep block quote, so a
 * separator or base line counts only inside an opened conflict; an opening or closing line counts
 * anywhere. The scan is one pass over the lines.
 */

/** One conflict marker line. */
export interface ConflictMarker {
  /** `open` (`<<<<<<<`), `base` (`|||||||`), `separator` (`=======`) or `close` (`>>>>>>>`). */
  kind: 'open' | 'base' | 'separator' | 'close';
  /** 1-based line. */
  line: number;
  /** Offset of the line's first character. */
  start: number;
  /** Offset of the end of the line, before its line break. */
  end: number;
}

const KINDS: Record<string, ConflictMarker['kind']> = { '<': 'open', '|': 'base', '=': 'separator', '>': 'close' };

/** Every conflict marker line of `text`, in order. Empty when the text has none (the common case costs one search per marker kind). */
export function findConflictMarkers(text: string): ConflictMarker[] {
  if (!text.includes('<<<<<<<') && !text.includes('>>>>>>>')) return [];
  const out: ConflictMarker[] = [];
  let open = false;
  let line = 0;
  for (let start = 0; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const next = end + 1;
    if (text.charCodeAt(end - 1) === 13) end--;
    // A BOM before the first line is not part of it.
    const from = start === 0 && text.charCodeAt(0) === 0xfeff ? 1 : start;
    const kind = markerKind(text, from, end);
    if (kind === 'open') open = true;
    if (kind && (kind === 'open' || kind === 'close' || open)) out.push({ kind, line: line + 1, start: from, end });
    if (kind === 'close') open = false;
    if (next > text.length) break;
    start = next;
  }
  return out;
}

/** The marker kind of the line `text[from, end)`, if it is one: seven marker characters, then the end of the line or a space and a label. */
function markerKind(text: string, from: number, end: number): ConflictMarker['kind'] | undefined {
  if (end - from < 7) return undefined;
  const c = text[from]!;
  const kind = KINDS[c];
  if (!kind) return undefined;
  for (let i = from + 1; i < from + 7; i++) if (text[i] !== c) return undefined;
  const after = from + 7 === end ? '' : text[from + 7]!;
  if (kind === 'separator') return text.slice(from + 7, end).trim() === '' ? kind : undefined;
  return after === '' || after === ' ' || after === '\t' ? kind : undefined;
}

/** The lines of the markers, for messages: `12, 15 and 19`. */
export function markerLines(markers: readonly ConflictMarker[]): string {
  const lines = markers.map((m) => String(m.line));
  if (lines.length < 2) return lines.join('');
  return `${lines.slice(0, -1).join(', ')} and ${lines[lines.length - 1]}`;
}
