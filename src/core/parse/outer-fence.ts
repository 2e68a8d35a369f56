/** The one ```` ```md ```` fence some plans are wrapped in whole. */
import type { OuterFence, ParseDiagnostic } from '../types.js';
import type { Doc } from './doc.js';

/** Read an outer fence opening at the first non-blank line at or after `from`. */
export function readOuterFence(doc: Doc, from: number, diagnostics: ParseDiagnostic[]): OuterFence | undefined {
  const { lines } = doc;
  let first = from;
  while (first < lines.length && !lines[first]!.trim()) first++;
  const open = /^(`{3,}|~{3,})[ \t]*(md|markdown)[ \t]*$/i.exec(lines[first] ?? '');
  if (!open) return undefined;
  let last = lines.length - 1;
  while (last > first && !lines[last]!.trim()) last--;
  const fenceChar = open[1]![0]!;
  const closeLine = lines[last]!.trim();
  const isClose = last > first && closeLine.length >= open[1]!.length && [...closeLine].every((c) => c === fenceChar);
  const fence: OuterFence = { open: { start: doc.offsetOf(first), end: doc.endOf(first) }, info: open[2]! };
  if (isClose) fence.close = { start: doc.offsetOf(last), end: doc.endOf(last) };
  else diagnostics.push({ code: 'outer-fence-unclosed', message: `The outer \`${open[1]}${open[2]}\` fence on line ${first + 1} is never closed.`, line: first + 1 });
  return fence;
}
