/** Aligned plain-text tables for terminal output. */
import { displayWidth } from '../formatters/width.js';

/** Render rows under a header, columns separated by two spaces, the last column unpadded; `paint` may colour each cell. */
export function renderTable(header: string[], rows: string[][], paint?: (row: number, column: number, padded: string) => string): string {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  // `paint` colours a cell after it is padded, so escape codes never count towards the widths; row -1 is the header.
  const line = (cells: string[], row: number) =>
    cells
      .map((c, i) => {
        const padded = i === cells.length - 1 ? c : c + ' '.repeat(Math.max(0, widths[i]! - displayWidth(c)));
        return paint ? paint(row, i, padded) : padded;
      })
      .join('  ')
      .trimEnd();
  return `${[line(header, -1), ...rows.map((r, k) => line(r, k))].join('\n')}\n`;
}

/** Cut a text to `n` characters, with an ellipsis. */
export function truncate(s: string, n: number): string {
  const chars = [...s];
  return chars.length > n ? `${chars.slice(0, n - 1).join('')}…` : s;
}

/** Cut a text to `width` terminal columns, with an ellipsis. */
export function truncateWidth(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}
