/** Line tables: from offsets to unist positions and back. */

/** Offsets where each line starts. `\r\n`, `\r` and `\n` all end a line, as in CommonMark. */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  // Jumping from break to break with indexOf is several times faster than a loop over every character.
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Offset of the end of line `index` (0-based), before its line break. */
export function lineEndOffset(text: string, lineStarts: readonly number[], index: number): number {
  const next = lineStarts[index + 1];
  if (next === undefined) return text.length;
  let end = next;
  if (text.charCodeAt(end - 1) === 10) end--;
  if (text.charCodeAt(end - 1) === 13) end--;
  return end;
}

/** The text of line `index` (0-based), without its line break. */
export function lineText(text: string, lineStarts: readonly number[], index: number): string {
  const start = lineStarts[index];
  if (start === undefined) return '';
  return text.slice(start, lineEndOffset(text, lineStarts, index));
}

/** 0-based index of the line holding an offset: a binary search of the line starts. */
export function lineIndexAt(lineStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** 1-based line and column of an offset. */
export function positionAt(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  const i = lineIndexAt(lineStarts, offset);
  return { line: i + 1, column: offset - lineStarts[i]! + 1 };
}

/** The line ending a text uses most, `\n` when it has none. */
export function dominantEol(text: string): '\n' | '\r\n' {
  if (!text.includes('\r')) return '\n';
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}

/** Whether a line is a thematic break (`---`, `***`, `_ _ _`): up to three spaces, then three or more of one of `-*_`. */
export function isThematicBreak(line: string): boolean {
  return /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(line);
}
