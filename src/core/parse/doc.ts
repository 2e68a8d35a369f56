/** The text being parsed, line by line, with the offsets every handler of the parser shares. */
import { computeLineStarts, lineEndOffset } from '../lines.js';

/** A plan's text split into lines, and the two offset lookups every handler needs. */
export interface Doc {
  source: string;
  bom: boolean;
  lineStarts: number[];
  /** Each line without its line break (the BOM left out of the first). */
  lines: string[];
  /** Offset of the start of 0-based line `line` (the text's end past the last line). */
  offsetOf: (line: number) => number;
  /** Offset of the end of 0-based line `line`, before its line break. */
  endOf: (line: number) => number;
}

/** Split a text into the parser's view of it. */
export function makeDoc(source: string): Doc {
  const lineStarts = computeLineStarts(source);
  const bom = source.charCodeAt(0) === 0xfeff;
  const lines: string[] = [];
  for (let i = 0; i < lineStarts.length; i++) {
    const start = lineStarts[i]! + (i === 0 && bom ? 1 : 0);
    lines.push(source.slice(start, lineEndOffset(source, lineStarts, i)));
  }
  return {
    source,
    bom,
    lineStarts,
    lines,
    offsetOf: (line) => lineStarts[line] ?? source.length,
    endOf: (line) => lineEndOffset(source, lineStarts, line),
  };
}

/** Offset of a line's first character, after the BOM on the first line. */
export function lineStart(doc: Doc, line: number): number {
  return doc.offsetOf(line) + (line === 0 && doc.bom ? 1 : 0);
}
