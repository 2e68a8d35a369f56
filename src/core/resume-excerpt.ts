/**
 * A part of a plan's text as the resume brief shows it: paragraphs with their wrapped lines joined,
 * list items a line each, cut only where a paragraph or an item ends, never after a lead-in line
 * ("… should all point toward:") without the list it introduces.
 */

/** A paragraph, a heading or a list item with the items it nests, as shown. */
interface Unit {
  lines: string[];
  /** A blank line stood before it in the plan. */
  gap: boolean;
  kind: 'paragraph' | 'item' | 'heading';
}

const ITEM = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/;
const LEAD_IN = /[:：][ \t]*(?:\*\*|__)?$/;

/** Options of an excerpt. */
export interface ExcerptOptions {
  /** A line to leave out (the skeleton's guidance sentence). */
  skip?: string;
  /** Stop once the text is this long, at the end of a paragraph or item that does not introduce what follows. */
  enough?: number;
  /**
   * What to keep when not everything fits: the beginning (`head`, the default), or the beginning and
   * the end (`ends`, for a status written as a log, whose latest state is at its end), the middle left out.
   */
  keep?: 'head' | 'ends';
}

/**
 * The text cut to at most `max` characters at the end of a paragraph or an item. A lead-in keeps
 * what it introduces: as many of its items as fit, or the first one cut at a word when none fits.
 * What is left out is counted on a last line: `(+N more)`.
 */
export function excerpt(text: string, max: number, options: ExcerptOptions = {}): string {
  const units = readUnits(text, options.skip);
  if (options.keep === 'ends') {
    const all = units.reduce((n, u, i) => n + (i ? 2 : 0) + u.lines.join('\n').length, 0);
    if (all > max) return ends(units, max);
  }
  return head(units, max, options.enough);
}

/** The first units that fit, then the last ones that fit, with how many were left out between them. */
function ends(units: Unit[], max: number): string {
  const first = head(units, Math.floor(max / 2), undefined, false);
  const taken = first.taken;
  const tail: string[] = [];
  let room = max - first.text.length - 20;
  for (let i = units.length - 1; i >= taken; i--) {
    const whole = units[i]!.lines.join('\n');
    if (whole.length + 1 > room) break;
    tail.unshift(whole);
    room -= whole.length + 1;
  }
  const left = units.length - taken - tail.length;
  return [first.text, ...(left > 0 ? [`(… ${left} more …)`] : []), ...tail].filter(Boolean).join('\n');
}

function head(units: Unit[], max: number, enough: number | undefined): string;
function head(units: Unit[], max: number, enough: number | undefined, note: false): { text: string; taken: number };
function head(units: Unit[], max: number, enough: number | undefined, note = true): string | { text: string; taken: number } {
  let out = '';
  let taken = 0;
  // Inside the list a lead-in introduced: the list is read on to its end, within `max`.
  let introduced = false;
  for (const u of units) {
    const sep = out ? (u.gap ? '\n\n' : '\n') : '';
    const whole = u.lines.join('\n');
    const last = units[taken - 1];
    const afterLeadIn = last !== undefined && LEAD_IN.test(last.lines[last.lines.length - 1]!);
    introduced = afterLeadIn || (introduced && u.kind === 'item');
    if (out && !introduced && enough !== undefined && out.length >= enough) break;
    if (out.length + sep.length + whole.length <= max) {
      out += sep + whole;
      taken++;
      continue;
    }
    // It does not fit whole: only the first unit, or the list a lead-in introduces, is taken in part.
    if (out && !afterLeadIn) break;
    const room = max - out.length - sep.length;
    let part = '';
    for (const line of u.lines) {
      if (part.length + (part ? 1 : 0) + line.length > room) break;
      part = part ? `${part}\n${line}` : line;
    }
    out += sep + (part || cutAtWord(u.lines[0]!, Math.max(room, 40)));
    taken++;
    break;
  }
  if (!note) return { text: out, taken };
  const more = units.length - taken;
  return more > 0 && out ? `${out}\n(+${more} more)` : out;
}

/** The units of a text: paragraphs, headings and top-level items with what they nest; code and comments left out. */
function readUnits(text: string, skip: string | undefined): Unit[] {
  const units: Unit[] = [];
  let cur: Unit | undefined;
  let itemIndent = -1;
  let blank = false;
  let fence: string | undefined;
  let comment = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trimEnd();
    if (fence !== undefined) {
      if (line.trim().startsWith(fence)) fence = undefined;
      continue;
    }
    if (comment) {
      if (line.includes('-->')) comment = false;
      continue;
    }
    const f = FENCE.exec(line);
    if (f) {
      fence = f[1]!;
      cur = undefined;
      continue;
    }
    const trimmed = line.trim();
    if (trimmed.startsWith('<!--')) {
      comment = !trimmed.includes('-->');
      continue;
    }
    if (!trimmed) {
      blank = true;
      if (cur?.kind === 'paragraph') cur = undefined;
      continue;
    }
    if (trimmed === skip) continue;
    const gap = blank || !units.length;
    blank = false;
    const item = ITEM.exec(line);
    const indent = line.length - line.trimStart().length;
    if (/^#{1,6}[ \t]/.test(trimmed)) {
      units.push({ lines: [trimmed], gap, kind: 'heading' });
      cur = undefined;
    } else if (item && (cur?.kind !== 'item' || indent <= itemIndent)) {
      cur = { lines: [trimmed], gap, kind: 'item' };
      itemIndent = indent;
      units.push(cur);
    } else if (cur?.kind === 'item' && (indent > itemIndent || !gap)) {
      // A nested item keeps its own line, indented under its parent; other lines continue the line above.
      if (item) cur.lines.push(`${'  '.repeat(Math.min(4, Math.max(1, Math.round((indent - itemIndent) / 2))))}${trimmed}`);
      else cur.lines[cur.lines.length - 1] += ` ${trimmed}`;
    } else if (cur?.kind === 'paragraph') {
      cur.lines[0] += ` ${trimmed}`;
    } else {
      cur = { lines: [trimmed], gap, kind: 'paragraph' };
      units.push(cur);
    }
  }
  return units;
}

/** `text` cut to `max` characters with an ellipsis, at the end of a word when one ends near. */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = Math.max(cut.lastIndexOf(' '), cut.lastIndexOf('\n'));
  return `${(space > max * 0.7 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
